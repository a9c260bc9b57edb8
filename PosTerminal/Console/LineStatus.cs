namespace PosTerminal.TechConsole
{
    /// <summary>What <see cref="LineEditor.Poll"/> returns.</summary>
    public enum LineStatus : byte
    {
        /// <summary>The time is up and the line is not finished yet (it is kept: poll again).</summary>
        Waiting = 0,

        /// <summary>Enter was pressed: the line is in <see cref="LineEditor.Buffer"/>.</summary>
        Line = 1,

        /// <summary>Ctrl-C: the line was dropped ("^C" was echoed).</summary>
        Cancelled = 2,
    }
}
