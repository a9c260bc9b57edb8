using System;

namespace PosTerminal.Emv
{
    /// <summary>
    /// A cursor over BER-TLV in a caller's buffer (EMV 4.3 Book 3 Annex B): F55 ICC data, card records and templates,
    /// the private TLVs of F62. It allocates nothing after construction and copies nothing: each element is reported
    /// as its tag and the offset and length of its value inside the caller's buffer. <see cref="Next"/> moves along one
    /// level, <see cref="Enter"/> and <see cref="Exit"/> go into and out of a constructed element, <see cref="Walk"/>
    /// visits the whole tree depth first, at most <see cref="MaxDepth"/> levels deep. Every element is checked before it
    /// is reported (the value lies inside the data and inside its parent), and nothing outside
    /// [offset, offset + count) is ever read. Malformed data throws <see cref="TlvFormatException"/>, or is reported by
    /// <see cref="Validate"/> without an exception. The reader keeps a reference to the buffer until the next Reset.
    /// </summary>
    public sealed class TlvReader
    {
        /// <summary>Deepest nesting of constructed elements accepted (EMV nests 4: 6F / A5 / BF0C / 61).</summary>
        public const int MaxDepth = 8;

        private readonly int[] _parentEnds = new int[MaxDepth];
        private byte[] _buffer;
        private int _origin;
        private int _limit;
        private int _position;
        private int _end;
        private int _depth;
        private bool _current;

        // Where the last error happened; set by the non-throwing core.
        private TlvError _error;
        private int _errorTag;
        private int _errorOffset;

        /// <summary>A reader with no data; call <see cref="Reset"/>.</summary>
        public TlvReader()
        {
            _buffer = new byte[0];
        }

        /// <summary>A reader over <paramref name="count"/> bytes of <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        public TlvReader(byte[] buffer, int offset, int count)
        {
            Reset(buffer, offset, count);
        }

        /// <summary>Starts over on new data, before its first element. The buffer is read, never written.</summary>
        public void Reset(byte[] buffer, int offset, int count)
        {
            Tlv.CheckRange(buffer, offset, count);
            _buffer = buffer;
            _origin = offset;
            _limit = offset + count;
            Rewind();
        }

        /// <summary>Goes back before the first element of the data given to <see cref="Reset"/>.</summary>
        public void Rewind()
        {
            _position = _origin;
            _end = _limit;
            _depth = 0;
            _current = false;
            Tag = 0;
            TagOffset = ValueOffset = ValueLength = 0;
        }

        /// <summary>The buffer being read.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Tag of the current element (0 when there is none).</summary>
        public int Tag { get; private set; }

        /// <summary>True when the current element is constructed: its value is TLV that <see cref="Enter"/> can read.</summary>
        public bool IsConstructed
        {
            get { return _current && Tlv.IsConstructed(Tag); }
        }

        /// <summary>Index in <see cref="Buffer"/> of the current element's first tag byte.</summary>
        public int TagOffset { get; private set; }

        /// <summary>Index in <see cref="Buffer"/> of the current element's value.</summary>
        public int ValueOffset { get; private set; }

        /// <summary>Bytes of the current element's value.</summary>
        public int ValueLength { get; private set; }

        /// <summary>Index in <see cref="Buffer"/> just after the current element.</summary>
        public int EndOffset
        {
            get { return ValueOffset + ValueLength; }
        }

        /// <summary>Levels entered: 0 at the top level.</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>
        /// Moves to the next element of the current level, skipping 00 padding (EMV Book 3 Annex B); false at the end
        /// of the level. Throws <see cref="TlvFormatException"/> when the element is malformed.
        /// </summary>
        public bool Next()
        {
            bool found;
            if (!NextCore(out found)) Throw();
            return found;
        }

        /// <summary>
        /// Goes into the current constructed element: <see cref="Next"/> then reads its children. Throws
        /// <see cref="TlvFormatException"/> (TooDeep) below <see cref="MaxDepth"/> levels, and
        /// <see cref="InvalidOperationException"/> when the current element is not constructed.
        /// </summary>
        public void Enter()
        {
            if (!IsConstructed) throw new InvalidOperationException();
            if (!EnterCore()) Throw();
        }

        /// <summary>
        /// Leaves the current level, skipping what is left of it: <see cref="Next"/> then reads the element after the
        /// parent. Throws <see cref="InvalidOperationException"/> at the top level.
        /// </summary>
        public void Exit()
        {
            if (_depth == 0) throw new InvalidOperationException();
            ExitCore();
        }

        /// <summary>
        /// Moves to the next element of the whole tree, depth first: into the current element when it is constructed,
        /// else to its next sibling, else up and on. False once the data is exhausted. Throws
        /// <see cref="TlvFormatException"/> on malformed data.
        /// </summary>
        public bool Walk()
        {
            bool found;
            if (!WalkCore(out found)) Throw();
            return found;
        }

        /// <summary>
        /// Walks on (see <see cref="Walk"/>) from the current position to the next element tagged <paramref name="tag"/>;
        /// true with the reader on it, false when the data ends first. Call <see cref="Rewind"/> to search from the start.
        /// Throws <see cref="TlvFormatException"/> when malformed data comes before the element.
        /// </summary>
        public bool Find(int tag)
        {
            while (Walk())
            {
                if (Tag == tag) return true;
            }
            return false;
        }

        /// <summary>
        /// Checks the whole data, every level, without throwing: <see cref="TlvError.None"/>, or the first error with
        /// <see cref="ErrorTag"/> and <see cref="ErrorOffset"/> set. The reader is rewound afterwards.
        /// </summary>
        public TlvError Validate()
        {
            Rewind();
            _error = TlvError.None;
            _errorTag = _errorOffset = 0;
            bool found;
            while (WalkCore(out found) && found)
            {
            }
            Rewind();
            return _error;
        }

        /// <summary>Tag of the last error found by <see cref="Validate"/>.</summary>
        public int ErrorTag
        {
            get { return _errorTag; }
        }

        /// <summary>Offset, from the start of the data, of the last error found by <see cref="Validate"/>.</summary>
        public int ErrorOffset
        {
            get { return _errorOffset; }
        }

        private void Throw()
        {
            throw new TlvFormatException(_error, _errorTag, _errorOffset);
        }

        private bool Fail(TlvError error, int tag, int at)
        {
            _error = error;
            _errorTag = tag;
            _errorOffset = at - _origin;
            _current = false;
            return false;
        }

        private bool WalkCore(out bool found)
        {
            found = false;
            if (IsConstructed && !EnterCore()) return false;
            while (true)
            {
                if (!NextCore(out found)) return false;
                if (found || _depth == 0) return true;
                ExitCore();
            }
        }

        private bool EnterCore()
        {
            if (_depth == MaxDepth) return Fail(TlvError.TooDeep, Tag, TagOffset);
            _parentEnds[_depth++] = _end;
            _end = ValueOffset + ValueLength;
            _position = ValueOffset;
            _current = false;
            return true;
        }

        private void ExitCore()
        {
            _position = _end;
            _end = _parentEnds[--_depth];
            _current = false;
        }

        // [tag: 1-3 bytes][length: 1-3 bytes][value], all inside the current level [_position, _end).
        private bool NextCore(out bool found)
        {
            found = false;
            _current = false;
            byte[] b = _buffer;
            int p = _position;
            int end = _end;
            while (p < end && b[p] == Tlv.Padding) p++;
            _position = p;
            if (p == end) return true;

            // A child that does not fit its parent overruns it; at the top level the data itself is too short.
            TlvError shortBy = _depth == 0 ? TlvError.Truncated : TlvError.Overrun;
            int start = p;
            int first = b[p++];
            if (first == Tlv.InvalidFirstTagByte) return Fail(TlvError.BadTag, first, start);
            int tag = first;
            if ((first & Tlv.TagNumberMask) == Tlv.TagNumberMask)
            {
                int bytes = 1;
                while (true)
                {
                    if (p == end) return Fail(shortBy, tag, start);
                    int next = b[p++];
                    tag = (tag << 8) | next;
                    bytes++;
                    if ((next & Tlv.MoreTagBytes) == 0) break;
                    if (bytes == Tlv.MaxTagBytes) return Fail(TlvError.TagTooLong, tag, start);
                }
            }

            if (p == end) return Fail(shortBy, tag, start);
            int lengthAt = p;
            int length = b[p++];
            if (length >= Tlv.LongLength)
            {
                if (length == Tlv.LongLength) return Fail(TlvError.IndefiniteLength, tag, lengthAt);
                int count = length - Tlv.LongLength;
                if (count > 2) return Fail(TlvError.LengthTooLong, tag, lengthAt);
                if (end - p < count) return Fail(shortBy, tag, start);
                length = b[p++];
                if (count == 2) length = (length << 8) | b[p++];
            }
            if (end - p < length) return Fail(shortBy, tag, start);

            Tag = tag;
            TagOffset = start;
            ValueOffset = p;
            ValueLength = length;
            _position = p + length;
            _current = true;
            found = true;
            return true;
        }
    }
}
