using System;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// PBKDF2 (RFC 8018 §5.2, formerly PKCS #5 v2.0 / RFC 2898) with the pseudorandom function HMAC-SHA-256 (hLen = 32).
    /// Used to hash console passwords (see PasswordHash). Each iteration after the first is one HMAC of a 32-byte
    /// block: two SHA-256 compressions.
    /// </summary>
    public static class Pbkdf2
    {
        /// <summary>
        /// DK = PBKDF2(P, S, c, dkLen): derives <paramref name="dkLength"/> bytes into <paramref name="dk"/> from the
        /// password range, the salt range and <paramref name="iterations"/> (c &gt;= 1). Every intermediate value is
        /// wiped before returning.
        /// </summary>
        public static void DeriveHmacSha256(
            byte[] password, int passwordOffset, int passwordLength,
            byte[] salt, int saltOffset, int saltLength,
            int iterations,
            byte[] dk, int dkOffset, int dkLength)
        {
            CryptoArgs.CheckRange(password, passwordOffset, passwordLength);
            CryptoArgs.CheckRange(salt, saltOffset, saltLength);
            CryptoArgs.CheckRange(dk, dkOffset, dkLength);
            if (iterations < 1) throw new ArgumentOutOfRangeException();

            uint[] u = new uint[8];
            uint[] t = new uint[8];
            byte[] block = new byte[Sha256.HashLength];
            byte[] index = new byte[4];
            HmacSha256 prf = new HmacSha256(password, passwordOffset, passwordLength);
            try
            {
                int produced = 0;
                for (uint i = 1; produced < dkLength; i++)
                {
                    // U_1 = PRF(P, S || INT(i)), INT(i) a four-octet big-endian block index
                    index[0] = (byte)(i >> 24);
                    index[1] = (byte)(i >> 16);
                    index[2] = (byte)(i >> 8);
                    index[3] = (byte)i;
                    prf.Update(salt, saltOffset, saltLength);
                    prf.Update(index, 0, 4);
                    prf.Final(block, 0);
                    Sha256.ReadWords(block, 0, u, 8);
                    Array.Copy(u, t, 8);
                    // U_j = PRF(P, U_{j-1}); T_i = U_1 ^ U_2 ^ ... ^ U_c
                    for (int j = 2; j <= iterations; j++)
                    {
                        prf.ComputeDigestWords(u, u);
                        for (int k = 0; k < 8; k++) t[k] ^= u[k];
                    }
                    Sha256.WriteWords(t, block, 0);
                    int n = dkLength - produced;
                    if (n > Sha256.HashLength) n = Sha256.HashLength;
                    Array.Copy(block, 0, dk, dkOffset + produced, n);
                    produced += n;
                }
            }
            finally
            {
                prf.Dispose();
                Array.Clear(u, 0, 8);
                Array.Clear(t, 0, 8);
                Array.Clear(block, 0, block.Length);
            }
        }
    }
}
