#nullable enable
using System;
using System.Security.Cryptography;

namespace AcquirerSimulator.Security;

/// <summary>
/// Track data encryption on the host side.
/// <para>
/// <b>UnionPay TDB rule</b> (cup-security.md §3.1): the track (F35/F36 digits, '=' as nibble D) is packed as BCD, an odd
/// digit count right-padded with a 0 nibble; the track data block is the block-size bytes that end one byte before the
/// last byte ("从结束标志向左第2个字节开始，再向左取8个字节", doc.xrtinfo.com ss_api 4.4; PAX EDC Component.encryptTrack:
/// bTrack[len-9 .. len-1)); it is encrypted with the TDK in ECB and put back in place, and the digit count does not
/// change. 国密 terminals take 16 bytes and SM4 (Centerm EPOS BaseField35). Tracks too short for a block are refused.
/// </para>
/// <para>
/// <b>DUKPT readers</b> (cup-security.md §6): the track bytes, zero-padded, TDES-CBC (AES-CBC for AES DUKPT) with a zero IV
/// under a DUKPT key; MagTek readers default to the PIN variant, ID TECH SecureMag uses the data variant with the one-way
/// step (<see cref="HostDukptTdes.WorkingKey"/>), so the variant is the caller's choice.
/// </para>
/// </summary>
public static class HostTrackData
{
    /// <summary>Packs track digits ('0'..'9', '=' or 'D', and A..F) as BCD; an odd count gets a trailing 0 nibble.</summary>
    public static byte[] Pack(string digits)
    {
        char[] c = new char[digits.Length + (digits.Length & 1)];
        for (int i = 0; i < digits.Length; i++)
        {
            char d = char.ToUpperInvariant(digits[i]);
            c[i] = d == '=' ? 'D' : d;
        }
        if ((digits.Length & 1) == 1) c[^1] = '0';
        return Convert.FromHexString(c);
    }

    /// <summary>The first <paramref name="digitCount"/> nibbles of BCD bytes as upper-case hex digits.</summary>
    public static string Unpack(ReadOnlySpan<byte> bcd, int digitCount) => Convert.ToHexString(bcd).Substring(0, digitCount);

    /// <summary>Offset of the TDB in a packed track of <paramref name="packedLength"/> bytes, or -1 if it is too short.</summary>
    public static int TdbOffset(int packedLength, int blockSize) => packedLength >= blockSize + 1 ? packedLength - 1 - blockSize : -1;

    /// <summary>The clear TDB of a track (hex digits), the block the UnionPay rule encrypts; null if too short.</summary>
    public static string? Tdb(string digits, int blockSize = 8)
    {
        byte[] packed = Pack(digits);
        int at = TdbOffset(packed.Length, blockSize);
        return at < 0 ? null : Convert.ToHexString(packed, at, blockSize);
    }

    /// <summary>
    /// Decrypts a UnionPay-encrypted track given as its digits (as F35/F36 carry them, A..F allowed): TDES (8-byte TDB,
    /// 16- or 8-byte TDK) or SM4 (16-byte TDB). Returns false if the track is too short for a TDB.
    /// </summary>
    public static bool TryDecryptCup(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> tdk, string digits, out string clear) =>
        Cup(algorithm, tdk, digits, encrypt: false, out clear);

    /// <summary>Encrypts a clear track by the UnionPay rule (the terminal's side; tests and tools).</summary>
    public static bool TryEncryptCup(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> tdk, string digits, out string encrypted) =>
        Cup(algorithm, tdk, digits, encrypt: true, out encrypted);

    /// <summary>Decrypts DUKPT reader track data: CBC with a zero IV under <paramref name="key"/> (TDES or AES); padding is left on.</summary>
    public static byte[] DecryptDukpt(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> ciphertext) =>
        HostCipher.DecryptCbc(algorithm, key, default, ciphertext);

    /// <summary>Encrypts track bytes the DUKPT reader way: zero-padded to whole blocks, CBC with a zero IV.</summary>
    public static byte[] EncryptDukpt(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        int bs = HostCipher.BlockSize(algorithm);
        byte[] padded = new byte[(data.Length + bs - 1) / bs * bs];
        data.CopyTo(padded);
        try
        {
            return HostCipher.EncryptCbc(algorithm, key, default, padded);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(padded);
        }
    }

    /// <summary><paramref name="data"/> without trailing zero bytes.</summary>
    public static byte[] TrimZeroPadding(ReadOnlySpan<byte> data)
    {
        int n = data.Length;
        while (n > 0 && data[n - 1] == 0) n--;
        return data.Slice(0, n).ToArray();
    }

    private static bool Cup(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> tdk, string digits, bool encrypt, out string result)
    {
        result = string.Empty;
        if (algorithm is not (HostCipherAlgorithm.Tdes or HostCipherAlgorithm.Des or HostCipherAlgorithm.Sm4))
            throw new ArgumentException("UnionPay track encryption is TDES or SM4", nameof(algorithm));
        int bs = HostCipher.BlockSize(algorithm);
        byte[] packed = Pack(digits);
        try
        {
            int at = TdbOffset(packed.Length, bs);
            if (at < 0) return false;
            ReadOnlySpan<byte> tdb = packed.AsSpan(at, bs);
            byte[] block = encrypt ? HostCipher.EncryptBlock(algorithm, tdk, tdb) : HostCipher.DecryptBlock(algorithm, tdk, tdb);
            block.CopyTo(packed, at);
            CryptographicOperations.ZeroMemory(block);
            result = Unpack(packed, digits.Length);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(packed);
        }
    }
}
