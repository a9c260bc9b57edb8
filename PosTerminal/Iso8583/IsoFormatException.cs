using System;

namespace PosTerminal.Iso8583
{
    /// <summary>
    /// Bytes do not match the message specification. Holds only numbers (error, field, offset) so that no
    /// card data can reach a log through it; the console, emulator or simulator turns it into text.
    /// </summary>
    public sealed class IsoFormatException : Exception
    {
        /// <summary>Field number used for the message type indicator.</summary>
        public const int MtiField = 0;

        /// <summary>Field number used for the bitmap(s).</summary>
        public const int BitmapField = 1;

        /// <summary>Creates the error; <paramref name="offset"/> is the byte offset in the message image.</summary>
        public IsoFormatException(IsoError error, int field, int offset)
        {
            Error = error;
            Field = field;
            Offset = offset;
        }

        /// <summary>What is wrong.</summary>
        public IsoError Error { get; }

        /// <summary>Field number (0 = MTI, 1 = bitmap, 2..128 = data element).</summary>
        public int Field { get; }

        /// <summary>Byte offset from the start of the message (the MTI) where decoding or encoding stopped.</summary>
        public int Offset { get; }
    }
}
