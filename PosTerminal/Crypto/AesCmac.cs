namespace PosTerminal.Crypto
{
    /// <summary>
    /// AES-CMAC, NIST SP 800-38B with AES (RFC 4493 for AES-128): a <see cref="Cmac"/> that owns an
    /// <see cref="AesCipher"/> made from the key. The MAC is 16 bytes; verify a truncated one with
    /// <see cref="Cmac.Verify"/>.
    /// </summary>
    public sealed class AesCmac : Cmac
    {
        /// <summary>An AES-CMAC under a 16-, 24- or 32-byte key at <paramref name="key"/>[offset..offset+length).</summary>
        /// <exception cref="System.ArgumentNullException">The key is null.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="System.ArgumentException">The length is not 16, 24 or 32.</exception>
        public AesCmac(byte[] key, int offset, int length)
            : base(new AesCipher(key, offset, length), true)
        {
        }
    }
}
