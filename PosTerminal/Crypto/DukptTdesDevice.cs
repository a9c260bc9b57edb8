using System;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// The originating device of TDES DUKPT (the PIN pad side), ANSI X9.24-1:2009 A.2: 21 future key registers, the
    /// KSN register (59-bit initial KSN, then the 21-bit encryption counter), the shift register and current key
    /// pointer, and the "New Key" processes. The initial key (IPEK) is used only while <see cref="Load"/> fills the
    /// registers and is never kept, so a dump of this object or of its <see cref="Serialize"/>d state reveals no past
    /// key and not the IPEK: only the future keys.
    /// <para>
    /// Register i (0..20) belongs to counter bit 2^i: future key register #(21 - i) of A.2, #1 being the leftmost
    /// counter bit. The "LRC valid" mark of A.2 is one bit per register (<see cref="Serialize"/>d with the state; the
    /// integrity of a stored state is the business of the record that holds it).
    /// </para>
    /// <para>
    /// One transaction: <see cref="BeginTransaction"/> ("Request PIN Entry 1": the shift register takes the counter's
    /// rightmost one-bit, the current key pointer its register; a register without a valid key is skipped by adding
    /// the shift register to the counter), then <see cref="CopyKsn"/> and <see cref="DeriveKey"/> (the PIN, MAC and
    /// data variants of <see cref="DukptTdes.ApplyVariant"/>), then <see cref="EndTransaction"/> ("New Key": when the
    /// counter has fewer than 10 one-bits, the registers right of the current one are filled from it; the current
    /// register is erased; the counter moves on by one, or by the shift register after a counter with 10 one-bits, so
    /// no counter with more than 10 one-bits is ever used; past 1FF800 the device ceases operation).
    /// </para>
    /// <para>
    /// Keys are wiped on <see cref="Dispose"/>; nothing here puts key bytes in a string or an exception. Derivations
    /// allocate nothing (one <see cref="DukptTdes"/> re-keyed per step). Not thread-safe.
    /// </para>
    /// </summary>
    public sealed class DukptTdesDevice : IDisposable
    {
        /// <summary>Number of future key registers: one per counter bit (X9.24-1 A.2).</summary>
        public const int RegisterCount = 21;

        /// <summary>Length of the <see cref="Serialize"/>d state in bytes.</summary>
        public const int StateLength = HeaderLength + RegisterCount * KeyLength;

        /// <summary>First byte of a serialized TDES device state.</summary>
        public const byte StateFormat = 0x54;                     // 'T'

        private const int KeyLength = DukptTdes.KeyLength;
        private const int KsnLength = DukptTdes.KsnLength;

        // State image: [format 'T'][flags][KSN register: 10][valid registers u32 BE][21 registers of 16 bytes].
        private const int HeaderLength = 16;
        private const int FlagsOffset = 1;
        private const int KsnOffset = 2;
        private const int ValidOffset = 12;
        private const byte FlagLoaded = 0x01;
        private const byte FlagCeased = 0x02;
        private const uint AllRegisters = (1u << RegisterCount) - 1;

        private readonly DukptTdes _dukpt = new DukptTdes();
        private readonly byte[] _registers = new byte[RegisterCount * KeyLength];
        private readonly byte[] _ksn = new byte[KsnLength];        // KSN register; its counter bits = encryption counter
        private readonly byte[] _scratchKsn = new byte[KsnLength];
        private uint _valid;
        private bool _loaded;
        private bool _ceased;
        private int _current = -1;                                  // current key pointer during a transaction

        /// <summary>True once an initial key has been loaded (also after the device ceased operation).</summary>
        public bool IsLoaded
        {
            get { return _loaded; }
        }

        /// <summary>True when the counter ran out (X9.24-1 A.2 "New Key-2": cease operation): a new key must be loaded.</summary>
        public bool IsExhausted
        {
            get { return _ceased; }
        }

        /// <summary>
        /// The encryption counter: between transactions the next one to use (before any skip over an invalid
        /// register); during a transaction the transaction's; after exhaustion the last one used.
        /// </summary>
        public uint Counter
        {
            get { return DukptTdes.ReadCounter(_ksn, 0); }
        }

        /// <summary>Number of registers holding a key (at most 21), for diagnostics.</summary>
        public int ValidRegisters
        {
            get { return DukptCounter.OneBits(_valid); }
        }

        /// <summary>
        /// "Load Initial Key" (X9.24-1:2009 A.2): the KSN register takes the 10-byte <paramref name="ksn"/>, and the
        /// future key registers are generated from the 16-byte <paramref name="initialKey"/>, which is then forgotten
        /// (it lives only in the scratch key register of the derivation, wiped after each step; the caller wipes its
        /// own copy). The counter in <paramref name="ksn"/> counts as used, as the standard's load adds one to it:
        /// an initial KSN (counter 0) makes counter 1 the first transaction's; a KSN with counter c positions the
        /// device at the first usable counter after c, with the registers the algorithm would hold there.
        /// Returns <see cref="DukptStatus.Exhausted"/>, changing nothing, when no usable counter follows.
        /// </summary>
        public DukptStatus Load(byte[] initialKey, int keyOffset, byte[] ksn, int ksnOffset)
        {
            CryptoArgs.CheckRange(initialKey, keyOffset, KeyLength);
            CryptoArgs.CheckRange(ksn, ksnOffset, KsnLength);
            uint next;
            DukptStatus s = DukptTdes.NextCounter(DukptTdes.ReadCounter(ksn, ksnOffset), out next);
            if (s != DukptStatus.Ok) return s;
            Clear();
            Array.Copy(ksn, ksnOffset, _ksn, 0, KsnLength);
            DukptTdes.WriteCounter(next, _ksn, 0);
            Array.Copy(_ksn, 0, _scratchKsn, 0, KsnLength);
            // The registers the algorithm holds when "next" is due: the lowest one-bit's register holds the key of
            // "next" itself; every higher zero bit's register the key of next's bits above it plus that bit (filled
            // when that prefix was used). For an initial KSN that is every register i holding the key of 2^i: the
            // 21 "New Key-3" steps of the load, each one generation from the IPEK.
            int low = LowestBit(next);
            for (int i = low; i < RegisterCount; i++)
            {
                uint bit = 1u << i;
                if (i != low && (next & bit) != 0) continue;
                uint counter = i == low ? next : (next & ~((bit << 1) - 1)) | bit;
                DukptTdes.WriteCounter(counter, _scratchKsn, 0);
                // Always Ok: such a counter has no more one-bits than "next", which is usable.
                if (_dukpt.DeriveTransactionKey(initialKey, keyOffset, _scratchKsn, 0, _registers, i * KeyLength) == DukptStatus.Ok) _valid |= bit;
            }
            Array.Clear(_scratchKsn, 0, KsnLength);
            _loaded = true;
            return DukptStatus.Ok;
        }

        /// <summary>
        /// Starts a transaction ("Request PIN Entry 1"): selects the register of the counter's rightmost one-bit,
        /// skipping registers without a valid key (the counter advances by the shift register). Returns
        /// <see cref="DukptStatus.Exhausted"/> when the device has ceased (or ceases while skipping). Throws
        /// <see cref="InvalidOperationException"/> when no key was loaded.
        /// </summary>
        public DukptStatus BeginTransaction()
        {
            if (!_loaded) throw new InvalidOperationException();
            if (_ceased) return DukptStatus.Exhausted;
            uint counter = Counter;
            while (true)
            {
                int b = LowestBit(counter);
                if ((_valid & (1u << b)) != 0)
                {
                    _current = b;
                    return DukptStatus.Ok;
                }
                counter += 1u << b;
                if (counter > DukptTdes.CounterMask)
                {
                    Cease();
                    return DukptStatus.Exhausted;
                }
                DukptTdes.WriteCounter(counter, _ksn, 0);
            }
        }

        /// <summary>The 10-byte KSN register: during a transaction, the KSN that goes with its keys.</summary>
        public void CopyKsn(byte[] dst, int offset)
        {
            CryptoArgs.CheckRange(dst, offset, KsnLength);
            Array.Copy(_ksn, 0, dst, offset, KsnLength);
        }

        /// <summary>
        /// The 16-byte key of <paramref name="variant"/> for the transaction in progress: the current register's
        /// future key, then <see cref="DukptTdes.ApplyVariant"/> (PIN, MAC request/response, data request/response
        /// with the one-way function; None = the transaction key itself). Throws
        /// <see cref="InvalidOperationException"/> outside a transaction.
        /// </summary>
        public void DeriveKey(DukptTdesVariant variant, byte[] dst, int offset)
        {
            if (_current < 0) throw new InvalidOperationException();
            CryptoArgs.CheckRange(dst, offset, KeyLength);
            Array.Copy(_registers, _current * KeyLength, dst, offset, KeyLength);
            _dukpt.ApplyVariant(variant, dst, offset);
        }

        /// <summary>
        /// Ends the transaction ("New Key"): with fewer than 10 one-bits in the counter, generates the future keys
        /// of the registers right of the current one ("New Key-1/-3"); erases the current register; adds one to the
        /// counter, or the shift register after a counter with 10 one-bits. Returns
        /// <see cref="DukptStatus.Exhausted"/> when the counter ran out ("New Key-2": the device ceases and wipes its
        /// registers; the keys already derived for this transaction stay valid). Throws
        /// <see cref="InvalidOperationException"/> outside a transaction.
        /// </summary>
        public DukptStatus EndTransaction()
        {
            if (_current < 0) throw new InvalidOperationException();
            int b = _current;
            _current = -1;
            uint counter = Counter;
            bool fill = DukptCounter.OneBits(counter) < DukptTdes.MaxOneBits;
            if (fill)
            {
                for (int i = b - 1; i >= 0; i--)
                {
                    _dukpt.GenerateFutureKey(_registers, b * KeyLength, _ksn, 0, counter | (1u << i), _registers, i * KeyLength);
                    _valid |= 1u << i;
                }
            }
            Erase(b);
            counter += fill ? 1u : 1u << b;
            if (counter > DukptTdes.CounterMask)
            {
                Cease();
                return DukptStatus.Exhausted;
            }
            DukptTdes.WriteCounter(counter, _ksn, 0);
            return DukptStatus.Ok;
        }

        /// <summary>
        /// Writes the whole state (<see cref="StateLength"/> bytes: flags, KSN register, valid marks, registers) to
        /// <paramref name="dst"/>. It holds future keys: the caller keeps it as secret as the device and wipes it.
        /// A transaction in progress is not part of it (its register is still there until <see cref="EndTransaction"/>).
        /// </summary>
        public void Serialize(byte[] dst, int offset)
        {
            CryptoArgs.CheckRange(dst, offset, StateLength);
            Array.Clear(dst, offset, HeaderLength);
            dst[offset] = StateFormat;
            dst[offset + FlagsOffset] = (byte)((_loaded ? FlagLoaded : 0) | (_ceased ? FlagCeased : 0));
            Array.Copy(_ksn, 0, dst, offset + KsnOffset, KsnLength);
            Bytes.WriteUInt32BE(_valid, dst, offset + ValidOffset);
            Array.Copy(_registers, 0, dst, offset + HeaderLength, _registers.Length);
        }

        /// <summary>
        /// Replaces the state with one written by <see cref="Serialize"/>. Returns false, leaving the device empty
        /// (not loaded), for an image that is not a consistent TDES device state: unknown format or flags, valid marks
        /// beyond 21 registers, a counter an originating device never holds.
        /// </summary>
        public bool Deserialize(byte[] src, int offset)
        {
            CryptoArgs.CheckRange(src, offset, StateLength);
            Clear();
            byte flags = src[offset + FlagsOffset];
            uint valid = Bytes.ReadUInt32BE(src, offset + ValidOffset);
            if (src[offset] != StateFormat || (flags & ~(FlagLoaded | FlagCeased)) != 0 || (valid & ~AllRegisters) != 0) return false;
            bool loaded = (flags & FlagLoaded) != 0;
            bool ceased = (flags & FlagCeased) != 0;
            uint counter = DukptTdes.ReadCounter(src, offset + KsnOffset);
            if (!loaded && (ceased || valid != 0)) return false;
            if (loaded && !ceased && !DukptTdes.IsValidCounter(counter)) return false;
            if (ceased && valid != 0) return false;
            if (!loaded) return true;
            Array.Copy(src, offset + KsnOffset, _ksn, 0, KsnLength);
            for (int i = 0; i < RegisterCount; i++)
            {
                if ((valid & (1u << i)) != 0) Array.Copy(src, offset + HeaderLength + i * KeyLength, _registers, i * KeyLength, KeyLength);
            }
            _valid = valid;
            _loaded = true;
            _ceased = ceased;
            return true;
        }

        /// <summary>Wipes the registers and forgets the key serial number; the device is empty afterwards.</summary>
        public void Dispose()
        {
            Clear();
            _dukpt.Dispose();
        }

        /// <summary>"TDES DUKPT device, KSN ..., n future keys" (a KSN is not secret); never a key.</summary>
        public override string ToString()
        {
            if (!_loaded) return "TDES DUKPT device, no key";
            return "TDES DUKPT device, KSN " + Hex.Encode(_ksn, 0, KsnLength) + (_ceased ? ", exhausted" : ", " + ValidRegisters.ToString() + " future keys");
        }

        // X9.24-1 A.2 "New Key-2": the counter ran out; nothing is usable any more, so nothing is kept.
        private void Cease()
        {
            Array.Clear(_registers, 0, _registers.Length);
            _valid = 0;
            _current = -1;
            _ceased = true;
        }

        // "Erase the key at [Current Key Pointer]" and make its LRC invalid.
        private void Erase(int register)
        {
            Array.Clear(_registers, register * KeyLength, KeyLength);
            _valid &= ~(1u << register);
        }

        private void Clear()
        {
            Array.Clear(_registers, 0, _registers.Length);
            Array.Clear(_ksn, 0, KsnLength);
            Array.Clear(_scratchKsn, 0, KsnLength);
            _valid = 0;
            _loaded = false;
            _ceased = false;
            _current = -1;
        }

        // Index of the rightmost one-bit of a non-zero counter ("Set Bit": the shift register's position).
        private static int LowestBit(uint counter)
        {
            int b = 0;
            while ((counter & (1u << b)) == 0) b++;
            return b;
        }
    }
}
