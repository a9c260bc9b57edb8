using System;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// ECB and CBC over caller-supplied buffers (NIST SP 800-38A 6.1 and 6.2; no padding: payment data is padded by
    /// the format that carries it). Nothing is allocated. Source and destination may be the same range or ranges that
    /// do not overlap; partially overlapping ranges are not supported.
    /// </summary>
    /// <remarks>
    /// CBC keeps its chaining value in the caller's IV buffer: on entry it holds the IV, on return the last ciphertext
    /// block, so a long message can be processed in several calls. Pass a copy when the IV must be kept.
    /// </remarks>
    public static class BlockModes
    {
        /// <summary>Encrypts <paramref name="count"/> bytes block by block (ECB).</summary>
        /// <exception cref="ArgumentNullException">A cipher or buffer is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="count"/> is not a non-negative multiple of the block size.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
        public static void EncryptEcb(IBlockCipher cipher, byte[] src, int srcOffset, int count, byte[] dst, int dstOffset)
        {
            int bs = Check(cipher, src, srcOffset, count, dst, dstOffset);
            for (int i = 0; i < count; i += bs) cipher.EncryptBlock(src, srcOffset + i, dst, dstOffset + i);
        }

        /// <summary>Decrypts <paramref name="count"/> bytes block by block (ECB).</summary>
        /// <exception cref="ArgumentNullException">A cipher or buffer is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="count"/> is not a non-negative multiple of the block size.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
        public static void DecryptEcb(IBlockCipher cipher, byte[] src, int srcOffset, int count, byte[] dst, int dstOffset)
        {
            int bs = Check(cipher, src, srcOffset, count, dst, dstOffset);
            for (int i = 0; i < count; i += bs) cipher.DecryptBlock(src, srcOffset + i, dst, dstOffset + i);
        }

        /// <summary>
        /// CBC encryption: C(i) = E(P(i) XOR C(i-1)), C(0) = the block at <paramref name="iv"/>[ivOffset], which is
        /// replaced by the last ciphertext block.
        /// </summary>
        /// <exception cref="ArgumentNullException">A cipher or buffer is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="count"/> is not a non-negative multiple of the block size.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
        public static void EncryptCbc(IBlockCipher cipher, byte[] src, int srcOffset, int count, byte[] dst, int dstOffset, byte[] iv, int ivOffset)
        {
            int bs = Check(cipher, src, srcOffset, count, dst, dstOffset);
            CryptoArgs.CheckRange(iv, ivOffset, bs);
            for (int i = 0; i < count; i += bs)
            {
                int s = srcOffset + i;
                int d = dstOffset + i;
                for (int j = 0; j < bs; j++) dst[d + j] = (byte)(src[s + j] ^ iv[ivOffset + j]);
                cipher.EncryptBlock(dst, d, dst, d);
                Array.Copy(dst, d, iv, ivOffset, bs);
            }
        }

        /// <summary>
        /// CBC decryption: P(i) = D(C(i)) XOR C(i-1), C(0) = the block at <paramref name="iv"/>[ivOffset], which is
        /// replaced by the last ciphertext block.
        /// </summary>
        /// <exception cref="ArgumentNullException">A cipher or buffer is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="count"/> is not a non-negative multiple of the block size.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its array.</exception>
        public static void DecryptCbc(IBlockCipher cipher, byte[] src, int srcOffset, int count, byte[] dst, int dstOffset, byte[] iv, int ivOffset)
        {
            int bs = Check(cipher, src, srcOffset, count, dst, dstOffset);
            CryptoArgs.CheckRange(iv, ivOffset, bs);
            for (int i = 0; i < count; i += bs)
            {
                int s = srcOffset + i;
                int d = dstOffset + i;
                // Keep C(i) in locals: in place, the decryption overwrites it before it becomes the next chaining value.
                ulong c0 = ReadUInt64(src, s);
                ulong c1 = bs == 16 ? ReadUInt64(src, s + 8) : 0;
                cipher.DecryptBlock(src, s, dst, d);
                for (int j = 0; j < bs; j++) dst[d + j] ^= iv[ivOffset + j];
                WriteUInt64(c0, iv, ivOffset);
                if (bs == 16) WriteUInt64(c1, iv, ivOffset + 8);
            }
        }

        /// <summary>Validates the arguments common to every mode and returns the block size (8 or 16).</summary>
        private static int Check(IBlockCipher cipher, byte[] src, int srcOffset, int count, byte[] dst, int dstOffset)
        {
            if (cipher == null) throw new ArgumentNullException();
            int bs = cipher.BlockSize;
            if (bs != 8 && bs != 16) throw new ArgumentException();
            if (count < 0 || count % bs != 0) throw new ArgumentException();
            CryptoArgs.CheckRange(src, srcOffset, count);
            CryptoArgs.CheckRange(dst, dstOffset, count);
            return bs;
        }

        private static ulong ReadUInt64(byte[] src, int offset)
        {
            return ((ulong)Bytes.ReadUInt32BE(src, offset) << 32) | Bytes.ReadUInt32BE(src, offset + 4);
        }

        private static void WriteUInt64(ulong value, byte[] dst, int offset)
        {
            Bytes.WriteUInt32BE((uint)(value >> 32), dst, offset);
            Bytes.WriteUInt32BE((uint)value, dst, offset + 4);
        }
    }
}
