using System;
using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>A TTL reader module that returns the line events the test queued (one swipe), or 0 when none is queued.</summary>
    public sealed class ScriptedTtlCapture : ITtlLineCapture
    {
        private byte[] _lines;
        private byte[] _levels;
        private int[] _times;
        private int _count;

        /// <summary>The line buffer of the last capture (to check that the reader wiped it).</summary>
        public byte[] LastLines;

        /// <summary>
        /// Queues the events of a swipe of <paramref name="bits"/> as a module gives them, one bit every 100 µs: CP low,
        /// then per bit DATA (low for a 1) 5 µs before the STROBE falling edge when it changes, STROBE low, STROBE high
        /// 30 µs later; DATA high and CP high (150 ms later) at the end.
        /// </summary>
        public void Swipe(byte[] bits)
        {
            int max = 3 * bits.Length + 4;
            _lines = new byte[max];
            _levels = new byte[max];
            _times = new int[max];
            _count = 0;
            Add(TtlLine.CardPresent, 0, 0);
            bool dataLow = false;
            int t = 0;
            for (int i = 0; i < bits.Length; i++)
            {
                t += 100;
                bool one = bits[i] != 0;
                if (one != dataLow)
                {
                    Add(TtlLine.Data, one ? (byte)0 : (byte)1, t - 5);
                    dataLow = one;
                }
                Add(TtlLine.Strobe, 0, t);
                Add(TtlLine.Strobe, 1, t + 30);
            }
            if (dataLow) Add(TtlLine.Data, 1, t + 50);
            Add(TtlLine.CardPresent, 1, t + 150000);
        }

        /// <summary>Copies the queued events; 0 when none.</summary>
        public int Capture(byte[] lines, byte[] levels, int[] timesUs, int offset, int maxCount, int timeoutMs)
        {
            LastLines = lines;
            if (_lines == null) return 0;
            int n = _count < maxCount ? _count : maxCount;
            Array.Copy(_lines, 0, lines, offset, n);
            Array.Copy(_levels, 0, levels, offset, n);
            Array.Copy(_times, 0, timesUs, offset, n);
            _lines = null;
            return n;
        }

        private void Add(TtlLine line, byte level, int timeUs)
        {
            _lines[_count] = (byte)line;
            _levels[_count] = level;
            _times[_count] = timeUs;
            _count++;
        }
    }
}
