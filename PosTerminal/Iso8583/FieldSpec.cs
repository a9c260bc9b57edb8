using System;

namespace PosTerminal.Iso8583
{
    /// <summary>
    /// How one data element is laid out: type x encoding x length indicator x padding, plus the maximum
    /// length in the field's own units (digits for n and z, characters for a/an/ans, bytes for b).
    /// Immutable; the With* methods return modified copies (used only when tables are built).
    /// </summary>
    public sealed class FieldSpec
    {
        private FieldSpec(FieldType type, FieldEncoding encoding, LengthKind kind, LengthEncoding lengthEncoding,
            int maxLength, BcdPad pad, bool sensitive, string name)
        {
            bool digits = type == FieldType.Numeric || type == FieldType.Track || type == FieldType.HexDigits;
            if (encoding == FieldEncoding.Bcd && !digits) throw new ArgumentException();
            if ((encoding == FieldEncoding.Binary || encoding == FieldEncoding.HexAscii) != (type == FieldType.Binary))
                throw new ArgumentException();
            int limit = kind == LengthKind.LL ? 99 : kind == LengthKind.LLL ? 999 : 9999;
            if (maxLength < 1 || maxLength > limit) throw new ArgumentOutOfRangeException();
            Type = type;
            Encoding = encoding;
            Kind = kind;
            LengthEncoding = lengthEncoding;
            MaxLength = maxLength;
            Pad = pad;
            Sensitive = sensitive;
            Name = name;
        }

        /// <summary>A fixed-length field (no length indicator).</summary>
        public static FieldSpec Fixed(int length, FieldType type, FieldEncoding encoding, string name)
        {
            return new FieldSpec(type, encoding, LengthKind.Fixed, LengthEncoding.Ascii, length, BcdPad.LeftZero, false, name);
        }

        /// <summary>A variable-length field with an LL or LLL indicator.</summary>
        public static FieldSpec Var(LengthKind kind, LengthEncoding lengthEncoding, int maxLength, FieldType type,
            FieldEncoding encoding, string name)
        {
            if (kind == LengthKind.Fixed) throw new ArgumentException();
            return new FieldSpec(type, encoding, kind, lengthEncoding, maxLength, BcdPad.LeftZero, false, name);
        }

        /// <summary>A copy with another pad rule for odd BCD digit counts.</summary>
        public FieldSpec WithPad(BcdPad pad)
        {
            return new FieldSpec(Type, Encoding, Kind, LengthEncoding, MaxLength, pad, Sensitive, Name);
        }

        /// <summary>A copy marked as cardholder or key material: dumps and traces mask it.</summary>
        public FieldSpec AsSensitive()
        {
            return new FieldSpec(Type, Encoding, Kind, LengthEncoding, MaxLength, Pad, true, Name);
        }

        /// <summary>Character set of the value.</summary>
        public FieldType Type { get; }

        /// <summary>How the value is written.</summary>
        public FieldEncoding Encoding { get; }

        /// <summary>Fixed, LL or LLL.</summary>
        public LengthKind Kind { get; }

        /// <summary>How the LL/LLL indicator is written (ignored for fixed fields).</summary>
        public LengthEncoding LengthEncoding { get; }

        /// <summary>Exact length of a fixed field, maximum of a variable one, in the field's units.</summary>
        public int MaxLength { get; }

        /// <summary>Pad rule for an odd number of BCD digits.</summary>
        public BcdPad Pad { get; }

        /// <summary>True for PAN, track data, PIN block, ICC data and key material.</summary>
        public bool Sensitive { get; }

        /// <summary>Short description for dumps, e.g. "Processing code".</summary>
        public string Name { get; }

        /// <summary>Bytes taken by the length indicator.</summary>
        public int PrefixBytes
        {
            get
            {
                if (Kind == LengthKind.Fixed) return 0;
                if (LengthEncoding == LengthEncoding.Ascii) return (int)Kind;
                return Kind == LengthKind.LL ? 1 : 2;
            }
        }

        /// <summary>Bytes taken on the wire by a value of <paramref name="units"/> units (indicator excluded).</summary>
        public int ValueBytes(int units)
        {
            switch (Encoding)
            {
                case FieldEncoding.Bcd: return (units + 1) / 2;
                case FieldEncoding.HexAscii: return units * 2;
                default: return units;
            }
        }

        /// <summary>The ISO-style type label, e.g. "n6", "ans..99", "b...512".</summary>
        public string Label
        {
            get
            {
                string t;
                switch (Type)
                {
                    case FieldType.Numeric: t = "n"; break;
                    case FieldType.Alpha: t = "a"; break;
                    case FieldType.AlphaNumeric: t = "an"; break;
                    case FieldType.AlphaNumericSpecial: t = "ans"; break;
                    case FieldType.Track: t = "z"; break;
                    case FieldType.HexDigits: t = "z"; break;
                    default: t = "b"; break;
                }
                if (Kind == LengthKind.LL) return t + ".." + MaxLength.ToString();
                if (Kind == LengthKind.LLL) return t + "..." + MaxLength.ToString();
                return t + MaxLength.ToString();
            }
        }
    }
}
