using PosTerminal.Util;

namespace PosTerminal.Iso8583
{
    /// <summary>
    /// Text views of a message for traces, the console and the emulator, with every sensitive field masked:
    /// PANs keep at most the first 6 and last 4 digits (PCI DSS 3.4 display masking), track data keeps only
    /// the masked PAN, and sensitive binary fields show only their length. There is no unmasked variant.
    /// </summary>
    public static class MessageDump
    {
        /// <summary>One line: MTI then "Fn=value" for each present field, masked.</summary>
        public static string Summary(IsoMessage m)
        {
            string s = m.Mti < 0 ? "----" : Ascii.Number(m.Mti, 4);
            for (int f = 2; f <= m.Spec.MaxField; f++)
            {
                if (m.Has(f)) s = s + " F" + f.ToString() + "=" + MaskedValue(m, f);
            }
            return s;
        }

        /// <summary>The value of <paramref name="field"/> as safe text (masked when the field is sensitive); null if absent.</summary>
        public static string MaskedValue(IsoMessage m, int field)
        {
            int len = m.Length(field);
            if (len < 0) return null;
            FieldSpec fs = m.Spec.Field(field);
            byte[] pool = m.Pool;
            int at = m.Start(field);
            if (fs.Type == FieldType.Binary)
            {
                if (fs.Sensitive) return "[" + len.ToString() + " bytes]";
                return Hex.Encode(pool, at, len);
            }
            if (!fs.Sensitive) return Ascii.GetString(pool, at, len);
            return Mask.Pan(pool, at, len);
        }

        /// <summary>
        /// A field-by-field listing of a packed or unpacked message: wire bytes in hex (the value bytes of
        /// sensitive fields replaced by "**") and the masked value. <paramref name="image"/> holds the message
        /// image starting at <paramref name="offset"/> (the MTI), as last packed into or unpacked from.
        /// </summary>
        public static string Describe(IsoMessage m, byte[] image, int offset)
        {
            MessageSpec spec = m.Spec;
            string s = Line("MTI", "Message type indicator", "n4", WireHex(m, 0, image, offset, false), Ascii.Number(m.Mti, 4));
            s = s + Line("BMP", "Bitmap", "b" + (m.WireLength(1) > 16 ? "128" : "64"), WireHex(m, 1, image, offset, false), null);
            for (int f = 2; f <= spec.MaxField; f++)
            {
                if (!m.Has(f) || m.WireOffset(f) < 0) continue;
                FieldSpec fs = spec.Field(f);
                s = s + Line("F" + f.ToString(), fs.Name, fs.Label, WireHex(m, f, image, offset, fs.Sensitive), MaskedValue(m, f));
            }
            return s;
        }

        private static string WireHex(IsoMessage m, int field, byte[] image, int offset, bool mask)
        {
            int at = offset + m.WireOffset(field);
            int len = m.WireLength(field);
            int prefix = field >= 2 ? m.Spec.Field(field).PrefixBytes : 0;
            char[] c = new char[len * 3];
            for (int i = 0; i < len; i++)
            {
                int b = image[at + i];
                bool hide = mask && i >= prefix;
                c[3 * i] = hide ? '*' : Hex.Digit(b >> 4);
                c[3 * i + 1] = hide ? '*' : Hex.Digit(b);
                c[3 * i + 2] = ' ';
            }
            return new string(c, 0, len == 0 ? 0 : len * 3 - 1);
        }

        private static string Line(string id, string name, string label, string hex, string value)
        {
            string s = Pad(id, 5) + Pad(name, 34) + Pad(label, 10) + hex;
            if (value != null) s = s + "  | " + value;
            return s + "\n";
        }

        private static string Pad(string s, int width)
        {
            if (s.Length >= width) return s.Substring(0, width - 1) + " ";
            return s.PadRight(width, ' ');
        }
    }
}
