namespace PosTerminal.TechConsole
{
    /// <summary>How a prompt inside a command ended (<see cref="ConsoleSession.ReadLine"/>, <see cref="ConsoleSession.ReadPassword"/>).</summary>
    public enum ConsoleInput : byte
    {
        /// <summary>A line was entered.</summary>
        Ok = 0,

        /// <summary>Ctrl-C: the command should stop and return.</summary>
        Cancelled = 1,

        /// <summary>Nothing was typed for the idle time: the command should return; the session then logs out.</summary>
        TimedOut = 2,
    }
}
