using System;
using PosTerminal.Hal;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// Collects one text line from an <see cref="ISerialLine"/> into a fixed buffer: CR, LF or CRLF end it,
    /// bytes beyond the buffer are dropped (the line is then reported as too long), nothing is echoed.
    /// </summary>
    /// <remarks>
    /// By default a line not finished when a read times out is dropped. A reader polled in short slices (the card-read
    /// wait asks each reader in turn) is made with an idle limit instead: an unfinished line then survives a timeout
    /// and is dropped only once no byte has come for that long (a module sends a line back to back).
    /// </remarks>
    public sealed class LineReader
    {
        private readonly ISerialLine _line;
        private readonly byte[] _buf;
        private readonly byte[] _one = new byte[1];
        private int _length;
        private bool _overflow;
        private bool _lastWasCr;
        private bool _ready;
        private readonly int _idleLimitMs;
        private long _lastByteMs;

        /// <summary>A reader of lines up to <paramref name="maxLength"/> bytes; an unfinished line is dropped at a timeout.</summary>
        public LineReader(ISerialLine line, int maxLength)
            : this(line, maxLength, 0)
        {
        }

        /// <summary>
        /// A reader of lines up to <paramref name="maxLength"/> bytes whose unfinished line survives a timeout until no
        /// byte has arrived for <paramref name="idleLimitMs"/> (0: dropped at the timeout).
        /// </summary>
        public LineReader(ISerialLine line, int maxLength, int idleLimitMs)
        {
            if (idleLimitMs < 0) throw new ArgumentOutOfRangeException();
            _line = line;
            _buf = new byte[maxLength];
            _idleLimitMs = idleLimitMs;
        }

        /// <summary>The bytes of the last complete line (valid until the next read).</summary>
        public byte[] Buffer
        {
            get { return _buf; }
        }

        /// <summary>Length of the last complete line.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>True when the last line was longer than the buffer (its tail was dropped).</summary>
        public bool Overflowed
        {
            get { return _overflow; }
        }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for a complete line; returns true when one is ready in
        /// <see cref="Buffer"/>. A line still incomplete when the time is up is discarded (with an idle limit: once
        /// its bytes stop for that long).
        /// </summary>
        public bool TryRead(IClock clock, int timeoutMs)
        {
            if (_ready)
            {
                _ready = false;
                _length = 0;
                _overflow = false;
            }
            Deadline deadline = Deadline.In(clock, timeoutMs);
            while (true)
            {
                if (_idleLimitMs > 0 && (_length > 0 || _overflow) && clock.MonotonicMs - _lastByteMs >= _idleLimitMs)
                {
                    DropPartial();                    // the rest of that line is not coming
                }
                int remaining = deadline.RemainingMs(clock);
                if (remaining <= 0 || _line.Read(_one, 0, 1, remaining) == 0)
                {
                    // A line not finished in time is dropped (and wiped: it may be half a swipe), so that its
                    // start can never join the next line; with an idle limit it waits for its next byte.
                    if (_idleLimitMs == 0) DropPartial();
                    return false;
                }
                _lastByteMs = clock.MonotonicMs;
                byte b = _one[0];
                if (b == '\n' && _lastWasCr)
                {
                    _lastWasCr = false;
                    continue;                         // the LF of a CRLF
                }
                _lastWasCr = b == '\r';
                if (b == '\r' || b == '\n')
                {
                    _ready = true;
                    return true;
                }
                if (_length < _buf.Length) _buf[_length++] = b;
                else _overflow = true;
            }
        }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for a line holding an amount in minor units (digits only). Returns the
        /// amount (1..<see cref="Terminal.MaxAmount"/>), 0 when no line came in time, or -1 when the line was not such
        /// an amount (too long, not digits, zero, too large).
        /// </summary>
        public long ReadAmount(IClock clock, int timeoutMs)
        {
            if (!TryRead(clock, timeoutMs)) return 0;
            long amount = _overflow ? -1 : Ascii.ParseNumber(_buf, 0, _length);
            return amount < 1 || amount > Terminal.MaxAmount ? -1 : amount;
        }

        private void DropPartial()
        {
            Wipe();
            _overflow = false;
        }

        /// <summary>Wipes the buffer (after a line that held card data).</summary>
        public void Wipe()
        {
            Bytes.Wipe(_buf);
            _length = 0;
        }
    }
}
