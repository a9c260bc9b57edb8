using System;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// TDES DUKPT, ANSI X9.24-1:2009 (algorithm as in Annex A; vectors A.4; payments.md §6.1 and §9.2).
    /// <para>
    /// The KSN is 10 bytes: a 59-bit initial KSN, then a 21-bit transaction counter. The initial PIN encryption key
    /// (IPEK) comes from the BDK and the KSN with its counter cleared (<see cref="DeriveIpek"/>, for the host side,
    /// the simulator and tests). The transaction key for a counter is derived here from the IPEK by walking the
    /// counter's set bits from the most significant one down: each bit is ORed into the shift register and the
    /// non-reversible key generation process (A.2) is applied (the receiving side's view, at most 10 steps). The
    /// terminal itself never keeps the IPEK: it runs the originating-device algorithm of A.2 in
    /// <see cref="DukptTdesDevice"/> (21 future key registers, the IPEK erased once they exist), built on the
    /// primitives of this class.
    /// </para>
    /// <para>
    /// Counters with more than 10 one-bits are never used (<see cref="NextCounter"/> skips them); after 1FF800 the
    /// counter is exhausted. Variants (PIN, MAC request/response, data request/response) are applied by
    /// <see cref="ApplyVariant"/>; data keys also pass the one-way function.
    /// </para>
    /// <para>
    /// Keys are byte ranges owned by the caller: every method writes its result into a caller buffer and never
    /// keeps it. The instance holds only fixed scratch registers and one <see cref="Des"/> and one
    /// <see cref="TripleDes"/>, re-keyed with <c>SetKey</c> at each step, so a derivation allocates nothing; the
    /// registers and both schedules are wiped after each derivation and on <see cref="Dispose"/>. No method puts
    /// key bytes in a string or an exception. One instance is not thread-safe; use one per thread.
    /// </para>
    /// </summary>
    public sealed class DukptTdes : IDisposable
    {
        /// <summary>Length of the BDK, IPEK, transaction key and variant keys: double-length TDES.</summary>
        public const int KeyLength = 16;

        /// <summary>Length of the KSN in bytes.</summary>
        public const int KsnLength = Ksn.TdesLength;

        /// <summary>The 21 counter bits of the KSN (its rightmost 21 bits).</summary>
        public const uint CounterMask = 0x1FFFFF;

        /// <summary>An originating device never uses a counter with more one-bits than this (X9.24-1 A.1).</summary>
        public const int MaxOneBits = 10;

        /// <summary>The last valid counter: the ten highest counter bits set. Advancing past it exhausts the device.</summary>
        public const uint LastCounter = 0x1FF800;

        private const int CounterBits = 21;
        private const int HalfLength = 8;

        // X9.24-1 A.2 step 4 (and IPEK derivation A.6): the key register XOR C0C0C0C0 00000000 C0C0C0C0 00000000.
        private static readonly byte[] s_keyMask =
        {
            0xC0, 0xC0, 0xC0, 0xC0, 0x00, 0x00, 0x00, 0x00, 0xC0, 0xC0, 0xC0, 0xC0, 0x00, 0x00, 0x00, 0x00,
        };

        private readonly byte[] _key = new byte[KeyLength];        // key register
        private readonly byte[] _maskedKey = new byte[KeyLength];  // key register XOR s_keyMask
        private readonly byte[] _ksnRegister = new byte[HalfLength]; // rightmost 8 KSN bytes, counter = shift-register walk
        private readonly byte[] _cr1 = new byte[HalfLength];       // crypto register 1
        private readonly byte[] _cr2 = new byte[HalfLength];       // crypto register 2
        private readonly byte[] _ipek = new byte[KeyLength];       // host-side convenience: IPEK derived from a BDK

        // One cipher of each kind for the life of the instance, re-keyed per step with SetKey (nothing allocated per
        // derivation); their schedules are cleared by Wipe, after every derivation.
        private readonly Des _des;
        private readonly TripleDes _tdes;

        /// <summary>Allocates the scratch registers and the two ciphers (under the all-zero key) once.</summary>
        public DukptTdes()
        {
            _des = new Des(_key, 0, HalfLength);
            _tdes = new TripleDes(_key, 0, KeyLength);
        }

        // ---------------------------------------------------------------- counters

        /// <summary>The 21-bit transaction counter of the 10-byte KSN at <paramref name="offset"/>.</summary>
        public static uint ReadCounter(byte[] ksn, int offset)
        {
            return (((uint)ksn[offset + 7] & 0x1Fu) << 16) | ((uint)ksn[offset + 8] << 8) | (uint)ksn[offset + 9];
        }

        /// <summary>Writes the 21-bit counter into the 10-byte KSN at <paramref name="offset"/>, keeping its other bits.</summary>
        public static void WriteCounter(uint counter, byte[] ksn, int offset)
        {
            ksn[offset + 7] = (byte)((ksn[offset + 7] & 0xE0) | (int)((counter >> 16) & 0x1F));
            ksn[offset + 8] = (byte)(counter >> 8);
            ksn[offset + 9] = (byte)counter;
        }

        /// <summary>True for a counter an originating device may use: 1..1FFFFF with at most 10 one-bits.</summary>
        public static bool IsValidCounter(uint counter)
        {
            return counter != 0 && counter <= CounterMask && DukptCounter.OneBits(counter) <= MaxOneBits;
        }

        /// <summary>
        /// The counter after <paramref name="counter"/>: counter + 1, or, while that has more than 10 one-bits, the
        /// value plus its lowest set bit (X9.24-1 A.2 "add the shift register to the counter"; the jumps of the
        /// A.4.3 rollover sequence, e.g. 0FFC00 to 100000). Returns <see cref="DukptStatus.Exhausted"/> when the
        /// next value would pass the 21-bit field (after <see cref="LastCounter"/>);
        /// <see cref="DukptStatus.CounterInvalid"/> for a counter wider than 21 bits. <paramref name="next"/> is
        /// <paramref name="counter"/> unless the status is Ok.
        /// </summary>
        public static DukptStatus NextCounter(uint counter, out uint next)
        {
            next = counter;
            if (counter > CounterMask) return DukptStatus.CounterInvalid;
            return DukptCounter.Next(counter, CounterMask, MaxOneBits, out next);
        }

        // ---------------------------------------------------------------- keys

        /// <summary>
        /// IPEK (initial key) from a 16-byte BDK and a 10-byte KSN (X9.24-1 A.6): the leftmost 8 KSN bytes with the
        /// counter bits cleared are TDES-encrypted under the BDK (left half) and under BDK XOR
        /// C0C0C0C000000000C0C0C0C000000000 (right half). Writes 16 bytes. Host side only: a terminal receives its
        /// IPEK injected and never sees the BDK.
        /// </summary>
        public void DeriveIpek(byte[] bdk, int bdkOffset, byte[] ksn, int ksnOffset, byte[] ipek, int ipekOffset)
        {
            CryptoArgs.CheckRange(bdk, bdkOffset, KeyLength);
            CryptoArgs.CheckRange(ksn, ksnOffset, KsnLength);
            CryptoArgs.CheckRange(ipek, ipekOffset, KeyLength);
            try
            {
                Array.Copy(ksn, ksnOffset, _cr1, 0, HalfLength);
                _cr1[HalfLength - 1] &= 0xE0;                            // clear the 5 counter bits of byte 7
                for (int i = 0; i < KeyLength; i++) _maskedKey[i] = (byte)(bdk[bdkOffset + i] ^ s_keyMask[i]);
                TripleDesEncrypt(bdk, bdkOffset, _cr1, 0, _cr2, 0);      // left half
                TripleDesEncrypt(_maskedKey, 0, _cr1, 0, _cr1, 0);       // right half
                Array.Copy(_cr2, 0, ipek, ipekOffset, HalfLength);
                Array.Copy(_cr1, 0, ipek, ipekOffset + HalfLength, HalfLength);
            }
            finally
            {
                Wipe();
            }
        }

        /// <summary>
        /// The transaction key (the "future key" of X9.24-1, no variant) for the counter of the 10-byte KSN, derived
        /// from the IPEK. Writes 16 bytes into <paramref name="dst"/> only when the status is Ok;
        /// <see cref="DukptStatus.CounterInvalid"/> for counter 0 or a counter with more than 10 one-bits.
        /// <paramref name="dst"/> may be the IPEK's own range.
        /// </summary>
        public DukptStatus DeriveTransactionKey(byte[] ipek, int ipekOffset, byte[] ksn, int ksnOffset, byte[] dst, int dstOffset)
        {
            CryptoArgs.CheckRange(ipek, ipekOffset, KeyLength);
            CryptoArgs.CheckRange(ksn, ksnOffset, KsnLength);
            CryptoArgs.CheckRange(dst, dstOffset, KeyLength);
            uint counter = ReadCounter(ksn, ksnOffset);
            if (!IsValidCounter(counter)) return DukptStatus.CounterInvalid;
            try
            {
                Array.Copy(ipek, ipekOffset, _key, 0, KeyLength);
                Array.Copy(ksn, ksnOffset + KsnLength - HalfLength, _ksnRegister, 0, HalfLength);
                _ksnRegister[5] &= 0xE0;                                 // counter bits cleared: bits are ORed back in
                _ksnRegister[6] = 0;
                _ksnRegister[7] = 0;
                for (uint bit = 1u << (CounterBits - 1); bit != 0; bit >>= 1)
                {
                    if ((counter & bit) == 0) continue;
                    _ksnRegister[5] |= (byte)(bit >> 16);
                    _ksnRegister[6] |= (byte)(bit >> 8);
                    _ksnRegister[7] |= (byte)bit;
                    GenerateKey();
                }
                Array.Copy(_key, 0, dst, dstOffset, KeyLength);
                return DukptStatus.Ok;
            }
            finally
            {
                Wipe();
            }
        }

        /// <summary>
        /// The key of <paramref name="variant"/> for the KSN's counter: <c>DeriveTransactionKey</c> then
        /// <see cref="ApplyVariant"/>. Writes 16 bytes only when the status is Ok.
        /// </summary>
        public DukptStatus DeriveKey(byte[] ipek, int ipekOffset, byte[] ksn, int ksnOffset, DukptTdesVariant variant,
            byte[] dst, int dstOffset)
        {
            DukptStatus s = DeriveTransactionKey(ipek, ipekOffset, ksn, ksnOffset, dst, dstOffset);
            if (s == DukptStatus.Ok) ApplyVariant(variant, dst, dstOffset);
            return s;
        }

        /// <summary>
        /// Host side in one call: the IPEK from the BDK and the KSN, then the key of <paramref name="variant"/> for the
        /// KSN's counter. The IPEK stays in a scratch register that is wiped before returning.
        /// </summary>
        public DukptStatus DeriveKeyFromBdk(byte[] bdk, int bdkOffset, byte[] ksn, int ksnOffset, DukptTdesVariant variant,
            byte[] dst, int dstOffset)
        {
            try
            {
                DeriveIpek(bdk, bdkOffset, ksn, ksnOffset, _ipek, 0);
                return DeriveKey(_ipek, 0, ksn, ksnOffset, variant, dst, dstOffset);
            }
            finally
            {
                Array.Clear(_ipek, 0, KeyLength);
            }
        }

        /// <summary><see cref="DeriveTransactionKey(byte[], int, byte[], int, byte[], int)"/> for a <see cref="Ksn"/>.</summary>
        public DukptStatus DeriveTransactionKey(byte[] ipek, int ipekOffset, Ksn ksn, byte[] dst, int dstOffset)
        {
            return DeriveTransactionKey(ipek, ipekOffset, TdesBytes(ksn), 0, dst, dstOffset);
        }

        /// <summary><see cref="DeriveKey(byte[], int, byte[], int, DukptTdesVariant, byte[], int)"/> for a <see cref="Ksn"/>.</summary>
        public DukptStatus DeriveKey(byte[] ipek, int ipekOffset, Ksn ksn, DukptTdesVariant variant, byte[] dst, int dstOffset)
        {
            return DeriveKey(ipek, ipekOffset, TdesBytes(ksn), 0, variant, dst, dstOffset);
        }

        /// <summary>
        /// One non-reversible key generation process (X9.24-1:2009 A.2, "New Key-3" steps 1-5): the key derived from the
        /// 16-byte <paramref name="key"/> with crypto register 1 = the rightmost 64 bits of the 10-byte KSN at
        /// <paramref name="ksnOffset"/>, its counter replaced by <paramref name="counter"/> (the KSN register ORed with
        /// the shift register). Writes 16 bytes; <paramref name="dst"/> may be the key's own range. For the future key
        /// registers of <see cref="DukptTdesDevice"/>; allocates nothing.
        /// </summary>
        internal void GenerateFutureKey(byte[] key, int keyOffset, byte[] ksn, int ksnOffset, uint counter, byte[] dst, int dstOffset)
        {
            CryptoArgs.CheckRange(key, keyOffset, KeyLength);
            CryptoArgs.CheckRange(ksn, ksnOffset, KsnLength);
            CryptoArgs.CheckRange(dst, dstOffset, KeyLength);
            try
            {
                Array.Copy(key, keyOffset, _key, 0, KeyLength);
                Array.Copy(ksn, ksnOffset + KsnLength - HalfLength, _ksnRegister, 0, HalfLength);
                _ksnRegister[5] = (byte)((_ksnRegister[5] & 0xE0) | (int)((counter >> 16) & 0x1F));
                _ksnRegister[6] = (byte)(counter >> 8);
                _ksnRegister[7] = (byte)counter;
                GenerateKey();
                Array.Copy(_key, 0, dst, dstOffset, KeyLength);
            }
            finally
            {
                Wipe();
            }
        }

        /// <summary>
        /// Turns the 16-byte transaction key at <paramref name="offset"/> into the key of <paramref name="variant"/>,
        /// in place: XOR the variant mask into both halves; for the data variants, then encrypt each half with
        /// TDES-ECB under that variant key (the one-way function of payments.md §6.1, as moov-io/dukpt; without it
        /// the published data ciphertexts do not match). <see cref="DukptTdesVariant.None"/> leaves the key as is.
        /// </summary>
        public void ApplyVariant(DukptTdesVariant variant, byte[] key, int offset)
        {
            CryptoArgs.CheckRange(key, offset, KeyLength);
            int index;                                                   // byte of each half that gets 0xFF
            switch (variant)
            {
                case DukptTdesVariant.None: return;
                case DukptTdesVariant.Pin: index = 7; break;             // 00000000000000FF
                case DukptTdesVariant.MacRequest: index = 6; break;      // 000000000000FF00
                case DukptTdesVariant.MacResponse: index = 4; break;     // 00000000FF000000
                case DukptTdesVariant.DataRequest: index = 5; break;     // 0000000000FF0000
                case DukptTdesVariant.DataResponse: index = 3; break;    // 000000FF00000000
                default: throw new ArgumentOutOfRangeException();
            }
            key[offset + index] ^= 0xFF;
            key[offset + HalfLength + index] ^= 0xFF;
            if (variant == DukptTdesVariant.DataRequest || variant == DukptTdesVariant.DataResponse)
            {
                // One-way function: the key schedule is made from the variant key before either half is replaced.
                TripleDesEncrypt(key, offset, key, offset, key, offset, key, offset + HalfLength, key, offset + HalfLength);
                _tdes.ClearSchedule();
            }
        }

        /// <summary>Wipes the scratch registers. The instance stays usable.</summary>
        public void Dispose()
        {
            Wipe();
            Array.Clear(_ipek, 0, KeyLength);
        }

        // ---------------------------------------------------------------- internals

        // Non-reversible key generation process, X9.24-1:2009 A.2 (steps 1-8), on the key register with the
        // current KSN register as crypto register 1 input:
        //   CR2 = DES[KL](KSNR XOR KR) XOR KR;   K' = K XOR C0C0C0C0 00000000 C0C0C0C0 00000000;
        //   CR1 = DES[K'L](KSNR XOR K'R) XOR K'R; new key register = CR1 || CR2.
        private void GenerateKey()
        {
            for (int i = 0; i < HalfLength; i++) _cr2[i] = (byte)(_ksnRegister[i] ^ _key[HalfLength + i]);
            DesEncrypt(_key, 0, _cr2);
            for (int i = 0; i < HalfLength; i++) _cr2[i] ^= _key[HalfLength + i];

            for (int i = 0; i < KeyLength; i++) _maskedKey[i] = (byte)(_key[i] ^ s_keyMask[i]);
            for (int i = 0; i < HalfLength; i++) _cr1[i] = (byte)(_ksnRegister[i] ^ _maskedKey[HalfLength + i]);
            DesEncrypt(_maskedKey, 0, _cr1);
            for (int i = 0; i < HalfLength; i++) _cr1[i] ^= _maskedKey[HalfLength + i];

            Array.Copy(_cr1, 0, _key, 0, HalfLength);
            Array.Copy(_cr2, 0, _key, HalfLength, HalfLength);
        }

        // Single DES, in place, under the 8-byte key at keyOffset (the instance's cipher, re-keyed).
        private void DesEncrypt(byte[] key, int keyOffset, byte[] block)
        {
            _des.SetKey(key, keyOffset, HalfLength);
            _des.EncryptBlock(block, 0, block, 0);
        }

        // One block of 2-key TDES-ECB under the 16-byte key at keyOffset.
        private void TripleDesEncrypt(byte[] key, int keyOffset, byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            _tdes.SetKey(key, keyOffset, KeyLength);
            _tdes.EncryptBlock(src, srcOffset, dst, dstOffset);
        }

        // Two blocks of 2-key TDES-ECB under one key schedule (the key may be overwritten by the results: the schedule
        // is made before either block is encrypted).
        private void TripleDesEncrypt(byte[] key, int keyOffset, byte[] src1, int src1Offset, byte[] dst1, int dst1Offset,
            byte[] src2, int src2Offset, byte[] dst2, int dst2Offset)
        {
            _tdes.SetKey(key, keyOffset, KeyLength);
            _tdes.EncryptBlock(src1, src1Offset, dst1, dst1Offset);
            _tdes.EncryptBlock(src2, src2Offset, dst2, dst2Offset);
        }

        private void Wipe()
        {
            Array.Clear(_key, 0, KeyLength);
            Array.Clear(_maskedKey, 0, KeyLength);
            Array.Clear(_ksnRegister, 0, HalfLength);
            Array.Clear(_cr1, 0, HalfLength);
            Array.Clear(_cr2, 0, HalfLength);
            _des.ClearSchedule();
            _tdes.ClearSchedule();
        }

        private static byte[] TdesBytes(Ksn ksn)
        {
            if (ksn == null) throw new ArgumentNullException();
            if (ksn.IsAes) throw new ArgumentException();
            return ksn.Bytes;
        }
    }
}
