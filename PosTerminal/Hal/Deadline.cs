namespace PosTerminal.Hal
{
    /// <summary>A point in monotonic time by which something must be done.</summary>
    public struct Deadline
    {
        private readonly long _atMs;

        private Deadline(long atMs)
        {
            _atMs = atMs;
        }

        /// <summary>The deadline <paramref name="ms"/> milliseconds from now.</summary>
        public static Deadline In(IClock clock, int ms)
        {
            return new Deadline(clock.MonotonicMs + ms);
        }

        /// <summary>Milliseconds left, 0 when past.</summary>
        public int RemainingMs(IClock clock)
        {
            long r = _atMs - clock.MonotonicMs;
            return r > 0 ? (r > int.MaxValue ? int.MaxValue : (int)r) : 0;
        }

        /// <summary>True once the deadline has passed.</summary>
        public bool IsExpired(IClock clock)
        {
            return clock.MonotonicMs >= _atMs;
        }
    }
}
