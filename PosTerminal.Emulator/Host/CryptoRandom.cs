using System;
using System.Security.Cryptography;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Host;

/// <summary>The operating system's CSPRNG as the core's random source.</summary>
public sealed class CryptoRandom : IRandom
{
    /// <inheritdoc />
    public void NextBytes(byte[] buffer, int offset, int count) => RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
}
