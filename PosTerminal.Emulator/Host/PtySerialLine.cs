using System;
using System.IO;
using System.Text;

namespace PosTerminal.Emulator.Host;

/// <summary>
/// A pseudoterminal the emulator creates for its technician console (Linux): the emulator holds the master, and a
/// terminal program (picocom, minicom, screen, socat) attaches to the slave, <see cref="SlavePath"/>, as it would to a
/// USB serial adapter. The slave is set raw once (no echo, no line editing, no CR/LF translation: the console does its
/// own), and the setting stays while the master is open. Programs may attach and detach as often as they like:
/// while none is attached, reads time out and output is dropped.
/// </summary>
public sealed class PtySerialLine : FdSerialLine, IDisposable
{
    private int _master;
    private string _link;

    private PtySerialLine(int master, string slavePath) : base(master, master)
    {
        _master = master;
        SlavePath = slavePath;
    }

    /// <summary>The slave device a terminal program opens, e.g. /dev/pts/3.</summary>
    public string SlavePath { get; }

    /// <summary>The symbolic link made to <see cref="SlavePath"/>, or null.</summary>
    public string LinkPath => _link;

    /// <summary>Whether no program has the slave open now.</summary>
    public bool IsDetached
    {
        get
        {
            int fd = _master;
            return fd >= 0 && Posix.Poll(fd, Posix.PollOut, 0, out short ev) >= 0 && (ev & Posix.PollHup) != 0;
        }
    }

    /// <summary>
    /// Opens a new pty (posix_openpt, grantpt, unlockpt, ptsname_r), sets its slave raw, and when
    /// <paramref name="linkPath"/> is given makes a symbolic link there to the slave (replacing an old link, never a
    /// file). Throws <see cref="IOException"/> with the reason when any step fails.
    /// </summary>
    public static PtySerialLine Create(string linkPath = null)
    {
        // glibc's posix_openpt passes its flags to open("/dev/ptmx"), so O_CLOEXEC keeps the master out of child processes.
        int master = Posix.Check(Posix.posix_openpt(Posix.ORdWr | Posix.ONoCtty | Posix.OCloExec), "posix_openpt");
        PtySerialLine line = null;
        try
        {
            Posix.Check(Posix.grantpt(master), "grantpt");
            Posix.Check(Posix.unlockpt(master), "unlockpt");
            byte[] name = new byte[256];
            int err = Posix.ptsname_r(master, name, (nuint)name.Length);       // returns 0 or an error number
            if (err != 0) throw new IOException($"ptsname_r failed (error {err})");
            string slave = Encoding.UTF8.GetString(name, 0, Array.IndexOf(name, (byte)0));
            SetSlaveRaw(slave);
            Posix.SetNonBlocking(master);                                       // writes never block the console
            line = new PtySerialLine(master, slave);
            if (linkPath != null) line.MakeLink(linkPath);
            return line;
        }
        catch
        {
            if (line != null) line.Dispose();
            else Posix.Close(master);
            throw;
        }
    }

    /// <summary>Closes the master (an attached program sees the line hang up) and removes the link.</summary>
    public void Dispose()
    {
        int fd = _master;
        _master = -1;
        Detach();
        if (fd >= 0) Posix.Close(fd);
        RemoveLink();
    }

    /// <inheritdoc />
    protected override bool IsPtyHangup(short revents) => (revents & Posix.PollIn) == 0;

    /// <inheritdoc />
    protected override bool DropsOutput(int fd) => Posix.Poll(fd, Posix.PollOut, 0, out short ev) >= 0 && (ev & Posix.PollHup) != 0;

    private static void SetSlaveRaw(string slave)
    {
        int fd = Posix.Check(Posix.Open(slave, Posix.ORdWr | Posix.ONoCtty | Posix.OCloExec), "open " + slave);
        try
        {
            if (!TerminalMode.Of(fd).MakeRaw().ApplyTo(fd)) Posix.Check(-1, "tcsetattr " + slave);
        }
        finally
        {
            Posix.Close(fd);
        }
    }

    private void MakeLink(string linkPath)
    {
        string full = Path.GetFullPath(linkPath);
        FileInfo existing = new(full);
        if (existing.Exists || existing.LinkTarget != null)
        {
            if (existing.LinkTarget == null) throw new IOException($"{full} exists and is not a symbolic link: not replaced");
            existing.Delete();
        }
        File.CreateSymbolicLink(full, SlavePath);
        _link = full;
    }

    private void RemoveLink()
    {
        string link = _link;
        _link = null;
        if (link == null) return;
        try
        {
            FileInfo f = new(link);
            if (f.LinkTarget == SlavePath) f.Delete();                          // only our own link
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
