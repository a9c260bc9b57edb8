namespace PosTerminal.Hal
{
    /// <summary>
    /// The CP, STROBE and DATA lines of one track of a TTL reader module (MagTek 21030xxx/21040xxx class: the module
    /// decodes F2F itself). The lines are open collector and active low, pulled up to 3.3 V on the board: level 0 = low =
    /// asserted, 1 = high = released. Before the first event of a capture every line is high.
    /// </summary>
    public interface ITtlLineCapture
    {
        /// <summary>
        /// Waits at most <paramref name="timeoutMs"/> milliseconds for CP to go low, then records every level change of
        /// the three lines, in order, from <paramref name="offset"/>: <paramref name="lines"/>[i] is the line
        /// (<see cref="TtlLine"/> as a byte), <paramref name="levels"/>[i] its new level (0 low, 1 high) and
        /// <paramref name="timesUs"/>[i] the time of the change in <b>microseconds</b> since CP went low (that first
        /// event has time 0). Ends after CP returns high (recorded) or when <paramref name="maxCount"/> events are stored.
        /// Events at the same time keep their real order (DATA settles at least 1 µs before the STROBE falling edge).
        /// Returns the number of events stored; 0 when no card came in time.
        /// </summary>
        int Capture(byte[] lines, byte[] levels, int[] timesUs, int offset, int maxCount, int timeoutMs);
    }
}
