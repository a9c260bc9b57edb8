namespace PosTerminal.Hal
{
    /// <summary>
    /// A raw magnetic read head (one track) behind an amplifier and comparator, captured by a pulse timer: on the ESP32
    /// the RMT receiver with a 1 µs tick (see Cards/Magstripe/README.md). It measures the time between successive flux
    /// transitions of an F2F (Aiken biphase) signal; the core decodes the durations.
    /// </summary>
    public interface IFluxCapture
    {
        /// <summary>
        /// Waits at most <paramref name="timeoutMs"/> milliseconds for a swipe to begin (the first flux transition), then
        /// stores the durations between successive transitions, in <b>microseconds</b> (1 µs resolution, each 1..32767),
        /// into <paramref name="intervalsUs"/> from <paramref name="offset"/>, oldest first, until the swipe ends (no
        /// transition for the implementation's end-of-swipe gap, 15 ms recommended: longer than a bit cell of the slowest
        /// swipe, 3.4 ms on track 2 at 10 cm/s) or <paramref name="maxCount"/> durations are stored.
        /// Returns the number stored; 0 when no swipe began in time.
        /// </summary>
        int Capture(int[] intervalsUs, int offset, int maxCount, int timeoutMs);
    }
}
