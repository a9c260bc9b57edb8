using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Tests.Fakes;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// Builds host replies for in-memory link tests: decodes the request the terminal wrote and frames an
    /// answer (MTI + 10, key fields echoed, the given response code) with the TPDU swapped, as a host does.
    /// </summary>
    public sealed class FakeHost
    {
        private readonly FrameCodec _codec;
        private readonly MessageSpec _spec;

        /// <summary>A host speaking <paramref name="spec"/> in frames of <paramref name="codec"/>.</summary>
        public FakeHost(FrameCodec codec, MessageSpec spec)
        {
            _codec = codec;
            _spec = spec;
        }

        /// <summary>Number of requests decoded.</summary>
        public int Requests;

        /// <summary>The last request decoded.</summary>
        public IsoMessage LastRequest;

        /// <summary>Decodes the request frame at the end of <paramref name="written"/> (the whole write history).</summary>
        public IsoMessage Decode(byte[] written, int length)
        {
            // the last frame written: walk frames from the start
            int at = 0;
            int frameStart = 0;
            while (at < length)
            {
                frameStart = at;
                at += _codec.Format.LengthBytes + ((written[at] << 8) | written[at + 1]);
            }
            IsoMessage m = new IsoMessage(_spec);
            int msg = frameStart + _codec.Format.MessageOffset;
            IsoCodec.Unpack(written, msg, at - msg, m);
            Requests++;
            LastRequest = m;
            return m;
        }

        /// <summary>A framed answer to <paramref name="request"/> with response code <paramref name="rc"/>; <paramref name="mtiDelta"/> 10 for a proper answer.</summary>
        public byte[] Answer(IsoMessage request, string rc, int mtiDelta, string stanOverride)
        {
            return Build(request, rc, mtiDelta, stanOverride, 0, null);
        }

        /// <summary>A proper answer (MTI + 10) with <paramref name="rc"/> and, when <paramref name="field"/> is not 0, that field set to <paramref name="value"/>.</summary>
        public byte[] AnswerWith(IsoMessage request, string rc, int field, string value)
        {
            return Build(request, rc, 10, null, field, value);
        }

        private byte[] Build(IsoMessage request, string rc, int mtiDelta, string stanOverride, int field, string value)
        {
            IsoMessage r = new IsoMessage(_spec);
            r.Mti = request.Mti + mtiDelta;
            int[] echo = { IsoField.ProcessingCode, IsoField.Amount, IsoField.Stan, IsoField.TerminalId, IsoField.MerchantId };
            for (int i = 0; i < echo.Length; i++)
            {
                if (request.Has(echo[i])) r.CopyField(echo[i], request);
            }
            if (stanOverride != null) r.Set(IsoField.Stan, stanOverride);
            r.Set(IsoField.Rrn, "123456789012");
            if (rc == "00") r.Set(IsoField.AuthCode, "654321");
            r.Set(IsoField.ResponseCode, rc);
            if (field != 0) r.Set(field, value);
            byte[] frame = new byte[2048];
            int len = IsoCodec.Pack(r, frame, _codec.Format.MessageOffset);
            byte[] requestFrame = new byte[64];
            _codec.Seal(requestFrame, 0);   // a request envelope with our TPDU, so the reply swaps it
            int total = _codec.SealReply(requestFrame, frame, len);
            byte[] result = new byte[total];
            System.Array.Copy(frame, result, total);
            return result;
        }
    }
}
