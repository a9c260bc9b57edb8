using System;
using PosTerminal.Crypto;
using PosTerminal.Util;

namespace PosTerminal.Security
{
    /// <summary>
    /// A key: algorithm and bytes, owned by this object. It shows itself only by algorithm, length and check value
    /// (ToString, <see cref="CheckValue"/>), never its bytes, and wipes them on Dispose. Ciphers made from it by
    /// <see cref="CreateCipher"/> hold their own key schedule and are disposed by the caller.
    /// </summary>
    public sealed class SecretKey : IDisposable
    {
        private byte[] _key;
        private string _checkValue;

        /// <summary>Copies <paramref name="length"/> key bytes. Throws <see cref="ArgumentException"/> for a length the algorithm does not have.</summary>
        public SecretKey(KeyAlgorithm algorithm, byte[] key, int offset, int length)
        {
            if (!IsValidLength(algorithm, length)) throw new ArgumentException();
            Algorithm = algorithm;
            _key = Bytes.Copy(key, offset, length);
        }

        /// <summary>True when <paramref name="length"/> bytes is a key of <paramref name="algorithm"/>.</summary>
        public static bool IsValidLength(KeyAlgorithm algorithm, int length)
        {
            switch (algorithm)
            {
                case KeyAlgorithm.Des: return length == 8;
                case KeyAlgorithm.Tdes: return length == 16 || length == 24;
                case KeyAlgorithm.Aes: return length == 16 || length == 24 || length == 32;
                case KeyAlgorithm.Sm4: return length == 16;
                default: return false;
            }
        }

        /// <summary>The algorithm.</summary>
        public KeyAlgorithm Algorithm { get; }

        /// <summary>Key length in bytes (0 after Dispose).</summary>
        public int Length
        {
            get { return _key == null ? 0 : _key.Length; }
        }

        /// <summary>Digits of the check value shown: 3 bytes (ANSI X9.24-1:2017 caps a legacy check value at 24 bits).</summary>
        public const int CheckValueDigits = 6;

        /// <summary>
        /// The check value as 6 upper-case hex digits: the first 3 bytes of the key's encryption of a zero block; for
        /// AES keys of the CMAC of a zero block (X9.24-3). Computed when first asked for.
        /// </summary>
        public string CheckValue
        {
            get
            {
                if (_checkValue == null)
                {
                    byte[] kcv = new byte[KeyCheckValue.LegacyLength];
                    using (IBlockCipher c = CreateCipher())
                    {
                        if (Algorithm == KeyAlgorithm.Aes) KeyCheckValue.ComputeCmac(c, kcv, 0, kcv.Length);
                        else KeyCheckValue.ComputeLegacy(c, kcv, 0, kcv.Length);
                    }
                    _checkValue = Hex.Encode(kcv);
                }
                return _checkValue;
            }
        }

        /// <summary>
        /// True when <paramref name="length"/> bytes of <paramref name="expected"/> equal the start of the key's
        /// encryption of a zero block (the 4-byte check values of a UnionPay F62), compared in constant time.
        /// </summary>
        public bool CheckValueMatches(byte[] expected, int offset, int length)
        {
            using (IBlockCipher c = CreateCipher())
            {
                return KeyCheckValue.MatchesLegacy(c, expected, offset, length);
            }
        }

        /// <summary>True when this key has the same length and bytes as <paramref name="other"/>.</summary>
        internal bool SameBytes(SecretKey other)
        {
            return Length == other.Length && Bytes.Equal(Key, 0, other.Key, 0, Length);
        }

        /// <summary>True for a 16- or 24-byte TDES key whose first two 8-byte parts are equal (it is single DES).</summary>
        public bool HasEqualHalves
        {
            get { return Algorithm == KeyAlgorithm.Tdes && Bytes.Equal(Key, 0, Key, 8, 8); }
        }

        /// <summary>A new cipher keyed with this key (DES for 8 bytes, TDES, AES or SM4); the caller disposes it.</summary>
        public IBlockCipher CreateCipher()
        {
            byte[] k = Key;
            switch (Algorithm)
            {
                case KeyAlgorithm.Des: return new Des(k, 0, k.Length);
                case KeyAlgorithm.Tdes: return new TripleDes(k, 0, k.Length);
                case KeyAlgorithm.Aes: return new AesCipher(k, 0, k.Length);
                default: return new Sm4(k, 0, k.Length);
            }
        }

        /// <summary>"TDES key (16 bytes), check value 08D7B4" — never the key.</summary>
        public override string ToString()
        {
            return AlgorithmName(Algorithm) + " key (" + Length.ToString() + " bytes), check value " + CheckValue;
        }

        /// <summary>Upper-case name of an algorithm.</summary>
        public static string AlgorithmName(KeyAlgorithm algorithm)
        {
            switch (algorithm)
            {
                case KeyAlgorithm.Des: return "DES";
                case KeyAlgorithm.Tdes: return "TDES";
                case KeyAlgorithm.Aes: return "AES";
                default: return "SM4";
            }
        }

        /// <summary>Wipes the key bytes.</summary>
        public void Dispose()
        {
            Bytes.Wipe(_key);
            _key = null;
        }

        /// <summary>The key bytes, for the crypto layer and the key store's persistence only. Never logged.</summary>
        internal byte[] Key
        {
            get
            {
                if (_key == null) throw new ObjectDisposedException("SecretKey");
                return _key;
            }
        }
    }
}
