#nullable enable
using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace AcquirerSimulator.Security;

/// <summary>ISO/IEC 9797-1 padding methods.</summary>
public enum Iso9797Padding
{
    /// <summary>Method 1: zero bytes up to a block boundary (an empty message becomes one zero block).</summary>
    Method1 = 1,

    /// <summary>Method 2: 0x80, then zero bytes up to a block boundary (always at least one byte).</summary>
    Method2 = 2,

    /// <summary>Method 3: a block holding the bit length (big-endian, right-justified) in front, then method-1 zeros (none for an empty message).</summary>
    Method3 = 3,
}

/// <summary>How the SM4 UnionPay MAC is put into F64 (cup-security.md §4.1: the wire encoding is not confirmed).</summary>
public enum CupSm4MacOutput
{
    /// <summary>The first N hex characters of the final block as ASCII (as in the DES form; N = 8 fills F64).</summary>
    HexAscii,

    /// <summary>The first N bytes of the final block, binary (Centerm's PED "CUP_SM4" result, hex-decoded).</summary>
    Binary,
}

/// <summary>
/// The simulator's MACs: the UnionPay POS "ECB" MAC (DES/TDES and the SM4 variant), ISO/IEC 9797-1 algorithms 1 and 3
/// (ANSI X9.9 / X9.19 retail MAC) and CMAC (AES, SM4, TDES through BouncyCastle's <see cref="CMac"/>). Outputs are the
/// full final block unless said otherwise; callers truncate to the leftmost bytes they need.
/// </summary>
public static class HostMac
{
    /// <summary>
    /// The UnionPay POS "ECB" MAC as F64 carries it: 8 ASCII upper-case hex characters. MAB = the message from the MTI
    /// through the last field before F64 (no length, TPDU or header). DES for an 8-byte MAK, TDES for a 16-byte MAK
    /// (payments.md §2.6(a); blog.51cto.com/xiaohaiwa/5379715; published examples in cup-security.md §1).
    /// </summary>
    public static byte[] CupEcb(ReadOnlySpan<byte> mak, ReadOnlySpan<byte> mab)
    {
        if (mak.Length is not (8 or 16 or 24)) throw new ArgumentException("the MAK is 8 or 16 bytes", nameof(mak));
        byte[] final = CupFinalBlock(HostCipher.DesFamilyFor(mak.Length), mak, mab);
        return HexAscii(final, 8);
    }

    /// <summary>
    /// The 国密 variant (payments.md §2.6(d); blog.csdn.net/weixin_39142884/article/details/139765880): 16-byte blocks,
    /// 32 hex characters, SM4 under a 16-byte MAK. <paramref name="output"/> and <paramref name="length"/> choose what
    /// goes to F64: by default the first 8 hex characters as ASCII; <see cref="CupSm4MacOutput.Binary"/> with 8 gives the
    /// first 8 bytes of the final block ("取运算结果的前8字节", Cats-eat-fish/-sm4-MAC-). Confirm with the acquirer.
    /// </summary>
    public static byte[] CupSm4(ReadOnlySpan<byte> mak, ReadOnlySpan<byte> mab, CupSm4MacOutput output = CupSm4MacOutput.HexAscii, int length = 8)
    {
        byte[] final = CupFinalBlock(HostCipherAlgorithm.Sm4, mak, mab);
        if (output == CupSm4MacOutput.HexAscii)
        {
            if (length < 1 || length > 32) throw new ArgumentOutOfRangeException(nameof(length));
            return HexAscii(final, length);
        }
        if (length < 1 || length > 16) throw new ArgumentOutOfRangeException(nameof(length));
        return final.AsSpan(0, length).ToArray();
    }

    /// <summary>
    /// The final block E2 of the UnionPay MAC construction under any block cipher: XOR the zero-padded blocks into R,
    /// H = upper-case hex of R (two blocks of ASCII), E1 = E(H1), E2 = E(E1 ⊕ H2).
    /// </summary>
    public static byte[] CupFinalBlock(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> mak, ReadOnlySpan<byte> mab)
    {
        int bs = HostCipher.BlockSize(algorithm);
        byte[] r = new byte[bs];
        for (int i = 0; i < mab.Length; i++) r[i % bs] ^= mab[i];
        byte[] h = System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(r));
        byte[] e1 = HostCipher.EncryptBlock(algorithm, mak, h.AsSpan(0, bs));
        HostCipher.Xor(e1, h.AsSpan(bs, bs));
        return HostCipher.EncryptBlock(algorithm, mak, e1);
    }

    /// <summary>
    /// ISO/IEC 9797-1 MAC algorithm 1 (CBC-MAC; ANSI X9.9 with DES): the last block of the CBC encryption of the padded
    /// data under <paramref name="key"/> (any <see cref="HostCipherAlgorithm"/>), IV zero unless given.
    /// </summary>
    public static byte[] Iso9797Alg1(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data,
        Iso9797Padding padding = Iso9797Padding.Method1, ReadOnlySpan<byte> iv = default)
    {
        int bs = HostCipher.BlockSize(algorithm);
        byte[] cbc = HostCipher.EncryptCbc(algorithm, key, iv, Pad(data, bs, padding));
        return cbc.AsSpan(cbc.Length - bs).ToArray();
    }

    /// <summary>
    /// ISO/IEC 9797-1 MAC algorithm 3 (ANSI X9.19 retail MAC with DES): CBC-MAC under K, then decrypt under K′ and
    /// encrypt under K″ (= K unless a third key is given). <paramref name="algorithm"/> is the block cipher of K:
    /// <see cref="HostCipherAlgorithm.Des"/> with a 16-byte (K K′) or 24-byte (K K′ K″) key, or
    /// <see cref="HostCipherAlgorithm.Sm4"/> with a 32-byte (K K′) key. Cross-checked in the tests against
    /// BouncyCastle's ISO9797Alg3Mac.
    /// </summary>
    public static byte[] Iso9797Alg3(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data,
        Iso9797Padding padding = Iso9797Padding.Method1)
    {
        if (algorithm == HostCipherAlgorithm.Tdes) algorithm = HostCipherAlgorithm.Des;
        int ks = algorithm == HostCipherAlgorithm.Des ? 8 : algorithm == HostCipherAlgorithm.Sm4 ? 16 : 0;
        if (ks == 0) throw new ArgumentException("algorithm 3 is defined here for DES and SM4", nameof(algorithm));
        if (key.Length != 2 * ks && key.Length != 3 * ks) throw new ArgumentException($"the key is {2 * ks} or {3 * ks} bytes", nameof(key));
        ReadOnlySpan<byte> k = key.Slice(0, ks);
        ReadOnlySpan<byte> k2 = key.Slice(ks, ks);
        ReadOnlySpan<byte> k3 = key.Length == 3 * ks ? key.Slice(2 * ks, ks) : k;
        byte[] h = Iso9797Alg1(algorithm, k, data, padding);
        h = HostCipher.DecryptBlock(algorithm, k2, h);
        return HostCipher.EncryptBlock(algorithm, k3, h);
    }

    /// <summary>ANSI X9.19 retail MAC: algorithm 3, DES, 16-byte key, padding method 1 (8 bytes; callers often keep 4).</summary>
    public static byte[] X919(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) =>
        Iso9797Alg3(HostCipherAlgorithm.Des, key, data, Iso9797Padding.Method1);

    /// <summary>
    /// CMAC (NIST SP 800-38B; ISO/IEC 9797-1 algorithm 5) with BouncyCastle's <see cref="CMac"/>: AES, SM4 or TDES
    /// (16/24-byte key). The full block is returned.
    /// </summary>
    public static byte[] Cmac(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        Org.BouncyCastle.Crypto.IBlockCipher engine = algorithm switch
        {
            HostCipherAlgorithm.Aes => new AesEngine(),
            HostCipherAlgorithm.Sm4 => new SM4Engine(),
            HostCipherAlgorithm.Tdes when key.Length is 16 or 24 => new DesEdeEngine(),
            _ => throw new ArgumentException("CMAC is offered for AES, SM4 and TDES", nameof(algorithm)),
        };
        if (!HostCipher.IsValidKeyLength(algorithm, key.Length)) throw new ArgumentException("key length", nameof(key));
        CMac mac = new(engine);
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data);
        byte[] result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return result;
    }

    /// <summary>AES-CMAC (16-byte result).</summary>
    public static byte[] AesCmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) => Cmac(HostCipherAlgorithm.Aes, key, data);

    /// <summary>True when <paramref name="received"/> is non-empty and equals the leftmost bytes of <paramref name="computed"/> (constant time).</summary>
    public static bool Matches(ReadOnlySpan<byte> computed, ReadOnlySpan<byte> received) =>
        received.Length > 0 && received.Length <= computed.Length
        && CryptographicOperations.FixedTimeEquals(computed.Slice(0, received.Length), received);

    /// <summary>Pads <paramref name="data"/> to whole <paramref name="blockSize"/>-byte blocks by ISO/IEC 9797-1 <paramref name="padding"/>.</summary>
    public static byte[] Pad(ReadOnlySpan<byte> data, int blockSize, Iso9797Padding padding)
    {
        switch (padding)
        {
            case Iso9797Padding.Method1:
            {
                int n = data.Length == 0 ? blockSize : RoundUp(data.Length, blockSize);
                byte[] p = new byte[n];
                data.CopyTo(p);
                return p;
            }
            case Iso9797Padding.Method2:
            {
                byte[] p = new byte[RoundUp(data.Length + 1, blockSize)];
                data.CopyTo(p);
                p[data.Length] = 0x80;
                return p;
            }
            case Iso9797Padding.Method3:
            {
                byte[] p = new byte[blockSize + RoundUp(data.Length, blockSize)];
                ulong bits = (ulong)data.Length * 8;
                for (int i = 0; i < 8; i++) p[blockSize - 1 - i] = (byte)(bits >> (8 * i));
                data.CopyTo(p.AsSpan(blockSize));
                return p;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(padding));
        }
    }

    private static int RoundUp(int n, int b) => (n + b - 1) / b * b;

    private static byte[] HexAscii(byte[] block, int chars) =>
        System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(block).Substring(0, chars));
}
