using System;
using System.IO;
using System.Runtime.InteropServices;

namespace PosTerminal.Emulator.Host;

/// <summary>
/// The few glibc calls the emulator's serial lines need (Linux only): file descriptors, poll, pseudoterminals and
/// terminal modes. Signatures as in the Linux man pages: posix_openpt(3), grantpt(3), unlockpt(3), ptsname_r(3),
/// poll(2), read(2), write(2), tcgetattr(3)/tcsetattr(3), isatty(3), symlink(2). Constants from glibc's
/// &lt;bits/fcntl-linux.h&gt;, &lt;bits/poll.h&gt;, &lt;bits/termios-*.h&gt; and &lt;asm-generic/errno*.h&gt;
/// (the same on x86-64 and arm64).
/// </summary>
internal static class Posix
{
    private const string Libc = "libc";

    public const int ORdWr = 0x2;            // O_RDWR
    public const int ONoCtty = 0x100;        // O_NOCTTY (0400)
    public const int ONonBlock = 0x800;      // O_NONBLOCK (04000)
    public const int OCloExec = 0x80000;     // O_CLOEXEC (02000000)

    public const short PollIn = 0x1;         // POLLIN
    public const short PollOut = 0x4;        // POLLOUT
    public const short PollErr = 0x8;        // POLLERR
    public const short PollHup = 0x10;       // POLLHUP
    public const short PollNval = 0x20;      // POLLNVAL

    public const int EIntr = 4;              // EINTR
    public const int EIO = 5;                // EIO: a pty master whose slave nobody holds open
    public const int EAgain = 11;            // EAGAIN / EWOULDBLOCK

    public const int FGetFl = 3;             // F_GETFL
    public const int FSetFl = 4;             // F_SETFL

    public const int TcsaNow = 0;            // TCSANOW
    public const int TciFlush = 0;           // TCIFLUSH

    /// <summary>sizeof(struct termios) with glibc on Linux is 60; a larger buffer is harmless.</summary>
    public const int TermiosSize = 64;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport(Libc, SetLastError = true)]
    public static extern int posix_openpt(int flags);

    [DllImport(Libc, SetLastError = true)]
    public static extern int grantpt(int fd);

    [DllImport(Libc, SetLastError = true)]
    public static extern int unlockpt(int fd);

    [DllImport(Libc, SetLastError = true)]
    public static extern int ptsname_r(int fd, byte[] buf, nuint buflen);

    [DllImport(Libc, SetLastError = true, EntryPoint = "open")]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport(Libc, SetLastError = true, EntryPoint = "close")]
    public static extern int Close(int fd);

    [DllImport(Libc, SetLastError = true, EntryPoint = "read")]
    private static extern unsafe nint ReadNative(int fd, byte* buf, nuint count);

    [DllImport(Libc, SetLastError = true, EntryPoint = "write")]
    private static extern unsafe nint WriteNative(int fd, byte* buf, nuint count);

    [DllImport(Libc, SetLastError = true, EntryPoint = "poll")]
    private static extern unsafe int PollNative(PollFd* fds, nuint nfds, int timeoutMs);

    [DllImport(Libc, SetLastError = true, EntryPoint = "fcntl")]
    public static extern int Fcntl(int fd, int cmd, int arg);

    [DllImport(Libc, SetLastError = true)]
    public static extern int tcgetattr(int fd, byte[] termios);

    [DllImport(Libc, SetLastError = true)]
    public static extern int tcsetattr(int fd, int optionalActions, byte[] termios);

    [DllImport(Libc)]
    public static extern void cfmakeraw(byte[] termios);

    [DllImport(Libc, SetLastError = true)]
    public static extern int tcflush(int fd, int queueSelector);

    [DllImport(Libc, EntryPoint = "isatty")]
    public static extern int IsATty(int fd);

    [DllImport(Libc, SetLastError = true, EntryPoint = "pipe")]
    public static extern int Pipe(int[] fds);

    /// <summary>errno of the last call made here.</summary>
    public static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>read(2) into <paramref name="buffer"/>[offset..offset+count).</summary>
    public static unsafe nint Read(int fd, byte[] buffer, int offset, int count)
    {
        CheckRange(buffer, offset, count);
        fixed (byte* p = buffer) return ReadNative(fd, p + offset, (nuint)count);
    }

    /// <summary>write(2) from <paramref name="buffer"/>[offset..offset+count).</summary>
    public static unsafe nint Write(int fd, byte[] buffer, int offset, int count)
    {
        CheckRange(buffer, offset, count);
        fixed (byte* p = buffer) return WriteNative(fd, p + offset, (nuint)count);
    }

    /// <summary>poll(2) on one descriptor: the returned events, 0 on timeout; -1 with <see cref="Errno"/> on failure.</summary>
    public static unsafe int Poll(int fd, short events, int timeoutMs, out short revents)
    {
        PollFd p = new() { Fd = fd, Events = events };
        int r = PollNative(&p, 1, timeoutMs);
        revents = r > 0 ? p.Revents : (short)0;
        return r;
    }

    /// <summary>Throws <see cref="IOException"/> naming <paramref name="call"/> and errno when <paramref name="result"/> is negative.</summary>
    public static int Check(int result, string call)
    {
        if (result < 0) throw new IOException($"{call} failed: {Marshal.GetPInvokeErrorMessage(Errno)} (errno {Errno})");
        return result;
    }

    /// <summary>Adds O_NONBLOCK to a descriptor's status flags.</summary>
    public static void SetNonBlocking(int fd)
    {
        int flags = Check(Fcntl(fd, FGetFl, 0), "fcntl(F_GETFL)");
        Check(Fcntl(fd, FSetFl, flags | ONonBlock), "fcntl(F_SETFL)");
    }

    private static void CheckRange(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
    }
}
