namespace PosTerminal.TechConsole
{
    /// <summary>What a command handler returns to the session.</summary>
    public enum CommandStatus : byte
    {
        /// <summary>Done (successfully, or the handler already printed its own error line).</summary>
        Done = 0,

        /// <summary>The arguments were wrong: the session prints "error: usage: " and the command's usage.</summary>
        Usage = 1,

        /// <summary>End the session: the session prints "logged out" and asks for a login.</summary>
        Logout = 2,
    }
}
