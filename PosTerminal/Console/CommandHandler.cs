namespace PosTerminal.TechConsole
{
    /// <summary>
    /// Runs one console command. <paramref name="args"/> are the words typed after the command name (split on spaces;
    /// no quoting), possibly none. Write output with <see cref="ConsoleSession.WriteLine(string)"/> and failures with
    /// <see cref="ConsoleSession.Error"/>; read further input with <see cref="ConsoleSession.ReadLine"/> or
    /// <see cref="ConsoleSession.ReadPassword"/>.
    /// </summary>
    public delegate CommandStatus CommandHandler(ConsoleSession session, string[] args);
}
