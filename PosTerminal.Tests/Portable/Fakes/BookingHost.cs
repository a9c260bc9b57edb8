using System.Collections;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// An in-memory acquirer with books, for journal tests: each connect gets a fresh <see cref="ScriptedLink"/>; each
    /// request takes the next scripted action ("00", "12", "25", "05"... = answer with that code; "silent" = no
    /// answer; "close" = close without answer; "late" = hold the answer and deliver it first on the next connection;
    /// "refuse" = the connect itself fails). Without a script: 00, and for a reversal 00 when the original is charged,
    /// 25 when not. The books: trace numbers of sales the host charged (it got them and approved them, whether the
    /// terminal heard the answer or not), minus those reversed.
    /// </summary>
    public sealed class BookingHost : ILinkConnector
    {
        private readonly ManualClock _clock;
        private readonly AcquirerProfile _profile;
        private readonly FakeHost _codec;
        private byte[] _late;

        /// <summary>A host for terminals of <paramref name="profile"/>, timed by <paramref name="clock"/>.</summary>
        public BookingHost(AcquirerProfile profile, ManualClock clock)
        {
            _clock = clock;
            _profile = profile;
            _codec = new FakeHost(new FrameCodec(profile.DefaultFrame, clock), profile.Spec);
        }

        /// <summary>Actions for the next requests (strings), consumed in order.</summary>
        public readonly ArrayList Script = new ArrayList();

        /// <summary>Every request received, decoded (IsoMessage).</summary>
        public readonly ArrayList Requests = new ArrayList();

        /// <summary>Trace numbers (int) of sales charged and not reversed.</summary>
        public readonly ArrayList Charged = new ArrayList();

        /// <summary>Called with each request as it arrives, before it is answered.</summary>
        public RequestHook OnRequest;

        /// <summary>Sees a request.</summary>
        public delegate void RequestHook(IsoMessage request);

        /// <summary>Reversals that undid a charge.</summary>
        public int Reversed;

        /// <summary>Answer settlements with 95 and F48 code 2 (totals disagree).</summary>
        public bool Unbalanced;

        /// <summary>Processing-requirement nibble for the response header (0 = none).</summary>
        public int ProcessingRequirement;

        /// <summary>The last request, or null.</summary>
        public IsoMessage Last
        {
            get { return Requests.Count == 0 ? null : (IsoMessage)Requests[Requests.Count - 1]; }
        }

        /// <summary>Requests with MTI <paramref name="mti"/>.</summary>
        public int Count(int mti)
        {
            int n = 0;
            for (int i = 0; i < Requests.Count; i++)
            {
                if (((IsoMessage)Requests[i]).Mti == mti) n++;
            }
            return n;
        }

        /// <summary>Connects by the script.</summary>
        public LinkStatus Connect(string host, int port, int timeoutMs, out IByteLink link)
        {
            link = null;
            if (Script.Count > 0 && (string)Script[0] == "refuse")
            {
                Script.RemoveAt(0);
                return LinkStatus.Refused;
            }
            ScriptedLink l = new ScriptedLink(_clock);
            l.OnWrite = OnWrite;
            if (_late != null)
            {
                l.Enqueue(_late);
                _late = null;
            }
            link = l;
            return LinkStatus.Ok;
        }

        private void OnWrite(ScriptedLink link, byte[] written, int length)
        {
            IsoMessage rq = _codec.Decode(written, length);
            Requests.Add(rq);
            if (OnRequest != null) OnRequest(rq);
            int stan = (int)rq.GetNumber(IsoField.Stan);
            string action;
            if (Script.Count > 0)
            {
                action = (string)Script[0];
                Script.RemoveAt(0);
            }
            else
            {
                action = rq.Mti == AcquirerProfile.ReversalMti && Charged.IndexOf(stan) < 0 ? "25" : "00";
            }
            bool answers = action != "silent" && action != "close" && action != "late";
            if (rq.Mti == 200 && rq.ValueEquals(IsoField.ProcessingCode, "000000") && (action == "00" || !answers)) Charged.Add(stan);
            if (rq.Mti == AcquirerProfile.ReversalMti && (action == "00" || action == "12" || action == "25") && Charged.IndexOf(stan) >= 0)
            {
                Charged.Remove(stan);
                Reversed++;
            }
            if (action == "close") link.CloseWhenEmpty = true;
            if (!answers && action != "late") return;
            byte[] answer = Answer(rq, answers ? action : "00");
            if (action == "late") _late = answer;
            else link.Enqueue(answer);
        }

        private byte[] Answer(IsoMessage rq, string rc)
        {
            string f48 = null;
            if (rq.Mti == AcquirerProfile.SettlementMti)
            {
                string sent = rq.GetString(IsoField.AdditionalData);
                f48 = sent.Substring(0, 30) + (Unbalanced ? "2" : "1") + sent.Substring(31);
                if (Unbalanced && rc == "00") rc = "95";
            }
            if (rq.Mti == 200 && rq.ValueEquals(IsoField.ProcessingCode, "310000")) f48 = "1002156C000000012345";
            byte[] frame = _codec.AnswerWith(rq, rc, f48 == null ? 0 : rq.Mti == 200 ? IsoField.AdditionalAmounts : IsoField.AdditionalData, f48);
            if (ProcessingRequirement != 0 && _profile.DefaultFrame.HeaderLength >= 3)
            {
                int at = _profile.DefaultFrame.LengthBytes + (_profile.DefaultFrame.HasTpdu ? FrameFormat.TpduLength : 0) + 2;
                frame[at] = (byte)((frame[at] & 0xF0) | ProcessingRequirement);
            }
            return frame;
        }
    }

    /// <summary>
    /// A store that loses power: the write <see cref="MemoryStore"/> cuts is the last one; every write after it fails
    /// without touching the medium, as nothing runs after a power cut. <see cref="Lengths"/> records each write's size.
    /// </summary>
    public sealed class PowerCutStore : INonVolatileStore
    {
        /// <summary>The medium.</summary>
        public readonly MemoryStore Medium = new MemoryStore();

        /// <summary>Sizes (int) of the writes made, in order.</summary>
        public readonly ArrayList Lengths = new ArrayList();

        /// <summary>True once the power is gone.</summary>
        public bool Dead;

        /// <summary>Cuts the power <paramref name="bytes"/> bytes into the write after <paramref name="completeWrites"/> more complete ones.</summary>
        public void CutAt(int completeWrites, int bytes)
        {
            Medium.CompleteWritesBeforeCut = completeWrites;
            Medium.CutAfterBytes = bytes;
        }

        /// <summary>Power back: writes work again (a new boot).</summary>
        public void Restore()
        {
            Dead = false;
            Medium.CutAfterBytes = -1;
            Medium.CompleteWritesBeforeCut = 0;
        }

        /// <summary>Reads the medium.</summary>
        public int Read(string name, byte[] buffer, int offset, int count)
        {
            return Medium.Read(name, buffer, offset, count);
        }

        /// <summary>Writes unless the power is gone.</summary>
        public bool Write(string name, byte[] buffer, int offset, int count)
        {
            if (Dead) return false;
            Lengths.Add(count);
            if (Medium.Write(name, buffer, offset, count)) return true;
            Dead = true;
            return false;
        }
    }
}
