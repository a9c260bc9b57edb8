using System;

namespace PosTerminal.Link
{
    /// <summary>
    /// The frame around an ISO 8583 message: [length][TPDU][header][message]. The CUP POS convention is a
    /// 2-byte big-endian length, a 5-byte TPDU (ID 60, destination NII 2 bytes, source NII 2 bytes) and a
    /// 6-byte header (application type, software version, terminal status / processing requirement nibbles,
    /// software sub-version), e.g. 60 00 03 00 00 | 60 31 00 31 13 01. TPDU and header are optional.
    /// </summary>
    public sealed class FrameFormat
    {
        /// <summary>Length of a TPDU.</summary>
        public const int TpduLength = 5;

        /// <summary>TPDU ID byte for a transaction TPDU.</summary>
        public const byte TpduId = 0x60;

        private readonly byte[] _tpdu;
        private readonly byte[] _header;

        /// <summary>
        /// A frame format. <paramref name="tpdu"/> is 5 bytes or null; <paramref name="header"/> is 0-32 bytes or
        /// null; <paramref name="maxFrameLength"/> bounds the length field (what follows it), 32..65535. Arrays are copied.
        /// </summary>
        public FrameFormat(LengthHeader lengthHeader, byte[] tpdu, byte[] header, int maxFrameLength)
        {
            if (tpdu != null && tpdu.Length != TpduLength) throw new ArgumentException();
            if (header != null && header.Length > 32) throw new ArgumentException();
            int limit = lengthHeader == LengthHeader.Ascii4 ? 9999 : 65535;
            if (maxFrameLength < 32 || maxFrameLength > limit) throw new ArgumentOutOfRangeException();
            LengthHeader = lengthHeader;
            _tpdu = tpdu == null ? null : (byte[])tpdu.Clone();
            _header = header == null ? null : (byte[])header.Clone();
            MaxFrameLength = maxFrameLength;
        }

        /// <summary>How the length is written.</summary>
        public LengthHeader LengthHeader { get; }

        /// <summary>Largest value the length field may announce (bytes after the length field).</summary>
        public int MaxFrameLength { get; }

        /// <summary>True when frames carry a TPDU.</summary>
        public bool HasTpdu
        {
            get { return _tpdu != null; }
        }

        /// <summary>Bytes of the header after the TPDU (0 when none).</summary>
        public int HeaderLength
        {
            get { return _header == null ? 0 : _header.Length; }
        }

        /// <summary>Bytes taken by the length field.</summary>
        public int LengthBytes
        {
            get { return LengthHeader == LengthHeader.Ascii4 ? 4 : 2; }
        }

        /// <summary>Offset of the ISO 8583 message from the start of the frame.</summary>
        public int MessageOffset
        {
            get { return LengthBytes + (_tpdu == null ? 0 : TpduLength) + HeaderLength; }
        }

        /// <summary>Copies the configured TPDU into <paramref name="dst"/> (nothing when there is none).</summary>
        public void CopyTpdu(byte[] dst, int offset)
        {
            if (_tpdu != null) Array.Copy(_tpdu, 0, dst, offset, TpduLength);
        }

        /// <summary>Copies the configured header into <paramref name="dst"/>.</summary>
        public void CopyHeader(byte[] dst, int offset)
        {
            if (_header != null) Array.Copy(_header, 0, dst, offset, _header.Length);
        }

        /// <summary>A copy of the TPDU (null when none).</summary>
        public byte[] Tpdu
        {
            get { return _tpdu == null ? null : (byte[])_tpdu.Clone(); }
        }

        /// <summary>A copy of the header (null when none).</summary>
        public byte[] Header
        {
            get { return _header == null ? null : (byte[])_header.Clone(); }
        }
    }
}
