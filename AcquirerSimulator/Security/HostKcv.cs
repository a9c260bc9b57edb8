#nullable enable
using System;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace AcquirerSimulator.Security;

/// <summary>
/// Key check values (payments.md §6.4, §9.5).
/// <list type="bullet">
/// <item>DES/TDES: the leftmost bytes of E(key, 8 zero bytes); 3 bytes is the usual KCV, 4 bytes the UnionPay sign-on
/// check value (single DES for an 8-byte key, TDES otherwise).</item>
/// <item>SM4: the leftmost bytes of SM4(key, 16 zero bytes) (the M_Kerry example publishes 8 bytes; CUP's 4-byte slot
/// is taken as its first 4 — inferred, cup-security.md §4.2).</item>
/// <item>AES: the X9.24-3 / TR-31 form, the leftmost bytes of AES-CMAC(key, 16 zero bytes) (BouncyCastle CMac); the
/// legacy AES-ECB(zero block) form is <see cref="AesEcb"/> and gives a different value.</item>
/// </list>
/// </summary>
public static class HostKcv
{
    /// <summary>The check value of a DES (8-byte) or TDES (16/24-byte) key: E(key, 00×8)[0..length).</summary>
    public static byte[] Des(ReadOnlySpan<byte> key, int length = 3) =>
        Take(HostCipher.EncryptEcb(HostCipher.DesFamilyFor(key.Length), key, new byte[8]), length);

    /// <summary>The check value of an SM4 key: SM4(key, 00×16)[0..length).</summary>
    public static byte[] Sm4(ReadOnlySpan<byte> key, int length = 4) =>
        Take(HostCipher.EncryptEcb(HostCipherAlgorithm.Sm4, key, new byte[16]), length);

    /// <summary>The X9.24-3 / TR-31 check value of an AES key: AES-CMAC(key, 00×16)[0..length).</summary>
    public static byte[] AesCmac(ReadOnlySpan<byte> key, int length = 3)
    {
        CMac mac = new(new AesEngine());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(new byte[16], 0, 16);
        byte[] full = new byte[mac.GetMacSize()];
        mac.DoFinal(full, 0);
        return Take(full, length);
    }

    /// <summary>The legacy check value of an AES key: AES-ECB(key, 00×16)[0..length). Label it as such when shown.</summary>
    public static byte[] AesEcb(ReadOnlySpan<byte> key, int length = 3) =>
        Take(HostCipher.EncryptEcb(HostCipherAlgorithm.Aes, key, new byte[16]), length);

    /// <summary>
    /// The conventional check value for a key of <paramref name="algorithm"/>: E(zeros) for DES, TDES and SM4,
    /// the CMAC form for AES.
    /// </summary>
    public static byte[] For(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, int length) => algorithm switch
    {
        HostCipherAlgorithm.Des or HostCipherAlgorithm.Tdes => Des(key, length),
        HostCipherAlgorithm.Sm4 => Sm4(key, length),
        HostCipherAlgorithm.Aes => AesCmac(key, length),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    private static byte[] Take(byte[] full, int length)
    {
        if (length < 1 || length > full.Length) throw new ArgumentOutOfRangeException(nameof(length));
        return full.AsSpan(0, length).ToArray();
    }
}
