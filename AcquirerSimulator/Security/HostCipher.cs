#nullable enable
using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace AcquirerSimulator.Security;

/// <summary>The block ciphers the simulator speaks.</summary>
public enum HostCipherAlgorithm
{
    /// <summary>Single DES: 8-byte key, 8-byte block.</summary>
    Des,

    /// <summary>
    /// TDES EDE: 16-byte (K1 K2 K1) or 24-byte (K1 K2 K3) key; an 8-byte key means K1 = K2 = K3, which is single DES.
    /// 8-byte block.
    /// </summary>
    Tdes,

    /// <summary>AES-128/192/256: 16/24/32-byte key, 16-byte block.</summary>
    Aes,

    /// <summary>SM4 (GB/T 32907-2016): 16-byte key, 16-byte block.</summary>
    Sm4,
}

/// <summary>
/// The simulator's own block-cipher layer (DESIGN.md rule 5: independent of the firmware's hand-written ciphers).
/// DES and TDES run on .NET's <see cref="DES"/> and <see cref="TripleDES"/>, AES on <see cref="Aes"/>, SM4 on
/// BouncyCastle's <see cref="SM4Engine"/>. ECB and CBC, no padding: data must be a whole number of blocks.
/// <para>
/// Two platform quirks are handled here. OpenSSL (under .NET on Linux) rejects a 16-byte TDES key, so a double-length
/// key is passed as K1 K2 K1. .NET refuses keys it considers weak: a TDES key whose parts are equal (ignoring parity)
/// is exactly single DES and is run as such, and a DES weak or semi-weak key (which .NET's DES refuses outright) runs
/// on BouncyCastle's <see cref="DesEngine"/>. Published vectors use such keys (a CUP TAK with equal halves, DUKPT
/// intermediate keys are random), so refusing them is not an option for a host.
/// </para>
/// </summary>
public static class HostCipher
{
    /// <summary>Block length in bytes of <paramref name="algorithm"/>.</summary>
    public static int BlockSize(HostCipherAlgorithm algorithm) =>
        algorithm is HostCipherAlgorithm.Aes or HostCipherAlgorithm.Sm4 ? 16 : 8;

    /// <summary>True when <paramref name="keyLength"/> bytes is a key of <paramref name="algorithm"/>.</summary>
    public static bool IsValidKeyLength(HostCipherAlgorithm algorithm, int keyLength) => algorithm switch
    {
        HostCipherAlgorithm.Des => keyLength == 8,
        HostCipherAlgorithm.Tdes => keyLength is 8 or 16 or 24,
        HostCipherAlgorithm.Aes => keyLength is 16 or 24 or 32,
        HostCipherAlgorithm.Sm4 => keyLength == 16,
        _ => false,
    };

    /// <summary>The DES family algorithm for a key length: <see cref="HostCipherAlgorithm.Des"/> for 8 bytes, else TDES.</summary>
    public static HostCipherAlgorithm DesFamilyFor(int keyLength) => keyLength == 8 ? HostCipherAlgorithm.Des : HostCipherAlgorithm.Tdes;

    /// <summary>ECB encryption of whole blocks.</summary>
    public static byte[] EncryptEcb(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) =>
        Run(algorithm, key, data, encrypt: true, iv: default, cbc: false);

    /// <summary>ECB decryption of whole blocks.</summary>
    public static byte[] DecryptEcb(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) =>
        Run(algorithm, key, data, encrypt: false, iv: default, cbc: false);

    /// <summary>CBC encryption of whole blocks; <paramref name="iv"/> empty means a zero IV.</summary>
    public static byte[] EncryptCbc(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data) =>
        Run(algorithm, key, data, encrypt: true, iv, cbc: true);

    /// <summary>CBC decryption of whole blocks; <paramref name="iv"/> empty means a zero IV.</summary>
    public static byte[] DecryptCbc(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data) =>
        Run(algorithm, key, data, encrypt: false, iv, cbc: true);

    /// <summary>Encrypts one block (ECB).</summary>
    public static byte[] EncryptBlock(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> block)
    {
        if (block.Length != BlockSize(algorithm)) throw new ArgumentException("one block expected", nameof(block));
        return EncryptEcb(algorithm, key, block);
    }

    /// <summary>Decrypts one block (ECB).</summary>
    public static byte[] DecryptBlock(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> block)
    {
        if (block.Length != BlockSize(algorithm)) throw new ArgumentException("one block expected", nameof(block));
        return DecryptEcb(algorithm, key, block);
    }

    private static byte[] Run(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, bool encrypt, ReadOnlySpan<byte> iv, bool cbc)
    {
        if (!IsValidKeyLength(algorithm, key.Length))
            throw new ArgumentException($"a {key.Length}-byte key is not a {algorithm} key", nameof(key));
        int bs = BlockSize(algorithm);
        if (data.Length % bs != 0) throw new ArgumentException($"data is not a whole number of {bs}-byte blocks", nameof(data));
        if (cbc && !iv.IsEmpty && iv.Length != bs) throw new ArgumentException($"IV must be {bs} bytes", nameof(iv));
        byte[] zeroIv = new byte[bs];
        ReadOnlySpan<byte> theIv = iv.IsEmpty ? zeroIv : iv;

        switch (algorithm)
        {
            case HostCipherAlgorithm.Aes:
                using (Aes aes = Aes.Create())
                {
                    aes.Key = key.ToArray();
                    return Net(aes, data, encrypt, theIv, cbc);
                }
            case HostCipherAlgorithm.Sm4:
                return Bc(new SM4Engine(), key, data, encrypt, theIv, cbc);
            default:
                byte[] k = key.ToArray();
                try
                {
                    return RunDesFamily(k, data, encrypt, theIv, cbc);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(k);
                }
        }
    }

    private static byte[] RunDesFamily(byte[] key, ReadOnlySpan<byte> data, bool encrypt, ReadOnlySpan<byte> iv, bool cbc)
    {
        // Reduce degenerate TDES keys to the single DES key they equal (DES ignores the parity bits, as does
        // TripleDES.IsWeakKey): K1=K2 -> E_K3; K2=K3 -> E_K1 (8-byte keys are K1=K2=K3).
        byte[]? single = null;
        byte[]? triple = null;
        try
        {
            if (key.Length == 8)
            {
                single = (byte[])key.Clone();
            }
            else
            {
                triple = new byte[24];
                key.AsSpan(0, 16).CopyTo(triple);
                key.AsSpan(key.Length == 24 ? 16 : 0, 8).CopyTo(triple.AsSpan(16));
                if (SameIgnoringParity(triple, 0, 8)) single = triple.AsSpan(16, 8).ToArray();
                else if (SameIgnoringParity(triple, 8, 16)) single = triple.AsSpan(0, 8).ToArray();
            }

            if (single == null)
            {
                using TripleDES tdes = TripleDES.Create();
                tdes.Key = triple!;
                return Net(tdes, data, encrypt, iv, cbc);
            }
            if (DES.IsWeakKey(single) || DES.IsSemiWeakKey(single))
            {
                // .NET refuses these keys; they are still valid DES keys (and turn up in test vectors).
                return Bc(new DesEngine(), single, data, encrypt, iv, cbc);
            }
            using DES des = DES.Create();
            des.Key = single;
            return Net(des, data, encrypt, iv, cbc);
        }
        finally
        {
            if (single != null) CryptographicOperations.ZeroMemory(single);
            if (triple != null) CryptographicOperations.ZeroMemory(triple);
        }
    }

    private static bool SameIgnoringParity(byte[] k, int a, int b)
    {
        for (int i = 0; i < 8; i++)
        {
            if ((k[a + i] & 0xFE) != (k[b + i] & 0xFE)) return false;
        }
        return true;
    }

    private static byte[] Net(SymmetricAlgorithm alg, ReadOnlySpan<byte> data, bool encrypt, ReadOnlySpan<byte> iv, bool cbc)
    {
        if (data.IsEmpty) return Array.Empty<byte>();
        if (cbc)
        {
            return encrypt ? alg.EncryptCbc(data, iv, PaddingMode.None) : alg.DecryptCbc(data, iv, PaddingMode.None);
        }
        return encrypt ? alg.EncryptEcb(data, PaddingMode.None) : alg.DecryptEcb(data, PaddingMode.None);
    }

    private static byte[] Bc(Org.BouncyCastle.Crypto.IBlockCipher engine, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, bool encrypt, ReadOnlySpan<byte> iv, bool cbc)
    {
        engine.Init(encrypt, new KeyParameter(key));
        int bs = engine.GetBlockSize();
        byte[] output = new byte[data.Length];
        byte[] chain = iv.ToArray();
        byte[] block = new byte[bs];
        for (int off = 0; off < data.Length; off += bs)
        {
            data.Slice(off, bs).CopyTo(block);
            if (encrypt)
            {
                if (cbc) Xor(block, chain);
                engine.ProcessBlock(block, 0, output, off);
                if (cbc) Array.Copy(output, off, chain, 0, bs);
            }
            else
            {
                engine.ProcessBlock(block, 0, output, off);
                if (cbc)
                {
                    for (int i = 0; i < bs; i++) output[off + i] ^= chain[i];
                    data.Slice(off, bs).CopyTo(chain);
                }
            }
        }
        CryptographicOperations.ZeroMemory(block);
        return output;
    }

    internal static void Xor(Span<byte> target, ReadOnlySpan<byte> with)
    {
        for (int i = 0; i < target.Length; i++) target[i] ^= with[i];
    }
}
