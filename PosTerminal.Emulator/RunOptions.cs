using System;
using System.Globalization;
using System.IO;

namespace PosTerminal.Emulator;

/// <summary>Where the technician console of <c>run</c> is.</summary>
public enum ConsoleLine
{
    /// <summary>On the emulator's standard input and output, with the board commands in the console's command table.</summary>
    Stdio,

    /// <summary>On a pty the emulator creates (a terminal program attaches to it); stdin keeps the board prompt.</summary>
    Pty,

    /// <summary>On a real serial device; stdin keeps the board prompt.</summary>
    Serial,
}

/// <summary>Options of the emulator's <c>run</c> command, parsed from the command line.</summary>
public sealed class RunOptions
{
    /// <summary>The built-in simulator's default port, so that a saved host 127.0.0.1:5800 still answers after a restart.</summary>
    public const int DefaultSimulatorPort = 5800;

    /// <summary>The emulator's non-volatile data by default (configuration, keys, counters; shared with demo).</summary>
    public static string DefaultDataDir { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".posterminal", "emulator");

    /// <summary>Where the console is.</summary>
    public ConsoleLine Console { get; set; } = ConsoleLine.Stdio;

    /// <summary>With <see cref="ConsoleLine.Pty"/>: a symbolic link to make to the pty, or null.</summary>
    public string PtyLink { get; set; }

    /// <summary>With <see cref="ConsoleLine.Serial"/>: the device.</summary>
    public string SerialDevice { get; set; }

    /// <summary>With <see cref="ConsoleLine.Serial"/>: its speed.</summary>
    public int Baud { get; set; } = Host.DeviceSerialLine.DefaultBaud;

    /// <summary>The terminal's non-volatile data (the same records as the device's flash).</summary>
    public string DataDir { get; set; } = DefaultDataDir;

    /// <summary>Start the built-in acquirer simulator.</summary>
    public bool Simulator { get; set; } = true;

    /// <summary>Its port on 127.0.0.1 (0: any free port).</summary>
    public int SimulatorPort { get; set; } = DefaultSimulatorPort;

    /// <summary>Print the frames.</summary>
    public bool Trace { get; set; } = true;

    /// <summary>The first sale's amount in minor units (the board's sale command sets the next ones).</summary>
    public long AmountMinor { get; set; } = 12345;

    /// <summary>The PIN to enter: null = the test card's PIN on file, "" = no PIN.</summary>
    public string Pin { get; set; }

    /// <summary>Parses the options after "run"; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static RunOptions Parse(string[] args, int start)
    {
        RunOptions o = new();
        bool pty = false;
        for (int i = start; i < args.Length; i++)
        {
            string a = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(a + " needs a value");
            switch (a)
            {
                case "--pty": pty = true; break;
                case "--pty-link": o.PtyLink = Next(); pty = true; break;
                case "--serial": o.SerialDevice = Next(); break;
                case "--baud": o.Baud = ParseInt(Next(), 50, 4_000_000, "--baud takes a speed in bits per second, e.g. 115200"); break;
                case "--data":
                case "--data-dir": o.DataDir = Next(); break;
                case "--simulator":
                    o.Simulator = Next() switch
                    {
                        "on" => true,
                        "off" => false,
                        _ => throw new ArgumentException("--simulator is on or off"),
                    };
                    break;
                case "--simulator-port": o.SimulatorPort = ParseInt(Next(), 0, 65535, "--simulator-port is 1-65535, or 0 for any free port"); break;
                case "--no-trace": o.Trace = false; break;
                case "--amount": o.AmountMinor = DemoOptions.ParseAmount(Next(), null); break;
                case "--no-pin": o.Pin = ""; break;
                default: throw new ArgumentException("unknown option " + a + " (try: run --help; the host, ids and timeouts are set on the console)");
            }
        }
        if (pty && o.SerialDevice != null) throw new ArgumentException("the console is on --pty or on --serial, not both");
        if (o.SerialDevice != null) o.Console = ConsoleLine.Serial;
        else if (pty) o.Console = ConsoleLine.Pty;
        if (string.IsNullOrWhiteSpace(o.DataDir)) throw new ArgumentException("--data needs a directory");
        return o;
    }

    private static int ParseInt(string s, int min, int max, string message) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max ? v : throw new ArgumentException(message);
}
