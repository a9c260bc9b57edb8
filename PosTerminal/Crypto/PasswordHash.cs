using System;
using PosTerminal.Hal;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// A salted, iterated password hash: PBKDF2-HMAC-SHA-256 (RFC 8018) over a 16-byte random salt, 32-byte result.
    /// Stored as an opaque image of <see cref="EncodedLength"/> bytes (at most <see cref="MaxEncodedLength"/>):
    /// <code>[version 1][iterations u32 BE][salt 16][PBKDF2 output 32]</code>
    /// The iteration count travels with the hash, so a later firmware can raise the default for new passwords while
    /// existing hashes still verify. Holds no password; <see cref="ToString"/> shows only the parameters.
    /// </summary>
    public sealed class PasswordHash
    {
        /// <summary>Format 1: PBKDF2-HMAC-SHA-256, 16-byte salt, 32-byte output.</summary>
        public const byte Version1 = 1;

        /// <summary>Salt length in bytes (NIST SP 800-132 §5.1: at least 128 bits).</summary>
        public const int SaltLength = 16;

        /// <summary>Length of the PBKDF2 output in bytes (one HMAC-SHA-256 block).</summary>
        public const int KeyLength = 32;

        /// <summary>Bytes of an encoded hash of format 1.</summary>
        public const int EncodedLength = 1 + 4 + SaltLength + KeyLength;

        /// <summary>The room the configuration keeps for a password hash.</summary>
        public const int MaxEncodedLength = 64;

        /// <summary>Fewest iterations an image may carry.</summary>
        public const int MinIterations = 1;

        /// <summary>
        /// Most iterations an image may carry: a larger count is refused rather than run (about an hour on the device).
        /// </summary>
        public const int MaxIterations = 1000000;

        private const int IterationsAt = 1;
        private const int SaltAt = 5;
        private const int KeyAt = SaltAt + SaltLength;

        private readonly byte[] _image;

        private PasswordHash(byte[] image)
        {
            _image = image;
        }

        /// <summary>The PBKDF2 iteration count of this hash.</summary>
        public int Iterations
        {
            get
            {
                return (_image[IterationsAt] << 24) | (_image[IterationsAt + 1] << 16) | (_image[IterationsAt + 2] << 8) | _image[IterationsAt + 3];
            }
        }

        /// <summary>
        /// Hashes the password range with a fresh salt from <paramref name="random"/> and <paramref name="iterations"/>
        /// PBKDF2 iterations. The caller still owns (and wipes) the password bytes.
        /// </summary>
        public static PasswordHash Create(byte[] password, int offset, int count, int iterations, IRandom random)
        {
            CryptoArgs.CheckRange(password, offset, count);
            if (random == null) throw new ArgumentNullException();
            if (iterations < MinIterations || iterations > MaxIterations) throw new ArgumentOutOfRangeException();
            byte[] image = new byte[EncodedLength];
            image[0] = Version1;
            image[IterationsAt] = (byte)(iterations >> 24);
            image[IterationsAt + 1] = (byte)(iterations >> 16);
            image[IterationsAt + 2] = (byte)(iterations >> 8);
            image[IterationsAt + 3] = (byte)iterations;
            random.NextBytes(image, SaltAt, SaltLength);
            Pbkdf2.DeriveHmacSha256(password, offset, count, image, SaltAt, SaltLength, iterations, image, KeyAt, KeyLength);
            return new PasswordHash(image);
        }

        /// <summary>
        /// Reads an encoded hash; null when the range is not exactly one image of a known version with an iteration
        /// count in range.
        /// </summary>
        public static PasswordHash Decode(byte[] src, int offset, int count)
        {
            CryptoArgs.CheckRange(src, offset, count);
            if (count != EncodedLength || src[offset] != Version1) return null;
            byte[] image = new byte[EncodedLength];
            Array.Copy(src, offset, image, 0, EncodedLength);
            PasswordHash hash = new PasswordHash(image);
            int iterations = hash.Iterations;
            return iterations < MinIterations || iterations > MaxIterations ? null : hash;
        }

        /// <summary>Writes the image at <paramref name="offset"/>; returns its length (<see cref="EncodedLength"/>).</summary>
        public int Encode(byte[] dst, int offset)
        {
            CryptoArgs.CheckRange(dst, offset, EncodedLength);
            Array.Copy(_image, 0, dst, offset, EncodedLength);
            return EncodedLength;
        }

        /// <summary>
        /// True when the password range hashes to this hash. The result is compared in constant time and the derived
        /// bytes are wiped.
        /// </summary>
        public bool Verify(byte[] password, int offset, int count)
        {
            CryptoArgs.CheckRange(password, offset, count);
            byte[] derived = new byte[KeyLength];
            try
            {
                Pbkdf2.DeriveHmacSha256(password, offset, count, _image, SaltAt, SaltLength, Iterations, derived, 0, KeyLength);
                return ConstantTime.AreEqual(derived, 0, _image, KeyAt, KeyLength);
            }
            finally
            {
                Array.Clear(derived, 0, KeyLength);
            }
        }

        /// <summary>The parameters only, never the salt or the hash.</summary>
        public override string ToString()
        {
            return "PBKDF2-HMAC-SHA256 x" + Iterations.ToString() + " [hash redacted]";
        }
    }
}
