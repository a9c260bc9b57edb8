using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace PosTerminal.Emulator.Host;

/// <summary>
/// The technician console on the emulator's own standard input and output (Linux). When standard input is a terminal
/// it is put in raw input mode for the session (<see cref="TerminalMode.MakeRawInput"/>: the console echoes, and must
/// not echo passwords) and its mode is restored on <see cref="Dispose"/>, at process exit, on SIGTERM, SIGINT and
/// SIGHUP, and on Ctrl-\ (SIGQUIT), which also ends the input so that the emulator quits. From a pipe or a file the
/// bytes pass through unchanged and the end of the input is <see cref="FdSerialLine.EndOfInput"/>.
/// </summary>
public sealed class StdioSerialLine : FdSerialLine, IDisposable
{
    private readonly int _inFd;
    private readonly TerminalMode _saved;
    private readonly PosixSignalRegistration[] _signals;
    private int _restored;

    /// <summary>A line on standard input (0) and output (1).</summary>
    public StdioSerialLine() : this(0, 1)
    {
    }

    /// <summary>A line reading <paramref name="inFd"/> and writing <paramref name="outFd"/> (neither owned).</summary>
    public StdioSerialLine(int inFd, int outFd) : base(inFd, outFd)
    {
        _inFd = inFd;
        if (Posix.IsATty(inFd) != 1) return;
        _saved = TerminalMode.Of(inFd);
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        AppDomain.CurrentDomain.UnhandledException += OnExit;
        _signals =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Restore()),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Restore()),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => Restore()),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, c =>
            {
                c.Cancel = true;                                                // Ctrl-\: quit cleanly, not with a core dump
                Restore();
                EndInput();
            }),
        ];
        if (!_saved.Clone().MakeRawInput().ApplyTo(inFd)) Posix.Check(-1, "tcsetattr");
    }

    /// <summary>Whether standard input is a terminal in raw mode now (false for a pipe or file, and once restored).</summary>
    public bool IsRawTerminal => _saved != null && Volatile.Read(ref _restored) == 0;

    /// <summary>Restores the terminal's mode (once) and stops reading.</summary>
    public void Dispose()
    {
        Restore();
        if (_signals != null)
        {
            foreach (PosixSignalRegistration r in _signals) r.Dispose();
            AppDomain.CurrentDomain.ProcessExit -= OnExit;
            AppDomain.CurrentDomain.UnhandledException -= OnExit;
        }
        Detach();
    }

    private void OnExit(object sender, EventArgs e) => Restore();

    private void Restore()
    {
        if (_saved == null || Interlocked.Exchange(ref _restored, 1) != 0) return;
        _saved.ApplyTo(_inFd);
    }
}
