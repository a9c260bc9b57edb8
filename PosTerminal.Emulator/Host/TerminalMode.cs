using System;

namespace PosTerminal.Emulator.Host;

/// <summary>
/// A terminal's mode (glibc's struct termios on Linux, kept as its bytes): read, changed and written back with
/// tcgetattr/tcsetattr. Offsets and flag values from glibc's &lt;bits/termios-struct.h&gt;, &lt;bits/termios-c_iflag.h&gt;,
/// &lt;bits/termios-c_oflag.h&gt;, &lt;bits/termios-c_lflag.h&gt; and &lt;bits/termios-c_cc.h&gt;.
/// </summary>
public sealed class TerminalMode
{
    // struct termios { tcflag_t c_iflag, c_oflag, c_cflag, c_lflag; cc_t c_line; cc_t c_cc[32]; speed_t c_ispeed, c_ospeed; }
    private const int IFlagOffset = 0;
    private const int OFlagOffset = 4;
    private const int LFlagOffset = 12;
    private const int CcOffset = 17;

    /// <summary>c_iflag bits.</summary>
    public const uint IgnBrk = 0x1, BrkInt = 0x2, ParMrk = 0x8, IStrip = 0x20, InLcr = 0x40, IgnCr = 0x80, ICrNl = 0x100, IXon = 0x400;

    /// <summary>c_oflag: OPOST (post-process output, e.g. ONLCR turning LF into CR LF).</summary>
    public const uint OPost = 0x1;

    /// <summary>c_lflag bits.</summary>
    public const uint ISig = 0x1, ICanon = 0x2, Echo = 0x8, EchoNl = 0x40, IExten = 0x8000;

    // c_cc indices; 0 is _POSIX_VDISABLE on Linux
    private const int VIntr = 0, VTime = 5, VMin = 6, VSusp = 10;

    private readonly byte[] _termios;

    private TerminalMode(byte[] termios) => _termios = termios;

    /// <summary>The mode of the terminal <paramref name="fd"/>; throws IOException when it is not a terminal.</summary>
    public static TerminalMode Of(int fd)
    {
        byte[] t = new byte[Posix.TermiosSize];
        Posix.Check(Posix.tcgetattr(fd, t), "tcgetattr");
        return new TerminalMode(t);
    }

    /// <summary>Input flags (c_iflag).</summary>
    public uint InputFlags => BitConverter.ToUInt32(_termios, IFlagOffset);

    /// <summary>Output flags (c_oflag).</summary>
    public uint OutputFlags => BitConverter.ToUInt32(_termios, OFlagOffset);

    /// <summary>Local flags (c_lflag).</summary>
    public uint LocalFlags => BitConverter.ToUInt32(_termios, LFlagOffset);

    /// <summary>Whether the kernel echoes or edits input, or translates input or output.</summary>
    public bool IsRaw => (LocalFlags & (Echo | ICanon | ISig | IExten)) == 0 && (InputFlags & (ICrNl | InLcr | IgnCr | IXon)) == 0 && (OutputFlags & OPost) == 0;

    /// <summary>A copy to change.</summary>
    public TerminalMode Clone() => new((byte[])_termios.Clone());

    /// <summary>cfmakeraw(3): bytes pass unchanged both ways, no echo, no line editing, no signals, 8 bits.</summary>
    public TerminalMode MakeRaw()
    {
        Posix.cfmakeraw(_termios);
        return this;
    }

    /// <summary>
    /// Raw input for a console on a person's terminal: no echo, no line editing, CR and LF and Ctrl-C delivered as
    /// bytes, no XON/XOFF; Ctrl-Z does not suspend; Ctrl-\ still sends SIGQUIT (the way out) and output keeps its
    /// processing, so LF still returns the carriage.
    /// </summary>
    public TerminalMode MakeRawInput()
    {
        SetFlags(IFlagOffset, IgnBrk | BrkInt | ParMrk | IStrip | InLcr | IgnCr | ICrNl | IXon, 0);
        SetFlags(LFlagOffset, Echo | EchoNl | ICanon | IExten, ISig);
        _termios[CcOffset + VIntr] = 0;
        _termios[CcOffset + VSusp] = 0;
        _termios[CcOffset + VMin] = 1;
        _termios[CcOffset + VTime] = 0;
        return this;
    }

    /// <summary>tcsetattr(TCSANOW) on <paramref name="fd"/>; returns false when it failed (the terminal went away).</summary>
    public bool ApplyTo(int fd) => Posix.tcsetattr(fd, Posix.TcsaNow, _termios) == 0;

    private void SetFlags(int offset, uint clear, uint set)
    {
        uint v = BitConverter.ToUInt32(_termios, offset);
        v = (v & ~clear) | set;
        BitConverter.TryWriteBytes(_termios.AsSpan(offset, 4), v);
    }
}
