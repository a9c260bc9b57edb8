#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Iso8583.Profiles;
using PosTerminal.Link;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Link
{
    /// <summary>Exchanges over in-memory connections: failover, matching, unmatched and undecodable frames, timeouts.</summary>
    [TestClass]
    public class AcquirerLinkTests
    {
        private static LinkSettings Settings(int hosts)
        {
            HostEndpoint[] h = new HostEndpoint[hosts];
            for (int i = 0; i < hosts; i++) h[i] = new HostEndpoint("10.0.0." + (i + 1).ToString(), 5000 + i);
            return new LinkSettings(h, 1000, 5000, AcquirerProfile.Cup.DefaultFrame);
        }

        private static IsoMessage Request()
        {
            IsoMessage m = new IsoMessage(CupSpec.Spec);
            m.Mti = 200;
            m.Set(IsoField.ProcessingCode, "000000");
            m.SetNumber(IsoField.Amount, 100);
            m.SetNumber(IsoField.Stan, 42);
            m.Set(IsoField.TerminalId, "88880001");
            m.Set(IsoField.MerchantId, "898310048990001");
            return m;
        }

        private sealed class Answerer
        {
            public FakeHost Host;
            public string Rc = "00";
            public int Delta = 10;
            public string Stan;
            public bool Garbage;
            public bool Silent;

            public void OnWrite(ScriptedLink link, byte[] written, int length)
            {
                IsoMessage rq = Host.Decode(written, length);
                if (Silent) return;
                if (Garbage) link.Enqueue(Hex.Decode("000F 6000000003 603100000001 0210 FFFF"));
                link.Enqueue(Host.Answer(rq, Rc, Delta, Stan));
            }
        }

        private static Answerer Answering(ManualClock clock, ScriptedLink link)
        {
            Answerer a = new Answerer();
            a.Host = new FakeHost(new FrameCodec(AcquirerProfile.Cup.DefaultFrame, clock), CupSpec.Spec);
            link.OnWrite = a.OnWrite;
            return a;
        }

        [TestMethod]
        public void Exchange_PrimaryAnswers_MatchedResponseDecoded()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            Answering(clock, link);
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, link);
            AcquirerLink al = new AcquirerLink(c, clock, Settings(2), null);
            IsoMessage resp = new IsoMessage(CupSpec.Spec);
            ExchangeResult r = al.Exchange(Request(), resp);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)r.Status);
            Assert.AreEqual(0, r.HostIndex);
            Assert.AreEqual(210, resp.Mti);
            Assert.AreEqual("00", resp.GetString(IsoField.ResponseCode));
            Assert.IsTrue(link.Disposed);
            Assert.AreEqual(1, c.Attempts.Count);
        }

        [TestMethod]
        [DataRow(3)]   // Refused
        [DataRow(4)]   // Unreachable
        [DataRow(1)]   // Timeout
        public void Exchange_PrimaryFails_BackupServes(int primaryStatus)
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            Answering(clock, link);
            ScriptedConnector c = new ScriptedConnector();
            c.Fail("10.0.0.1", 5000, (LinkStatus)primaryStatus);
            c.Accept("10.0.0.2", 5001, link);
            AcquirerLink al = new AcquirerLink(c, clock, Settings(2), null);
            ExchangeResult r = al.Exchange(Request(), new IsoMessage(CupSpec.Spec));
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)r.Status);
            Assert.AreEqual(1, r.HostIndex);
            Assert.AreEqual("10.0.0.2:5001", r.Host.ToString());
            Assert.AreEqual(2, r.HostsTried);
            Assert.AreEqual(primaryStatus, (int)r.ConnectStatus(0));
        }

        [TestMethod]
        public void Exchange_NoHostReachable_NotConnectedAndNothingSent()
        {
            ManualClock clock = new ManualClock();
            ScriptedConnector c = new ScriptedConnector();
            c.Fail("10.0.0.1", 5000, LinkStatus.Refused);
            c.Fail("10.0.0.2", 5001, LinkStatus.Refused);
            AcquirerLink al = new AcquirerLink(c, clock, Settings(4), null);
            ExchangeResult r = al.Exchange(Request(), new IsoMessage(CupSpec.Spec));
            Assert.AreEqual((int)ExchangeStatus.NotConnected, (int)r.Status);
            Assert.AreEqual(-1, r.HostIndex);
            Assert.AreEqual(4, r.HostsTried);
            Assert.AreEqual((int)LinkStatus.Unreachable, (int)r.ConnectStatus(3));
        }

        [TestMethod]
        public void Exchange_NoAnswer_NoResponseAfterResponseTimeout()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            Answering(clock, link).Silent = true;
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, link);
            AcquirerLink al = new AcquirerLink(c, clock, Settings(1), null);
            ExchangeResult r = al.Exchange(Request(), new IsoMessage(CupSpec.Spec));
            Assert.AreEqual((int)ExchangeStatus.NoResponse, (int)r.Status);
            Assert.AreEqual(5000, r.RoundTripMs);
        }

        [TestMethod]
        public void Exchange_HostClosesWithoutAnswer_LinkLost()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            link.CloseWhenEmpty = true;
            Answering(clock, link).Silent = true;
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, link);
            ExchangeResult r = new AcquirerLink(c, clock, Settings(1), null).Exchange(Request(), new IsoMessage(CupSpec.Spec));
            Assert.AreEqual((int)ExchangeStatus.LinkLost, (int)r.Status);
        }

        [TestMethod]
        public void Exchange_SendFails_SendFailed()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            link.WriteStatus = LinkStatus.Closed;
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, link);
            ExchangeResult r = new AcquirerLink(c, clock, Settings(1), null).Exchange(Request(), new IsoMessage(CupSpec.Spec));
            Assert.AreEqual((int)ExchangeStatus.SendFailed, (int)r.Status);
            Assert.IsTrue(link.Disposed);
        }

        [TestMethod]
        [DataRow(20, null)]        // MTI 0220 instead of 0210
        [DataRow(10, "000043")]    // another STAN
        public void Exchange_NonMatchingReply_IsUnmatchedNotTheAnswer(int delta, string stan)
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            Answerer a = Answering(clock, link);
            a.Delta = delta;
            a.Stan = stan;
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, link);
            ExchangeResult r = new AcquirerLink(c, clock, Settings(1), null).Exchange(Request(), new IsoMessage(CupSpec.Spec));
            Assert.AreEqual((int)ExchangeStatus.NoResponse, (int)r.Status);
            Assert.AreEqual(1, r.Unmatched);
        }

        [TestMethod]
        public void Exchange_UndecodableFrameThenAnswer_DropsFrameKeepsLink()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            Answering(clock, link).Garbage = true;
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, link);
            IsoMessage resp = new IsoMessage(CupSpec.Spec);
            ExchangeResult r = new AcquirerLink(c, clock, Settings(1), null).Exchange(Request(), resp);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)r.Status);
            Assert.AreEqual(1, r.FormatErrors);
            Assert.AreEqual("00", resp.GetString(IsoField.ResponseCode));
        }

        [TestMethod]
        public void Exchange_HostileLength_DropsLink()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            link.Enqueue(Hex.Decode("FFFF"));
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, link);
            ExchangeResult r = new AcquirerLink(c, clock, Settings(1), null).Exchange(Request(), new IsoMessage(CupSpec.Spec));
            Assert.AreEqual((int)ExchangeStatus.LinkLost, (int)r.Status);
            Assert.AreEqual((int)LinkStatus.ProtocolError, (int)r.LinkStatus);
        }

        [TestMethod]
        public void ResponseMatcher_RequiresMtiPlusTenAndKeyFields()
        {
            IsoMessage rq = Request();
            IsoMessage rs = new IsoMessage(CupSpec.Spec);
            rs.CopyFrom(rq);
            rs.Mti = 210;
            Assert.IsTrue(ResponseMatcher.Matches(rq, rs));
            int[] keys = { IsoField.ProcessingCode, IsoField.Amount, IsoField.Stan, IsoField.TerminalId, IsoField.MerchantId };
            for (int i = 0; i < keys.Length; i++)
            {
                IsoMessage bad = new IsoMessage(CupSpec.Spec);
                bad.CopyFrom(rs);
                bad.Remove(keys[i]);
                Assert.IsFalse(ResponseMatcher.Matches(rq, bad));
            }
            rs.SetNumber(IsoField.Amount, 101);
            Assert.IsFalse(ResponseMatcher.Matches(rq, rs));
        }
    }
}
