using System;
using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// A reproducible random source for tests: System.Random with a fixed seed (nanoFramework's mscorlib has
    /// System.Random too). The sequence differs between runtimes, so tests assert properties, never exact bytes.
    /// </summary>
    public sealed class SeededRandom : IRandom
    {
        private readonly Random _random;

        /// <summary>A source whose sequence is fixed by <paramref name="seed"/>.</summary>
        public SeededRandom(int seed)
        {
            _random = new Random(seed);
        }

        /// <summary>Number of bytes handed out so far.</summary>
        public int BytesDrawn;

        /// <summary>Fills <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) buffer[offset + i] = (byte)_random.Next(256);
            BytesDrawn += count;
        }
    }
}
