namespace PosTerminal.Cards.Magstripe
{
    /// <summary>
    /// Outcome of a magnetic stripe read. A failure says why; a read is never reported Ok with data that failed a check
    /// (character parity, LRC, track layout, Luhn).
    /// </summary>
    public enum MagstripeStatus : byte
    {
        /// <summary>Read, checked and parsed.</summary>
        Ok = 0,
        /// <summary>No swipe began within the time allowed.</summary>
        NoSwipe = 1,
        /// <summary>Too few flux transitions or bits to hold a track (no stripe on this track, a partial swipe, noise).</summary>
        TooShort = 2,
        /// <summary>No start sentinel after the leading clocking zeros, in either direction.</summary>
        NoStartSentinel = 3,
        /// <summary>A character failed its odd parity check.</summary>
        Parity = 4,
        /// <summary>The bits (or the track's capacity) ended before an end sentinel.</summary>
        NoEndSentinel = 5,
        /// <summary>The LRC character is missing, fails its own parity, or does not match the characters.</summary>
        Lrc = 6,
        /// <summary>
        /// The characters passed parity and LRC but are not a valid track (layout, PAN length, Luhn, expiry): the
        /// reader's LastTrack2Status / LastTrack1Status says which check.
        /// </summary>
        BadTrackData = 7,
        /// <summary>
        /// The signal vanished for several bit cells inside the track (a worn or dirty stripe, the card lifted off the
        /// head): the cells lost are never guessed.
        /// </summary>
        Dropout = 8,
        /// <summary>
        /// Sentinels, parity and LRC held, but no clocking zeros follow the LRC: the end sentinel was a damaged
        /// character, not the end of the track.
        /// </summary>
        NoTrailingZeros = 9
    }
}
