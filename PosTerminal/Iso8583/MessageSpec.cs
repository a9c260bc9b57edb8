using System;

namespace PosTerminal.Iso8583
{
    /// <summary>
    /// A message layout as data: how the MTI and bitmap are written, and a table of <see cref="FieldSpec"/>
    /// indexed by field number (null = not used by this acquirer). Fields 0 and 1 (MTI and bitmap) are
    /// handled by the codec and are not in the table.
    /// </summary>
    public sealed class MessageSpec
    {
        private readonly FieldSpec[] _fields;

        /// <summary>
        /// Creates a layout. <paramref name="fields"/> has 65 entries (primary bitmap only) or 129 (with
        /// secondary bitmap); it is copied.
        /// </summary>
        public MessageSpec(string name, FieldEncoding mtiEncoding, FieldEncoding bitmapEncoding, FieldSpec[] fields)
        {
            if (mtiEncoding != FieldEncoding.Bcd && mtiEncoding != FieldEncoding.Ascii) throw new ArgumentException();
            if (bitmapEncoding != FieldEncoding.Binary && bitmapEncoding != FieldEncoding.HexAscii) throw new ArgumentException();
            if (fields.Length != 65 && fields.Length != 129) throw new ArgumentException();
            if (fields[0] != null || fields[1] != null) throw new ArgumentException();
            _fields = new FieldSpec[fields.Length];
            Array.Copy(fields, _fields, fields.Length);
            Name = name;
            MtiEncoding = mtiEncoding;
            BitmapEncoding = bitmapEncoding;
        }

        /// <summary>Profile name, e.g. "cup".</summary>
        public string Name { get; }

        /// <summary>BCD (2 bytes) or ASCII (4 characters).</summary>
        public FieldEncoding MtiEncoding { get; }

        /// <summary>Binary (8 bytes per bitmap) or HexAscii (16 characters per bitmap).</summary>
        public FieldEncoding BitmapEncoding { get; }

        /// <summary>Highest field number: 64 without a secondary bitmap, 128 with.</summary>
        public int MaxField
        {
            get { return _fields.Length - 1; }
        }

        /// <summary>The layout of field <paramref name="number"/>, or null when the profile does not use it.</summary>
        public FieldSpec Field(int number)
        {
            if (number < 0 || number >= _fields.Length) return null;
            return _fields[number];
        }
    }
}
