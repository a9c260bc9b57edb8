using System;
using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>A serial line in RAM: bytes queued by the test are read; bytes written are kept. An empty read advances the clock by its timeout.</summary>
    public sealed class MemorySerialLine : ISerialLine
    {
        private readonly ManualClock _clock;
        private readonly byte[] _in = new byte[4096];
        private readonly byte[] _out = new byte[16384];
        private int _inHead;
        private int _inTail;
        private int _outLength;

        /// <summary>A line timed by <paramref name="clock"/>.</summary>
        public MemorySerialLine(ManualClock clock)
        {
            _clock = clock;
        }

        /// <summary>Queues text to be read.</summary>
        public void Type(string text)
        {
            for (int i = 0; i < text.Length; i++) _in[_inTail++] = (byte)text[i];
        }

        /// <summary>Everything written, as text.</summary>
        public string Output()
        {
            char[] c = new char[_outLength];
            for (int i = 0; i < _outLength; i++) c[i] = (char)_out[i];
            return new string(c);
        }

        /// <summary>Reads what is queued, or waits out the timeout.</summary>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_inHead == _inTail)
            {
                _clock.Advance(timeoutMs);
                return 0;
            }
            int n = _inTail - _inHead;
            if (n > count) n = count;
            Array.Copy(_in, _inHead, buffer, offset, n);
            _inHead += n;
            return n;
        }

        /// <summary>Keeps the bytes.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, _out, _outLength, count);
            _outLength += count;
        }
    }
}
