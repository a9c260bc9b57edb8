using System;

namespace PosTerminal.Emv
{
    /// <summary>
    /// Builds BER-TLV into a caller's buffer (EMV 4.3 Book 3 Annex B), always with the shortest length field.
    /// <see cref="Write"/> adds a primitive element; <see cref="Begin"/> and <see cref="End"/> wrap what is written between
    /// them in a constructed one, whose length is filled in (and the content moved right when it needs 81 or 82) at End.
    /// Allocates nothing after construction. A buffer that is too small throws <see cref="TlvFormatException"/>
    /// (BufferTooSmall); an invalid tag is a programmer error (<see cref="ArgumentException"/>).
    /// </summary>
    public sealed class TlvWriter
    {
        private readonly int[] _openLengthAt = new int[TlvReader.MaxDepth];
        private readonly int[] _openTags = new int[TlvReader.MaxDepth];
        private byte[] _buffer;
        private int _origin;
        private int _limit;
        private int _position;
        private int _depth;

        /// <summary>A writer with no buffer; call <see cref="Reset"/>.</summary>
        public TlvWriter()
        {
            _buffer = new byte[0];
        }

        /// <summary>A writer into <paramref name="count"/> bytes of <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        public TlvWriter(byte[] buffer, int offset, int count)
        {
            Reset(buffer, offset, count);
        }

        /// <summary>Starts writing at <paramref name="offset"/>, using at most <paramref name="count"/> bytes.</summary>
        public void Reset(byte[] buffer, int offset, int count)
        {
            Tlv.CheckRange(buffer, offset, count);
            _buffer = buffer;
            _origin = offset;
            _limit = offset + count;
            _position = offset;
            _depth = 0;
        }

        /// <summary>Bytes written since <see cref="Reset"/>.</summary>
        public int Length
        {
            get { return _position - _origin; }
        }

        /// <summary>Constructed elements begun and not yet ended.</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>Writes a primitive element: <paramref name="tag"/>, the length, <paramref name="count"/> bytes of value.</summary>
        public void Write(int tag, byte[] value, int offset, int count)
        {
            int tagBytes = CheckedTagLength(tag);
            if (value == null) throw new ArgumentNullException();
            if (offset < 0 || count < 0 || offset > value.Length - count) throw new ArgumentOutOfRangeException();
            if (count > Tlv.MaxLength) throw new TlvFormatException(TlvError.LengthTooLong, tag, Length);
            Room(tagBytes + Tlv.LengthFieldLength(count) + count, tag);
            int p = Tlv.WriteTag(tag, tagBytes, _buffer, _position);
            p = Tlv.WriteLength(count, _buffer, p);
            Array.Copy(value, offset, _buffer, p, count);
            _position = p + count;
        }

        /// <summary>
        /// Opens a constructed element (<paramref name="tag"/> must have bit 6 of its first byte set); what is written
        /// until the matching <see cref="End"/> becomes its value.
        /// </summary>
        public void Begin(int tag)
        {
            int tagBytes = CheckedTagLength(tag);
            if (!Tlv.IsConstructed(tag)) throw new ArgumentException();
            if (_depth == TlvReader.MaxDepth) throw new TlvFormatException(TlvError.TooDeep, tag, Length);
            Room(tagBytes + 1, tag);
            int p = Tlv.WriteTag(tag, tagBytes, _buffer, _position);
            _openTags[_depth] = tag;
            _openLengthAt[_depth++] = p;
            _position = p + 1;   // one length byte reserved; End widens it when the value needs 81 or 82
        }

        /// <summary>Closes the element of the last <see cref="Begin"/>, writing its length.</summary>
        public void End()
        {
            if (_depth == 0) throw new InvalidOperationException();
            int tag = _openTags[_depth - 1];
            int lengthAt = _openLengthAt[_depth - 1];
            int valueAt = lengthAt + 1;
            int length = _position - valueAt;
            if (length > Tlv.MaxLength) throw new TlvFormatException(TlvError.LengthTooLong, tag, lengthAt - _origin);
            int extra = Tlv.LengthFieldLength(length) - 1;
            if (extra > 0)
            {
                Room(extra, tag);
                for (int i = _position - 1; i >= valueAt; i--) _buffer[i + extra] = _buffer[i];
                _position += extra;
            }
            Tlv.WriteLength(length, _buffer, lengthAt);
            _depth--;
        }

        private static int CheckedTagLength(int tag)
        {
            int bytes = Tlv.TagLength(tag);
            if (bytes < 0) throw new ArgumentException();
            return bytes;
        }

        private void Room(int bytes, int tag)
        {
            if (_limit - _position < bytes) throw new TlvFormatException(TlvError.BufferTooSmall, tag, Length);
        }
    }
}
