using System;

namespace PosTerminal.Emv
{
    /// <summary>
    /// Bytes that are not well-formed BER-TLV, or a TLV that does not fit the output. Holds only numbers (error, tag,
    /// offset), like <see cref="PosTerminal.Iso8583.IsoFormatException"/>, so no card data can reach a log through it.
    /// </summary>
    public sealed class TlvFormatException : Exception
    {
        /// <summary>Creates the error; <paramref name="offset"/> is relative to the start of the TLV data.</summary>
        public TlvFormatException(TlvError error, int tag, int offset)
        {
            Error = error;
            Tag = tag;
            Offset = offset;
        }

        /// <summary>What is wrong.</summary>
        public TlvError Error { get; }

        /// <summary>The tag being read or written, as far as it was read (big-endian bytes, e.g. 0x9F26); 0 when none was.</summary>
        public int Tag { get; }

        /// <summary>Byte offset from the start of the TLV data (the offset given to the reader or writer).</summary>
        public int Offset { get; }
    }
}
