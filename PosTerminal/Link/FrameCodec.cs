using System;
using PosTerminal.Hal;
using PosTerminal.Util;

namespace PosTerminal.Link
{
    /// <summary>
    /// Writes and reads frames of a <see cref="FrameFormat"/>: [length][TPDU][header][ISO 8583 message].
    /// The length is checked against the format's maximum and the caller's buffer before a byte of the body
    /// is read, so a hostile length never causes a large read or an allocation.
    /// </summary>
    public sealed class FrameCodec
    {
        private readonly FrameFormat _format;
        private readonly IClock _clock;

        /// <summary>A codec for <paramref name="format"/>, timing reads with <paramref name="clock"/>.</summary>
        public FrameCodec(FrameFormat format, IClock clock)
        {
            if (format == null || clock == null) throw new ArgumentNullException();
            _format = format;
            _clock = clock;
        }

        /// <summary>The frame layout.</summary>
        public FrameFormat Format
        {
            get { return _format; }
        }

        /// <summary>
        /// Completes a request frame whose message was packed at <see cref="FrameFormat.MessageOffset"/>: writes the
        /// length, the configured TPDU and header. Returns the total frame length.
        /// </summary>
        public int Seal(byte[] frame, int messageLength)
        {
            int p = _format.LengthBytes;
            _format.CopyTpdu(frame, p);
            if (_format.HasTpdu) p += FrameFormat.TpduLength;
            _format.CopyHeader(frame, p);
            return WriteLength(frame, _format.MessageOffset - _format.LengthBytes + messageLength);
        }

        /// <summary>
        /// Completes a reply frame on the host side: the TPDU of <paramref name="request"/> with source and
        /// destination swapped (as jPOS NACChannel does), the request's header, and the length.
        /// </summary>
        public int SealReply(byte[] request, byte[] reply, int messageLength)
        {
            int p = _format.LengthBytes;
            if (_format.HasTpdu)
            {
                reply[p] = request[p];
                reply[p + 1] = request[p + 3];
                reply[p + 2] = request[p + 4];
                reply[p + 3] = request[p + 1];
                reply[p + 4] = request[p + 2];
                p += FrameFormat.TpduLength;
            }
            Array.Copy(request, p, reply, p, _format.HeaderLength);
            return WriteLength(reply, _format.MessageOffset - _format.LengthBytes + messageLength);
        }

        /// <summary>True when the reply's TPDU is the request's with source and destination swapped (or there is no TPDU).</summary>
        public bool IsReplyTpdu(byte[] request, byte[] reply)
        {
            if (!_format.HasTpdu) return true;
            int p = _format.LengthBytes;
            return reply[p] == request[p]
                && reply[p + 1] == request[p + 3] && reply[p + 2] == request[p + 4]
                && reply[p + 3] == request[p + 1] && reply[p + 4] == request[p + 2];
        }

        /// <summary>
        /// Reads one frame into <paramref name="frame"/> (length field included) before <paramref name="deadline"/>.
        /// Returns Ok with <paramref name="frameLength"/> set; KeepAlive for a zero length; ProtocolError when the
        /// length is malformed, shorter than TPDU + header + 1, above the maximum, or larger than the buffer.
        /// </summary>
        public LinkStatus ReadFrame(IByteLink link, byte[] frame, Deadline deadline, out int frameLength)
        {
            frameLength = 0;
            int lengthBytes = _format.LengthBytes;
            LinkStatus s = ReadExactly(link, frame, 0, lengthBytes, deadline);
            if (s != LinkStatus.Ok) return s;
            int len;
            if (_format.LengthHeader == LengthHeader.Binary2)
            {
                len = Bytes.ReadUInt16BE(frame, 0);
            }
            else
            {
                len = (int)Ascii.ParseNumber(frame, 0, 4);
                if (len < 0) return LinkStatus.ProtocolError;
            }
            if (len == 0) return LinkStatus.KeepAlive;
            int minimum = _format.MessageOffset - lengthBytes + 1;
            if (len < minimum || len > _format.MaxFrameLength || lengthBytes + len > frame.Length) return LinkStatus.ProtocolError;
            s = ReadExactly(link, frame, lengthBytes, len, deadline);
            if (s == LinkStatus.Ok) frameLength = lengthBytes + len;
            return s;
        }

        /// <summary>Reads exactly <paramref name="count"/> bytes before the deadline.</summary>
        public LinkStatus ReadExactly(IByteLink link, byte[] buffer, int offset, int count, Deadline deadline)
        {
            int got = 0;
            while (got < count)
            {
                int remaining = deadline.RemainingMs(_clock);
                if (remaining <= 0) return LinkStatus.Timeout;
                int n;
                LinkStatus s = link.Read(buffer, offset + got, count - got, remaining, out n);
                if (s != LinkStatus.Ok) return s;
                got += n;
            }
            return LinkStatus.Ok;
        }

        private int WriteLength(byte[] frame, int length)
        {
            if (length > _format.MaxFrameLength) throw new ArgumentOutOfRangeException();
            if (_format.LengthHeader == LengthHeader.Binary2) Bytes.WriteUInt16BE(length, frame, 0);
            else Ascii.WriteNumber(length, 4, frame, 0);
            return _format.LengthBytes + length;
        }
    }
}
