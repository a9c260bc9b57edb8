using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// CI fuzzing of the technician console's line input (item 8): <see cref="FuzzRun.DefaultInputs"/> inputs within the
/// budget into the line editor alone and into a logged-in session (<see cref="ConsoleFuzz"/>). Nothing may be thrown;
/// polls are bounded; lines stay within their maximum; history within its depth; no typed byte is echoed on a password
/// line; the login password never shows; no control byte reaches the terminal.
/// </summary>
[TestClass]
public class ConsoleFuzzTests
{
    [TestMethod]
    public void Console_EditorAndSession_NoExceptionNoHangNoEcho()
    {
        FuzzRun run = new("console", 7716, ConsoleFuzz.Run) { Printable = true, Allowed = _ => null };
        run.Seeds.AddRange(FuzzSeeds.ConsoleLines());
        FuzzReport r = run.Run();
        Assert.AreEqual(run.Inputs, r.Accepted, "the console target throws nothing, so every input is accepted\n" + r);
    }
}
