using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// CI fuzzing of the technician console's line input (item 8): <see cref="FuzzRun.DefaultInputs"/> inputs within the
/// budget into the line editor alone, and as many into a logged-in session (<see cref="ConsoleFuzz"/>; the selector's bit 0
/// is forced to pick one). Nothing may be thrown; polls are bounded; lines stay within their maximum; history within its
/// depth; no typed byte is echoed on a password line; the login password never shows; no control byte reaches the terminal.
/// </summary>
[TestClass]
public class ConsoleFuzzTests
{
    [TestMethod]
    [DataRow(0, 7716)]
    [DataRow(1, 7717)]
    public void Console_EditorOrSession_NoExceptionNoHangNoEcho(int session, int seed)
    {
        FuzzRun run = new(session == 0 ? "console-editor" : "console-session", seed, input => ConsoleFuzz.Run(Pick(input, session)))
        {
            Printable = true,
            Allowed = _ => null,
            // a session per input (login with a PBKDF2 check included): ~8 s alone here, so room for a loaded CI machine
            Budget = TimeSpan.FromSeconds(session == 0 ? 20 : 40),
        };
        run.Seeds.AddRange(FuzzSeeds.ConsoleLines().FindAll(b => (b[0] & 1) == session));
        FuzzReport r = run.Run();
        Assert.AreEqual(run.Inputs, r.Accepted, "the console target throws nothing, so every input is accepted\n" + r);
    }

    // The session's checks catch what they are for: a command that prints the login password, typed in any delivery.
    [TestMethod]
    [DataRow((byte)0x01)]
    [DataRow((byte)0x03)]
    [DataRow((byte)0x05)]
    public void Session_CommandThatPrintsThePassword_IsAFinding(byte selector)
    {
        byte[] input = [selector, .. "whoami\rleak\r"u8];
        ConsoleFuzz.Session(input);   // without the faulty command: no finding
        Assert.ThrowsExactly<FuzzFindingException>(() => ConsoleFuzz.Session(input, s => s.Commands.Add(
            new PosTerminal.TechConsole.ConsoleCommand("leak", "leak", "prints the password", PosTerminal.TechConsole.ConsoleRole.Technician, (c, args) =>
            {
                c.WriteLine("password is " + ConsoleFuzz.Password);
                return PosTerminal.TechConsole.CommandStatus.Done;
            }))));
    }

    // The input with its selector's bit 0 set to `session` (a copy: the generator's arrays stay as they are).
    private static byte[] Pick(byte[] input, int session)
    {
        if (input.Length == 0) return [(byte)session];
        byte[] b = (byte[])input.Clone();
        b[0] = (byte)((b[0] & 0xFE) | session);
        return b;
    }
}
