using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;

namespace PosTerminal.Emulator;

/// <summary>
/// The emulator's interactive mode (<c>run</c>): the device boots from its data directory (<see cref="EmulatedDevice"/>)
/// with its technician console, and a person acts on the virtual board with <see cref="BoardCommands"/>. With
/// <c>--pty</c> or <c>--serial</c> the console is on that line and the board prompt stays on standard input; otherwise
/// the console is on this terminal and the board commands are console commands too.
/// </summary>
public static class Interactive
{
    /// <summary>Runs until quit or end of input; returns 0 (1 when the console's line or the data directory could not be opened).</summary>
    public static int Run(RunOptions o, TextReader input, TextWriter output)
    {
        output = TextWriter.Synchronized(output);
        EmulatedDevice device = null;
        BoardCommands board = new(() => device.Session, o.AmountMinor, o.Pin, output);
        Action<TechConsole.CommandTable> boardInConsole = o.Console == ConsoleLine.Stdio ? t => board.AddTo(t, () => device.Quit()) : null;
        try
        {
            device = EmulatedDevice.Start(o, output, boardInConsole, board.Stop);
        }
        catch (IOException e)
        {
            output.WriteLine("error: the emulator could not start (console line or data directory): " + e.Message);
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            output.WriteLine("error: the emulator could not start (console line or data directory): " + e.Message);
            return 1;
        }
        int signals = 0;
        void Stop(PosixSignalContext c)
        {
            // the first Ctrl-C or kill stops the emulator in order (the pty's link removed, a terminal's mode restored);
            // a second one is not held back
            if (Interlocked.Increment(ref signals) > 1) return;
            c.Cancel = true;
            output.WriteLine("stopping");
            device.Quit();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using (device)
        {
            device.Run();
            if (o.Console == ConsoleLine.Stdio)
            {
                device.Stopped.WaitOne();
            }
            else
            {
                output.WriteLine();
                output.WriteLine(BoardCommands.Help);
                // The prompt blocks in ReadLine, so it has its own thread: a signal or the console's end stops the device
                // without waiting for a line.
                Thread prompt = new(() =>
                {
                    if (BoardPrompt(board, device, input, output)) device.Quit();
                    else output.WriteLine("board input ended; the console runs on until the emulator is stopped (Ctrl-C, kill)");
                }) { IsBackground = true, Name = "board prompt" };
                prompt.Start();
                device.Stopped.WaitOne();
            }
            board.Stop();
        }
        return 0;
    }

    // The board prompt on standard input, while the console runs on its own line. False at the end of the input.
    private static bool BoardPrompt(BoardCommands board, EmulatedDevice device, TextReader input, TextWriter output)
    {
        while (!device.Stopped.WaitOne(0))
        {
            output.Write(board.Waiting ? "present card or code> " : "pos> ");
            output.Flush();
            string line = input.ReadLine();
            if (line == null) return false;
            string[] w = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (w.Length == 0) continue;
            string verb = w[0].ToLowerInvariant();
            if (verb is "quit" or "exit") return true;
            if (verb is "help" or "?")
            {
                output.WriteLine(BoardCommands.Help);
                continue;
            }
            try
            {
                if (!board.Execute(w, line)) output.WriteLine($"error: unknown command '{w[0]}' (try: help; the terminal's settings are on the console)");
            }
            catch (ArgumentException e)
            {
                output.WriteLine("error: " + e.Message);
            }
        }
        return true;
    }
}
