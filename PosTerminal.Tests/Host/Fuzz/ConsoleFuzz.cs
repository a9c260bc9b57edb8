using System;
using System.Collections.Generic;
using PosTerminal.Storage;
using PosTerminal.TechConsole;
using PosTerminal.Tests.Fakes;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// The <c>console</c> fuzz target (item 8, console line input): arbitrary bytes typed into the technician console's
/// <see cref="LineEditor"/> alone, or into a logged-in <see cref="ConsoleSession"/>, over a scripted serial line on a
/// manual clock. Neither may throw (both report by status: <see cref="LineStatus"/>, "error: ..." lines); every poll
/// must come back (the number of polls is bounded by the input); and the properties below must hold.
/// </summary>
/// <remarks>
/// Input: [selector][bytes typed]. Selector bit 0: editor (0) or session (1). Bits 2-1: delivery of the typed bytes:
/// all in one chunk, byte by byte, pseudo-random chunks (generator seeded from the input), or random chunks with pauses
/// around the ESC timeout (and, for the session, around a shortened idle logout). Editor only: bit 3 echo off (a
/// password line) or on with history; bits 5-4 line length 16, 80, 255 or 17; bits 7-6 history depth 0, 1, 8, 32.
/// <para>Editor: after every poll the line is at most the maximum length and printable ASCII, the history never holds
/// more than its depth (and nothing in no-echo mode); the output never carries a control byte other than BS, CR, LF, BEL
/// (typed ESC sequences cannot drive the technician's terminal); in no-echo mode the output carries nothing typed at all
/// (only CR LF, BEL and "^C").</para>
/// <para>Session: logs in as technician with <see cref="Password"/> (delivered at the password prompt), then the bytes,
/// then Ctrl-C and "logout". The password never appears in the output, unless the typed bytes themselves contain every
/// character of it (then they could have typed it at an echoing prompt); a command that throws with the password in its
/// message is reported without it; the output never carries a control byte other than BS, CR, LF, BEL.</para>
/// </remarks>
public static class ConsoleFuzz
{
    /// <summary>The technician password the session target logs in with.</summary>
    public const string Password = "Kq7~vX2!";

    /// <summary>Line lengths by selector bits 5-4 (16 and 255 are <see cref="ConsoleSettings"/>' limits).</summary>
    private static readonly int[] s_lengths = [16, 80, 255, 17];

    /// <summary>History depths by selector bits 7-6.</summary>
    private static readonly int[] s_depths = [0, 1, 8, 32];

    /// <summary>[selector][bytes typed]; see the remarks of <see cref="ConsoleFuzz"/>.</summary>
    public static void Run(byte[] input)
    {
        if (input.Length == 0) return;
        if ((input[0] & 1) == 0) Editor(input);
        else Session(input);
    }

    private static void Editor(byte[] input)
    {
        int sel = input[0];
        bool echo = (sel & 8) == 0;
        int max = s_lengths[(sel >> 4) & 3], depth = s_depths[(sel >> 6) & 3];
        ManualClock clock = new();
        ScriptedSerialLine line = new(clock);
        int pauseMs = Script(line, input, (sel >> 1) & 3, LineEditor.EscapeTimeoutMs);
        LineEditor editor = new(line, clock, max, depth);
        editor.Begin(echo, true);
        int lines = 0;
        long budget = PollBudget(input, pauseMs);
        for (long polls = 0; ; polls++)
        {
            if (polls > budget) throw new FuzzFindingException($"the editor still had input after {polls} polls (hang)");
            bool drained = line.Drained;
            LineStatus s = editor.Poll(40);
            if (editor.Length < 0 || editor.Length > max) throw new FuzzFindingException($"line of {editor.Length} characters, maximum {max}");
            for (int i = 0; i < editor.Length; i++)
            {
                byte b = editor.Buffer[i];
                if (b < 0x20 || b > 0x7E) throw new FuzzFindingException($"byte {b:X2} in the line at {i}");
            }
            if (editor.HistoryCount > depth || (!echo && editor.HistoryCount != 0))
                throw new FuzzFindingException($"history of {editor.HistoryCount} lines, depth {depth}, echo {echo}");
            if (s == LineStatus.Line) lines++;
            else if (s != LineStatus.Waiting && s != LineStatus.Cancelled) throw new FuzzFindingException("status " + s);
            if (drained && s == LineStatus.Waiting) break;
        }
        if (lines > input.Length) throw new FuzzFindingException($"{lines} lines from {input.Length} bytes");
        string output = line.TakeOutput();
        CheckControlBytes(output);
        if (!echo)
        {
            string rest = output.Replace("^C\r\n", "", StringComparison.Ordinal);
            foreach (char c in rest)
            {
                if (c != '\r' && c != '\n' && c != '\a') throw new FuzzFindingException($"no-echo line wrote '{c}' ({(int)c:X2})");
            }
        }
    }

    /// <summary>
    /// The session half of the target (the selector's bit 0 is not looked at); <paramref name="extra"/> may add commands
    /// (the harness's own tests add a faulty one to show that the checks catch it).
    /// </summary>
    public static void Session(byte[] input, Action<ConsoleSession> extra = null)
    {
        if (input.Length == 0) return;
        int sel = input[0];
        int delivery = (sel >> 1) & 3;
        ManualClock clock = new();
        ScriptedSerialLine line = new(clock);
        ConsoleSettings settings = new()
        {
            HashIterations = 2,
            IdleLogoutMs = delivery == 3 ? 1000 : 5 * 60 * 1000,
            LockoutBaseMs = 500,
            LockoutMaxMs = 4000,
            MinPasswordLength = 4,
        };
        MemoryPasswordStore passwords = StoredPasswords(settings);
        ConsoleSession session = new(line, clock, new SeededRandom(sel), new RecordStore(new MemoryStore()), passwords, settings);
        AddCommands(session);
        extra?.Invoke(session);
        session.Start();
        line.Send("tech\r");
        line.Send(Password + "\r");
        Pump(session, line, 8);
        if (session.Role != ConsoleRole.Technician) throw new FuzzFindingException("the set-up login failed: " + line.Output());
        if (line.Output().Contains(Password, StringComparison.Ordinal)) throw new FuzzFindingException("the login echoed the password");

        int pauseMs = Script(line, input, delivery, delivery == 3 ? 1200 : LineEditor.EscapeTimeoutMs);
        line.Send("\x03logout\r");
        Pump(session, line, PollBudget(input, pauseMs));
        string output = line.TakeOutput();
        CheckControlBytes(output);
        if (output.Contains(Password, StringComparison.Ordinal) && !TypesAll(input, Password))
            throw new FuzzFindingException("the password appears in the console output");
    }

    [ThreadStatic] private static byte[][] t_hashes;

    // The technician's password (and the supervisor's: all but its last character) as the console stores them, hashed
    // once per thread and copied into a new store for each input.
    private static MemoryPasswordStore StoredPasswords(ConsoleSettings settings)
    {
        if (t_hashes == null)
        {
            MemoryPasswordStore template = new();
            ConsolePasswords set = new(template, new SeededRandom(1), settings);
            byte[] p = new byte[Password.Length];
            for (int i = 0; i < p.Length; i++) p[i] = (byte)Password[i];
            set.Set(ConsoleRole.Technician, p, 0, p.Length, false);
            set.Set(ConsoleRole.Supervisor, p, 0, p.Length - 1, false);
            t_hashes = [template.Blob(ConsoleRole.Technician), template.Blob(ConsoleRole.Supervisor)];
        }
        MemoryPasswordStore store = new();
        store.WritePassword(ConsoleRole.Technician, t_hashes[0], 0, t_hashes[0].Length, false);
        store.WritePassword(ConsoleRole.Supervisor, t_hashes[1], 0, t_hashes[1].Length, false);
        return store;
    }

    // Polls (40 ms each) until the script is used up and one more poll found nothing; more than `budget` polls is a hang.
    private static void Pump(ConsoleSession session, ScriptedSerialLine line, long budget)
    {
        for (long polls = 0; ; polls++)
        {
            if (polls > budget) throw new FuzzFindingException($"the console still had input after {polls} polls (hang)");
            bool drained = line.Drained;
            session.Poll(40);
            if (drained) return;
        }
    }

    // Every poll consumes a chunk, ends a line, or lets 40 ms of a pause pass: a bound on the polls a script needs.
    private static long PollBudget(byte[] input, int pauseMs) => 2L * input.Length + pauseMs / 40 + 32;

    /// <summary>
    /// Queues input[1..] on the line as <paramref name="delivery"/> says (see the remarks); returns the total pause in ms.
    /// </summary>
    private static int Script(ScriptedSerialLine line, byte[] input, int delivery, int pauseScaleMs)
    {
        Random rnd = new(FuzzTargets.HashOf(input, 0, input.Length));
        int total = 0;
        for (int at = 1; at < input.Length;)
        {
            int n = delivery switch { 0 => input.Length - 1, 1 => 1, _ => 1 + rnd.Next(12) };
            n = Math.Min(n, input.Length - at);
            line.Send(input.AsSpan(at, n).ToArray());
            at += n;
            if (delivery == 3 && rnd.Next(4) == 0)
            {
                int ms = rnd.Next(pauseScaleMs * 2) + 1;
                line.Pause(ms);
                total += ms;
            }
        }
        return total;
    }

    private static bool TypesAll(byte[] input, string text)
    {
        foreach (char c in text)
        {
            if (Array.IndexOf(input, (byte)c, 1) < 0) return false;
        }
        return true;
    }

    // Only printable ASCII and BS, CR, LF, BEL may reach the technician's terminal.
    private static void CheckControlBytes(string output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            char c = output[i];
            if ((c < 0x20 || c > 0x7E) && c != '\b' && c != '\r' && c != '\n' && c != '\a')
                throw new FuzzFindingException($"output byte {(int)c:X2} at {i}");
        }
    }

    // Commands that exercise what real ones do: arguments and usage errors, a setting table, questions with and
    // without echo inside a command, and a command that fails with the password in its exception message.
    private static void AddCommands(ConsoleSession session)
    {
        Dictionary<string, string> values = new(StringComparer.Ordinal);
        session.Commands.Add(new ConsoleCommand("set", "set <name> <value>", "set a value", ConsoleRole.Technician, (s, args) =>
        {
            if (args.Length != 2) return CommandStatus.Usage;
            if (values.Count >= 16 && !values.ContainsKey(args[0]))
            {
                s.Error("too many values");
                return CommandStatus.Done;
            }
            values[args[0]] = args[1];
            s.WriteLine(args[0] + " = " + args[1]);
            return CommandStatus.Done;
        }));
        session.Commands.Add(new ConsoleCommand("show", "show", "show the values", ConsoleRole.Technician, (s, args) =>
        {
            foreach (KeyValuePair<string, string> kv in values) s.WriteLine(kv.Key + " = " + kv.Value);
            return CommandStatus.Done;
        }));
        session.Commands.Add(new ConsoleCommand("ask", "ask", "ask a question and a secret", ConsoleRole.Technician, (s, args) =>
        {
            if (s.ReadLine("name: ", out string text) != ConsoleInput.Ok) return CommandStatus.Done;
            byte[] secret = new byte[s.Settings.MaxLineLength];
            ConsoleInput r = s.ReadPassword("secret: ", secret, out int n);
            Array.Clear(secret);
            s.WriteLine(r == ConsoleInput.Ok ? text + ": " + n + " characters" : text + ": " + r);
            return CommandStatus.Done;
        }));
        session.Commands.Add(new ConsoleCommand("boom", "boom", "fail", ConsoleRole.Technician,
            (s, args) => throw new InvalidOperationException("failed with " + Password)));
    }
}
