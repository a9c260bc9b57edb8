using PosTerminal.Hal;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// Collects one text line from an <see cref="ISerialLine"/> into a fixed buffer: CR, LF or CRLF end it,
    /// bytes beyond the buffer are dropped (the line is then reported as too long), nothing is echoed.
    /// </summary>
    public sealed class LineReader
    {
        private readonly ISerialLine _line;
        private readonly byte[] _buf;
        private readonly byte[] _one = new byte[1];
        private int _length;
        private bool _overflow;
        private bool _lastWasCr;
        private bool _ready;

        /// <summary>A reader of lines up to <paramref name="maxLength"/> bytes.</summary>
        public LineReader(ISerialLine line, int maxLength)
        {
            _line = line;
            _buf = new byte[maxLength];
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
        /// <see cref="Buffer"/>. A line still incomplete when the time is up is discarded.
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
                int remaining = deadline.RemainingMs(clock);
                if (remaining <= 0 || _line.Read(_one, 0, 1, remaining) == 0)
                {
                    // A line not finished in time is dropped (and wiped: it may be half a swipe), so that its
                    // start can never join the next line.
                    Wipe();
                    _overflow = false;
                    return false;
                }
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

        /// <summary>Wipes the buffer (after a line that held card data).</summary>
        public void Wipe()
        {
            Bytes.Wipe(_buf);
            _length = 0;
        }
    }
}
