#nullable enable
using System;
using System.Security.Cryptography;
using System.Text;

namespace AcquirerSimulator.Security;

/// <summary>Why a PIN block did not decode.</summary>
public enum PinBlockError
{
    /// <summary>Decoded.</summary>
    None,

    /// <summary>The block or key has the wrong length for the format.</summary>
    BadLength,

    /// <summary>The control nibble is not the expected format.</summary>
    WrongFormat,

    /// <summary>The PIN length nibble is outside 4..12.</summary>
    BadPinLength,

    /// <summary>A PIN position holds a non-decimal nibble.</summary>
    BadPinDigit,

    /// <summary>The fill is not what the format prescribes (F for format 0/2, A..F for 3, A for 4).</summary>
    BadFill,

    /// <summary>The PAN needed by the format is missing or not numeric.</summary>
    BadPan,

    /// <summary>The format is not supported by the requested operation.</summary>
    UnsupportedFormat,
}

/// <summary>
/// The outcome of decoding a PIN block: the PIN digits or a reason. Masks itself: <see cref="ToString"/> never shows
/// the PIN (DESIGN.md rule 6); compare with <see cref="PinEquals"/>.
/// </summary>
public sealed class PinBlockResult
{
    private readonly string? _pin;

    private PinBlockResult(int format, PinBlockError error, string? pin)
    {
        Format = format;
        Error = error;
        _pin = pin;
    }

    internal static PinBlockResult Ok(int format, string pin) => new(format, PinBlockError.None, pin);

    internal static PinBlockResult Fail(int format, PinBlockError error) => new(format, error, null);

    /// <summary>True when the block decoded.</summary>
    public bool Success => Error == PinBlockError.None;

    /// <summary>The ISO 9564-1 format decoded (or attempted).</summary>
    public int Format { get; }

    /// <summary>Why it did not decode (<see cref="PinBlockError.None"/> on success).</summary>
    public PinBlockError Error { get; }

    /// <summary>The clear PIN digits (null on failure). Sensitive: never log it.</summary>
    public string? Pin => _pin;

    /// <summary>True when decoded and the PIN equals <paramref name="expected"/> (constant time over equal lengths).</summary>
    public bool PinEquals(string expected)
    {
        if (_pin == null || expected == null || expected.Length != _pin.Length) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(_pin), Encoding.ASCII.GetBytes(expected));
    }

    /// <summary>"PIN block format N: ok (4 digits)" or the error; never the PIN.</summary>
    public override string ToString() =>
        Success ? $"PIN block format {Format}: ok ({_pin!.Length} digits)" : $"PIN block format {Format}: {Error}";
}

/// <summary>
/// ISO 9564-1 PIN blocks on the host side (payments.md §6.2; openemv/pinblock, knovichikhin/psec): decoding of formats
/// 0, 1, 2, 3 (8-byte blocks, TDES or DES) and 4 (16-byte, AES), plus the encoders the tests and a client need.
/// </summary>
public static class HostPinBlock
{
    /// <summary>The ISO 0/3 PAN field: 0000 and the 12 rightmost PAN digits excluding the check digit (left-zero-filled); null if the PAN is not numeric.</summary>
    public static byte[]? PanField(string pan)
    {
        if (!IsDigits(pan, 1)) return null;
        string body = pan.Substring(0, pan.Length - 1);
        if (body.Length > 12) body = body.Substring(body.Length - 12);
        return Convert.FromHexString("0000" + body.PadLeft(12, '0'));
    }

    /// <summary>
    /// The ISO 4 PAN field (16 bytes): M = PAN length − 12 (0 below 12 digits), the PAN (left-zero-filled to 12 digits),
    /// then zeros to 32 nibbles; null if the PAN is not numeric or longer than 19 digits.
    /// </summary>
    public static byte[]? PanField4(string pan)
    {
        if (!IsDigits(pan, 1) || pan.Length > 19) return null;
        int m = Math.Max(0, pan.Length - 12);
        string s = m.ToString("X1") + pan.PadLeft(12, '0');
        return Convert.FromHexString(s.PadRight(32, '0'));
    }

    /// <summary>Decodes a clear 8-byte block of format 0, 1, 2 or 3 (the control nibble picks it; <paramref name="pan"/> needed for 0 and 3).</summary>
    public static PinBlockResult DecodeClear(ReadOnlySpan<byte> block, string? pan)
    {
        if (block.Length != 8) return PinBlockResult.Fail(-1, PinBlockError.BadLength);
        int format = block[0] >> 4;
        byte[] field = block.ToArray();
        if (format is 0 or 3)
        {
            byte[]? pf = pan == null ? null : PanField(pan);
            if (pf == null) return PinBlockResult.Fail(format, PinBlockError.BadPan);
            HostCipher.Xor(field, pf);
        }
        else if (format is not (1 or 2))
        {
            return PinBlockResult.Fail(format, PinBlockError.UnsupportedFormat);
        }
        try
        {
            return DecodePinField(format, Convert.ToHexString(field), 16);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(field);
        }
    }

    /// <summary>
    /// Decrypts an 8-byte PIN block under a DES/TDES PIN key (8, 16 or 24 bytes) and decodes it, requiring
    /// <paramref name="expectedFormat"/> (0, 1 or 3; any of 0..3 when null).
    /// </summary>
    public static PinBlockResult DecryptTdes(ReadOnlySpan<byte> pinKey, ReadOnlySpan<byte> encrypted, string? pan, int? expectedFormat = null)
    {
        if (encrypted.Length != 8 || !HostCipher.IsValidKeyLength(HostCipherAlgorithm.Tdes, pinKey.Length))
            return PinBlockResult.Fail(expectedFormat ?? -1, PinBlockError.BadLength);
        byte[] clear = HostCipher.DecryptEcb(HostCipherAlgorithm.Tdes, pinKey, encrypted);
        try
        {
            return CheckFormat(DecodeClear(clear, pan), expectedFormat, clear[0] >> 4);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    /// <summary>
    /// The one SM4 PIN convention observed (cup-security.md §4.3, a bank interface; not confirmed as CUP's rule): the
    /// 16-byte block is SM4(PIK, ISO format 0 block ‖ 00×8). Decrypts, requires the 8 zero bytes, decodes the ISO block.
    /// </summary>
    public static PinBlockResult DecryptSm4Iso0Padded(ReadOnlySpan<byte> pinKey, ReadOnlySpan<byte> encrypted, string? pan)
    {
        if (encrypted.Length != 16 || pinKey.Length != 16) return PinBlockResult.Fail(0, PinBlockError.BadLength);
        byte[] clear = HostCipher.DecryptEcb(HostCipherAlgorithm.Sm4, pinKey, encrypted);
        try
        {
            for (int i = 8; i < 16; i++)
            {
                if (clear[i] != 0) return PinBlockResult.Fail(0, PinBlockError.BadFill);
            }
            return CheckFormat(DecodeClear(clear.AsSpan(0, 8), pan), 0, clear[0] >> 4);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    /// <summary>
    /// Deciphers an ISO format 4 block under an AES PIN key (ISO 9564-1:2017; payments.md §6.2): B = AES⁻¹(C),
    /// A = B ⊕ PAN field, PIN field = AES⁻¹(A); checks control 4, length, digits and the A fill of the first 8 bytes.
    /// </summary>
    public static PinBlockResult DecryptIso4(ReadOnlySpan<byte> aesKey, ReadOnlySpan<byte> encrypted, string pan)
    {
        if (encrypted.Length != 16 || !HostCipher.IsValidKeyLength(HostCipherAlgorithm.Aes, aesKey.Length))
            return PinBlockResult.Fail(4, PinBlockError.BadLength);
        byte[]? panField = PanField4(pan);
        if (panField == null) return PinBlockResult.Fail(4, PinBlockError.BadPan);
        byte[] b = HostCipher.DecryptEcb(HostCipherAlgorithm.Aes, aesKey, encrypted);
        HostCipher.Xor(b, panField);
        byte[] pinField = HostCipher.DecryptEcb(HostCipherAlgorithm.Aes, aesKey, b);
        try
        {
            return DecodePinField(4, Convert.ToHexString(pinField, 0, 8), 16);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(b);
            CryptographicOperations.ZeroMemory(pinField);
        }
    }

    /// <summary>
    /// Encodes a clear 8-byte ISO block: format 0 (F fill, PAN), 1 (<paramref name="fill"/> nibbles, default random),
    /// 2 (F fill) or 3 (random A..F fill unless <paramref name="fill"/> is given, PAN).
    /// </summary>
    public static byte[] EncodeClear(int format, string pin, string? pan, string? fill = null)
    {
        if (format is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(format));
        if (!IsDigits(pin, 4) || pin.Length > 12) throw new ArgumentException("the PIN is 4..12 digits", nameof(pin));
        var sb = new StringBuilder(16);
        sb.Append((char)('0' + format)).Append(pin.Length.ToString("X1")).Append(pin);
        int need = 16 - sb.Length;
        for (int i = 0; i < need; i++)
        {
            sb.Append(format switch
            {
                0 or 2 => 'F',
                3 => fill != null ? fill[i] : (char)('A' + RandomNumberGenerator.GetInt32(6)),
                _ => fill != null ? fill[i] : "0123456789ABCDEF"[RandomNumberGenerator.GetInt32(16)],
            });
        }
        byte[] block = Convert.FromHexString(sb.ToString());
        if (format is 0 or 3)
        {
            byte[] pf = (pan == null ? null : PanField(pan)) ?? throw new ArgumentException("a numeric PAN is needed", nameof(pan));
            HostCipher.Xor(block, pf);
        }
        return block;
    }

    /// <summary>Encodes and encrypts an 8-byte block under a DES/TDES PIN key.</summary>
    public static byte[] EncryptTdes(ReadOnlySpan<byte> pinKey, int format, string pin, string? pan, string? fill = null) =>
        HostCipher.EncryptEcb(HostCipherAlgorithm.Tdes, pinKey, EncodeClear(format, pin, pan, fill));

    /// <summary>The ISO 4 plain-text PIN field: 4, N, PIN, A fill to 16 nibbles, then 8 random bytes (or <paramref name="random"/>).</summary>
    public static byte[] PinField4(string pin, ReadOnlySpan<byte> random = default)
    {
        if (!IsDigits(pin, 4) || pin.Length > 12) throw new ArgumentException("the PIN is 4..12 digits", nameof(pin));
        if (!random.IsEmpty && random.Length != 8) throw new ArgumentException("8 random bytes", nameof(random));
        string head = ("4" + pin.Length.ToString("X1") + pin).PadRight(16, 'A');
        byte[] field = new byte[16];
        Convert.FromHexString(head).CopyTo(field, 0);
        if (random.IsEmpty) RandomNumberGenerator.Fill(field.AsSpan(8));
        else random.CopyTo(field.AsSpan(8));
        return field;
    }

    /// <summary>Enciphers an ISO format 4 block: C = AES(K, AES(K, PIN field) ⊕ PAN field).</summary>
    public static byte[] EncryptIso4(ReadOnlySpan<byte> aesKey, string pin, string pan, ReadOnlySpan<byte> random = default)
    {
        byte[] a = HostCipher.EncryptEcb(HostCipherAlgorithm.Aes, aesKey, PinField4(pin, random));
        HostCipher.Xor(a, PanField4(pan) ?? throw new ArgumentException("a numeric PAN is needed", nameof(pan)));
        return HostCipher.EncryptEcb(HostCipherAlgorithm.Aes, aesKey, a);
    }

    private static PinBlockResult CheckFormat(PinBlockResult r, int? expected, int actual)
    {
        if (expected.HasValue && actual != expected.Value) return PinBlockResult.Fail(expected.Value, PinBlockError.WrongFormat);
        return r;
    }

    private static PinBlockResult DecodePinField(int format, string hex, int nibbles)
    {
        if (hex[0] - '0' != format) return PinBlockResult.Fail(format, PinBlockError.WrongFormat);
        int n = Convert.ToInt32(hex.Substring(1, 1), 16);
        if (n < 4 || n > 12) return PinBlockResult.Fail(format, PinBlockError.BadPinLength);
        string pin = hex.Substring(2, n);
        if (!IsDigits(pin, n)) return PinBlockResult.Fail(format, PinBlockError.BadPinDigit);
        for (int i = 2 + n; i < nibbles; i++)
        {
            char c = hex[i];
            bool ok = format switch
            {
                0 or 2 => c == 'F',
                3 => c >= 'A' && c <= 'F',
                4 => c == 'A',
                _ => true,   // format 1: random or transaction-unique fill
            };
            if (!ok) return PinBlockResult.Fail(format, PinBlockError.BadFill);
        }
        return PinBlockResult.Ok(format, pin);
    }

    private static bool IsDigits(string? s, int minLength)
    {
        if (s == null || s.Length < minLength) return false;
        foreach (char c in s)
        {
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
