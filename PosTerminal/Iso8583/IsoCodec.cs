using System;
using PosTerminal.Util;

namespace PosTerminal.Iso8583
{
    /// <summary>
    /// Packs and unpacks ISO 8583:1987 messages by their <see cref="MessageSpec"/>:
    /// [MTI][primary bitmap][secondary bitmap if bit 1][fields in ascending order].
    /// Pack writes into a caller-supplied buffer and allocates nothing; unpack reads only inside the given
    /// range, enforces lengths, digits and padding, rejects trailing bytes, and decodes into a reused
    /// <see cref="IsoMessage"/>. Every failure is an <see cref="IsoFormatException"/> (error, field, offset).
    /// </summary>
    public static class IsoCodec
    {
        private const int BitmapBits = 64;
        private const byte TrackSeparatorNibble = 0x0D;   // '=' in BCD track data (ISO/IEC 7813)

        /// <summary>
        /// Writes the message at <paramref name="offset"/>; returns the number of bytes written. Throws
        /// <see cref="IsoFormatException"/> when a value breaks its field's rules or the buffer is too small.
        /// </summary>
        public static int Pack(IsoMessage message, byte[] dst, int offset)
        {
            MessageSpec spec = message.Spec;
            int p = offset;

            // MTI
            if (message.Mti < 0) throw new IsoFormatException(IsoError.BadMti, IsoFormatException.MtiField, 0);
            int mtiBytes = spec.MtiEncoding == FieldEncoding.Bcd ? 2 : 4;
            Room(dst, p, mtiBytes, IsoFormatException.MtiField, 0);
            if (spec.MtiEncoding == FieldEncoding.Bcd)
            {
                dst[p] = (byte)(((message.Mti / 1000) << 4) | (message.Mti / 100 % 10));
                dst[p + 1] = (byte)(((message.Mti / 10 % 10) << 4) | (message.Mti % 10));
            }
            else
            {
                Ascii.WriteNumber(message.Mti, 4, dst, p);
            }
            message.SetWire(IsoFormatException.MtiField, 0, mtiBytes);
            p += mtiBytes;

            // Bitmap(s): bit 1 of the primary bitmap announces the secondary one.
            int maxPresent = 0;
            for (int f = spec.MaxField; f >= 2; f--)
            {
                if (message.Has(f))
                {
                    maxPresent = f;
                    break;
                }
            }
            int bitmaps = maxPresent > BitmapBits ? 2 : 1;
            int bitmapWire = bitmaps * (spec.BitmapEncoding == FieldEncoding.Binary ? 8 : 16);
            Room(dst, p, bitmapWire, IsoFormatException.BitmapField, p - offset);
            int bitmapAt = spec.BitmapEncoding == FieldEncoding.Binary ? p : p + bitmaps * 8;
            // Hex bitmaps are built in the second half of their own space, then expanded in place to the left.
            Array.Clear(dst, bitmapAt, bitmaps * 8);
            if (bitmaps == 2) dst[bitmapAt] = 0x80;
            for (int f = 2; f <= maxPresent; f++)
            {
                if (message.Has(f)) dst[bitmapAt + ((f - 1) >> 3)] |= (byte)(0x80 >> ((f - 1) & 7));
            }
            if (spec.BitmapEncoding == FieldEncoding.HexAscii) Hex.EncodeAscii(dst, bitmapAt, bitmaps * 8, dst, p);
            message.SetWire(IsoFormatException.BitmapField, p - offset, bitmapWire);
            p += bitmapWire;

            for (int f = 2; f <= maxPresent; f++)
            {
                if (!message.Has(f)) continue;
                FieldSpec fs = spec.Field(f);
                p = PackField(fs, f, message, dst, p, offset);
            }
            return p - offset;
        }

        /// <summary>
        /// Decodes <paramref name="count"/> bytes at <paramref name="offset"/> into <paramref name="into"/>
        /// (cleared first). Throws <see cref="IsoFormatException"/> on any deviation from the specification.
        /// </summary>
        public static void Unpack(byte[] src, int offset, int count, IsoMessage into)
        {
            if (offset < 0 || count < 0 || offset + count > src.Length) throw new ArgumentOutOfRangeException();
            MessageSpec spec = into.Spec;
            into.Clear();
            int end = offset + count;
            int p = offset;

            // MTI
            if (spec.MtiEncoding == FieldEncoding.Bcd)
            {
                Need(p, 2, end, IsoFormatException.MtiField, offset);
                int mti = 0;
                for (int i = 0; i < 4; i++)
                {
                    int nibble = (src[p + (i >> 1)] >> ((i & 1) == 0 ? 4 : 0)) & 0x0F;
                    if (nibble > 9) throw new IsoFormatException(IsoError.BadMti, IsoFormatException.MtiField, p + (i >> 1) - offset);
                    mti = mti * 10 + nibble;
                }
                into.Mti = mti;
                into.SetWire(IsoFormatException.MtiField, 0, 2);
                p += 2;
            }
            else
            {
                Need(p, 4, end, IsoFormatException.MtiField, offset);
                long mti = Ascii.ParseNumber(src, p, 4);
                if (mti < 0) throw new IsoFormatException(IsoError.BadMti, IsoFormatException.MtiField, 0);
                into.Mti = (int)mti;
                into.SetWire(IsoFormatException.MtiField, 0, 4);
                p += 4;
            }

            // Bitmaps: bit 1 of the primary one announces the secondary one.
            int bitmapStart = p;
            ulong primary;
            p = ReadBitmap(spec, src, p, end, offset, out primary);
            bool secondary = (primary & 0x8000000000000000UL) != 0;
            ulong second = 0;
            if (secondary)
            {
                if (spec.MaxField <= BitmapBits)
                    throw new IsoFormatException(IsoError.FieldNotInSpec, IsoFormatException.BitmapField, bitmapStart - offset);
                p = ReadBitmap(spec, src, p, end, offset, out second);
            }
            into.SetWire(IsoFormatException.BitmapField, bitmapStart - offset, p - bitmapStart);
            int lastField = secondary ? 2 * BitmapBits : BitmapBits;

            int last = IsoFormatException.BitmapField;
            for (int f = 2; f <= lastField; f++)
            {
                ulong word = f <= BitmapBits ? primary : second;
                int bit = (f - 1) & 63;
                if ((word & (0x8000000000000000UL >> bit)) == 0) continue;
                FieldSpec fs = spec.Field(f);
                if (fs == null) throw new IsoFormatException(IsoError.FieldNotInSpec, f, p - offset);
                p = UnpackField(fs, f, src, p, end, offset, into);
                last = f;
            }
            if (p != end) throw new IsoFormatException(IsoError.TrailingBytes, last, p - offset);
        }

        private static int ReadBitmap(MessageSpec spec, byte[] src, int p, int end, int origin, out ulong bits)
        {
            bits = 0;
            if (spec.BitmapEncoding == FieldEncoding.Binary)
            {
                Need(p, 8, end, IsoFormatException.BitmapField, origin);
                bits = ((ulong)Bytes.ReadUInt32BE(src, p) << 32) | Bytes.ReadUInt32BE(src, p + 4);
                return p + 8;
            }
            Need(p, 16, end, IsoFormatException.BitmapField, origin);
            for (int i = 0; i < 16; i++)
            {
                int nibble = Hex.NibbleOf(src[p + i]);
                if (nibble < 0) throw new IsoFormatException(IsoError.BadBitmap, IsoFormatException.BitmapField, p + i - origin);
                bits = (bits << 4) | (uint)nibble;
            }
            return p + 16;
        }

        private static int PackField(FieldSpec fs, int field, IsoMessage m, byte[] dst, int p, int origin)
        {
            int units = m.Length(field);
            int fieldStart = p;
            if (fs.Kind == LengthKind.Fixed)
            {
                if (units != fs.MaxLength) throw new IsoFormatException(IsoError.LengthMismatch, field, p - origin);
            }
            else if (units > fs.MaxLength)
            {
                throw new IsoFormatException(IsoError.LengthOverMax, field, p - origin);
            }
            byte[] pool = m.Pool;
            int at = m.Start(field);
            int bad = FirstInvalid(fs, pool, at, units);
            if (bad >= 0) throw new IsoFormatException(IsoError.BadDigit, field, p - origin);

            int prefix = fs.PrefixBytes;
            int valueBytes = fs.ValueBytes(units);
            Room(dst, p, prefix + valueBytes, field, p - origin);
            if (prefix > 0) WriteLength(fs, units, dst, p);
            p += prefix;

            switch (fs.Encoding)
            {
                case FieldEncoding.Bcd:
                    EncodeBcd(fs, pool, at, units, dst, p);
                    break;
                case FieldEncoding.HexAscii:
                    Hex.EncodeAscii(pool, at, units, dst, p);
                    break;
                default:
                    Array.Copy(pool, at, dst, p, units);
                    break;
            }
            p += valueBytes;
            m.SetWire(field, fieldStart - origin, p - fieldStart);
            return p;
        }

        private static int UnpackField(FieldSpec fs, int field, byte[] src, int p, int end, int origin, IsoMessage into)
        {
            int fieldStart = p;
            int units;
            if (fs.Kind == LengthKind.Fixed)
            {
                units = fs.MaxLength;
            }
            else
            {
                Need(p, fs.PrefixBytes, end, field, origin);
                units = ReadLength(fs, src, p);
                if (units < 0) throw new IsoFormatException(IsoError.BadLength, field, p - origin);
                if (units > fs.MaxLength) throw new IsoFormatException(IsoError.LengthOverMax, field, p - origin);
                p += fs.PrefixBytes;
            }
            int valueBytes = fs.ValueBytes(units);
            Need(p, valueBytes, end, field, origin);

            // A message whose values outgrow the receiving message's pool is refused as data, not as a crash.
            if (!into.HasRoom(units)) throw new IsoFormatException(IsoError.BufferTooSmall, field, fieldStart - origin);
            byte[] pool = into.Pool;
            int at = into.Reserve(field, units);
            switch (fs.Encoding)
            {
                case FieldEncoding.Bcd:
                    DecodeBcd(fs, field, src, p, units, pool, at, origin);
                    break;
                case FieldEncoding.HexAscii:
                    int badHex = Hex.DecodeAscii(src, p, units, pool, at);
                    if (badHex >= 0) throw new IsoFormatException(IsoError.BadDigit, field, p + badHex - origin);
                    break;
                default:
                    Array.Copy(src, p, pool, at, units);
                    int bad = FirstInvalid(fs, pool, at, units);
                    if (bad >= 0) throw new IsoFormatException(IsoError.BadDigit, field, p + bad - origin);
                    break;
            }
            p += valueBytes;
            into.SetWire(field, fieldStart - origin, p - fieldStart);
            return p;
        }

        // Index of the first character the field type does not allow, or -1.
        private static int FirstInvalid(FieldSpec fs, byte[] v, int at, int units)
        {
            FieldType t = fs.Type;
            if (t == FieldType.Binary) return -1;
            for (int i = 0; i < units; i++)
            {
                int c = v[at + i];
                bool ok;
                switch (t)
                {
                    case FieldType.Numeric:
                        ok = c >= '0' && c <= '9';
                        break;
                    case FieldType.Track:
                        ok = (c >= '0' && c <= '9') || c == '=';
                        break;
                    case FieldType.HexDigits:
                        ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
                        break;
                    case FieldType.Alpha:
                        ok = IsLetter(c) || c == ' ';
                        break;
                    case FieldType.AlphaNumeric:
                        ok = IsLetter(c) || (c >= '0' && c <= '9') || c == ' ';
                        break;
                    default: // ans: printable ASCII, or a byte of a double-byte (GB2312) character
                        ok = (c >= 0x20 && c < 0x7F) || c >= 0x80;
                        break;
                }
                if (!ok) return i;
            }
            return -1;
        }

        private static bool IsLetter(int c)
        {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        private static void EncodeBcd(FieldSpec fs, byte[] v, int at, int units, byte[] dst, int p)
        {
            bool odd = (units & 1) != 0;
            int nibbles = units + (odd ? 1 : 0);
            int lead = odd && fs.Pad == BcdPad.LeftZero ? 1 : 0;
            int padNibble = fs.Pad == BcdPad.RightF ? 0x0F : 0x00;
            for (int n = 0; n < nibbles; n++)
            {
                int digit = n - lead;
                int value;
                if (digit < 0 || digit >= units)
                {
                    value = lead == 1 ? 0 : padNibble;
                }
                else
                {
                    int c = v[at + digit];
                    value = c == '=' ? TrackSeparatorNibble : Hex.NibbleOf(c);
                }
                if ((n & 1) == 0) dst[p + (n >> 1)] = (byte)(value << 4);
                else dst[p + (n >> 1)] |= (byte)value;
            }
        }

        private static void DecodeBcd(FieldSpec fs, int field, byte[] src, int p, int units, byte[] v, int at, int origin)
        {
            bool odd = (units & 1) != 0;
            int nibbles = units + (odd ? 1 : 0);
            int lead = odd && fs.Pad == BcdPad.LeftZero ? 1 : 0;
            bool track = fs.Type == FieldType.Track;
            bool hex = fs.Type == FieldType.HexDigits;
            for (int n = 0; n < nibbles; n++)
            {
                int b = src[p + (n >> 1)];
                int value = (n & 1) == 0 ? b >> 4 : b & 0x0F;
                int digit = n - lead;
                if (digit < 0 || digit >= units)
                {
                    // A leading pad must be 0. A trailing pad is written as the field specifies, but both 0 and F
                    // are read: captured CUP frames pad with 0 while some vendors' tools pad with F.
                    bool padOk = lead == 1 ? value == 0 : value == 0 || value == 0x0F;
                    if (!padOk) throw new IsoFormatException(IsoError.BadPadding, field, p + (n >> 1) - origin);
                    continue;
                }
                if (value <= 9 || hex)
                {
                    v[at + digit] = (byte)Hex.Digit(value);
                }
                else if (track && value == TrackSeparatorNibble)
                {
                    v[at + digit] = (byte)'=';
                }
                else
                {
                    throw new IsoFormatException(IsoError.BadDigit, field, p + (n >> 1) - origin);
                }
            }
        }

        private static void WriteLength(FieldSpec fs, int units, byte[] dst, int p)
        {
            switch (fs.LengthEncoding)
            {
                case LengthEncoding.Ascii:
                    Ascii.WriteNumber(units, (int)fs.Kind, dst, p);
                    break;
                case LengthEncoding.Binary:
                    if (fs.Kind == LengthKind.LL) dst[p] = (byte)units;
                    else Bytes.WriteUInt16BE(units, dst, p);
                    break;
                default:
                    if (fs.Kind == LengthKind.LL)
                    {
                        dst[p] = (byte)(((units / 10) << 4) | (units % 10));
                    }
                    else
                    {
                        dst[p] = (byte)(units / 100);
                        dst[p + 1] = (byte)(((units / 10 % 10) << 4) | (units % 10));
                    }
                    break;
            }
        }

        // The indicator's value, or -1 when it is not valid decimal (BCD or ASCII).
        private static int ReadLength(FieldSpec fs, byte[] src, int p)
        {
            switch (fs.LengthEncoding)
            {
                case LengthEncoding.Ascii:
                    return (int)Ascii.ParseNumber(src, p, (int)fs.Kind);
                case LengthEncoding.Binary:
                    return fs.Kind == LengthKind.LL ? src[p] : Bytes.ReadUInt16BE(src, p);
                default:
                    int digits = fs.Kind == LengthKind.LL ? 2 : 4;
                    int value = 0;
                    for (int i = 0; i < digits; i++)
                    {
                        int nibble = (src[p + (i >> 1)] >> ((i & 1) == 0 ? 4 : 0)) & 0x0F;
                        if (nibble > 9) return -1;
                        value = value * 10 + nibble;
                    }
                    return value;
            }
        }

        private static void Need(int p, int bytes, int end, int field, int origin)
        {
            if (p + bytes > end) throw new IsoFormatException(IsoError.Truncated, field, p - origin);
        }

        private static void Room(byte[] dst, int p, int bytes, int field, int offset)
        {
            if (p + bytes > dst.Length) throw new IsoFormatException(IsoError.BufferTooSmall, field, offset);
        }
    }
}
