using System;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// Triple DES (TDEA), NIST SP 800-67: encryption is E(K3, D(K2, E(K1, block))), decryption the reverse.
    /// A 16-byte key is the two-key option K1 K2 with K3 = K1 (SP 800-67 keying option 2, the "double-length"
    /// keys of payment systems); a 24-byte key is K1 K2 K3 (keying option 1). Single-length 8-byte keys are refused:
    /// use <see cref="Des"/> for them, so that a key of the wrong length is never silently accepted.
    /// </summary>
    /// <remarks>
    /// The three DES passes share one initial and one final permutation (IP<sup>-1</sup> followed by IP is the
    /// identity), so a block costs 48 table-driven rounds. The three schedules live in one 96-word array owned by the
    /// instance; nothing is allocated per block, nor by <see cref="SetKey"/>.
    /// </remarks>
    public sealed class TripleDes : IBlockCipher
    {
        /// <summary>Length in bytes of a two-key (double-length) key K1 K2.</summary>
        public const int DoubleKeyLength = 16;

        /// <summary>Length in bytes of a three-key (triple-length) key K1 K2 K3.</summary>
        public const int TripleKeyLength = 24;

        private const int K1 = 0;
        private const int K2 = Des.ScheduleWords;
        private const int K3 = 2 * Des.ScheduleWords;

        private uint[] _ks;

        /// <summary>Makes the three key schedules from a 16- or 24-byte key at <paramref name="key"/>[offset..offset+length).</summary>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="ArgumentException">The length is neither 16 nor 24.</exception>
        public TripleDes(byte[] key, int offset, int length)
        {
            CryptoArgs.CheckRange(key, offset, length);
            if (length != DoubleKeyLength && length != TripleKeyLength) throw new ArgumentException();
            _ks = new uint[3 * Des.ScheduleWords];
            Expand(key, offset, length, _ks);
        }

        /// <summary>
        /// Replaces the key with a 16- or 24-byte key at <paramref name="key"/>[offset..offset+length), recomputing
        /// the three schedules into the instance's own array, which always has room for three: either length is
        /// accepted whatever the constructor was given, and nothing is allocated. The arguments are checked before
        /// anything changes; on an exception the old key stays.
        /// </summary>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="ArgumentException">The length is neither 16 nor 24.</exception>
        /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
        public void SetKey(byte[] key, int offset, int length)
        {
            uint[] ks = _ks;
            if (ks == null) throw new ObjectDisposedException(nameof(TripleDes));
            CryptoArgs.CheckRange(key, offset, length);
            if (length != DoubleKeyLength && length != TripleKeyLength) throw new ArgumentException();
            Expand(key, offset, length, ks);
        }

        /// <summary>Zeroes the schedules but keeps the instance usable for <see cref="SetKey"/> (see <see cref="Des"/>).</summary>
        internal void ClearSchedule()
        {
            uint[] ks = _ks;
            if (ks != null) Array.Clear(ks, 0, ks.Length);
        }

        private static void Expand(byte[] key, int offset, int length, uint[] ks)
        {
            Des.ExpandKey(key, offset, ks, K1);
            Des.ExpandKey(key, offset + Des.KeyLength, ks, K2);
            if (length == TripleKeyLength) Des.ExpandKey(key, offset + 2 * Des.KeyLength, ks, K3);
            else Array.Copy(ks, K1, ks, K3, Des.ScheduleWords);
        }

        /// <summary>8.</summary>
        public int BlockSize
        {
            get { return Des.BlockLength; }
        }

        /// <summary>Encrypts one 8-byte block: E(K3, D(K2, E(K1, block))).</summary>
        public void EncryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            uint[] ks = _ks;
            if (ks == null) throw new ObjectDisposedException(nameof(TripleDes));
            uint left = Bytes.ReadUInt32BE(src, srcOffset);
            uint right = Bytes.ReadUInt32BE(src, srcOffset + 4);
            Des.InitialPermutation(ref left, ref right);
            Des.Crypt(ks, K1, false, ref left, ref right);
            Des.Crypt(ks, K2, true, ref left, ref right);
            Des.Crypt(ks, K3, false, ref left, ref right);
            Des.FinalPermutation(ref left, ref right);
            Bytes.WriteUInt32BE(left, dst, dstOffset);
            Bytes.WriteUInt32BE(right, dst, dstOffset + 4);
        }

        /// <summary>Decrypts one 8-byte block: D(K1, E(K2, D(K3, block))).</summary>
        public void DecryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            uint[] ks = _ks;
            if (ks == null) throw new ObjectDisposedException(nameof(TripleDes));
            uint left = Bytes.ReadUInt32BE(src, srcOffset);
            uint right = Bytes.ReadUInt32BE(src, srcOffset + 4);
            Des.InitialPermutation(ref left, ref right);
            Des.Crypt(ks, K3, true, ref left, ref right);
            Des.Crypt(ks, K2, false, ref left, ref right);
            Des.Crypt(ks, K1, true, ref left, ref right);
            Des.FinalPermutation(ref left, ref right);
            Bytes.WriteUInt32BE(left, dst, dstOffset);
            Bytes.WriteUInt32BE(right, dst, dstOffset + 4);
        }

        /// <summary>Wipes the key schedules; the instance cannot be used afterwards.</summary>
        public void Dispose()
        {
            uint[] ks = _ks;
            _ks = null;
            if (ks != null) Array.Clear(ks, 0, ks.Length);
        }
    }
}
