using System;

namespace FaultProxy;

/// <summary>
/// The random source of one decision: a SplitMix64 sequence (Steele, Lea, Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014) started from the seed, the scope and the number of the connection or request. Every
/// decision has its own sequence, so what happens to request n depends only on (seed, n): not on timing, not on what
/// other connections did in between.
/// </summary>
internal struct DecisionRandom
{
    // SplitMix64 increment and finalizer multipliers (the paper's "golden gamma" and mix constants).
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL;
    private const ulong Mix2 = 0x94D049BB133111EBUL;

    private ulong _state;

    /// <summary>The sequence for decision <paramref name="number"/> of <paramref name="scope"/> under <paramref name="seed"/>.</summary>
    public DecisionRandom(long seed, FaultScope scope, long number)
    {
        _state = Finalize(unchecked((ulong)seed + Gamma));
        _state ^= Finalize(unchecked(((ulong)scope << 56) ^ (ulong)number));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        _state = unchecked(_state + Gamma);
        return Finalize(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="max"/>); <paramref name="max"/> must be positive.</summary>
    public int Next(int max)
    {
        if (max <= 0) throw new ArgumentOutOfRangeException(nameof(max));
        return (int)(NextBits() % (ulong)max);
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    public void Fill(byte[] buffer, int offset, int count)
    {
        for (int i = 0; i < count; i++) buffer[offset + i] = (byte)NextBits();
    }

    private static ulong Finalize(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * Mix1;
            z = (z ^ (z >> 27)) * Mix2;
            return z ^ (z >> 31);
        }
    }
}
