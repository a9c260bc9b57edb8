using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// A "random" source that hands out the bytes it was given, in order, starting again from the first when they run
    /// out: for published vectors whose random fill is printed (ISO 9564 format 4 test data).
    /// </summary>
    public sealed class FixedRandom : IRandom
    {
        private readonly byte[] _bytes;
        private int _next;

        /// <summary>Replays <paramref name="bytes"/> (not copied; must not be empty).</summary>
        public FixedRandom(byte[] bytes)
        {
            _bytes = bytes;
        }

        /// <summary>Copies the next <paramref name="count"/> bytes of the sequence.</summary>
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = _bytes[_next];
                _next = (_next + 1) % _bytes.Length;
            }
        }
    }
}
