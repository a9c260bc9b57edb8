#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using PosTerminal.TechConsole;
using PosTerminal.Tests.Fakes;
using PosTerminal.Util;

namespace PosTerminal.Tests.TechConsole
{
    /// <summary>
    /// The line editor fed the bytes each terminal program sends (picocom, minicom and screen send CR for Enter, PuTTY
    /// CR LF or CR; Backspace is DEL or BS depending on the program's setting; arrows are ESC [ A or, in application
    /// cursor mode, ESC O A), checked for the exact lines and the exact echo. Lines are shown as [text], Ctrl-C as ^C;
    /// in echo strings \b is BS and \a is BEL.
    /// </summary>
    [TestClass]
    public class LineEditorTests
    {
        private static LineEditor Editor(ScriptedSerialLine line, ManualClock clock, int maxLength)
        {
            LineEditor e = new LineEditor(line, clock, maxLength, 8);
            e.Begin(true, true);
            return e;
        }

        // Polls until the script is used up; the lines as [text], a cancelled line as ^C.
        private static string ReadAll(LineEditor e, ScriptedSerialLine line)
        {
            string result = "";
            for (int guard = 0; guard < 1000; guard++)
            {
                LineStatus s = e.Poll(10);
                if (s == LineStatus.Line) result += "[" + e.GetText() + "]";
                else if (s == LineStatus.Cancelled) result += "^C";
                else if (line.Drained) break;
            }
            return result;
        }

        private static string Run(string input, out string echo)
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 16);
            line.Send(input);
            string lines = ReadAll(e, line);
            echo = line.TakeOutput();
            return lines;
        }

        [TestMethod]
        // picocom, minicom, screen: Enter is CR
        [DataRow("show\r", "[show]", "show\r\n")]
        // PuTTY (and minicom with "add linefeed"): CR LF ends one line, not two
        [DataRow("show\r\nnext\r\n", "[show][next]", "show\r\nnext\r\n")]
        // LF alone (a terminal set to send LF)
        [DataRow("show\nnext\n", "[show][next]", "show\r\nnext\r\n")]
        // Enter pressed twice: CR CR and LF LF are two lines each; only CR LF pairs up
        [DataRow("a\r\r", "[a][]", "a\r\n\r\n")]
        [DataRow("a\n\n", "[a][]", "a\r\n\r\n")]
        [DataRow("a\n\r", "[a][]", "a\r\n\r\n")]
        // CR NUL LF (telnet-style padding): the NUL changes nothing
        [DataRow("x\r\0\ny\r", "[x][y]", "x\r\ny\r\n")]
        [DataRow("a\0b\r", "[ab]", "ab\r\n")]
        public void LineEnds_EachConvention_OneLineEach(string input, string lines, string echo)
        {
            string actualEcho;
            Assert.AreEqual(lines, Run(input, out actualEcho));
            Assert.AreEqual(echo, actualEcho);
        }

        [TestMethod]
        // DEL (picocom, screen and PuTTY's default Backspace) and BS (minicom's default, PuTTY's Ctrl-H setting)
        [DataRow("abc\u007Fd\r", "[abd]", "abc\b \bd\r\n")]
        [DataRow("abc\bd\r", "[abd]", "abc\b \bd\r\n")]
        // erasing past the start echoes nothing
        [DataRow("a\b\b\u007Fz\r", "[z]", "a\b \bz\r\n")]
        // Ctrl-U clears the line
        [DataRow("abc\u0015x\r", "[x]", "abc\b \b\b \b\b \bx\r\n")]
        // Ctrl-C mid-line: ^C, the line is dropped, the next one starts empty
        [DataRow("abc\u0003d\r", "^C[d]", "abc^C\r\nd\r\n")]
        // TAB and other control bytes: ignored
        [DataRow("a\tb\u0001\u0002\u0004\u001Ac\r", "[abc]", "abc\r\n")]
        public void Editing_Keys_ExactLinesAndEcho(string input, string lines, string echo)
        {
            string actualEcho;
            Assert.AreEqual(lines, Run(input, out actualEcho));
            Assert.AreEqual(echo, actualEcho);
        }

        [TestMethod]
        // left, right (ESC [ C / D), Home/End (ESC [ H / F, ESC [ 1 ~), Delete (ESC [ 3 ~), PgUp (ESC [ 5 ~)
        [DataRow("a\u001B[Cb\u001B[Dc\u001B[Hd\u001B[Fe\u001B[1~f\u001B[3~g\u001B[5~\r", "[abcdefg]")]
        // F1-F4 VT100 / application mode (ESC O P..S), F5 and F12 xterm (ESC [ 15 ~, ESC [ 24 ~), Linux console F1 (ESC [ [ A)
        [DataRow("a\u001BOPb\u001BOSc\u001B[15~d\u001B[24~e\u001B[[Af\r", "[abcdef]")]
        // modified arrows (Ctrl-Up ESC [ 1 ; 5 A), Alt+x (ESC x), application-mode right (ESC O C)
        [DataRow("a\u001B[1;5Ab\u001Bxc\u001BOCd\r", "[abcd]")]
        // a control byte inside a sequence ends it and acts: here CR ends the line
        [DataRow("ab\u001B[1\r", "[ab]")]
        public void EscapeSequences_OtherKeys_ConsumedNeverInserted(string input, string lines)
        {
            string echo;
            Assert.AreEqual(lines, Run(input, out echo));
            Assert.AreEqual(lines.Substring(1, lines.Length - 2) + "\r\n", echo);
        }

        [TestMethod]
        [DataRow("a\u00C3\u00A9b\r", "[ab]", "a\ab\r\n")]                    // é in UTF-8: one BEL
        [DataRow("a\u00E2\u0082\u00ACb\r", "[ab]", "a\ab\r\n")]               // € in UTF-8 (3 bytes): one BEL
        [DataRow("a\u00F0\u009F\u0098\u0080b\r", "[ab]", "a\ab\r\n")]         // an emoji (4 bytes): one BEL
        [DataRow("a\u0080\u009B\u00A0\u00BFb\r", "[ab]", "ab\r\n")]           // stray continuation / C1 bytes: ignored
        [DataRow("a\u00FF\u00FEb\r", "[ab]", "a\a\ab\r\n")]                   // 0xFE, 0xFF: refused
        public void HighBytes_RefusedCleanly(string input, string lines, string echo)
        {
            string actualEcho;
            Assert.AreEqual(lines, Run(input, out actualEcho));
            Assert.AreEqual(echo, actualEcho);
        }

        [TestMethod]
        public void OverlongLine_ExtraCharactersRefusedWithBell()
        {
            string echo;
            Assert.AreEqual("[0123456789ABCDEF]", Run("0123456789ABCDEFGH\r", out echo));
            Assert.AreEqual("0123456789ABCDEF\a\a\r\n", echo);
            // room made by erasing is usable again
            Assert.AreEqual("[0123456789ABCDEZ]", Run("0123456789ABCDEFG\bZ\r", out echo));
            Assert.AreEqual("0123456789ABCDEF\a\b \bZ\r\n", echo);
        }

        [TestMethod]
        // Enter, erase byte, up arrow as each program sends them by default (or in a common setting).
        [DataRow("picocom", "0D", 0x7F, "1B5B41")]
        [DataRow("minicom", "0D", 0x08, "1B5B41")]
        [DataRow("screen", "0D", 0x7F, "1B5B41")]
        [DataRow("screen, application cursor keys", "0D", 0x7F, "1B4F41")]
        [DataRow("putty", "0D0A", 0x7F, "1B5B41")]
        [DataRow("putty, ctrl-h, application cursor keys", "0D0A", 0x08, "1B4F41")]
        [DataRow("putty, enter sends CR only", "0D", 0x7F, "1B5B41")]
        public void TerminalProgram_TypingSession_ExactLinesAndEcho(string program, string enterHex, int erase, string upHex)
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 32);
            byte[] enter = Hex.Decode(enterHex);
            byte[] up = Hex.Decode(upHex);
            byte[] del = new byte[] { (byte)erase };

            line.Send("status");
            line.Send(enter);
            line.Send("lnik");
            line.Send(del);
            line.Send(del);
            line.Send(del);
            line.Send("ink");
            line.Send(enter);
            line.Send(up);                 // "link" again (not added twice)
            line.Send(enter);
            line.Send(up);
            line.Send(up);                 // back to "status"
            line.Send(enter);
            string lines = ReadAll(e, line);

            Assert.AreEqual("[status][link][link][status]", lines, program);
            Assert.AreEqual(
                "status\r\n"
                + "lnik\b \b\b \b\b \bink\r\n"
                + "link\r\n"
                + "link\b \b\b \b\b \b\b \bstatus\r\n",
                line.TakeOutput(), program);
            Assert.AreEqual(3, e.HistoryCount, program);    // status, link, status: only repeats in a row are dropped
        }

        [TestMethod]
        [DataRow("1B5B41", "1B5B42")]      // ESC [ A / ESC [ B
        [DataRow("1B4F41", "1B4F42")]      // ESC O A / ESC O B
        public void History_UpDownWalkBackToTheDraft_BellAtTheEnds(string upHex, string downHex)
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 32);
            string up = Ascii.GetString(Hex.Decode(upHex), 0, 3);
            string down = Ascii.GetString(Hex.Decode(downHex), 0, 3);
            line.Send("one\rtwo\r");
            Assert.AreEqual("[one][two]", ReadAll(e, line));
            line.TakeOutput();

            line.Send("dr" + down + up + up + up + down + down + down + "\r");
            Assert.AreEqual("[dr]", ReadAll(e, line));
            Assert.AreEqual(
                "dr"
                + "\a"                                   // down with nothing newer
                + "\b \b\b \btwo"                        // up: two (the draft "dr" saved)
                + "\b \b\b \b\b \bone"                   // up: one
                + "\a"                                   // up past the oldest
                + "\b \b\b \b\b \btwo"                   // down: two
                + "\b \b\b \b\b \bdr"                    // down: the draft again
                + "\a"                                   // down past the draft
                + "\r\n",
                line.TakeOutput());
        }

        [TestMethod]
        public void History_KeepsTheLastEightNonEmptyLines_NoConsecutiveDuplicates()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 32);
            line.Send("l1\rl2\rl2\r\rl3\rl4\rl5\rl6\rl7\rl8\rl9\rl10\r");
            ReadAll(e, line);
            Assert.AreEqual(8, e.HistoryCount);
            line.TakeOutput();
            string up = "\u001B[A";
            line.Send(up + up + up + up + up + up + up + up + "\r");
            Assert.AreEqual("[l3]", ReadAll(e, line));                  // l1 and l2 are gone
            Assert.IsTrue(line.TakeOutput().IndexOf('\a') < 0);
            // l3 is the newest again: newest to oldest l3, l10, l9 ... l4; a ninth up rings
            line.Send(up + up + up + up + up + up + up + up + up + "\r");
            Assert.AreEqual("[l4]", ReadAll(e, line));
            Assert.IsTrue(line.TakeOutput().IndexOf('\a') > 0);
        }

        [TestMethod]
        public void NoEcho_PasswordLine_NothingEchoedButEnter_NeverInHistory()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 8);
            e.Begin(false, true);
            line.Send("secrex\bt\u001B[A\u001B[B\u001B[C\r");
            Assert.AreEqual(LineStatus.Line, e.Poll(0));
            Assert.AreEqual(6, e.Length);
            Assert.AreEqual("secret", Ascii.GetString(e.Buffer, 0, e.Length));
            Assert.AreEqual("\r\n", line.TakeOutput());
            e.Wipe();
            Assert.AreEqual(0, e.Length);
            for (int i = 0; i < e.Buffer.Length; i++) Assert.AreEqual(0, (int)e.Buffer[i]);

            // a Ctrl-U, an overlong entry (BEL only) and Ctrl-C in no-echo mode
            e.Begin(false, false);
            line.Send("abc\u0015123456789\r");
            Assert.AreEqual(LineStatus.Line, e.Poll(0));
            Assert.AreEqual("12345678", e.GetText());
            Assert.AreEqual("\a\r\n", line.TakeOutput());
            e.Begin(false, false);
            line.Send("abc\u0003");
            Assert.AreEqual(LineStatus.Cancelled, e.Poll(0));
            Assert.AreEqual(0, e.Length);
            Assert.AreEqual("^C\r\n", line.TakeOutput());

            // the history is still empty: up at a command line rings
            e.Begin(true, true);
            line.Send("\u001B[A\r");
            Assert.AreEqual(LineStatus.Line, e.Poll(0));
            Assert.AreEqual(0, e.HistoryCount);
            Assert.AreEqual("\a\r\n", line.TakeOutput());
        }

        [TestMethod]
        public void Poll_LineSplitOverReadsAndTimeouts_PartialLineKept()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 16);
            line.Send("sh");
            Assert.AreEqual(LineStatus.Waiting, e.Poll(500));
            Assert.AreEqual(500L, clock.MonotonicMs);          // the rest of the timeout was waited out
            Assert.AreEqual(LineStatus.Waiting, e.Poll(500));
            line.Send("ow\r");
            Assert.AreEqual(LineStatus.Line, e.Poll(500));
            Assert.AreEqual("show", e.GetText());
            Assert.AreEqual(1000L, clock.MonotonicMs);
            Assert.AreEqual(1000L, e.LastInputMs);
        }

        [TestMethod]
        public void Poll_CrLfSplitAcrossTwoReads_OneLine()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 16);
            line.Send("show\r");
            Assert.AreEqual(LineStatus.Line, e.Poll(100));
            Assert.AreEqual("show", e.GetText());
            Assert.AreEqual(LineStatus.Waiting, e.Poll(100));   // the LF is late
            line.Send("\nnext\r");
            line.Send("\n");
            Assert.AreEqual(LineStatus.Line, e.Poll(100));
            Assert.AreEqual("next", e.GetText());
            Assert.AreEqual(LineStatus.Waiting, e.Poll(100));
            Assert.AreEqual("show\r\nnext\r\n", line.TakeOutput());
        }

        [TestMethod]
        public void Poll_TypedAhead_EachLineInTurn_ModeOfEachBegin()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 16);
            line.Send("tech\rpass-1\rhelp\r");
            Assert.AreEqual(LineStatus.Line, e.Poll(0));
            Assert.AreEqual("tech", e.GetText());
            e.Begin(false, false);
            Assert.AreEqual(LineStatus.Line, e.Poll(0));
            Assert.AreEqual("pass-1", e.GetText());
            e.Begin(true, true);
            Assert.AreEqual(LineStatus.Line, e.Poll(0));
            Assert.AreEqual("help", e.GetText());
            Assert.AreEqual("tech\r\n\r\nhelp\r\n", line.TakeOutput());
            Assert.AreEqual(1, line.DataReads);
        }

        [TestMethod]
        public void EscapeSequence_SplitAcrossReads_StillConsumed()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 16);
            line.Send("a\u001B");
            line.Send("[");
            line.Send("3");
            line.Send("~b\r");
            Assert.AreEqual("[ab]", ReadAll(e, line));
            Assert.AreEqual("ab\r\n", line.TakeOutput());
        }

        [TestMethod]
        public void EscapeKeyAlone_DroppedAfterTheTimeout_NextKeyTyped()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 16);
            line.Send("a\u001B");
            line.Pause(LineEditor.EscapeTimeoutMs + 1);
            line.Send("b\u001Bc\r");                          // within the timeout: ESC c is Alt+c, dropped
            Assert.AreEqual("[ab]", ReadAll(e, line));
            Assert.AreEqual("ab\r\n", line.TakeOutput());
        }

        [TestMethod]
        public void Write_BareLfBecomesCrLf_NonPrintableShownAsQuestionMarks()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            LineEditor e = Editor(line, clock, 16);
            e.Write("a\nb\r\nc\u001B[2J\u00E9\u4E2D\t\n");
            Assert.AreEqual("a\r\nb\r\nc?[2J???\r\n", line.TakeOutput());
        }

        [TestMethod]
        public void Constructor_BadArguments_Throw()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            Expect.Throws(typeof(ArgumentNullException), delegate { new LineEditor(null, clock, 8, 8); });
            Expect.Throws(typeof(ArgumentNullException), delegate { new LineEditor(line, null, 8, 8); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { new LineEditor(line, clock, 0, 8); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { new LineEditor(line, clock, 8, -1); });
        }
    }
}
