using System;
using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>A raw head that returns the intervals the test queued (one swipe), or 0 (timeout) when none is queued.</summary>
    public sealed class ScriptedFluxCapture : IFluxCapture
    {
        private int[] _swipe;

        /// <summary>Captures made so far.</summary>
        public int Captures;

        /// <summary>The buffer the last capture wrote into (to check that the reader wiped it).</summary>
        public int[] LastBuffer;

        /// <summary>The timeout of the last capture, ms.</summary>
        public int LastTimeoutMs;

        /// <summary>Queues a swipe for the next capture.</summary>
        public void Swipe(int[] intervalsUs)
        {
            _swipe = intervalsUs;
        }

        /// <summary>Copies the queued swipe (up to <paramref name="maxCount"/>); 0 when none.</summary>
        public int Capture(int[] intervalsUs, int offset, int maxCount, int timeoutMs)
        {
            Captures++;
            LastBuffer = intervalsUs;
            LastTimeoutMs = timeoutMs;
            if (_swipe == null) return 0;
            int n = _swipe.Length < maxCount ? _swipe.Length : maxCount;
            Array.Copy(_swipe, 0, intervalsUs, offset, n);
            _swipe = null;
            return n;
        }
    }
}
