#nullable enable
using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace AcquirerSimulator.Security;

/// <summary>The key variants of TDES DUKPT (ANSI X9.24-1:2009).</summary>
public enum TdesDukptKeyUse
{
    /// <summary>PIN encryption: key ⊕ 00000000000000FF 00000000000000FF.</summary>
    Pin,

    /// <summary>MAC, request (or both ways): key ⊕ 000000000000FF00 000000000000FF00.</summary>
    MacRequest,

    /// <summary>MAC, response: key ⊕ 00000000FF000000 00000000FF000000.</summary>
    MacResponse,

    /// <summary>Data encryption, request (or both ways): key ⊕ 0000000000FF0000 0000000000FF0000, then the one-way step.</summary>
    DataRequest,

    /// <summary>Data encryption, response: key ⊕ 000000FF00000000 000000FF00000000, then the one-way step.</summary>
    DataResponse,
}

/// <summary>
/// TDES DUKPT on the host side (ANSI X9.24-1:2009, as described in payments.md §6.1; written from the standard's
/// description, independently of the firmware). The KSN is 10 bytes: a 59-bit initial key id and a 21-bit counter.
/// </summary>
public static class HostDukptTdes
{
    private static readonly byte[] KeyMask = Convert.FromHexString("C0C0C0C000000000C0C0C0C000000000");

    /// <summary>Largest transaction counter (21 bits).</summary>
    public const int MaxCounter = 0x1FFFFF;

    /// <summary>The IPEK (initial key) from the BDK (16 bytes) and any KSN of the device (its counter is ignored).</summary>
    public static byte[] DeriveIpek(ReadOnlySpan<byte> bdk, ReadOnlySpan<byte> ksn)
    {
        if (bdk.Length != 16) throw new ArgumentException("the BDK is 16 bytes", nameof(bdk));
        CheckKsn(ksn);
        byte[] data = ksn.Slice(0, 8).ToArray();
        data[7] &= 0xE0;                          // clear the counter bits in the leftmost 64 bits
        byte[] bdk2 = bdk.ToArray();
        HostCipher.Xor(bdk2, KeyMask);
        byte[] ipek = new byte[16];
        HostCipher.EncryptEcb(HostCipherAlgorithm.Tdes, bdk, data).CopyTo(ipek, 0);
        HostCipher.EncryptEcb(HostCipherAlgorithm.Tdes, bdk2, data).CopyTo(ipek, 8);
        CryptographicOperations.ZeroMemory(bdk2);
        return ipek;
    }

    /// <summary>The transaction counter of a 10-byte KSN.</summary>
    public static int Counter(ReadOnlySpan<byte> ksn)
    {
        CheckKsn(ksn);
        return ((ksn[7] & 0x1F) << 16) | (ksn[8] << 8) | ksn[9];
    }

    /// <summary>True for a counter a device may use: non-zero with at most 10 one-bits.</summary>
    public static bool IsValidCounter(int counter) =>
        counter > 0 && counter <= MaxCounter && BitOperations.PopCount((uint)counter) <= 10;

    /// <summary>
    /// The current (transaction) key for <paramref name="ksn"/> from the IPEK: starting from the KSN register with the
    /// counter cleared, for each set counter bit from the most significant down, OR it in and apply the non-reversible
    /// key generation process.
    /// </summary>
    public static byte[] DeriveTransactionKey(ReadOnlySpan<byte> ipek, ReadOnlySpan<byte> ksn)
    {
        if (ipek.Length != 16) throw new ArgumentException("the IPEK is 16 bytes", nameof(ipek));
        int counter = Counter(ksn);
        byte[] key = ipek.ToArray();
        byte[] reg = ksn.Slice(2, 8).ToArray();   // rightmost 64 bits of the KSN
        reg[5] &= 0xE0;
        reg[6] = 0;
        reg[7] = 0;
        for (int bit = 1 << 20; bit != 0; bit >>= 1)
        {
            if ((counter & bit) == 0) continue;
            reg[5] |= (byte)(bit >> 16);
            reg[6] |= (byte)(bit >> 8);
            reg[7] |= (byte)bit;
            byte[] next = NonReversibleKeyGeneration(key, reg);
            CryptographicOperations.ZeroMemory(key);
            key = next;
        }
        return key;
    }

    /// <summary>The transaction key straight from the BDK.</summary>
    public static byte[] DeriveTransactionKeyFromBdk(ReadOnlySpan<byte> bdk, ReadOnlySpan<byte> ksn)
    {
        byte[] ipek = DeriveIpek(bdk, ksn);
        try
        {
            return DeriveTransactionKey(ipek, ksn);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ipek);
        }
    }

    /// <summary>
    /// The working key for a use: the transaction key ⊕ the variant; for data keys then the one-way step (each half
    /// TDES-encrypted under the variant key), unless <paramref name="dataOneWay"/> is false.
    /// </summary>
    public static byte[] WorkingKey(ReadOnlySpan<byte> transactionKey, TdesDukptKeyUse use, bool dataOneWay = true)
    {
        if (transactionKey.Length != 16) throw new ArgumentException("the key is 16 bytes", nameof(transactionKey));
        int position = use switch
        {
            TdesDukptKeyUse.Pin => 7,
            TdesDukptKeyUse.MacRequest => 6,
            TdesDukptKeyUse.DataRequest => 5,
            TdesDukptKeyUse.MacResponse => 4,
            TdesDukptKeyUse.DataResponse => 3,
            _ => throw new ArgumentOutOfRangeException(nameof(use)),
        };
        byte[] key = transactionKey.ToArray();
        key[position] ^= 0xFF;
        key[position + 8] ^= 0xFF;
        if (dataOneWay && use is TdesDukptKeyUse.DataRequest or TdesDukptKeyUse.DataResponse)
        {
            byte[] owf = HostCipher.EncryptEcb(HostCipherAlgorithm.Tdes, key, key);
            CryptographicOperations.ZeroMemory(key);
            key = owf;
        }
        return key;
    }

    /// <summary>One step of the non-reversible key generation process (X9.24-1): returns the new 16-byte key.</summary>
    public static byte[] NonReversibleKeyGeneration(ReadOnlySpan<byte> key, ReadOnlySpan<byte> register)
    {
        byte[] result = new byte[16];
        Half(key, register, result.AsSpan(8));
        byte[] masked = key.ToArray();
        HostCipher.Xor(masked, KeyMask);
        Half(masked, register, result.AsSpan(0));
        CryptographicOperations.ZeroMemory(masked);
        return result;

        // R = DES(KL, KR ⊕ register) ⊕ KR
        static void Half(ReadOnlySpan<byte> k, ReadOnlySpan<byte> reg, Span<byte> output)
        {
            byte[] x = reg.ToArray();
            HostCipher.Xor(x, k.Slice(8, 8));
            byte[] e = HostCipher.EncryptEcb(HostCipherAlgorithm.Des, k.Slice(0, 8), x);
            HostCipher.Xor(e, k.Slice(8, 8));
            e.AsSpan(0, 8).CopyTo(output);
        }
    }

    private static void CheckKsn(ReadOnlySpan<byte> ksn)
    {
        if (ksn.Length != 10) throw new ArgumentException("the KSN is 10 bytes", nameof(ksn));
    }
}

/// <summary>AES DUKPT key usage indicators (ANSI X9.24-3-2017 derivation data bytes 2..3).</summary>
public enum AesDukptKeyUsage : ushort
{
    /// <summary>Key encryption key.</summary>
    KeyEncryption = 0x0002,

    /// <summary>PIN encryption.</summary>
    PinEncryption = 0x1000,

    /// <summary>MAC generation.</summary>
    MacGeneration = 0x2000,

    /// <summary>MAC verification.</summary>
    MacVerification = 0x2001,

    /// <summary>MAC both ways.</summary>
    MacBoth = 0x2002,

    /// <summary>Data encryption.</summary>
    DataEncryption = 0x3000,

    /// <summary>Data decryption.</summary>
    DataDecryption = 0x3001,

    /// <summary>Data both ways.</summary>
    DataBoth = 0x3002,

    /// <summary>Key derivation (the intermediate/transaction keys).</summary>
    KeyDerivation = 0x8000,

    /// <summary>The initial key.</summary>
    KeyDerivationInitialKey = 0x8001,
}

/// <summary>AES DUKPT key types (derivation data bytes 4..5) with their lengths.</summary>
public enum AesDukptKeyType : ushort
{
    /// <summary>2-key TDES, 128 bits.</summary>
    Tdes2 = 0,

    /// <summary>3-key TDES, 192 bits.</summary>
    Tdes3 = 1,

    /// <summary>AES-128.</summary>
    Aes128 = 2,

    /// <summary>AES-192.</summary>
    Aes192 = 3,

    /// <summary>AES-256.</summary>
    Aes256 = 4,

    /// <summary>HMAC (length given separately; 128 bits by default).</summary>
    Hmac = 5,
}

/// <summary>
/// AES DUKPT on the host side (ANSI X9.24-3-2017, as described in payments.md §6.1; written independently of the
/// firmware). KSN = 12 bytes: 8-byte initial key id (BDK id ‖ derivation id) ‖ 32-bit counter. Each derivation is
/// AES-ECB under the deriving key of 16-byte derivation data
/// (01 ‖ block counter ‖ usage(2) ‖ key type(2) ‖ length in bits(2) ‖ 8 bytes), one block per 128 bits of output.
/// </summary>
public static class HostDukptAes
{
    /// <summary>The AES key type of a key length (16/24/32 bytes).</summary>
    public static AesDukptKeyType TypeOf(int keyLength) => keyLength switch
    {
        16 => AesDukptKeyType.Aes128,
        24 => AesDukptKeyType.Aes192,
        32 => AesDukptKeyType.Aes256,
        _ => throw new ArgumentException("AES keys are 16, 24 or 32 bytes", nameof(keyLength)),
    };

    /// <summary>Length in bits of a key type (HMAC: 128 unless given).</summary>
    public static int BitsOf(AesDukptKeyType type) => type switch
    {
        AesDukptKeyType.Tdes2 or AesDukptKeyType.Aes128 or AesDukptKeyType.Hmac => 128,
        AesDukptKeyType.Tdes3 or AesDukptKeyType.Aes192 => 192,
        AesDukptKeyType.Aes256 => 256,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The transaction counter of a 12-byte KSN.</summary>
    public static uint Counter(ReadOnlySpan<byte> ksn)
    {
        CheckKsn(ksn);
        return BinaryPrimitives.ReadUInt32BigEndian(ksn.Slice(8, 4));
    }

    /// <summary>True for a counter a device may use: non-zero with at most 16 one-bits.</summary>
    public static bool IsValidCounter(uint counter) => counter != 0 && BitOperations.PopCount(counter) <= 16;

    /// <summary>The initial key (same type as the BDK) from the BDK and the 8-byte initial key id.</summary>
    public static byte[] DeriveInitialKey(ReadOnlySpan<byte> bdk, ReadOnlySpan<byte> initialKeyId)
    {
        if (initialKeyId.Length != 8) throw new ArgumentException("the initial key id is 8 bytes", nameof(initialKeyId));
        AesDukptKeyType type = TypeOf(bdk.Length);
        return Derive(bdk, AesDukptKeyUsage.KeyDerivationInitialKey, type, BitsOf(type), initialKeyId);
    }

    /// <summary>
    /// The derivation (transaction) key for the KSN's counter from the initial key: for each set counter bit from the
    /// most significant down, OR it into a working counter and derive with usage 8000 over IKID[4..8) ‖ working counter.
    /// </summary>
    public static byte[] DeriveTransactionKey(ReadOnlySpan<byte> initialKey, ReadOnlySpan<byte> ksn)
    {
        uint counter = Counter(ksn);
        AesDukptKeyType type = TypeOf(initialKey.Length);
        byte[] key = initialKey.ToArray();
        byte[] data = new byte[8];
        ksn.Slice(4, 4).CopyTo(data);
        uint working = 0;
        for (uint bit = 0x80000000; bit != 0; bit >>= 1)
        {
            if ((counter & bit) == 0) continue;
            working |= bit;
            BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), working);
            byte[] next = Derive(key, AesDukptKeyUsage.KeyDerivation, type, BitsOf(type), data);
            CryptographicOperations.ZeroMemory(key);
            key = next;
        }
        return key;
    }

    /// <summary>The transaction key straight from the BDK.</summary>
    public static byte[] DeriveTransactionKeyFromBdk(ReadOnlySpan<byte> bdk, ReadOnlySpan<byte> ksn)
    {
        CheckKsn(ksn);
        byte[] ik = DeriveInitialKey(bdk, ksn.Slice(0, 8));
        try
        {
            return DeriveTransactionKey(ik, ksn);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ik);
        }
    }

    /// <summary>
    /// A working key of <paramref name="type"/> for <paramref name="usage"/> from the transaction key, over
    /// IKID[4..8) ‖ counter; <paramref name="bits"/> overrides the type's length (for HMAC keys).
    /// </summary>
    public static byte[] DeriveWorkingKey(ReadOnlySpan<byte> transactionKey, ReadOnlySpan<byte> ksn, AesDukptKeyUsage usage,
        AesDukptKeyType type, int? bits = null)
    {
        CheckKsn(ksn);
        TypeOf(transactionKey.Length);
        return Derive(transactionKey, usage, type, bits ?? BitsOf(type), ksn.Slice(4, 8));
    }

    /// <summary>One X9.24-3 derivation: AES-ECB(key, 01 ‖ i ‖ usage ‖ type ‖ bits ‖ data) for i = 1, 2, …, truncated to <paramref name="bits"/>.</summary>
    public static byte[] Derive(ReadOnlySpan<byte> key, AesDukptKeyUsage usage, AesDukptKeyType type, int bits, ReadOnlySpan<byte> data)
    {
        if (data.Length != 8) throw new ArgumentException("8 bytes of derivation data", nameof(data));
        if (bits <= 0 || bits % 8 != 0 || bits > 512) throw new ArgumentOutOfRangeException(nameof(bits));
        int bytes = bits / 8;
        int blocks = (bytes + 15) / 16;
        byte[] dd = new byte[16 * blocks];
        for (int i = 0; i < blocks; i++)
        {
            Span<byte> d = dd.AsSpan(16 * i, 16);
            d[0] = 0x01;
            d[1] = (byte)(i + 1);
            BinaryPrimitives.WriteUInt16BigEndian(d.Slice(2), (ushort)usage);
            BinaryPrimitives.WriteUInt16BigEndian(d.Slice(4), (ushort)type);
            BinaryPrimitives.WriteUInt16BigEndian(d.Slice(6), (ushort)bits);
            data.CopyTo(d.Slice(8));
        }
        byte[] output = HostCipher.EncryptEcb(HostCipherAlgorithm.Aes, key, dd);
        if (output.Length == bytes) return output;
        byte[] result = output.AsSpan(0, bytes).ToArray();
        CryptographicOperations.ZeroMemory(output);
        return result;
    }

    private static void CheckKsn(ReadOnlySpan<byte> ksn)
    {
        if (ksn.Length != 12) throw new ArgumentException("the AES DUKPT KSN is 12 bytes", nameof(ksn));
    }
}
