using System;
using PosTerminal.Hal;
using PosTerminal.Util;

namespace PosTerminal.TechConsole
{
    /// <summary>
    /// A line editor over a serial line, for the terminal programs technicians use (picocom, minicom, screen, PuTTY):
    /// it echoes what it accepts and writes CR LF line ends. All buffers are allocated in the constructor; editing
    /// allocates nothing per character.
    /// </summary>
    /// <remarks>
    /// <para>Keys (byte by byte, as the terminal programs send them):</para>
    /// <list type="bullet">
    /// <item>printable ASCII 0x20-0x7E: inserted at the end and echoed; past <see cref="MaxLength"/> refused with BEL.</item>
    /// <item>CR, LF or CR LF (even split across two reads) end the line once; CR LF is echoed. picocom, minicom and
    /// screen send CR for Enter, PuTTY CR or CR LF, some setups LF.</item>
    /// <item>BS (0x08) and DEL (0x7F) erase the last character ("\b \b"); Ctrl-U erases the whole line; Ctrl-C drops
    /// it ("^C" CR LF, <see cref="LineStatus.Cancelled"/>).</item>
    /// <item>up and down arrows, ESC [ A / ESC [ B or (application cursor mode) ESC O A / ESC O B, walk the history
    /// and redraw the line (the edit in progress comes back after the newest entry); BEL at either end.</item>
    /// <item>every other escape sequence (left, right, Home, Delete, F1-F12 in the xterm, VT100 and Linux-console
    /// forms, Alt+key) is consumed and ignored, never inserted; an ESC not followed by its sequence within
    /// <see cref="EscapeTimeoutMs"/> is dropped alone.</item>
    /// <item>NUL (sent after CR by telnet-style settings) and other control bytes: ignored. Bytes 0x80-0xFF: the first
    /// byte of a UTF-8 character (0xC0-0xFF) is refused with one BEL, continuation bytes are ignored, so a character
    /// typed in UTF-8 costs one BEL and inserts nothing.</item>
    /// </list>
    /// <para>In no-echo mode (passwords) nothing typed is echoed, erasing is silent, the arrows do nothing and the line
    /// never enters the history; Enter still echoes CR LF and an overlong line still rings BEL. Every input byte is
    /// zeroed in the read buffer once handled, and <see cref="Wipe"/> clears the line.</para>
    /// </remarks>
    public sealed class LineEditor
    {
        /// <summary>An ESC followed by nothing for this long (ms) was the Escape key alone: it is dropped.</summary>
        public const int EscapeTimeoutMs = 100;

        private const byte Nul = 0x00;
        private const byte CtrlC = 0x03;
        private const byte Bel = 0x07;
        private const byte Backspace = 0x08;
        private const byte Lf = 0x0A;
        private const byte Cr = 0x0D;
        private const byte CtrlU = 0x15;
        private const byte Esc = 0x1B;
        private const byte Del = 0x7F;
        private const byte Utf8Lead = 0xC0;
        private const int ReadChunk = 32;
        private const int MaxEscapeBytes = 16;

        // Escape-sequence states (ECMA-48 §5.4: CSI = ESC [, SS3 = ESC O)
        private const byte EscNone = 0;
        private const byte EscStart = 1;          // got ESC
        private const byte EscCsi = 2;            // got ESC [ (parameters, then a final byte 0x40-0x7E)
        private const byte EscSs3 = 3;            // got ESC O (one final byte)
        private const byte EscLinuxFunction = 4;  // got ESC [ [ (Linux console F1-F5: one more letter)

        private readonly ISerialLine _line;
        private readonly IClock _clock;
        private readonly byte[] _buf;
        private readonly byte[] _draft;
        private readonly byte[][] _history;
        private readonly int[] _historyLength;
        private readonly byte[] _in = new byte[ReadChunk];
        private readonly byte[] _out;
        private int _length;
        private int _draftLength;
        private int _historyCount;
        private int _historyNewest = -1;
        private int _recall = -1;                 // -1: editing the draft; k: showing the k-th newest history entry
        private int _inPos;
        private int _inLength;
        private int _outLength;
        private bool _echo = true;
        private bool _useHistory;
        private bool _finished;
        private bool _lastWasCr;
        private byte _esc;
        private int _escBytes;
        private long _escStartMs;
        private long _lastInputMs;

        /// <summary>
        /// An editor on <paramref name="line"/> for lines of up to <paramref name="maxLength"/> characters, keeping the
        /// last <paramref name="historyDepth"/> lines entered with history on. No I/O here.
        /// </summary>
        public LineEditor(ISerialLine line, IClock clock, int maxLength, int historyDepth)
        {
            if (line == null || clock == null) throw new ArgumentNullException();
            if (maxLength < 1 || historyDepth < 0) throw new ArgumentOutOfRangeException();
            _line = line;
            _clock = clock;
            _buf = new byte[maxLength];
            _draft = new byte[maxLength];
            _history = new byte[historyDepth][];
            for (int i = 0; i < historyDepth; i++) _history[i] = new byte[maxLength];
            _historyLength = new int[historyDepth];
            _out = new byte[4 * maxLength + 16];   // room for a full redraw: erase an old line, draw a new one
            _lastInputMs = clock.MonotonicMs;
        }

        /// <summary>Longest line in characters.</summary>
        public int MaxLength
        {
            get { return _buf.Length; }
        }

        /// <summary>The line: valid after <see cref="LineStatus.Line"/>, until the next <see cref="Begin"/> or poll.</summary>
        public byte[] Buffer
        {
            get { return _buf; }
        }

        /// <summary>Characters in <see cref="Buffer"/>.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Monotonic time of the last byte received (any byte, even an ignored one): for idle logout.</summary>
        public long LastInputMs
        {
            get { return _lastInputMs; }
        }

        /// <summary>Lines in the history.</summary>
        public int HistoryCount
        {
            get { return _historyCount; }
        }

        /// <summary>
        /// Starts a new line (the caller has written the prompt): <paramref name="echo"/> false for a password,
        /// <paramref name="history"/> true for a command line (the arrows recall, the line is remembered). Bytes
        /// already received but not yet handled (typed ahead) are kept for the new line.
        /// </summary>
        public void Begin(bool echo, bool history)
        {
            Wipe();
            _echo = echo;
            _useHistory = history && echo && _history.Length > 0;
            _recall = -1;
            _draftLength = 0;
            _finished = false;
        }

        /// <summary>
        /// Handles input for up to <paramref name="timeoutMs"/> (0: only what has arrived): returns
        /// <see cref="LineStatus.Line"/> or <see cref="LineStatus.Cancelled"/> as soon as a line ends, else
        /// <see cref="LineStatus.Waiting"/> with the partial line kept. After a line has ended, the next poll starts a
        /// new one in the same mode if <see cref="Begin"/> was not called.
        /// </summary>
        public LineStatus Poll(int timeoutMs)
        {
            if (_finished) Begin(_echo, _useHistory);
            Deadline deadline = Deadline.In(_clock, timeoutMs < 0 ? 0 : timeoutMs);
            while (true)
            {
                while (_inPos < _inLength)
                {
                    byte b = _in[_inPos];
                    _in[_inPos++] = 0;
                    LineStatus s = Feed(b);
                    if (s != LineStatus.Waiting)
                    {
                        Flush();
                        _finished = true;
                        return s;
                    }
                }
                Flush();
                int remaining = deadline.RemainingMs(_clock);
                int n = _line.Read(_in, 0, _in.Length, remaining);
                if (n > 0)
                {
                    _inPos = 0;
                    _inLength = n > _in.Length ? _in.Length : n;
                    _lastInputMs = _clock.MonotonicMs;
                    continue;
                }
                _inPos = 0;
                _inLength = 0;
                if (remaining <= 0 || deadline.IsExpired(_clock)) return LineStatus.Waiting;
            }
        }

        /// <summary>The line as a string (allocates: for command lines, never for passwords).</summary>
        public string GetText()
        {
            char[] c = new char[_length];
            for (int i = 0; i < _length; i++) c[i] = (char)_buf[i];
            return new string(c);
        }

        /// <summary>Clears the line (after a password has been used).</summary>
        public void Wipe()
        {
            Array.Clear(_buf, 0, _buf.Length);
            _length = 0;
        }

        /// <summary>
        /// Writes text: each LF not preceded by CR goes out as CR LF; a character outside printable ASCII (other than CR,
        /// LF) goes out as '?', so that data shown on the console cannot drive the terminal.
        /// </summary>
        public void Write(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    if (i == 0 || text[i - 1] != '\r') Emit(Cr);
                    Emit(Lf);
                }
                else if (c == '\r' || (c >= ' ' && c <= '~'))
                {
                    Emit((byte)c);
                }
                else
                {
                    Emit((byte)'?');
                }
            }
            Flush();
        }

        // One input byte; returns Line or Cancelled when the line ends.
        private LineStatus Feed(byte b)
        {
            if (b == Nul) return LineStatus.Waiting;                        // padding: changes nothing, not even CR LF pairing
            if (_esc != EscNone)
            {
                if (b >= 0x20 && b <= 0x7E && _clock.MonotonicMs - _escStartMs <= EscapeTimeoutMs)
                {
                    Escape(b);
                    return LineStatus.Waiting;
                }
                _esc = EscNone;                                              // a control or 8-bit byte, or a late byte: the sequence is over
            }
            bool afterCr = _lastWasCr;
            _lastWasCr = false;
            switch (b)
            {
                case Cr:
                    _lastWasCr = true;
                    return EndLine();
                case Lf:
                    return afterCr ? LineStatus.Waiting : EndLine();         // the LF of a CR LF ends nothing
                case CtrlC:
                    Wipe();
                    Emit((byte)'^');
                    Emit((byte)'C');
                    Emit(Cr);
                    Emit(Lf);
                    return LineStatus.Cancelled;
                case Backspace:
                case Del:
                    Erase(1);
                    return LineStatus.Waiting;
                case CtrlU:
                    Erase(_length);
                    return LineStatus.Waiting;
                case Esc:
                    _esc = EscStart;
                    _escBytes = 0;
                    _escStartMs = _clock.MonotonicMs;
                    return LineStatus.Waiting;
            }
            if (b >= 0x20 && b < Del)
            {
                if (_length == _buf.Length)
                {
                    Emit(Bel);
                }
                else
                {
                    _buf[_length++] = b;
                    if (_echo) Emit(b);
                }
            }
            else if (b >= Utf8Lead)
            {
                Emit(Bel);                                                   // one refusal per multi-byte character
            }
            return LineStatus.Waiting;
        }

        // A byte 0x20-0x7E inside an escape sequence.
        private void Escape(byte b)
        {
            _escBytes++;
            if (_escBytes > MaxEscapeBytes)
            {
                _esc = EscNone;                                              // not a sequence any terminal sends: stop swallowing
                return;
            }
            switch (_esc)
            {
                case EscStart:
                    _esc = b == '[' ? EscCsi : b == 'O' ? EscSs3 : EscNone;   // ESC x (Alt+x): both dropped
                    return;
                case EscSs3:
                    _esc = EscNone;
                    Arrow(b);                                                // ESC O P..S (F1-F4) and the rest: ignored
                    return;
                case EscLinuxFunction:
                    _esc = EscNone;
                    return;
                default:                                                     // CSI
                    if (b == '[' && _escBytes == 2)
                    {
                        _esc = EscLinuxFunction;
                    }
                    else if (b >= 0x40)
                    {
                        _esc = EscNone;
                        if (_escBytes == 2) Arrow(b);                        // only a bare ESC [ A / ESC [ B is an arrow
                    }
                    return;                                                  // 0x20-0x3F: parameters and intermediates
            }
        }

        private void Arrow(byte finalByte)
        {
            if (!_useHistory) return;
            if (finalByte == 'A') Older();
            else if (finalByte == 'B') Newer();
        }

        private void Older()
        {
            if (_recall + 1 >= _historyCount)
            {
                Emit(Bel);
                return;
            }
            if (_recall < 0)
            {
                Array.Copy(_buf, _draft, _length);
                _draftLength = _length;
            }
            _recall++;
            int slot = (_historyNewest - _recall + _history.Length) % _history.Length;
            Show(_history[slot], _historyLength[slot]);
        }

        private void Newer()
        {
            if (_recall < 0)
            {
                Emit(Bel);
                return;
            }
            _recall--;
            if (_recall < 0)
            {
                Show(_draft, _draftLength);
                return;
            }
            int slot = (_historyNewest - _recall + _history.Length) % _history.Length;
            Show(_history[slot], _historyLength[slot]);
        }

        // Replaces the line on screen and in the buffer.
        private void Show(byte[] src, int count)
        {
            Erase(_length);
            Array.Copy(src, _buf, count);
            _length = count;
            for (int i = 0; i < count; i++) Emit(src[i]);
        }

        private void Erase(int count)
        {
            if (count > _length) count = _length;
            for (int i = 0; i < count; i++)
            {
                _buf[--_length] = 0;
                if (_echo)
                {
                    Emit(Backspace);
                    Emit((byte)' ');
                    Emit(Backspace);
                }
            }
        }

        private LineStatus EndLine()
        {
            Emit(Cr);
            Emit(Lf);
            if (_useHistory && _length > 0) Remember();
            return LineStatus.Line;
        }

        // Adds the line as the newest history entry, unless it repeats the newest one.
        private void Remember()
        {
            if (_historyCount > 0)
            {
                int newest = _historyNewest;
                if (_historyLength[newest] == _length && Bytes.Equal(_history[newest], 0, _buf, 0, _length)) return;
            }
            _historyNewest = (_historyNewest + 1) % _history.Length;
            Array.Copy(_buf, _history[_historyNewest], _length);
            _historyLength[_historyNewest] = _length;
            if (_historyCount < _history.Length) _historyCount++;
        }

        private void Emit(byte b)
        {
            if (_outLength == _out.Length) Flush();
            _out[_outLength++] = b;
        }

        private void Flush()
        {
            if (_outLength == 0) return;
            _line.Write(_out, 0, _outLength);
            _outLength = 0;
        }
    }
}
