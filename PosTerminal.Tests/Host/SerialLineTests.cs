using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Emulator.Host;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The emulator's serial lines for the technician console: the pty it creates (bytes both ways unchanged, a raw slave,
/// programs detaching and attaching again, the symbolic link) and the stdin/stdout line (raw input mode on a terminal,
/// restored afterwards; pass-through and end of input on a pipe). Linux only, like the lines.
/// </summary>
[TestClass]
public class SerialLineTests
{
    private const int StepMs = 2000;

    private static void RequireLinux()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("the emulator's pty and stdio lines are Linux only");
    }

    // All 256 byte values, so CR, LF, Ctrl-C, DEL, XON/XOFF and 8-bit bytes are all checked for translation.
    private static byte[] AllBytes()
    {
        byte[] b = new byte[256];
        for (int i = 0; i < b.Length; i++) b[i] = (byte)i;
        return b;
    }

    private static int OpenSlave(string path) => Posix.Check(Posix.Open(path, Posix.ORdWr | Posix.ONoCtty | Posix.OCloExec), "open " + path);

    // Reads exactly count bytes from a descriptor, each wait bounded; fails the test when they do not come.
    private static byte[] ReadFd(int fd, int count)
    {
        byte[] got = new byte[count];
        int n = 0;
        Stopwatch w = Stopwatch.StartNew();
        while (n < count)
        {
            Assert.IsTrue(w.ElapsedMilliseconds < StepMs, $"only {n} of {count} bytes arrived");
            if (Posix.Poll(fd, Posix.PollIn, 100, out short ev) <= 0 || (ev & Posix.PollIn) == 0) continue;
            nint r = Posix.Read(fd, got, n, count - n);
            Assert.IsTrue(r > 0, "read failed: errno " + Posix.Errno);
            n += (int)r;
        }
        return got;
    }

    // Reads exactly count bytes from a line, each wait bounded.
    private static byte[] ReadLine(PosTerminal.Hal.ISerialLine line, int count)
    {
        byte[] got = new byte[count];
        int n = 0;
        Stopwatch w = Stopwatch.StartNew();
        while (n < count)
        {
            Assert.IsTrue(w.ElapsedMilliseconds < StepMs, $"only {n} of {count} bytes arrived");
            n += line.Read(got, n, count - n, 100);
        }
        return got;
    }

    private static void WriteFd(int fd, byte[] data)
    {
        int n = 0;
        while (n < data.Length)
        {
            nint r = Posix.Write(fd, data, n, data.Length - n);
            Assert.IsTrue(r > 0, "write failed: errno " + Posix.Errno);
            n += (int)r;
        }
    }

    private static bool HasInput(int fd, int waitMs) => Posix.Poll(fd, Posix.PollIn, waitMs, out short ev) > 0 && (ev & Posix.PollIn) != 0;

    [TestMethod]
    public void Pty_EveryByteValue_PassesBothWaysUnchangedWithoutEcho()
    {
        RequireLinux();
        using PtySerialLine line = PtySerialLine.Create();
        StringAssert.StartsWith(line.SlavePath, "/dev/pts/");
        int slave = OpenSlave(line.SlavePath);
        try
        {
            Assert.IsFalse(line.IsDetached);
            WriteFd(slave, AllBytes());
            CollectionAssert.AreEqual(AllBytes(), ReadLine(line, 256), "terminal program -> console");
            Assert.IsFalse(HasInput(slave, 200), "the kernel echoed what the terminal program typed");

            line.Write(AllBytes(), 0, 256);
            CollectionAssert.AreEqual(AllBytes(), ReadFd(slave, 256), "console -> terminal program");
        }
        finally
        {
            Posix.Close(slave);
        }
    }

    [TestMethod]
    public void Pty_Slave_IsRawForTheProgramThatAttaches()
    {
        RequireLinux();
        using PtySerialLine line = PtySerialLine.Create();
        int slave = OpenSlave(line.SlavePath);
        try
        {
            TerminalMode mode = TerminalMode.Of(slave);
            Assert.IsTrue(mode.IsRaw, $"iflag {mode.InputFlags:X}, oflag {mode.OutputFlags:X}, lflag {mode.LocalFlags:X}");
            Assert.AreEqual(0u, mode.LocalFlags & TerminalMode.Echo);
            Assert.AreEqual(0u, mode.InputFlags & TerminalMode.ICrNl);
            Assert.AreEqual(0u, mode.OutputFlags & TerminalMode.OPost);
        }
        finally
        {
            Posix.Close(slave);
        }
    }

    [TestMethod]
    public void Pty_ProgramDetachesAndAttachesAgain_LineWaitsDropsOutputAndWorksAgain()
    {
        RequireLinux();
        using PtySerialLine line = PtySerialLine.Create();
        Assert.IsTrue(line.IsDetached, "nobody attached yet");

        int slave = OpenSlave(line.SlavePath);
        WriteFd(slave, "login\r"u8.ToArray());
        CollectionAssert.AreEqual("login\r"u8.ToArray(), ReadLine(line, 6));
        Posix.Close(slave);                                                     // picocom quits

        // the kernel may finish the close a moment later
        TerminalPrograms.WaitFor(() => line.IsDetached ? "detached" : "attached", "detached", "the line sees the program gone");
        byte[] buffer = new byte[16];
        Stopwatch w = Stopwatch.StartNew();
        Assert.AreEqual(0, line.Read(buffer, 0, buffer.Length, 300), "a read while detached times out with nothing");
        Assert.IsTrue(w.ElapsedMilliseconds >= 250 && w.ElapsedMilliseconds < StepMs, $"the read waited {w.ElapsedMilliseconds} ms");
        w.Restart();
        for (int i = 0; i < 100; i++) line.Write(new byte[100], 0, 100);      // far more than the kernel's 4 KB queue
        Assert.IsTrue(w.ElapsedMilliseconds < StepMs, "writes while detached must not block");

        slave = OpenSlave(line.SlavePath);                                      // picocom attaches again
        try
        {
            Assert.IsFalse(line.IsDetached);
            Assert.IsFalse(HasInput(slave, 200), "output written while detached was delivered on attach");
            Assert.IsTrue(TerminalMode.Of(slave).IsRaw, "the slave is still raw");
            line.Write("login: "u8.ToArray(), 0, 7);
            CollectionAssert.AreEqual("login: "u8.ToArray(), ReadFd(slave, 7));
            WriteFd(slave, "tech\r"u8.ToArray());
            CollectionAssert.AreEqual("tech\r"u8.ToArray(), ReadLine(line, 5));
        }
        finally
        {
            Posix.Close(slave);
        }
    }

    [TestMethod]
    public void Pty_LinkPath_PointsToTheSlaveAndIsRemovedOnDispose()
    {
        RequireLinux();
        string dir = Path.Combine(Path.GetTempPath(), "posterminal-pty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string link = Path.Combine(dir, "console");
            File.CreateSymbolicLink(link, "/nonexistent/old-pty");            // a stale link of an earlier run is replaced
            string slavePath;
            using (PtySerialLine line = PtySerialLine.Create(link))
            {
                slavePath = line.SlavePath;
                Assert.AreEqual(slavePath, new FileInfo(link).LinkTarget);
                int viaLink = OpenSlave(link);
                try
                {
                    WriteFd(viaLink, "x"u8.ToArray());
                    CollectionAssert.AreEqual("x"u8.ToArray(), ReadLine(line, 1));
                }
                finally
                {
                    Posix.Close(viaLink);
                }
            }
            Assert.IsFalse(File.Exists(link) || new FileInfo(link).LinkTarget != null, "the link was left behind");

            string file = Path.Combine(dir, "a-file");
            File.WriteAllText(file, "keep me");
            Assert.ThrowsExactly<IOException>(() => PtySerialLine.Create(file).Dispose());
            Assert.AreEqual("keep me", File.ReadAllText(file), "a regular file must never be replaced");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    // A fresh pty pair with the kernel's default (cooked) mode, as a person's terminal has: (master, slave).
    private static (int Master, int Slave) CookedPty()
    {
        int master = Posix.Check(Posix.posix_openpt(Posix.ORdWr | Posix.ONoCtty | Posix.OCloExec), "posix_openpt");
        Posix.Check(Posix.grantpt(master), "grantpt");
        Posix.Check(Posix.unlockpt(master), "unlockpt");
        byte[] name = new byte[256];
        Assert.AreEqual(0, Posix.ptsname_r(master, name, (nuint)name.Length));
        int slave = OpenSlave(Encoding.UTF8.GetString(name, 0, Array.IndexOf(name, (byte)0)));
        return (master, slave);
    }

    [TestMethod]
    public void Stdio_OnATerminal_RawInputWhileOpenAndTheModeRestoredAfter()
    {
        RequireLinux();
        (int master, int slave) = CookedPty();
        try
        {
            TerminalMode before = TerminalMode.Of(slave);
            Assert.AreNotEqual(0u, before.LocalFlags & TerminalMode.Echo, "a fresh pty echoes");
            using (StdioSerialLine line = new(slave, slave))
            {
                Assert.IsTrue(line.IsRawTerminal);
                TerminalMode during = TerminalMode.Of(slave);
                Assert.AreEqual(0u, during.LocalFlags & (TerminalMode.Echo | TerminalMode.ICanon));
                Assert.AreEqual(0u, during.InputFlags & (TerminalMode.ICrNl | TerminalMode.IXon));
                Assert.AreNotEqual(0u, during.OutputFlags & TerminalMode.OPost, "output keeps LF -> CR LF for the board's lines");

                byte[] typed = [(byte)'a', (byte)'b', 0x7F, 0x03, 0x1A, (byte)'\r'];   // DEL, Ctrl-C, Ctrl-Z, CR
                WriteFd(master, typed);
                CollectionAssert.AreEqual(typed, ReadLine(line, typed.Length), "keys reach the console as typed");
                Assert.IsFalse(HasInput(master, 200), "the kernel echoed the keys");

                line.Write("ok\n"u8.ToArray(), 0, 3);
                CollectionAssert.AreEqual("ok\r\n"u8.ToArray(), ReadFd(master, 4), "LF still returns the carriage");
            }
            TerminalMode after = TerminalMode.Of(slave);
            Assert.AreEqual(before.LocalFlags, after.LocalFlags);
            Assert.AreEqual(before.InputFlags, after.InputFlags);
            Assert.AreEqual(before.OutputFlags, after.OutputFlags);
        }
        finally
        {
            Posix.Close(slave);
            Posix.Close(master);
        }
    }

    [TestMethod]
    public void Stdio_OnPipes_BytesPassThroughAndEndOfInputIsReported()
    {
        RequireLinux();
        int[] input = new int[2];
        int[] output = new int[2];
        Posix.Check(Posix.Pipe(input), "pipe");
        Posix.Check(Posix.Pipe(output), "pipe");
        try
        {
            using StdioSerialLine line = new(input[0], output[1]);
            Assert.IsFalse(line.IsRawTerminal);
            WriteFd(input[1], AllBytes());
            CollectionAssert.AreEqual(AllBytes(), ReadLine(line, 256));
            line.Write(AllBytes(), 0, 256);
            CollectionAssert.AreEqual(AllBytes(), ReadFd(output[0], 256));

            byte[] one = new byte[1];
            Assert.AreEqual(0, line.Read(one, 0, 1, 100), "nothing more yet");
            Assert.IsFalse(line.EndOfInput);
            Posix.Close(input[1]);
            input[1] = -1;
            Assert.AreEqual(0, line.Read(one, 0, 1, 1000));
            Assert.IsTrue(line.EndOfInput, "the writer closed the pipe");
        }
        finally
        {
            foreach (int fd in new[] { input[0], input[1], output[0], output[1] }) if (fd >= 0) Posix.Close(fd);
        }
    }

    [TestMethod]
    public void Device_ThroughASocatNullModem_BytesBothWaysAndReadTimeout()
    {
        TerminalPrograms.Require("socat");
        string dir = TerminalPrograms.TempDir("posterminal-serial-");
        try
        {
            // socat joins two ptys like a null-modem cable: the line opens one end as its serial device, the test the other
            using ChildProcess cable = new("socat", $"pty,raw,echo=0,link={dir}/a", $"pty,raw,echo=0,link={dir}/b");
            TerminalPrograms.WaitFor(() => File.Exists($"{dir}/a") && File.Exists($"{dir}/b") ? "ready" : cable.Output, "ready", "socat's ptys");
            using DeviceSerialLine line = DeviceSerialLine.Open($"{dir}/a", 9600);
            Assert.AreEqual(9600, line.Baud);
            int other = OpenSlave($"{dir}/b");
            try
            {
                WriteFd(other, AllBytes());
                CollectionAssert.AreEqual(AllBytes(), ReadLine(line, 256), "terminal -> line");
                line.Write(AllBytes(), 0, 256);
                CollectionAssert.AreEqual(AllBytes(), ReadFd(other, 256), "line -> terminal");

                byte[] one = new byte[1];
                Stopwatch w = Stopwatch.StartNew();
                Assert.AreEqual(0, line.Read(one, 0, 1, 300));
                Assert.IsTrue(w.ElapsedMilliseconds >= 250 && w.ElapsedMilliseconds < StepMs, $"the read waited {w.ElapsedMilliseconds} ms");
            }
            finally
            {
                Posix.Close(other);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void Device_Missing_OpenFailsWithTheReason()
    {
        Assert.ThrowsExactly<ArgumentException>(() => DeviceSerialLine.Open("/dev/ttyUSB0", 10));
        Exception e = Assert.Throws<Exception>(() => DeviceSerialLine.Open("/nonexistent/ttyUSB9"));
        Assert.IsTrue(e is IOException or UnauthorizedAccessException or ArgumentException, e.GetType().Name + ": " + e.Message);
    }
}
