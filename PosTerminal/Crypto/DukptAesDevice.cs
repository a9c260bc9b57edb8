using System;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// The originating device of AES DUKPT (the terminal side), ANSI X9.24-3-2017, as the processing routines of its
    /// Annex B give it (B.6.3 Load_Initial_Key, Generate_Working_Keys, Update_State_for_next_Transaction,
    /// Update_Derivation_Keys, Set_Shift_Register): 32 intermediate derivation key registers, the 12-byte KSN (8-byte
    /// initial key ID, 32-bit counter), the shift register and current key pointer. The initial key is used only while
    /// <see cref="Load"/> fills the registers and is never kept, so a dump of this object or of its
    /// <see cref="Serialize"/>d state reveals no past key and not the initial key.
    /// <para>
    /// Register i (0..31) belongs to counter bit 2^i and holds an intermediate derivation key of the initial key's
    /// type (AES-128, -192 or -256: 16, 24 or 32 bytes), with an "in use" mark. One transaction:
    /// <see cref="BeginTransaction"/> (Set_Shift_Register; registers not in use are skipped by adding the shift
    /// register to the counter), <see cref="CopyKsn"/> and <see cref="DeriveWorkingKey"/> (usage and type as
    /// <see cref="DukptAes.DeriveWorkingKeyFromTransactionKey"/>), then <see cref="EndTransaction"/>: when the counter
    /// has fewer than 16 one-bits the registers right of the current one are derived from it (usage 8000, counter
    /// ORed with their bit), the current register is erased, and the counter moves on by one, or by the shift
    /// register after a counter with 16 one-bits. (The Annex B listing fills the registers for up to 16 one-bits,
    /// which would make it use 17-bit counters such as 0001FFFF; the standard's rule of at most 16 one-bits and the
    /// supplement's sequence 0001FFFE, 00020000 are kept here.) After FFFF0000 the device ceases operation.
    /// </para>
    /// <para>
    /// Keys are wiped on <see cref="Dispose"/>; nothing here puts key bytes in a string or an exception. Derivations
    /// allocate nothing (one <see cref="DukptAes"/> re-keyed per step). Not thread-safe.
    /// </para>
    /// </summary>
    public sealed class DukptAesDevice : IDisposable
    {
        /// <summary>Number of intermediate derivation key registers: one per counter bit (X9.24-3 B.6.3, NUMREG).</summary>
        public const int RegisterCount = 32;

        /// <summary>First byte of a serialized AES device state.</summary>
        public const byte StateFormat = 0x41;                     // 'A'

        private const int KsnLength = DukptAes.KsnLength;
        private const int MaxKeyLength = DukptAes.MaxKeyLength;

        // State image: [format 'A'][flags][key length][0][KSN: 12][in use u32 BE][32 registers of key length bytes].
        private const int HeaderLength = 20;
        private const int FlagsOffset = 1;
        private const int KeyLengthOffset = 2;
        private const int KsnOffset = 4;
        private const int ValidOffset = 16;
        private const byte FlagLoaded = 0x01;
        private const byte FlagCeased = 0x02;
        private const long CounterLimit = 0xFFFFFFFFL;

        private readonly DukptAes _dukpt = new DukptAes();
        private readonly byte[] _registers = new byte[RegisterCount * MaxKeyLength];
        private readonly byte[] _ksn = new byte[KsnLength];        // initial key ID || counter
        private readonly byte[] _scratchKsn = new byte[KsnLength];
        private int _keyLength;
        private uint _valid;
        private bool _loaded;
        private bool _ceased;
        private int _current = -1;                                  // current key pointer during a transaction

        /// <summary>Length in bytes of the state <see cref="Serialize"/> writes for an initial key of <paramref name="keyLength"/> bytes (16, 24 or 32).</summary>
        public static int StateLengthFor(int keyLength)
        {
            CheckKeyLength(keyLength);
            return HeaderLength + RegisterCount * keyLength;
        }

        /// <summary>
        /// Length of a serialized state from its first bytes (at least 3 at <paramref name="offset"/>), or -1 when they
        /// do not start an AES device state.
        /// </summary>
        public static int StateLengthOf(byte[] src, int offset, int count)
        {
            if (count < KeyLengthOffset + 1 || src[offset] != StateFormat) return -1;
            int keyLength = src[offset + KeyLengthOffset];
            if (keyLength == 0) return HeaderLength;
            if (keyLength != 16 && keyLength != 24 && keyLength != 32) return -1;
            return HeaderLength + RegisterCount * keyLength;
        }

        /// <summary>True once an initial key has been loaded (also after the device ceased operation).</summary>
        public bool IsLoaded
        {
            get { return _loaded; }
        }

        /// <summary>True when the counter ran out (past FFFF0000): a new initial key must be loaded.</summary>
        public bool IsExhausted
        {
            get { return _ceased; }
        }

        /// <summary>Length of the initial key and of the intermediate derivation keys (16, 24 or 32; 0 before a load).</summary>
        public int KeyLength
        {
            get { return _keyLength; }
        }

        /// <summary>Length of the state <see cref="Serialize"/> writes now (the header alone before a load).</summary>
        public int StateLength
        {
            get { return HeaderLength + RegisterCount * _keyLength; }
        }

        /// <summary>
        /// The transaction counter: between transactions the next one to use (before any skip over an empty
        /// register); during a transaction the transaction's; after exhaustion the last one used.
        /// </summary>
        public uint Counter
        {
            get { return DukptAes.ReadCounter(_ksn, 0); }
        }

        /// <summary>Number of registers holding a key (at most 32), for diagnostics.</summary>
        public int ValidRegisters
        {
            get { return DukptCounter.OneBits(_valid); }
        }

        /// <summary>
        /// Load_Initial_Key (X9.24-3-2017 B.6.3): the KSN takes the 12-byte <paramref name="ksn"/> (initial key ID and
        /// counter) and the 32 registers are derived from the initial key of <paramref name="keyLength"/> bytes (16, 24
        /// or 32: AES-128/192/256), which is then forgotten (only the derivation's scratch key held it, wiped after each
        /// step; the caller wipes its own copy). The counter in <paramref name="ksn"/> counts as used, as the
        /// standard's load adds one to it: an initial KSN (counter 0) makes counter 1 the first transaction's; a KSN
        /// with counter c positions the device at the first usable counter after c, with the registers the algorithm
        /// would hold there. Returns <see cref="DukptStatus.Exhausted"/>, changing nothing, when none follows.
        /// </summary>
        public DukptStatus Load(byte[] initialKey, int keyOffset, int keyLength, byte[] ksn, int ksnOffset)
        {
            CheckKeyLength(keyLength);
            CryptoArgs.CheckRange(initialKey, keyOffset, keyLength);
            CryptoArgs.CheckRange(ksn, ksnOffset, KsnLength);
            uint next;
            DukptStatus s = DukptAes.NextCounter(DukptAes.ReadCounter(ksn, ksnOffset), out next);
            if (s != DukptStatus.Ok) return s;
            Clear();
            _keyLength = keyLength;
            Array.Copy(ksn, ksnOffset, _ksn, 0, KsnLength);
            DukptAes.WriteCounter(next, _ksn, 0);
            Array.Copy(_ksn, 0, _scratchKsn, 0, KsnLength);
            // As in DukptTdesDevice.Load: the lowest one-bit's register holds the key of "next"; every higher zero bit's
            // register the key of next's bits above it plus that bit. For an initial KSN: register i = key of 2^i, the
            // Update_Derivation_Keys(31) of Load_Initial_Key.
            int low = LowestBit(next);
            for (int i = low; i < RegisterCount; i++)
            {
                uint bit = 1u << i;
                if (i != low && (next & bit) != 0) continue;
                uint counter = i == low ? next : (next & ~(uint)(((ulong)bit << 1) - 1)) | bit;
                DukptAes.WriteCounter(counter, _scratchKsn, 0);
                // Always Ok: such a counter has no more one-bits than "next", which is usable.
                if (_dukpt.DeriveTransactionKey(initialKey, keyOffset, keyLength, _scratchKsn, 0, _registers, i * keyLength) == DukptStatus.Ok) _valid |= bit;
            }
            Array.Clear(_scratchKsn, 0, KsnLength);
            _loaded = true;
            return DukptStatus.Ok;
        }

        /// <summary>
        /// Starts a transaction (Generate_Working_Keys up to the derivation): Set_Shift_Register selects the register of
        /// the counter's rightmost one-bit; a register not in use is skipped by adding the shift register to the
        /// counter. Returns <see cref="DukptStatus.Exhausted"/> when the device has ceased (or ceases while skipping).
        /// Throws <see cref="InvalidOperationException"/> when no key was loaded.
        /// </summary>
        public DukptStatus BeginTransaction()
        {
            if (!_loaded) throw new InvalidOperationException();
            if (_ceased) return DukptStatus.Exhausted;
            long counter = Counter;
            while (true)
            {
                int b = LowestBit((uint)counter);
                if ((_valid & (1u << b)) != 0)
                {
                    _current = b;
                    return DukptStatus.Ok;
                }
                counter += 1L << b;
                if (counter > CounterLimit)
                {
                    Cease();
                    return DukptStatus.Exhausted;
                }
                DukptAes.WriteCounter((uint)counter, _ksn, 0);
            }
        }

        /// <summary>The 12-byte KSN: during a transaction, the KSN that goes with its keys.</summary>
        public void CopyKsn(byte[] dst, int offset)
        {
            CryptoArgs.CheckRange(dst, offset, KsnLength);
            Array.Copy(_ksn, 0, dst, offset, KsnLength);
        }

        /// <summary>
        /// A working key of the transaction in progress: the current register's intermediate derivation key, derived
        /// once more with <paramref name="usage"/>, <paramref name="type"/> and the counter
        /// (<see cref="DukptAes.DeriveWorkingKeyFromTransactionKey"/>). Writes
        /// <see cref="DukptAes.KeyLength"/>(<paramref name="type"/>) bytes when the status is Ok;
        /// <see cref="DukptStatus.WorkingKeyTooStrong"/> for a type stronger than the initial key. Throws
        /// <see cref="InvalidOperationException"/> outside a transaction.
        /// </summary>
        public DukptStatus DeriveWorkingKey(DukptAesKeyUsage usage, DukptAesKeyType type, byte[] dst, int offset)
        {
            if (_current < 0) throw new InvalidOperationException();
            return _dukpt.DeriveWorkingKeyFromTransactionKey(_registers, _current * _keyLength, _keyLength, _ksn, 0, usage, type, dst, offset);
        }

        /// <summary>
        /// The current register's intermediate derivation key itself (the "transaction key" of the X9 test vectors),
        /// <see cref="KeyLength"/> bytes. For known-answer tests and diagnostics. Throws
        /// <see cref="InvalidOperationException"/> outside a transaction.
        /// </summary>
        public void CopyTransactionKey(byte[] dst, int offset)
        {
            if (_current < 0) throw new InvalidOperationException();
            CryptoArgs.CheckRange(dst, offset, _keyLength);
            Array.Copy(_registers, _current * _keyLength, dst, offset, _keyLength);
        }

        /// <summary>
        /// Ends the transaction (Update_State_for_next_Transaction): with fewer than 16 one-bits in the counter,
        /// Update_Derivation_Keys fills the registers right of the current one; the current register is erased; the
        /// counter adds one, or the shift register after a counter with 16 one-bits. Returns
        /// <see cref="DukptStatus.Exhausted"/> when the counter ran out (the device ceases and wipes its registers;
        /// the keys already derived for this transaction stay valid). Throws <see cref="InvalidOperationException"/>
        /// outside a transaction.
        /// </summary>
        public DukptStatus EndTransaction()
        {
            if (_current < 0) throw new InvalidOperationException();
            int b = _current;
            _current = -1;
            uint counter = Counter;
            bool fill = DukptCounter.OneBits(counter) < DukptAes.MaxOneBits;
            if (fill)
            {
                for (int i = b - 1; i >= 0; i--)
                {
                    _dukpt.DeriveIntermediateKey(_registers, b * _keyLength, _keyLength, _ksn, 0, counter | (1u << i), _registers, i * _keyLength);
                    _valid |= 1u << i;
                }
            }
            Erase(b);
            long next = (long)counter + (fill ? 1L : 1L << b);
            if (next > CounterLimit)
            {
                Cease();
                return DukptStatus.Exhausted;
            }
            DukptAes.WriteCounter((uint)next, _ksn, 0);
            return DukptStatus.Ok;
        }

        /// <summary>
        /// Writes the whole state (<see cref="StateLength"/> bytes: flags, key length, KSN, in-use marks, registers) to
        /// <paramref name="dst"/>. It holds future keys: the caller keeps it as secret as the device and wipes it.
        /// </summary>
        public void Serialize(byte[] dst, int offset)
        {
            int length = StateLength;
            CryptoArgs.CheckRange(dst, offset, length);
            Array.Clear(dst, offset, HeaderLength);
            dst[offset] = StateFormat;
            dst[offset + FlagsOffset] = (byte)((_loaded ? FlagLoaded : 0) | (_ceased ? FlagCeased : 0));
            dst[offset + KeyLengthOffset] = (byte)_keyLength;
            Array.Copy(_ksn, 0, dst, offset + KsnOffset, KsnLength);
            Bytes.WriteUInt32BE(_valid, dst, offset + ValidOffset);
            Array.Copy(_registers, 0, dst, offset + HeaderLength, length - HeaderLength);
        }

        /// <summary>
        /// Replaces the state with one written by <see cref="Serialize"/> (<paramref name="count"/> bytes). Returns
        /// false, leaving the device empty (not loaded), for an image that is not a consistent AES device state:
        /// unknown format, flags or key length, a length that does not fit, a counter a device never holds.
        /// </summary>
        public bool Deserialize(byte[] src, int offset, int count)
        {
            CryptoArgs.CheckRange(src, offset, count);
            Clear();
            int length = StateLengthOf(src, offset, count);
            if (length < 0 || length != count || count < HeaderLength) return false;
            byte flags = src[offset + FlagsOffset];
            if ((flags & ~(FlagLoaded | FlagCeased)) != 0) return false;
            bool loaded = (flags & FlagLoaded) != 0;
            bool ceased = (flags & FlagCeased) != 0;
            int keyLength = src[offset + KeyLengthOffset];
            uint valid = Bytes.ReadUInt32BE(src, offset + ValidOffset);
            uint counter = DukptAes.ReadCounter(src, offset + KsnOffset);
            if (!loaded) return !ceased && valid == 0 && keyLength == 0;
            if (keyLength == 0) return false;
            if (ceased ? valid != 0 : !DukptAes.IsValidCounter(counter)) return false;
            _keyLength = keyLength;
            Array.Copy(src, offset + KsnOffset, _ksn, 0, KsnLength);
            for (int i = 0; i < RegisterCount; i++)
            {
                if ((valid & (1u << i)) != 0) Array.Copy(src, offset + HeaderLength + i * keyLength, _registers, i * keyLength, keyLength);
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

        /// <summary>"AES DUKPT device, KSN ..., n intermediate keys" (a KSN is not secret); never a key.</summary>
        public override string ToString()
        {
            if (!_loaded) return "AES DUKPT device, no key";
            return "AES-" + (_keyLength * 8).ToString() + " DUKPT device, KSN " + Hex.Encode(_ksn, 0, KsnLength)
                + (_ceased ? ", exhausted" : ", " + ValidRegisters.ToString() + " intermediate keys");
        }

        private void Cease()
        {
            Array.Clear(_registers, 0, _registers.Length);
            _valid = 0;
            _current = -1;
            _ceased = true;
        }

        private void Erase(int register)
        {
            Array.Clear(_registers, register * _keyLength, _keyLength);
            _valid &= ~(1u << register);
        }

        private void Clear()
        {
            Array.Clear(_registers, 0, _registers.Length);
            Array.Clear(_ksn, 0, KsnLength);
            Array.Clear(_scratchKsn, 0, KsnLength);
            _keyLength = 0;
            _valid = 0;
            _loaded = false;
            _ceased = false;
            _current = -1;
        }

        private static void CheckKeyLength(int keyLength)
        {
            if (keyLength != 16 && keyLength != 24 && keyLength != 32) throw new ArgumentException();
        }

        private static int LowestBit(uint counter)
        {
            int b = 0;
            while ((counter & (1u << b)) == 0) b++;
            return b;
        }
    }
}
