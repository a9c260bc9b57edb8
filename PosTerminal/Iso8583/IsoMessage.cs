using System;
using PosTerminal.Util;

namespace PosTerminal.Iso8583
{
    /// <summary>
    /// An ISO 8583 message: an MTI and field values, laid out by a <see cref="MessageSpec"/>. Values live in one
    /// pool owned by the message (characters as single bytes for n/z/a/an/ans, raw bytes for b), so setting,
    /// packing and unpacking into a reused message allocate nothing. Replaced, removed and cleared values are
    /// wiped. ToString() masks sensitive fields.
    /// </summary>
    public sealed class IsoMessage
    {
        /// <summary>Default pool size: enough for a 2 KB frame of BCD digits expanded to characters.</summary>
        public const int DefaultCapacity = 4096;

        private readonly MessageSpec _spec;
        private readonly byte[] _pool;
        // One index array (fewer heap objects on the device): five rows of (MaxField + 1) entries, indexed by
        // field number: value start in the pool (row 0, read as _index[f]), value length (-1 = absent), room
        // reserved, and the field's offset and length in the last packed or unpacked image.
        private const int LengthRow = 1;
        private const int RoomRow = 2;
        private const int WireOffsetRow = 3;
        private const int WireLengthRow = 4;
        private readonly int[] _index;
        private readonly int _n;
        private int _used;
        private int _mti = -1;

        /// <summary>An empty message with the default pool size.</summary>
        public IsoMessage(MessageSpec spec) : this(spec, DefaultCapacity)
        {
        }

        /// <summary>An empty message whose values may take up to <paramref name="capacity"/> bytes in all.</summary>
        public IsoMessage(MessageSpec spec, int capacity)
        {
            if (spec == null) throw new ArgumentNullException();
            _spec = spec;
            _pool = new byte[capacity];
            _n = spec.MaxField + 1;
            _index = new int[5 * _n];
            ResetIndex();
        }

        /// <summary>The layout this message is packed and unpacked with.</summary>
        public MessageSpec Spec
        {
            get { return _spec; }
        }

        /// <summary>Message type indicator as a number (e.g. 200 for "0200"); -1 when not set.</summary>
        public int Mti
        {
            get { return _mti; }
            set
            {
                if (value < 0 || value > 9999) throw new ArgumentOutOfRangeException();
                _mti = value;
            }
        }

        /// <summary>True when field <paramref name="field"/> has a value.</summary>
        public bool Has(int field)
        {
            return field >= 2 && field < _n && _index[LengthRow * _n + field] >= 0;
        }

        /// <summary>Length of the value in the field's units (digits, characters or bytes); -1 when absent.</summary>
        public int Length(int field)
        {
            return field >= 2 && field < _n ? _index[LengthRow * _n + field] : -1;
        }

        /// <summary>Sets a character value (n, z, a, an, ans). Validity is checked when the message is packed.</summary>
        public void Set(int field, string value)
        {
            int at = Reserve(field, value.Length);
            Ascii.Write(value, _pool, at);
        }

        /// <summary>Sets a value from bytes (raw for b fields, single-byte characters otherwise). The bytes are copied.</summary>
        public void SetBytes(int field, byte[] src, int offset, int count)
        {
            int at = Reserve(field, count);
            Array.Copy(src, offset, _pool, at, count);
        }

        /// <summary>
        /// Sets a numeric value: zero-filled to the length of a fixed field, or the shortest form for a
        /// variable one. Throws <see cref="ArgumentOutOfRangeException"/> when it is negative or too long.
        /// </summary>
        public void SetNumber(int field, long value)
        {
            FieldSpec fs = _spec.Field(field);
            if (fs == null || fs.Type != FieldType.Numeric) throw new ArgumentException();
            int width;
            if (fs.Kind == LengthKind.Fixed)
            {
                width = fs.MaxLength;
            }
            else
            {
                width = 1;
                for (long v = value / 10; v > 0; v /= 10) width++;
            }
            int at = Reserve(field, width);
            Ascii.WriteNumber(value, width, _pool, at);
        }

        /// <summary>Removes a field (its bytes are wiped).</summary>
        public void Remove(int field)
        {
            CheckField(field);
            if (_index[LengthRow * _n + field] < 0) return;
            Array.Clear(_pool, _index[field], _index[RoomRow * _n + field]);
            _index[LengthRow * _n + field] = -1;
        }

        /// <summary>Copies the value of <paramref name="field"/> into <paramref name="dst"/>; returns its length, or -1 if absent.</summary>
        public int CopyTo(int field, byte[] dst, int offset)
        {
            int len = Length(field);
            if (len > 0) Array.Copy(_pool, _index[field], dst, offset, len);
            return len;
        }

        /// <summary>The value as a string of single-byte characters, or null when absent. Allocates: not for hot paths.</summary>
        public string GetString(int field)
        {
            int len = Length(field);
            return len < 0 ? null : Ascii.GetString(_pool, _index[field], len);
        }

        /// <summary>The value of a numeric field, or -1 when absent or not all digits (at most 18 digits).</summary>
        public long GetNumber(int field)
        {
            int len = Length(field);
            return len < 0 ? -1 : Ascii.ParseNumber(_pool, _index[field], len);
        }

        /// <summary>True when both messages have <paramref name="field"/> with the same value, or both lack it.</summary>
        public bool ValueEquals(int field, IsoMessage other)
        {
            int len = Length(field);
            if (len != other.Length(field)) return false;
            return len < 0 || Bytes.Equal(_pool, _index[field], other._pool, other._index[field], len);
        }

        /// <summary>True when the field holds exactly the characters of <paramref name="value"/>.</summary>
        public bool ValueEquals(int field, string value)
        {
            int len = Length(field);
            if (len != value.Length) return false;
            int at = _index[field];
            for (int i = 0; i < len; i++)
            {
                if (_pool[at + i] != value[i]) return false;
            }
            return true;
        }

        /// <summary>Copies field <paramref name="field"/> of <paramref name="from"/> (removing it here when absent there).</summary>
        public void CopyField(int field, IsoMessage from)
        {
            int len = from.Length(field);
            if (len < 0) Remove(field);
            else SetBytes(field, from._pool, from._index[field], len);
        }

        /// <summary>Copies the MTI and every field of <paramref name="other"/> (same layout) into this message.</summary>
        public void CopyFrom(IsoMessage other)
        {
            if (other._spec != _spec) throw new ArgumentException();
            Clear();
            _mti = other._mti;
            for (int f = 2; f < _n; f++)
            {
                if (other.Has(f)) CopyField(f, other);
            }
        }

        /// <summary>Wipes every value and forgets the MTI; the pool is kept for reuse.</summary>
        public void Clear()
        {
            Array.Clear(_pool, 0, _used);
            _used = 0;
            _mti = -1;
            ResetIndex();
        }

        /// <summary>
        /// Offset of the field's bytes (length indicator included) in the message image last packed or unpacked,
        /// counted from the MTI; -1 when the field was not part of it. Field 0 is the MTI, 1 the bitmap(s).
        /// </summary>
        public int WireOffset(int field)
        {
            return field >= 0 && field < _n ? _index[WireOffsetRow * _n + field] : -1;
        }

        /// <summary>Bytes the field took in the message image last packed or unpacked (indicator included).</summary>
        public int WireLength(int field)
        {
            return field >= 0 && field < _n ? _index[WireLengthRow * _n + field] : 0;
        }

        /// <summary>A one-line summary with sensitive fields masked, e.g. "0200 F2=621234******1234 F3=000000 ...".</summary>
        public override string ToString()
        {
            return MessageDump.Summary(this);
        }

        internal byte[] Pool
        {
            get { return _pool; }
        }

        internal int Start(int field)
        {
            return _index[field];
        }

        internal void SetWire(int field, int offset, int length)
        {
            _index[WireOffsetRow * _n + field] = offset;
            _index[WireLengthRow * _n + field] = length;
        }

        /// <summary>True when <paramref name="units"/> more bytes fit in the pool without compaction.</summary>
        internal bool HasRoom(int units)
        {
            return units <= _pool.Length - _used;
        }

        /// <summary>Makes room for <paramref name="units"/> bytes of field <paramref name="field"/>; returns their pool offset.</summary>
        internal int Reserve(int field, int units)
        {
            CheckField(field);
            if (units < 0) throw new ArgumentOutOfRangeException();
            if (_index[LengthRow * _n + field] >= 0 && _index[RoomRow * _n + field] >= units)
            {
                Array.Clear(_pool, _index[field] + units, _index[RoomRow * _n + field] - units);
                _index[LengthRow * _n + field] = units;
                return _index[field];
            }
            Remove(field);
            if (units == 0)
            {
                // An empty value takes no pool space, so it can never share a start with another value.
                _index[field] = 0;
                _index[RoomRow * _n + field] = 0;
                _index[LengthRow * _n + field] = 0;
                return 0;
            }
            if (_used + units > _pool.Length) Compact();
            if (_used + units > _pool.Length) throw new ArgumentOutOfRangeException();
            int at = _used;
            _used += units;
            _index[field] = at;
            _index[RoomRow * _n + field] = units;
            _index[LengthRow * _n + field] = units;
            return at;
        }

        // Moves live values to the front of the pool, in pool order, and wipes the freed tail.
        private void Compact()
        {
            int write = 0;
            int floor = 0;
            while (true)
            {
                int next = -1;
                for (int f = 2; f < _n; f++)
                {
                    if (_index[LengthRow * _n + f] > 0 && _index[f] >= floor && (next < 0 || _index[f] < _index[next])) next = f;
                }
                if (next < 0) break;
                floor = _index[next] + 1;   // the original position: moved values land below it
                if (_index[next] != write) Array.Copy(_pool, _index[next], _pool, write, _index[LengthRow * _n + next]);
                _index[next] = write;
                _index[RoomRow * _n + next] = _index[LengthRow * _n + next];
                write += _index[LengthRow * _n + next];
            }
            Array.Clear(_pool, write, _used - write);
            _used = write;
        }

        private void CheckField(int field)
        {
            if (field < 2 || field >= _n || _spec.Field(field) == null) throw new ArgumentOutOfRangeException();
        }

        private void ResetIndex()
        {
            for (int f = 0; f < _n; f++)
            {
                _index[LengthRow * _n + f] = -1;
                _index[WireOffsetRow * _n + f] = -1;
                _index[WireLengthRow * _n + f] = 0;
            }
        }
    }
}
