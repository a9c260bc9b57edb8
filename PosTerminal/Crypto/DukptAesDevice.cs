using System;

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
        private const long CounterLimit = 0xFFFFFFFFL;

        private readonly DukptAes _dukpt = new DukptAes();
        // Intermediate derivation key registers (key length 0 until a load), KSN (initial key ID || counter), current
        // key pointer, states.
        private readonly DukptRegisters _registers = new DukptRegisters(RegisterCount, MaxKeyLength, 0, KsnLength);

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
            get { return _registers.IsLoaded; }
        }

        /// <summary>True when the counter ran out (past FFFF0000): a new initial key must be loaded.</summary>
        public bool IsExhausted
        {
            get { return _registers.IsCeased; }
        }

        /// <summary>Length of the initial key and of the intermediate derivation keys (16, 24 or 32; 0 before a load).</summary>
        public int KeyLength
        {
            get { return _registers.KeyLength; }
        }

        /// <summary>Length of the state <see cref="Serialize"/> writes now (the header alone before a load).</summary>
        public int StateLength
        {
            get { return HeaderLength + RegisterCount * _registers.KeyLength; }
        }

        /// <summary>
        /// The transaction counter: between transactions the next one to use (before any skip over an empty
        /// register); during a transaction the transaction's; after exhaustion the last one used.
        /// </summary>
        public uint Counter
        {
            get { return DukptAes.ReadCounter(_registers.Ksn, 0); }
        }

        /// <summary>Number of registers holding a key (at most 32), for diagnostics.</summary>
        public int ValidRegisters
        {
            get { return _registers.ValidCount; }
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
            _registers.StartLoad(ksn, ksnOffset, keyLength);
            DukptAes.WriteCounter(next, _registers.Ksn, 0);
            byte[] keys = _registers.Keys;
            byte[] scratchKsn = _registers.ScratchKsn;
            // As in DukptTdesDevice.Load, the registers the algorithm holds when "next" is due (DukptRegisters.HeldCounter).
            // For an initial KSN: register i = key of 2^i, the Update_Derivation_Keys(31) of Load_Initial_Key.
            for (int i = 0; i < RegisterCount; i++)
            {
                uint counter = DukptRegisters.HeldCounter(next, i);
                if (counter == 0) continue;
                DukptAes.WriteCounter(counter, scratchKsn, 0);
                // Always Ok: such a counter has no more one-bits than "next", which is usable.
                if (_dukpt.DeriveTransactionKey(initialKey, keyOffset, keyLength, scratchKsn, 0, keys, _registers.Offset(i)) == DukptStatus.Ok) _registers.SetValid(i);
            }
            _registers.EndLoad();
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
            long counter = Counter;
            DukptStatus s = _registers.BeginTransaction(ref counter, CounterLimit);
            DukptAes.WriteCounter((uint)counter, _registers.Ksn, 0);
            return s;
        }

        /// <summary>The 12-byte KSN: during a transaction, the KSN that goes with its keys.</summary>
        public void CopyKsn(byte[] dst, int offset)
        {
            _registers.CopyKsn(dst, offset);
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
            int registerOffset = _registers.CurrentOffset();
            return _dukpt.DeriveWorkingKeyFromTransactionKey(_registers.Keys, registerOffset, _registers.KeyLength, _registers.Ksn, 0, usage, type,
                dst, offset);
        }

        /// <summary>
        /// The current register's intermediate derivation key itself (the "transaction key" of the X9 test vectors),
        /// <see cref="KeyLength"/> bytes. For known-answer tests and diagnostics. Throws
        /// <see cref="InvalidOperationException"/> outside a transaction.
        /// </summary>
        public void CopyTransactionKey(byte[] dst, int offset)
        {
            _registers.CopyCurrentKey(dst, offset);
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
            int b = _registers.TakeCurrent();
            uint counter = Counter;
            bool fill = DukptCounter.OneBits(counter) < DukptAes.MaxOneBits;
            if (fill)
            {
                byte[] keys = _registers.Keys;
                for (int i = b - 1; i >= 0; i--)
                {
                    _dukpt.DeriveIntermediateKey(keys, _registers.Offset(b), _registers.KeyLength, _registers.Ksn, 0, counter | (1u << i), keys, _registers.Offset(i));
                    _registers.SetValid(i);
                }
            }
            long next = (long)counter + (fill ? 1L : 1L << b);
            DukptStatus s = _registers.EndTransaction(b, next, CounterLimit);
            if (s == DukptStatus.Ok) DukptAes.WriteCounter((uint)next, _registers.Ksn, 0);
            return s;
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
            dst[offset + KeyLengthOffset] = (byte)_registers.KeyLength;
            _registers.WriteState(dst, offset + FlagsOffset, offset + KsnOffset, offset + ValidOffset, offset + HeaderLength);
        }

        /// <summary>
        /// Replaces the state with one written by <see cref="Serialize"/> (<paramref name="count"/> bytes). Returns
        /// false, leaving the device empty (not loaded), for an image that is not a consistent AES device state:
        /// unknown format, flags or key length, a length that does not fit, a counter a device never holds.
        /// </summary>
        public bool Deserialize(byte[] src, int offset, int count)
        {
            CryptoArgs.CheckRange(src, offset, count);
            _registers.Clear();
            int length = StateLengthOf(src, offset, count);
            if (length < 0 || length != count || count < HeaderLength) return false;
            bool counterValid = DukptAes.IsValidCounter(DukptAes.ReadCounter(src, offset + KsnOffset));
            return _registers.ReadState(src, offset + FlagsOffset, offset + KsnOffset, offset + ValidOffset, offset + HeaderLength,
                src[offset + KeyLengthOffset], counterValid);
        }

        /// <summary>Wipes the registers and forgets the key serial number; the device is empty afterwards.</summary>
        public void Dispose()
        {
            _registers.Clear();
            _dukpt.Dispose();
        }

        /// <summary>"AES DUKPT device, KSN ..., n intermediate keys" (a KSN is not secret); never a key.</summary>
        public override string ToString()
        {
            string device = IsLoaded ? "AES-" + (_registers.KeyLength * 8).ToString() + " DUKPT device" : "AES DUKPT device";
            return _registers.Describe(device, "intermediate keys");
        }

        private static void CheckKeyLength(int keyLength)
        {
            if (keyLength != 16 && keyLength != 24 && keyLength != 32) throw new ArgumentException();
        }
    }
}
