using System;
using System.Diagnostics;
using System.Threading;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Host;

/// <summary>
/// A serial line over file descriptors (Linux): reads wait with poll(2), so a read times out without losing bytes.
/// The base of the stdin/stdout line and of the pty line. The descriptors are not owned here.
/// </summary>
/// <remarks>
/// A pty master whose slave nobody holds open (no terminal program attached) polls as hung up and reads fail with EIO:
/// reads then wait out their timeout and return 0, writes are dropped (as a UART's bytes are lost with no cable), and
/// the line works again when a program attaches. End of input on a pipe or a file sets <see cref="EndOfInput"/>.
/// </remarks>
public class FdSerialLine : ISerialLine
{
    // How often a read re-checks a detached pty for a program attaching.
    private const int DetachedPollMs = 50;

    // How long a write waits for a full output queue (a paused terminal program) before the rest is dropped.
    private const int WriteStallMs = 2000;

    private readonly object _writeLock = new();
    private int _readFd;
    private int _writeFd;
    private volatile bool _endOfInput;

    /// <summary>A line reading <paramref name="readFd"/> and writing <paramref name="writeFd"/> (may be the same).</summary>
    public FdSerialLine(int readFd, int writeFd)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("this serial line needs Linux");
        _readFd = readFd;
        _writeFd = writeFd;
    }

    /// <summary>The input ended (a pipe's writer closed it, or end of file): reads return 0 from now on.</summary>
    public bool EndOfInput => _endOfInput;

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (count <= 0) return 0;
        Stopwatch watch = Stopwatch.StartNew();
        while (true)
        {
            int fd = _readFd;
            if (fd < 0 || _endOfInput)
            {
                Thread.Sleep(Math.Max(0, Math.Min(timeoutMs, DetachedPollMs)));  // a silent line: no busy loop for the caller
                return 0;
            }
            int left = Math.Max(0, timeoutMs - (int)watch.ElapsedMilliseconds);
            int r = Posix.Poll(fd, Posix.PollIn, left, out short ev);
            if (r < 0)
            {
                if (Posix.Errno == Posix.EIntr) continue;
                return 0;                                                        // closed under us (disposed)
            }
            if (r == 0) return 0;                                               // timed out
            if ((ev & Posix.PollNval) != 0) return 0;
            if ((ev & Posix.PollIn) != 0 || (ev & (Posix.PollHup | Posix.PollErr)) != 0 && !IsPtyHangup(ev))
            {
                nint n = Posix.Read(fd, buffer, offset, count);
                if (n > 0) return (int)n;
                if (n == 0)
                {
                    _endOfInput = true;                                         // a pipe or file ended
                    return 0;
                }
                int errno = Posix.Errno;
                if (errno == Posix.EIntr || errno == Posix.EAgain) continue;
                if (errno != Posix.EIO) return 0;
            }
            // A pty with no program attached: wait a little, then look again (or time out).
            left = Math.Max(0, timeoutMs - (int)watch.ElapsedMilliseconds);
            if (left == 0) return 0;
            Thread.Sleep(Math.Min(left, DetachedPollMs));
        }
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        lock (_writeLock)
        {
            int done = 0;
            while (done < count)
            {
                int fd = _writeFd;
                if (fd < 0 || DropsOutput(fd)) return;
                nint n = Posix.Write(fd, buffer, offset + done, count - done);
                if (n > 0)
                {
                    done += (int)n;
                    continue;
                }
                int errno = Posix.Errno;
                if (errno == Posix.EIntr) continue;
                if (errno != Posix.EAgain) return;                              // the terminal went away: the bytes are lost, as on a wire
                if (Posix.Poll(fd, Posix.PollOut, WriteStallMs, out short ev) <= 0 || (ev & Posix.PollOut) == 0) return;
            }
        }
    }

    /// <summary>Ends the input: reads return 0 from now on (as at the end of a pipe).</summary>
    protected void EndInput() => _endOfInput = true;

    /// <summary>Stops using the descriptors (reads return 0, writes are dropped); the caller closes them.</summary>
    protected void Detach()
    {
        _readFd = -1;
        _writeFd = -1;
    }

    /// <summary>Whether a hang-up on this line means "no program attached" (a pty master) rather than end of input.</summary>
    protected virtual bool IsPtyHangup(short revents) => false;

    /// <summary>Whether output to <paramref name="fd"/> is dropped now (a pty master with no program attached).</summary>
    protected virtual bool DropsOutput(int fd) => false;
}
