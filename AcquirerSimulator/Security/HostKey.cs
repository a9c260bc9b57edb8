#nullable enable
using System;
using System.Security.Cryptography;

namespace AcquirerSimulator.Security;

/// <summary>
/// A key the simulator holds: algorithm and a private copy of its bytes. It shows itself only by algorithm, length and
/// check value (DESIGN.md rule 6) and wipes its bytes on <see cref="Dispose"/>.
/// </summary>
public sealed class HostKey : IDisposable
{
    private byte[]? _key;

    /// <summary>Copies <paramref name="key"/>; throws <see cref="ArgumentException"/> for a length <paramref name="algorithm"/> does not have.</summary>
    public HostKey(HostCipherAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        if (!HostCipher.IsValidKeyLength(algorithm, key.Length))
            throw new ArgumentException($"a {key.Length}-byte key is not a {algorithm} key", nameof(key));
        Algorithm = algorithm;
        _key = key.ToArray();
        CheckValue = Convert.ToHexString(HostKcv.For(algorithm, _key, 3));
    }

    /// <summary>A DES-family key from hex: DES for 16 hex digits, TDES for 32 or 48.</summary>
    public static HostKey DesFamilyFromHex(string hex)
    {
        byte[] k = Convert.FromHexString(hex);
        try
        {
            return new HostKey(HostCipher.DesFamilyFor(k.Length), k);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(k);
        }
    }

    /// <summary>The algorithm.</summary>
    public HostCipherAlgorithm Algorithm { get; }

    /// <summary>Length in bytes (0 after Dispose).</summary>
    public int Length => _key?.Length ?? 0;

    /// <summary>The 3-byte check value as 6 hex digits (E(zeros) for DES/TDES/SM4, CMAC form for AES).</summary>
    public string CheckValue { get; }

    /// <summary>The key bytes (a view of the private copy; do not keep or log it).</summary>
    public ReadOnlySpan<byte> Bytes => _key ?? throw new ObjectDisposedException(nameof(HostKey));

    /// <summary>A copy of the key bytes (the caller wipes it).</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>An independent copy.</summary>
    public HostKey Clone() => new(Algorithm, Bytes);

    /// <summary>Wipes the key bytes.</summary>
    public void Dispose()
    {
        if (_key != null) CryptographicOperations.ZeroMemory(_key);
        _key = null;
    }

    /// <summary>"TDES key (16 bytes, KCV 08D7B4)".</summary>
    public override string ToString() => $"{Algorithm} key ({Length} bytes, KCV {CheckValue})";
}
