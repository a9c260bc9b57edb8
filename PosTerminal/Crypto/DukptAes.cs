using System;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// AES DUKPT, ANSI X9.24-3-2017 (payments.md §6.1 and §9.3; checked against the X9 supplement test vectors as
    /// transcribed by openemv/dukpt and moov-io/dukpt).
    /// <para>
    /// The KSN is 12 bytes: an 8-byte initial key ID (4-byte BDK ID, 4-byte derivation ID), then a 32-bit
    /// transaction counter. Every derivation is AES-ECB, under the parent key, of 16 bytes of derivation data
    /// (6.3.2): version 01, key block counter (01, 02 ... for keys longer than one block, outputs concatenated),
    /// key usage (2 bytes), algorithm (2 bytes), key length in bits (2 bytes), then 8 bytes: the initial key ID
    /// for the initial key, otherwise the derivation ID followed by the (working) counter.
    /// </para>
    /// <para>
    /// <see cref="DeriveInitialKey"/>: usage 8001 under the BDK, of the BDK's own type (AES-128/192/256).
    /// <c>DeriveTransactionKey</c>: from the initial key, one step (usage 8000) per set counter bit, most
    /// significant first, the counter holding only the bits walked so far (the intermediate derivation key of
    /// the counter; the "transaction key" of the published vectors). <c>DeriveWorkingKey</c>: from that key,
    /// with the full counter, for a <see cref="DukptAesKeyUsage"/> and a <see cref="DukptAesKeyType"/>. These are
    /// the receiving side's derivations; the terminal itself keeps no initial key but the 32 intermediate derivation
    /// key registers of <see cref="DukptAesDevice"/>, built on the primitives of this class.
    /// </para>
    /// <para>
    /// Counters with more than 16 one-bits are never used; FFFF0000 is the last. Keys belong to the caller; the
    /// instance keeps only fixed scratch buffers and one <see cref="AesCipher"/> re-keyed with <c>SetKey</c> at each
    /// step (a derivation allocates nothing), all wiped after every derivation and on <see cref="Dispose"/>.
    /// Not thread-safe.
    /// </para>
    /// </summary>
    public sealed class DukptAes : IDisposable
    {
        /// <summary>Length of the KSN in bytes.</summary>
        public const int KsnLength = Ksn.AesLength;

        /// <summary>Length of the initial key ID (the leftmost KSN bytes).</summary>
        public const int InitialKeyIdLength = Ksn.AesInitialKeyIdLength;

        /// <summary>An originating device never uses a counter with more one-bits than this (X9.24-3 6.1).</summary>
        public const int MaxOneBits = 16;

        /// <summary>The last valid counter (the 16 highest bits set). Advancing past it exhausts the device.</summary>
        public const uint LastCounter = 0xFFFF0000;

        /// <summary>Longest key any derivation produces: AES-256.</summary>
        public const int MaxKeyLength = 32;

        private const int BlockLength = 16;
        private const int DerivationIdOffset = 4;                 // KSN bytes 4..7: derivation ID (right half of the IK ID)
        private const int CounterOffset = InitialKeyIdLength;     // KSN bytes 8..11: counter, big-endian

        // Derivation data, X9.24-3-2017 6.3.2 tables 2 and 3.
        private const byte DerivationDataVersion = 0x01;
        private const int UsageKeyDerivation = 0x8000;
        private const int UsageInitialKey = 0x8001;

        private readonly byte[] _data = new byte[BlockLength];    // derivation data
        private readonly byte[] _key = new byte[MaxKeyLength];    // current derivation key
        private readonly byte[] _out = new byte[MaxKeyLength];    // derived key material before it is copied out
        private readonly byte[] _ik = new byte[MaxKeyLength];     // host-side convenience: initial key from a BDK

        // One AES instance for the life of this object (its schedules have room for AES-256), re-keyed per derivation
        // step with SetKey; cleared by Wipe after every derivation.
        private readonly AesCipher _aes;

        /// <summary>Allocates the scratch buffers and the AES instance (under the all-zero key) once.</summary>
        public DukptAes()
        {
            _aes = new AesCipher(_key, 0, BlockLength);
        }

        // ---------------------------------------------------------------- counters

        /// <summary>The 32-bit transaction counter of the 12-byte KSN at <paramref name="offset"/>.</summary>
        public static uint ReadCounter(byte[] ksn, int offset)
        {
            int o = offset + CounterOffset;
            return ((uint)ksn[o] << 24) | ((uint)ksn[o + 1] << 16) | ((uint)ksn[o + 2] << 8) | (uint)ksn[o + 3];
        }

        /// <summary>Writes the 32-bit counter into the 12-byte KSN at <paramref name="offset"/>.</summary>
        public static void WriteCounter(uint counter, byte[] ksn, int offset)
        {
            int o = offset + CounterOffset;
            ksn[o] = (byte)(counter >> 24);
            ksn[o + 1] = (byte)(counter >> 16);
            ksn[o + 2] = (byte)(counter >> 8);
            ksn[o + 3] = (byte)counter;
        }

        /// <summary>True for a counter an originating device may use: non-zero with at most 16 one-bits.</summary>
        public static bool IsValidCounter(uint counter)
        {
            return counter != 0 && DukptCounter.OneBits(counter) <= MaxOneBits;
        }

        /// <summary>
        /// The counter after <paramref name="counter"/>: counter + 1, or, while that has more than 16 one-bits, the
        /// value plus its lowest set bit (the supplement's sequence 0001FFFE, 00020000, 00020001). Returns
        /// <see cref="DukptStatus.Exhausted"/> after <see cref="LastCounter"/>; <paramref name="next"/> is
        /// <paramref name="counter"/> unless the status is Ok.
        /// </summary>
        public static DukptStatus NextCounter(uint counter, out uint next)
        {
            return DukptCounter.Next(counter, 0xFFFFFFFFL, MaxOneBits, out next);
        }

        // ---------------------------------------------------------------- keys

        /// <summary>Length in bytes of a key of <paramref name="type"/>.</summary>
        public static int KeyLength(DukptAesKeyType type)
        {
            switch (type)
            {
                case DukptAesKeyType.Tdea2: return 16;
                case DukptAesKeyType.Tdea3: return 24;
                case DukptAesKeyType.Aes128: return 16;
                case DukptAesKeyType.Aes192: return 24;
                case DukptAesKeyType.Aes256: return 32;
                default: throw new ArgumentOutOfRangeException();
            }
        }

        /// <summary>
        /// Initial key from a BDK of <paramref name="bdkLength"/> bytes (16, 24 or 32: AES-128/192/256) and the 8-byte
        /// initial key ID (X9.24-3 6.3.3, usage 8001). Writes <paramref name="bdkLength"/> bytes. Host side only.
        /// </summary>
        public void DeriveInitialKey(byte[] bdk, int bdkOffset, int bdkLength, byte[] initialKeyId, int initialKeyIdOffset,
            byte[] ik, int ikOffset)
        {
            DukptAesKeyType type = CheckStep(bdk, bdkOffset, bdkLength, initialKeyId, initialKeyIdOffset, InitialKeyIdLength, ik, ikOffset);
            try
            {
                Array.Copy(initialKeyId, initialKeyIdOffset, _data, 8, InitialKeyIdLength);
                Derive(bdk, bdkOffset, bdkLength, UsageInitialKey, type, ik, ikOffset);
            }
            finally
            {
                Wipe();
            }
        }

        /// <summary>
        /// The intermediate derivation key ("transaction key" in the X9 vectors) of the KSN's counter, from the initial
        /// key of <paramref name="ikLength"/> bytes (16, 24 or 32). Writes <paramref name="ikLength"/> bytes only when
        /// the status is Ok; <see cref="DukptStatus.CounterInvalid"/> for counter 0 or more than 16 one-bits.
        /// </summary>
        public DukptStatus DeriveTransactionKey(byte[] ik, int ikOffset, int ikLength, byte[] ksn, int ksnOffset,
            byte[] dst, int dstOffset)
        {
            CheckStep(ik, ikOffset, ikLength, ksn, ksnOffset, KsnLength, dst, dstOffset);
            try
            {
                DukptStatus s = WalkCounter(ik, ikOffset, ikLength, ksn, ksnOffset);
                if (s == DukptStatus.Ok) Array.Copy(_key, 0, dst, dstOffset, ikLength);
                return s;
            }
            finally
            {
                Wipe();
            }
        }

        /// <summary>
        /// A working key for the KSN's counter from the initial key of <paramref name="ikLength"/> bytes: the
        /// transaction key, then one derivation with <paramref name="usage"/>, <paramref name="type"/> and the
        /// counter. Writes <see cref="KeyLength"/>(<paramref name="type"/>) bytes only when the status is Ok;
        /// <see cref="DukptStatus.WorkingKeyTooStrong"/> for AES-192 from an AES-128 initial key, or AES-256 from
        /// anything but AES-256 (X9.24-3 6.2.2: a working key is never stronger than its derivation key).
        /// </summary>
        public DukptStatus DeriveWorkingKey(byte[] ik, int ikOffset, int ikLength, byte[] ksn, int ksnOffset,
            DukptAesKeyUsage usage, DukptAesKeyType type, byte[] dst, int dstOffset)
        {
            bool strongEnough = CheckWorkingKey(ik, ikOffset, ikLength, ksn, ksnOffset, usage, type, dst, dstOffset);
            if (!strongEnough) return DukptStatus.WorkingKeyTooStrong;
            try
            {
                DukptStatus s = WalkCounter(ik, ikOffset, ikLength, ksn, ksnOffset);
                if (s != DukptStatus.Ok) return s;
                SetCounterData(ksn, ksnOffset, ReadCounter(ksn, ksnOffset));
                Derive(_key, 0, ikLength, (int)usage, type, dst, dstOffset);
                return DukptStatus.Ok;
            }
            finally
            {
                Wipe();
            }
        }

        /// <summary>
        /// A working key from a transaction key already derived for this KSN (<c>DeriveTransactionKey</c>), for
        /// a caller that derives several working keys of one transaction. Same rules as <c>DeriveWorkingKey</c>.
        /// </summary>
        public DukptStatus DeriveWorkingKeyFromTransactionKey(byte[] transactionKey, int keyOffset, int keyLength,
            byte[] ksn, int ksnOffset, DukptAesKeyUsage usage, DukptAesKeyType type, byte[] dst, int dstOffset)
        {
            bool strongEnough = CheckWorkingKey(transactionKey, keyOffset, keyLength, ksn, ksnOffset, usage, type, dst, dstOffset);
            if (!strongEnough) return DukptStatus.WorkingKeyTooStrong;
            uint counter = ReadCounter(ksn, ksnOffset);
            if (!IsValidCounter(counter)) return DukptStatus.CounterInvalid;
            try
            {
                SetCounterData(ksn, ksnOffset, counter);
                Derive(transactionKey, keyOffset, keyLength, (int)usage, type, dst, dstOffset);
                return DukptStatus.Ok;
            }
            finally
            {
                Wipe();
            }
        }

        /// <summary>
        /// One intermediate derivation key step (X9.24-3-2017 6.3.1, usage 8000): the key derived from the derivation key
        /// of <paramref name="keyLength"/> bytes (16, 24 or 32) with derivation data = the 12-byte KSN's derivation ID and
        /// <paramref name="counter"/>. Writes <paramref name="keyLength"/> bytes; <paramref name="dst"/> may be the key's
        /// own range. For the intermediate derivation key registers of <see cref="DukptAesDevice"/>; allocates nothing.
        /// </summary>
        internal void DeriveIntermediateKey(byte[] key, int keyOffset, int keyLength, byte[] ksn, int ksnOffset, uint counter,
            byte[] dst, int dstOffset)
        {
            DukptAesKeyType type = CheckStep(key, keyOffset, keyLength, ksn, ksnOffset, KsnLength, dst, dstOffset);
            try
            {
                SetCounterData(ksn, ksnOffset, counter);
                Derive(key, keyOffset, keyLength, UsageKeyDerivation, type, dst, dstOffset);
            }
            finally
            {
                Wipe();
            }
        }

        /// <summary>
        /// Host side in one call: the initial key from the BDK and the KSN's initial key ID, then the working key.
        /// The initial key stays in a scratch buffer that is wiped before returning.
        /// </summary>
        public DukptStatus DeriveWorkingKeyFromBdk(byte[] bdk, int bdkOffset, int bdkLength, byte[] ksn, int ksnOffset,
            DukptAesKeyUsage usage, DukptAesKeyType type, byte[] dst, int dstOffset)
        {
            try
            {
                DeriveInitialKey(bdk, bdkOffset, bdkLength, ksn, ksnOffset, _ik, 0);
                return DeriveWorkingKey(_ik, 0, bdkLength, ksn, ksnOffset, usage, type, dst, dstOffset);
            }
            finally
            {
                Array.Clear(_ik, 0, MaxKeyLength);
            }
        }

        /// <summary><see cref="DeriveTransactionKey(byte[], int, int, byte[], int, byte[], int)"/> for a <see cref="Ksn"/>.</summary>
        public DukptStatus DeriveTransactionKey(byte[] ik, int ikOffset, int ikLength, Ksn ksn, byte[] dst, int dstOffset)
        {
            return DeriveTransactionKey(ik, ikOffset, ikLength, AesBytes(ksn), 0, dst, dstOffset);
        }

        /// <summary><see cref="DeriveWorkingKey(byte[], int, int, byte[], int, DukptAesKeyUsage, DukptAesKeyType, byte[], int)"/> for a <see cref="Ksn"/>.</summary>
        public DukptStatus DeriveWorkingKey(byte[] ik, int ikOffset, int ikLength, Ksn ksn, DukptAesKeyUsage usage,
            DukptAesKeyType type, byte[] dst, int dstOffset)
        {
            return DeriveWorkingKey(ik, ikOffset, ikLength, AesBytes(ksn), 0, usage, type, dst, dstOffset);
        }

        /// <summary>Wipes the scratch buffers. The instance stays usable.</summary>
        public void Dispose()
        {
            Wipe();
            Array.Clear(_ik, 0, MaxKeyLength);
        }

        // ---------------------------------------------------------------- internals

        // _key = intermediate derivation key of the KSN's counter (X9.24-3 6.1 / 6.3.1): start from the initial key;
        // for each set counter bit, most significant first, OR it into the working counter and derive with usage 8000.
        private DukptStatus WalkCounter(byte[] ik, int ikOffset, int ikLength, byte[] ksn, int ksnOffset)
        {
            uint counter = ReadCounter(ksn, ksnOffset);
            if (!IsValidCounter(counter)) return DukptStatus.CounterInvalid;
            DukptAesKeyType type = DerivationKeyType(ikLength);
            Array.Copy(ik, ikOffset, _key, 0, ikLength);
            uint working = 0;
            for (uint bit = 0x80000000; bit != 0; bit >>= 1)
            {
                if ((counter & bit) == 0) continue;
                working |= bit;
                SetCounterData(ksn, ksnOffset, working);
                Derive(_key, 0, ikLength, UsageKeyDerivation, type, _key, 0);
            }
            return DukptStatus.Ok;
        }

        // Derivation data bytes 8..15 for every derivation but the initial key: derivation ID || counter.
        private void SetCounterData(byte[] ksn, int ksnOffset, uint counter)
        {
            Array.Copy(ksn, ksnOffset + DerivationIdOffset, _data, 8, 4);
            _data[12] = (byte)(counter >> 24);
            _data[13] = (byte)(counter >> 16);
            _data[14] = (byte)(counter >> 8);
            _data[15] = (byte)counter;
        }

        // X9.24-3 6.3.1: key material = AES-ECB[key](derivation data with block counter 1, 2, ...), truncated to the
        // type's length. _data[8..15] must already hold the KSN data. dst may be the key's own range.
        private void Derive(byte[] key, int keyOffset, int keyLength, int usage, DukptAesKeyType type, byte[] dst, int dstOffset)
        {
            int length = KeyLength(type);
            int bits = length * 8;
            _data[0] = DerivationDataVersion;
            _data[2] = (byte)(usage >> 8);
            _data[3] = (byte)usage;
            _data[4] = (byte)((int)type >> 8);
            _data[5] = (byte)type;
            _data[6] = (byte)(bits >> 8);
            _data[7] = (byte)bits;
            _aes.SetKey(key, keyOffset, keyLength);
            for (int block = 0; block * BlockLength < length; block++)
            {
                _data[1] = (byte)(block + 1);
                _aes.EncryptBlock(_data, 0, _out, block * BlockLength);
            }
            Array.Copy(_out, 0, dst, dstOffset, length);
        }

        // Checks of a derivation from a key of keyLength bytes (16, 24 or 32) that reads sourceLength bytes of source
        // (initial key ID or KSN) and writes keyLength bytes to dst, in this order; returns the key's derivation type.
        private static DukptAesKeyType CheckStep(byte[] key, int keyOffset, int keyLength, byte[] source, int sourceOffset, int sourceLength,
            byte[] dst, int dstOffset)
        {
            DukptAesKeyType type = DerivationKeyType(keyLength);
            CryptoArgs.CheckRange(key, keyOffset, keyLength);
            CryptoArgs.CheckRange(source, sourceOffset, sourceLength);
            CryptoArgs.CheckRange(dst, dstOffset, keyLength);
            return type;
        }

        // Checks of a working-key derivation from a derivation key of keyLength bytes (16, 24 or 32) with the 12-byte
        // KSN, writing a key of type to dst, in this order; false when type is stronger than the derivation key.
        private static bool CheckWorkingKey(byte[] key, int keyOffset, int keyLength, byte[] ksn, int ksnOffset, DukptAesKeyUsage usage,
            DukptAesKeyType type, byte[] dst, int dstOffset)
        {
            DerivationKeyType(keyLength);
            CryptoArgs.CheckRange(key, keyOffset, keyLength);
            CryptoArgs.CheckRange(ksn, ksnOffset, KsnLength);
            CryptoArgs.CheckRange(dst, dstOffset, KeyLength(type));
            CheckUsage(usage);
            return StrongEnough(keyLength, type);
        }

        // Only AES keys derive (X9.24-3 6.3.1); the derivation key's own type goes into the 8000/8001 data.
        private static DukptAesKeyType DerivationKeyType(int keyLength)
        {
            switch (keyLength)
            {
                case 16: return DukptAesKeyType.Aes128;
                case 24: return DukptAesKeyType.Aes192;
                case 32: return DukptAesKeyType.Aes256;
                default: throw new ArgumentException();
            }
        }

        // Working-key strength never above the derivation key's: TDEA (at most 112 bits) and AES-128 from any AES
        // derivation key, AES-192 from AES-192/256, AES-256 from AES-256 only.
        private static bool StrongEnough(int derivationKeyLength, DukptAesKeyType type)
        {
            if (type == DukptAesKeyType.Aes192) return derivationKeyLength >= 24;
            if (type == DukptAesKeyType.Aes256) return derivationKeyLength >= 32;
            return true;
        }

        private static void CheckUsage(DukptAesKeyUsage usage)
        {
            switch (usage)
            {
                case DukptAesKeyUsage.KeyEncryptionKey:
                case DukptAesKeyUsage.PinEncryption:
                case DukptAesKeyUsage.MacGeneration:
                case DukptAesKeyUsage.MacVerification:
                case DukptAesKeyUsage.MacBoth:
                case DukptAesKeyUsage.DataEncrypt:
                case DukptAesKeyUsage.DataDecrypt:
                case DukptAesKeyUsage.DataBoth:
                    return;
                default:
                    throw new ArgumentOutOfRangeException();
            }
        }

        private void Wipe()
        {
            Array.Clear(_data, 0, BlockLength);
            Array.Clear(_key, 0, MaxKeyLength);
            Array.Clear(_out, 0, MaxKeyLength);
            _aes.ClearSchedule();
        }

        private static byte[] AesBytes(Ksn ksn)
        {
            if (ksn == null) throw new ArgumentNullException();
            if (!ksn.IsAes) throw new ArgumentException();
            return ksn.Bytes;
        }
    }
}
