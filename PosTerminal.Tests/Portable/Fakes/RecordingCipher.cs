using System;
using PosTerminal.Crypto;
using PosTerminal.Util;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// An identity "cipher" that records the last block it was handed, so a test can check which bytes a convention
    /// selects for encryption (the UnionPay TDB of a track) against published examples that print the block but no key.
    /// </summary>
    public sealed class RecordingCipher : IBlockCipher
    {
        private readonly int _blockSize;

        /// <summary>An identity cipher of <paramref name="blockSize"/> bytes.</summary>
        public RecordingCipher(int blockSize)
        {
            _blockSize = blockSize;
        }

        /// <summary>Hex of the last block passed to EncryptBlock or DecryptBlock, or null.</summary>
        public string LastBlockHex;

        /// <summary>Calls so far.</summary>
        public int Blocks;

        /// <summary>The block size given to the constructor.</summary>
        public int BlockSize
        {
            get { return _blockSize; }
        }

        /// <summary>Records the block and copies it unchanged.</summary>
        public void EncryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            Record(src, srcOffset, dst, dstOffset);
        }

        /// <summary>Records the block and copies it unchanged.</summary>
        public void DecryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            Record(src, srcOffset, dst, dstOffset);
        }

        /// <summary>Nothing to wipe.</summary>
        public void Dispose()
        {
        }

        private void Record(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            LastBlockHex = Hex.Encode(src, srcOffset, _blockSize);
            Blocks++;
            Array.Copy(src, srcOffset, dst, dstOffset, _blockSize);
        }
    }
}
