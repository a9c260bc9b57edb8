using System;

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

        private readonly DukptTdes _dukpt = new DukptTdes();
        // Future key registers, KSN register (its counter bits = encryption counter), current key pointer, states.
        private readonly DukptRegisters _registers = new DukptRegisters(RegisterCount, KeyLength, KeyLength, KsnLength);

        /// <summary>True once an initial key has been loaded (also after the device ceased operation).</summary>
        public bool IsLoaded
        {
            get { return _registers.IsLoaded; }
        }

        /// <summary>True when the counter ran out (X9.24-1 A.2 "New Key-2": cease operation): a new key must be loaded.</summary>
        public bool IsExhausted
        {
            get { return _registers.IsCeased; }
        }

        /// <summary>
        /// The encryption counter: between transactions the next one to use (before any skip over an invalid
        /// register); during a transaction the transaction's; after exhaustion the last one used.
        /// </summary>
        public uint Counter
        {
            get { return DukptTdes.ReadCounter(_registers.Ksn, 0); }
        }

        /// <summary>Number of registers holding a key (at most 21), for diagnostics.</summary>
        public int ValidRegisters
        {
            get { return _registers.ValidCount; }
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
            _registers.StartLoad(ksn, ksnOffset, KeyLength);
            DukptTdes.WriteCounter(next, _registers.Ksn, 0);
            byte[] keys = _registers.Keys;
            byte[] scratchKsn = _registers.ScratchKsn;
            // The registers the algorithm holds when "next" is due (DukptRegisters.HeldCounter). For an initial KSN that
            // is every register i holding the key of 2^i: the 21 "New Key-3" steps of the load, each one generation
            // from the IPEK.
            for (int i = 0; i < RegisterCount; i++)
            {
                uint counter = DukptRegisters.HeldCounter(next, i);
                if (counter == 0) continue;
                DukptTdes.WriteCounter(counter, scratchKsn, 0);
                // Always Ok: such a counter has no more one-bits than "next", which is usable.
                if (_dukpt.DeriveTransactionKey(initialKey, keyOffset, scratchKsn, 0, keys, _registers.Offset(i)) == DukptStatus.Ok) _registers.SetValid(i);
            }
            _registers.EndLoad();
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
            long counter = Counter;
            DukptStatus s = _registers.BeginTransaction(ref counter, DukptTdes.CounterMask);
            DukptTdes.WriteCounter((uint)counter, _registers.Ksn, 0);
            return s;
        }

        /// <summary>The 10-byte KSN register: during a transaction, the KSN that goes with its keys.</summary>
        public void CopyKsn(byte[] dst, int offset)
        {
            _registers.CopyKsn(dst, offset);
        }

        /// <summary>
        /// The 16-byte key of <paramref name="variant"/> for the transaction in progress: the current register's
        /// future key, then <see cref="DukptTdes.ApplyVariant"/> (PIN, MAC request/response, data request/response
        /// with the one-way function; None = the transaction key itself). Throws
        /// <see cref="InvalidOperationException"/> outside a transaction.
        /// </summary>
        public void DeriveKey(DukptTdesVariant variant, byte[] dst, int offset)
        {
            _registers.CopyCurrentKey(dst, offset);
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
            int b = _registers.TakeCurrent();
            uint counter = Counter;
            bool fill = DukptCounter.OneBits(counter) < DukptTdes.MaxOneBits;
            if (fill)
            {
                byte[] keys = _registers.Keys;
                for (int i = b - 1; i >= 0; i--)
                {
                    _dukpt.GenerateFutureKey(keys, _registers.Offset(b), _registers.Ksn, 0, counter | (1u << i), keys, _registers.Offset(i));
                    _registers.SetValid(i);
                }
            }
            long next = (long)counter + (fill ? 1L : 1L << b);
            DukptStatus s = _registers.EndTransaction(b, next, DukptTdes.CounterMask);
            if (s == DukptStatus.Ok) DukptTdes.WriteCounter((uint)next, _registers.Ksn, 0);
            return s;
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
            _registers.WriteState(dst, offset + FlagsOffset, offset + KsnOffset, offset + ValidOffset, offset + HeaderLength);
        }

        /// <summary>
        /// Replaces the state with one written by <see cref="Serialize"/>. Returns false, leaving the device empty
        /// (not loaded), for an image that is not a consistent TDES device state: unknown format or flags, valid marks
        /// beyond 21 registers, a counter an originating device never holds.
        /// </summary>
        public bool Deserialize(byte[] src, int offset)
        {
            CryptoArgs.CheckRange(src, offset, StateLength);
            _registers.Clear();
            if (src[offset] != StateFormat) return false;
            bool counterValid = DukptTdes.IsValidCounter(DukptTdes.ReadCounter(src, offset + KsnOffset));
            return _registers.ReadState(src, offset + FlagsOffset, offset + KsnOffset, offset + ValidOffset, offset + HeaderLength, KeyLength,
                counterValid);
        }

        /// <summary>Wipes the registers and forgets the key serial number; the device is empty afterwards.</summary>
        public void Dispose()
        {
            _registers.Clear();
            _dukpt.Dispose();
        }

        /// <summary>"TDES DUKPT device, KSN ..., n future keys" (a KSN is not secret); never a key.</summary>
        public override string ToString()
        {
            return _registers.Describe("TDES DUKPT device", "future keys");
        }
    }
}
