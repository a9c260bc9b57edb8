using System;
using PosTerminal.Hal;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// ISO 9564-1:2017 PIN blocks (payments.md §6.2; algorithms as in openemv/pinblock and knovichikhin/psec):
    /// building the clear block, encrypting it under the PIN key in force, and the reverse.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Formats 0, 1, 2 and 3 are 8-byte blocks: control nibble, PIN length N (4..C), the N PIN digits, then fill —
    /// F (formats 0, 2), random or transaction-unique 0-F (format 1), random A-F (format 3). Formats 0 and 3 are
    /// XORed with the PAN field: 0000 then the 12 rightmost PAN digits excluding the check digit, right-justified
    /// and zero-filled on the left when the PAN is shorter (ISO 9564-1:2017 9.3.2.3). Such a block is encrypted as
    /// one ECB block under an 8-byte-block cipher (TDES; DES for single-length legacy keys). Under a 16-byte-block
    /// cipher (SM4, "国密" terminals) the 8-byte block is followed by 8 zero bytes and encrypted as one 16-byte block:
    /// the convention observed in a bank's published SM4 example (M_Kerry, blog.csdn.net/M_Kerry/article/details/104625499,
    /// ciphertext recomputed with two independent SM4s; research notes cup-security.md §4.3). CUP's own SM4 PIN rule
    /// is not public; confirm it with the acquirer.
    /// </para>
    /// <para>
    /// Format 4 (AES) has a 16-byte PIN field — control 4, N, the PIN digits, fill A up to nibble 15, then 8 random
    /// bytes — and a 16-byte PAN field: M = PAN length - 12 (0 when shorter), the PAN (left-zero-filled to 12 digits
    /// when shorter; the check digit is kept), zero-filled. Encryption (ISO 9564-1:2017 9.4.2.3): A = E(K, PIN field),
    /// B = A XOR PAN field, C = E(K, B); decryption reverses the steps.
    /// </para>
    /// <para>
    /// PIN and PAN are ASCII digits in caller buffers. Nothing is allocated: the clear block is built in the
    /// destination and, when encrypting, replaced there by the ciphertext; the PAN field is computed nibble by
    /// nibble and never stored; random fill goes through the destination and locals that are zeroed. Bad PIN or PAN
    /// input and malformed clear blocks give a <see cref="PinBlockStatus"/>; null or short buffers, an unknown
    /// format and a cipher of the wrong block size throw (no prose, no data). Format 2 is for offline PIN to the
    /// chip (EMV VERIFY) and is built here only for that and for the published vectors.
    /// </para>
    /// </remarks>
    public static class PinBlock
    {
        /// <summary>Shortest PIN (ISO 9564-1:2017 8.1).</summary>
        public const int MinPinLength = 4;

        /// <summary>Longest PIN (ISO 9564-1:2017 8.1).</summary>
        public const int MaxPinLength = 12;

        /// <summary>Shortest PAN accepted (ISO/IEC 7812-1: 8 to 19 digits).</summary>
        public const int MinPanLength = 8;

        /// <summary>Longest PAN (ISO/IEC 7812-1).</summary>
        public const int MaxPanLength = 19;

        /// <summary>Length of a clear block of formats 0 to 3.</summary>
        public const int BlockLength = 8;

        /// <summary>Length of the format 4 PIN field, PAN field and enciphered block.</summary>
        public const int Format4Length = 16;

        private const int FillF = 0x0F;
        private const int FillA = 0x0A;
        private const int PanField0Digits = 12;                 // PAN digits in the format 0/3 PAN field
        private const int PanField4MinDigits = 12;              // format 4: shorter PANs are left-zero-filled to 12

        // ---------------------------------------------------------------- sizes

        /// <summary>Bytes of the clear block of <paramref name="format"/>: 8, or 16 for format 4 (the PIN field).</summary>
        public static int ClearLength(PinBlockFormat format)
        {
            CheckFormat(format);
            return format == PinBlockFormat.Iso4 ? Format4Length : BlockLength;
        }

        /// <summary>
        /// Bytes of the enciphered block of <paramref name="format"/> under <paramref name="cipher"/>: the cipher's block
        /// size for formats 0 to 3 (8 under TDES, 16 under SM4), 16 for format 4.
        /// </summary>
        public static int EncryptedLength(PinBlockFormat format, IBlockCipher cipher)
        {
            return CheckCipher(format, cipher);
        }

        // ---------------------------------------------------------------- encoding

        /// <summary>
        /// Builds the clear block of <paramref name="format"/> into <paramref name="dst"/>: 8 bytes for formats 0 to
        /// 3 (formats 0 and 3 already XORed with the PAN field), the 16-byte PIN field for format 4. The PAN is used by
        /// formats 0 and 3 only (may be null otherwise: format 4 binds it in <see cref="EncryptInPlace"/>); <paramref name="random"/> by formats 1, 3 and 4 only (may be
        /// null otherwise). Nothing is written unless the status is Ok.
        /// </summary>
        /// <exception cref="ArgumentNullException">A buffer or a needed random source is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array; an unknown format.</exception>
        public static PinBlockStatus Encode(PinBlockFormat format, byte[] pin, int pinOffset, int pinLength,
            byte[] pan, int panOffset, int panLength, IRandom random, byte[] dst, int dstOffset)
        {
            int length = ClearLength(format);
            CryptoArgs.CheckRange(dst, dstOffset, length);
            PinBlockStatus s = CheckPin(pin, pinOffset, pinLength);
            if (s != PinBlockStatus.Ok) return s;
            if (XorsPanField(format))
            {
                s = CheckPan(pan, panOffset, panLength);
                if (s != PinBlockStatus.Ok) return s;
            }
            if (format != PinBlockFormat.Iso0 && format != PinBlockFormat.Iso2 && random == null) throw new ArgumentNullException();

            switch (format)
            {
                case PinBlockFormat.Iso0:
                case PinBlockFormat.Iso2:
                    WritePinField(format, pin, pinOffset, pinLength, FillF, dst, dstOffset);
                    break;
                case PinBlockFormat.Iso1:
                    {
                        random.NextBytes(dst, dstOffset, BlockLength);
                        ulong fill = ReadUInt64(dst, dstOffset);
                        WritePinField(format, pin, pinOffset, pinLength, 0, dst, dstOffset);
                        for (int k = 2 + pinLength; k < 2 * BlockLength; k++)
                        {
                            SetNibble(dst, dstOffset, k, (int)(fill >> (4 * (2 * BlockLength - 1 - k))) & 0x0F);
                        }
                        fill = 0;
                        break;
                    }
                case PinBlockFormat.Iso3:
                    {
                        // One random byte per fill nibble (at most 10), scaled to A..F as openemv/pinblock does:
                        // 10 + (r * 6 >> 8). Two draws of 8 bytes through the destination, kept in locals.
                        random.NextBytes(dst, dstOffset, BlockLength);
                        ulong r1 = ReadUInt64(dst, dstOffset);
                        random.NextBytes(dst, dstOffset, BlockLength);
                        ulong r2 = ReadUInt64(dst, dstOffset);
                        WritePinField(format, pin, pinOffset, pinLength, 0, dst, dstOffset);
                        for (int k = 2 + pinLength, j = 0; k < 2 * BlockLength; k++, j++)
                        {
                            ulong word = j < 8 ? r1 : r2;
                            int b = (int)(word >> (8 * (7 - (j & 7)))) & 0xFF;
                            SetNibble(dst, dstOffset, k, FillA + ((b * 6) >> 8));
                        }
                        r1 = 0;
                        r2 = 0;
                        break;
                    }
                default: // Iso4
                    WritePinField(format, pin, pinOffset, pinLength, FillA, dst, dstOffset);
                    random.NextBytes(dst, dstOffset + BlockLength, BlockLength);
                    break;
            }

            if (XorsPanField(format))
            {
                for (int k = 2 * BlockLength - PanField0Digits; k < 2 * BlockLength; k++)
                {
                    XorNibble(dst, dstOffset, k, PanField0Nibble(pan, panOffset, panLength, k));
                }
            }
            return PinBlockStatus.Ok;
        }

        /// <summary>
        /// Format 1 with transaction-unique fill instead of random fill (ISO 9564-1:2017 9.3.3): fill nibble k of the
        /// block (k = 2 + N .. 15) is nibble k of the 8-byte value at <paramref name="fill"/>[fillOffset], so a
        /// right-aligned sequence number (e.g. the STAN in BCD) keeps its least significant digits. Writes 8 bytes
        /// unless the status is not Ok.
        /// </summary>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
        public static PinBlockStatus EncodeFormat1(byte[] pin, int pinOffset, int pinLength, byte[] fill, int fillOffset,
            byte[] dst, int dstOffset)
        {
            CryptoArgs.CheckRange(fill, fillOffset, BlockLength);
            CryptoArgs.CheckRange(dst, dstOffset, BlockLength);
            PinBlockStatus s = CheckPin(pin, pinOffset, pinLength);
            if (s != PinBlockStatus.Ok) return s;
            ulong f = ReadUInt64(fill, fillOffset);                 // read first: fill and dst may be the same range
            WritePinField(PinBlockFormat.Iso1, pin, pinOffset, pinLength, 0, dst, dstOffset);
            for (int k = 2 + pinLength; k < 2 * BlockLength; k++)
            {
                SetNibble(dst, dstOffset, k, (int)(f >> (4 * (2 * BlockLength - 1 - k))) & 0x0F);
            }
            return PinBlockStatus.Ok;
        }

        /// <summary>
        /// The 16-byte format 4 PAN field of the PAN (ISO 9564-1:2017 9.4.2.2.3), for tools and tests; encryption
        /// computes it on the fly.
        /// </summary>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
        public static PinBlockStatus EncodePanField4(byte[] pan, int panOffset, int panLength, byte[] dst, int dstOffset)
        {
            CryptoArgs.CheckRange(dst, dstOffset, Format4Length);
            PinBlockStatus s = CheckPan(pan, panOffset, panLength);
            if (s != PinBlockStatus.Ok) return s;
            for (int i = 0; i < Format4Length; i++)
            {
                dst[dstOffset + i] = (byte)((PanField4Nibble(pan, panOffset, panLength, 2 * i) << 4)
                    | PanField4Nibble(pan, panOffset, panLength, 2 * i + 1));
            }
            return PinBlockStatus.Ok;
        }

        // ---------------------------------------------------------------- encryption

        /// <summary>
        /// <see cref="Encode"/> then <see cref="EncryptInPlace"/>: writes the enciphered block,
        /// <see cref="EncryptedLength"/> bytes, into <paramref name="dst"/>. The clear block exists only in
        /// <paramref name="dst"/> and is overwritten by the ciphertext before returning.
        /// </summary>
        /// <exception cref="ArgumentNullException">The cipher, a buffer or a needed random source is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array; an unknown format.</exception>
        /// <exception cref="ArgumentException">The cipher's block size does not suit the format.</exception>
        public static PinBlockStatus Encrypt(PinBlockFormat format, IBlockCipher cipher, byte[] pin, int pinOffset, int pinLength,
            byte[] pan, int panOffset, int panLength, IRandom random, byte[] dst, int dstOffset)
        {
            int length = CheckCipher(format, cipher);
            CryptoArgs.CheckRange(dst, dstOffset, length);
            PinBlockStatus s = CheckPin(pin, pinOffset, pinLength);
            if (s != PinBlockStatus.Ok) return s;
            if (format == PinBlockFormat.Iso4)
            {
                s = CheckPan(pan, panOffset, panLength);           // before the PIN field is written
                if (s != PinBlockStatus.Ok) return s;
            }
            s = Encode(format, pin, pinOffset, pinLength, pan, panOffset, panLength, random, dst, dstOffset);
            if (s != PinBlockStatus.Ok) return s;
            return EncryptInPlace(format, cipher, pan, panOffset, panLength, dst, dstOffset);
        }

        /// <summary>
        /// Encrypts, in place, a clear block built by <see cref="Encode"/> or <see cref="EncodeFormat1"/>: one block
        /// for formats 0 to 3 (zero-padded to 16 bytes first under a 16-byte-block cipher, so the range must then hold
        /// 16 bytes); A = E(K, PIN field), B = A XOR PAN field, C = E(K, B) for format 4 (the PAN is needed only there).
        /// </summary>
        /// <exception cref="ArgumentNullException">The cipher, the block or the format 4 PAN is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array; an unknown format.</exception>
        /// <exception cref="ArgumentException">The cipher's block size does not suit the format.</exception>
        public static PinBlockStatus EncryptInPlace(PinBlockFormat format, IBlockCipher cipher, byte[] pan, int panOffset,
            int panLength, byte[] block, int blockOffset)
        {
            int length = CheckCipher(format, cipher);
            CryptoArgs.CheckRange(block, blockOffset, length);
            if (format != PinBlockFormat.Iso4)
            {
                if (length > BlockLength) Array.Clear(block, blockOffset + BlockLength, length - BlockLength);
                cipher.EncryptBlock(block, blockOffset, block, blockOffset);
                return PinBlockStatus.Ok;
            }
            PinBlockStatus s = CheckPan(pan, panOffset, panLength);
            if (s != PinBlockStatus.Ok) return s;
            cipher.EncryptBlock(block, blockOffset, block, blockOffset);            // A
            XorPanField4(pan, panOffset, panLength, block, blockOffset);            // B
            cipher.EncryptBlock(block, blockOffset, block, blockOffset);            // C
            return PinBlockStatus.Ok;
        }

        /// <summary>
        /// Decrypts an enciphered block (<see cref="EncryptedLength"/> bytes at <paramref name="src"/>) into the clear
        /// block at <paramref name="clear"/>, the same number of bytes: for formats 0 to 3 the 8-byte clear block
        /// (under a 16-byte-block cipher followed by the 8 padding bytes, which must be zero); for format 4 the PIN
        /// field (B = D(K, C), A = B XOR PAN field, PIN field = D(K, A)). Source and destination may be the same range.
        /// The content is not checked here: <see cref="Decode"/> does that. The PAN is needed for format 4 only.
        /// </summary>
        /// <exception cref="ArgumentNullException">The cipher, a buffer or the format 4 PAN is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array; an unknown format.</exception>
        /// <exception cref="ArgumentException">The cipher's block size does not suit the format.</exception>
        public static PinBlockStatus Decrypt(PinBlockFormat format, IBlockCipher cipher, byte[] src, int srcOffset,
            byte[] pan, int panOffset, int panLength, byte[] clear, int clearOffset)
        {
            int length = CheckCipher(format, cipher);
            CryptoArgs.CheckRange(src, srcOffset, length);
            CryptoArgs.CheckRange(clear, clearOffset, length);
            if (format != PinBlockFormat.Iso4)
            {
                cipher.DecryptBlock(src, srcOffset, clear, clearOffset);
                for (int i = BlockLength; i < length; i++)
                {
                    if (clear[clearOffset + i] != 0)
                    {
                        Array.Clear(clear, clearOffset, length);
                        return PinBlockStatus.PaddingInvalid;
                    }
                }
                return PinBlockStatus.Ok;
            }
            PinBlockStatus s = CheckPan(pan, panOffset, panLength);
            if (s != PinBlockStatus.Ok) return s;
            cipher.DecryptBlock(src, srcOffset, clear, clearOffset);                // B
            XorPanField4(pan, panOffset, panLength, clear, clearOffset);            // A
            cipher.DecryptBlock(clear, clearOffset, clear, clearOffset);            // PIN field
            return PinBlockStatus.Ok;
        }

        // ---------------------------------------------------------------- decoding

        /// <summary>
        /// Reads the PIN out of a clear block (formats 0 to 3: 8 bytes, formats 0 and 3 un-XORed with the PAN field;
        /// format 4: the 16-byte PIN field), checking the control nibble, the length nibble, the PIN digits and every
        /// fill nibble (F for formats 0 and 2, A-F for format 3, A for format 4; any for format 1; the 8 random bytes
        /// of format 4 are not checked). Writes the N ASCII digits at <paramref name="pin"/> only when the status is
        /// Ok; <paramref name="pinLength"/> is N then, 0 otherwise. The PAN is used by formats 0 and 3 only (format
        /// 4's PIN field comes out of <see cref="Decrypt"/> already unbound).
        /// </summary>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array (the PIN range must hold N bytes); an unknown format.</exception>
        public static PinBlockStatus Decode(PinBlockFormat format, byte[] clear, int clearOffset, byte[] pan, int panOffset,
            int panLength, byte[] pin, int pinOffset, out int pinLength)
        {
            pinLength = 0;
            CryptoArgs.CheckRange(clear, clearOffset, ClearLength(format));
            bool xorPan = XorsPanField(format);
            if (xorPan)
            {
                PinBlockStatus s = CheckPan(pan, panOffset, panLength);
                if (s != PinBlockStatus.Ok) return s;
            }

            if (GetNibble(clear, clearOffset, 0) != (int)format) return PinBlockStatus.ControlInvalid;
            int n = GetNibble(clear, clearOffset, 1);                // nibbles 0 and 1 are never XORed with the PAN
            if (n < MinPinLength || n > MaxPinLength) return PinBlockStatus.PinLengthInvalid;
            for (int k = 2; k < 2 + n; k++)
            {
                if (ClearNibble(clear, clearOffset, pan, panOffset, panLength, xorPan, k) > 9) return PinBlockStatus.PinNotDigits;
            }
            for (int k = 2 + n; k < 2 * BlockLength; k++)
            {
                int v = ClearNibble(clear, clearOffset, pan, panOffset, panLength, xorPan, k);
                bool ok;
                switch (format)
                {
                    case PinBlockFormat.Iso1: ok = true; break;
                    case PinBlockFormat.Iso3: ok = v >= FillA; break;
                    case PinBlockFormat.Iso4: ok = v == FillA; break;
                    default: ok = v == FillF; break;               // Iso0, Iso2
                }
                if (!ok) return PinBlockStatus.FillInvalid;
            }

            CryptoArgs.CheckRange(pin, pinOffset, n);
            for (int i = 0; i < n; i++)
            {
                pin[pinOffset + i] = (byte)('0' + ClearNibble(clear, clearOffset, pan, panOffset, panLength, xorPan, 2 + i));
            }
            pinLength = n;
            return PinBlockStatus.Ok;
        }

        // ---------------------------------------------------------------- internals

        // Formats 0 and 3 XOR the clear block with the PAN field; format 4 binds the PAN only while enciphering.
        private static bool XorsPanField(PinBlockFormat format)
        {
            return format == PinBlockFormat.Iso0 || format == PinBlockFormat.Iso3;
        }

        private static void CheckFormat(PinBlockFormat format)
        {
            if ((int)format > (int)PinBlockFormat.Iso4) throw new ArgumentOutOfRangeException();
        }

        // Length of the enciphered block; throws unless the cipher suits the format.
        private static int CheckCipher(PinBlockFormat format, IBlockCipher cipher)
        {
            CheckFormat(format);
            if (cipher == null) throw new ArgumentNullException();
            int bs = cipher.BlockSize;
            if (format == PinBlockFormat.Iso4)
            {
                if (bs != Format4Length) throw new ArgumentException();
            }
            else if (bs != BlockLength && bs != 2 * BlockLength)
            {
                throw new ArgumentException();
            }
            return bs;
        }

        private static PinBlockStatus CheckPin(byte[] pin, int offset, int length)
        {
            CryptoArgs.CheckRange(pin, offset, length);
            if (length < MinPinLength || length > MaxPinLength) return PinBlockStatus.PinLengthInvalid;
            if (!Ascii.IsDigits(pin, offset, length)) return PinBlockStatus.PinNotDigits;
            return PinBlockStatus.Ok;
        }

        private static PinBlockStatus CheckPan(byte[] pan, int offset, int length)
        {
            CryptoArgs.CheckRange(pan, offset, length);
            if (length < MinPanLength || length > MaxPanLength) return PinBlockStatus.PanLengthInvalid;
            if (!Ascii.IsDigits(pan, offset, length)) return PinBlockStatus.PanNotDigits;
            return PinBlockStatus.Ok;
        }

        // Control nibble, N, the PIN digits, then fill nibbles of value fill up to the end of the first 8 bytes.
        private static void WritePinField(PinBlockFormat format, byte[] pin, int pinOffset, int pinLength, int fill,
            byte[] dst, int dstOffset)
        {
            dst[dstOffset] = (byte)(((int)format << 4) | pinLength);
            for (int k = 2; k < 2 * BlockLength; k++)
            {
                int i = k - 2;
                SetNibble(dst, dstOffset, k, i < pinLength ? pin[pinOffset + i] - '0' : fill);
            }
        }

        // Nibble k (0..15) of the format 0/3 PAN field: 0000, then the 12 digits left of the check digit,
        // right-justified, zero-filled on the left (ISO 9564-1:2017 9.3.2.3).
        private static int PanField0Nibble(byte[] pan, int panOffset, int panLength, int k)
        {
            if (k < 2 * BlockLength - PanField0Digits) return 0;
            int index = panLength - 1 - (2 * BlockLength - k);       // k = 15 -> the digit before the check digit
            return index < 0 ? 0 : pan[panOffset + index] - '0';
        }

        // Nibble k (0..31) of the format 4 PAN field: M, then the PAN (left-zero-filled to 12 digits), then zeros.
        private static int PanField4Nibble(byte[] pan, int panOffset, int panLength, int k)
        {
            int width = panLength < PanField4MinDigits ? PanField4MinDigits : panLength;
            if (k == 0) return width - PanField4MinDigits;          // M: 0..7 (ISO 9564-1:2017 9.4.2.2.3)
            if (k > width) return 0;
            int index = k - 1 - (width - panLength);
            return index < 0 ? 0 : pan[panOffset + index] - '0';
        }

        private static void XorPanField4(byte[] pan, int panOffset, int panLength, byte[] block, int blockOffset)
        {
            for (int i = 0; i < Format4Length; i++)
            {
                block[blockOffset + i] ^= (byte)((PanField4Nibble(pan, panOffset, panLength, 2 * i) << 4)
                    | PanField4Nibble(pan, panOffset, panLength, 2 * i + 1));
            }
        }

        // Nibble k of the PIN field: the block's nibble, XORed with the PAN field for formats 0 and 3.
        private static int ClearNibble(byte[] clear, int clearOffset, byte[] pan, int panOffset, int panLength, bool xorPan, int k)
        {
            int v = GetNibble(clear, clearOffset, k);
            return xorPan ? v ^ PanField0Nibble(pan, panOffset, panLength, k) : v;
        }

        private static int GetNibble(byte[] b, int offset, int k)
        {
            int v = b[offset + (k >> 1)];
            return (k & 1) == 0 ? v >> 4 : v & 0x0F;
        }

        private static void SetNibble(byte[] b, int offset, int k, int value)
        {
            int i = offset + (k >> 1);
            if ((k & 1) == 0) b[i] = (byte)((b[i] & 0x0F) | (value << 4));
            else b[i] = (byte)((b[i] & 0xF0) | (value & 0x0F));
        }

        private static void XorNibble(byte[] b, int offset, int k, int value)
        {
            b[offset + (k >> 1)] ^= (byte)((k & 1) == 0 ? value << 4 : value);
        }

        private static ulong ReadUInt64(byte[] src, int offset)
        {
            return ((ulong)Bytes.ReadUInt32BE(src, offset) << 32) | Bytes.ReadUInt32BE(src, offset + 4);
        }
    }
}
