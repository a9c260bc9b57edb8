#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Config;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Storage;
using PosTerminal.Tests.Config;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Txn
{
    /// <summary>
    /// Echo tests: the link test over every configured host, the keep-alive echo after the idle interval on a kept
    /// connection, the echo message per profile, and a saved configuration applied to the terminal.
    /// </summary>
    [TestClass]
    public class EchoTests
    {
        private const string Track = ";6212260000123456782=30121011234567890?";

        private sealed class Fixture
        {
            public ManualClock Clock = new ManualClock();
            public MemoryStore Store = new MemoryStore();
            public ScriptedConnector Connector = new ScriptedConnector();
            public AcquirerProfile Profile = AcquirerProfile.Cup;
            public FakeHost Host;
            public string Rc = "00";
            public bool Silent;
            public int Requests;

            public ScriptedLink Link()
            {
                ScriptedLink link = new ScriptedLink(Clock);
                Host = new FakeHost(new FrameCodec(Profile.DefaultFrame, Clock), Profile.Spec);
                link.OnWrite = OnWrite;
                return link;
            }

            public Terminal Build(LinkSettings link)
            {
                TerminalSettings s = new TerminalSettings(Profile, "88880001", "898310048990001", "TEST SHOP", "156", link);
                s = s.WithSecurity(NoSecurity.For(Profile));
                return new Terminal(s, Connector, Clock, Store, null);
            }

            private void OnWrite(ScriptedLink link, byte[] written, int length)
            {
                IsoMessage rq = Host.Decode(written, length);
                Requests++;
                if (!Silent) link.Enqueue(Host.Answer(rq, Rc, 10, null));
            }
        }

        private static TxnOutcome Sale(Terminal t)
        {
            byte[] tr = Ascii.GetBytes(Track);
            CardData card;
            Assert.AreEqual((int)Track2Status.Ok, (int)Track2.TryParse(tr, 0, tr.Length, EntryMethod.Swipe, out card));
            using (card) return t.Sale(card, 100);
        }

        private static LinkSettings Hosts(AcquirerProfile profile, int count)
        {
            HostEndpoint[] h = new HostEndpoint[count];
            for (int i = 0; i < count; i++) h[i] = new HostEndpoint("192.168.1." + (10 + i).ToString(), 5800);
            return new LinkSettings(h, 1000, 5000, profile.DefaultFrame);
        }

        [TestMethod]
        public void LinkTest_DeadPrimary_EachHostReported()
        {
            Fixture f = new Fixture();
            f.Connector.Fail("192.168.1.10", 5800, LinkStatus.Refused);
            f.Connector.Accept("192.168.1.11", 5800, f.Link());
            Terminal t = f.Build(Hosts(f.Profile, 3));     // the third host is unreachable
            EchoOutcome[] r = t.LinkTest();
            Assert.AreEqual(3, r.Length);

            Assert.AreEqual((int)EchoResult.NotConnected, (int)r[0].Result);
            Assert.AreEqual((int)LinkStatus.Refused, (int)r[0].ConnectStatus);
            Assert.AreEqual(0, r[0].HostIndex);
            Assert.AreEqual("192.168.1.10:5800", r[0].Host.ToString());
            Assert.IsFalse(r[0].Answered);
            Assert.IsNull(r[0].ResponseCode);

            Assert.AreEqual((int)EchoResult.Ok, (int)r[1].Result);
            Assert.AreEqual((int)LinkStatus.Ok, (int)r[1].ConnectStatus);
            Assert.AreEqual(1, r[1].HostIndex);
            Assert.AreEqual("00", r[1].ResponseCode);
            Assert.IsTrue(r[1].Answered);
            Assert.IsTrue(r[1].RoundTripMs >= 0);

            Assert.AreEqual((int)EchoResult.NotConnected, (int)r[2].Result);
            Assert.AreEqual((int)LinkStatus.Unreachable, (int)r[2].ConnectStatus);

            // 0820 with F11, F41, F42 and F60 = 00 + batch + 301 (回响测试); no processing code, no MAC
            IsoMessage rq = f.Host.LastRequest;
            Assert.AreEqual(820, rq.Mti);
            Assert.AreEqual("00000001301", rq.GetString(IsoField.Reserved60));
            Assert.AreEqual(Ascii.Number(r[1].Stan, 6), rq.GetString(IsoField.Stan));
            Assert.AreEqual("88880001", rq.GetString(IsoField.TerminalId));
            Assert.AreEqual("898310048990001", rq.GetString(IsoField.MerchantId));
            Assert.IsFalse(rq.Has(IsoField.ProcessingCode));
            Assert.IsFalse(rq.Has(IsoField.Mac));
            Assert.IsTrue(r[0].Stan != r[1].Stan && r[1].Stan != r[2].Stan);   // each echo takes a trace number
        }

        [TestMethod]
        public void LinkTest_Iso87Ascii_0800WithF70EchoCode()
        {
            Fixture f = new Fixture();
            f.Profile = AcquirerProfile.Iso87Ascii;
            f.Connector.Accept("192.168.1.10", 5800, f.Link());
            Terminal t = f.Build(Hosts(f.Profile, 1));
            EchoOutcome[] r = t.LinkTest();
            Assert.AreEqual((int)EchoResult.Ok, (int)r[0].Result);
            IsoMessage rq = f.Host.LastRequest;
            Assert.AreEqual(800, rq.Mti);
            Assert.AreEqual("301", rq.GetString(IsoField.NetworkCode));
            Assert.AreEqual("1127023015", rq.GetString(IsoField.TransmissionDateTime));   // GMT: the test clock is UTC+8
            Assert.IsFalse(rq.Has(IsoField.Reserved60));
            Assert.IsFalse(rq.Has(IsoField.Mac2));
        }

        [TestMethod]
        public void LinkTest_HostDeclinesOrIsSilent_Reported()
        {
            Fixture f = new Fixture();
            f.Rc = "96";
            f.Connector.Accept("192.168.1.10", 5800, f.Link());
            Terminal t = f.Build(Hosts(f.Profile, 1));
            EchoOutcome o = t.LinkTest()[0];
            Assert.AreEqual((int)EchoResult.Declined, (int)o.Result);
            Assert.AreEqual("96", o.ResponseCode);
            Assert.IsTrue(o.Answered);

            f.Silent = true;
            o = t.LinkTest()[0];
            Assert.AreEqual((int)EchoResult.NoResponse, (int)o.Result);
            Assert.AreEqual(5000, o.RoundTripMs);
        }

        [TestMethod]
        public void LinkTest_StanCannotBeSaved_Fault_NothingSent()
        {
            Fixture f = new Fixture();
            f.Connector.Accept("192.168.1.10", 5800, f.Link());
            Terminal t = f.Build(Hosts(f.Profile, 1));
            f.Store.CutAfterBytes = 0;
            EchoOutcome o = t.LinkTest()[0];
            Assert.AreEqual((int)EchoResult.Fault, (int)o.Result);
            Assert.AreEqual(0, f.Requests);
        }

        [TestMethod]
        public void KeepAlive_PerTransactionOrNoInterval_Off()
        {
            Fixture f = new Fixture();
            Terminal t = f.Build(Hosts(f.Profile, 1));
            f.Clock.Advance(3600000);
            Assert.AreEqual((int)KeepAliveStatus.Off, (int)t.KeepAlive());
            t.Settings = t.Settings.WithLink(t.Settings.Link.WithConnection(ConnectionMode.Kept, 0));
            Assert.AreEqual((int)KeepAliveStatus.Off, (int)t.KeepAlive());
            Assert.AreEqual(0, f.Connector.Attempts.Count);
            Assert.IsNull(t.LastEcho);
        }

        [TestMethod]
        public void KeepAlive_EchoOnlyAfterTheIdleInterval_OverTheKeptConnection()
        {
            Fixture f = new Fixture();
            ScriptedLink link = f.Link();
            f.Connector.Accept("192.168.1.10", 5800, link);
            Terminal t = f.Build(Hosts(f.Profile, 1).WithConnection(ConnectionMode.Kept, 60000));
            TxnOutcome sale = Sale(t);
            Assert.AreEqual((int)TxnResult.Approved, (int)sale.Result);
            Assert.IsTrue(t.LinkConnected);
            Assert.AreEqual(0, t.ConnectedHostIndex);

            f.Clock.Advance(59999);
            Assert.AreEqual((int)KeepAliveStatus.NotDue, (int)t.KeepAlive());
            Assert.AreEqual(1, f.Requests);
            f.Clock.Advance(1);
            Assert.AreEqual((int)KeepAliveStatus.Echoed, (int)t.KeepAlive());
            Assert.AreEqual(2, f.Requests);
            Assert.AreEqual(820, f.Host.LastRequest.Mti);
            EchoOutcome echo = t.LastEcho;
            Assert.AreEqual((int)EchoResult.Ok, (int)echo.Result);
            Assert.IsTrue(echo.Reused);
            Assert.AreEqual(0, echo.HostIndex);
            Assert.AreEqual(sale.Stan + 1, echo.Stan);
            Assert.AreEqual(1, f.Connector.Attempts.Count);  // one TCP connection for the sale and the echo
            Assert.AreEqual((int)KeepAliveStatus.NotDue, (int)t.KeepAlive());
            Assert.IsFalse(link.Disposed);
            t.CloseLink();
            Assert.IsTrue(link.Disposed);
            Assert.IsFalse(t.LinkConnected);
        }

        [TestMethod]
        public void KeepAlive_NoConnectionYet_EchoOpensOne_FailureRetriedAfterAnInterval()
        {
            Fixture f = new Fixture();
            f.Connector.Fail("192.168.1.10", 5800, LinkStatus.Refused);
            Terminal t = f.Build(Hosts(f.Profile, 1).WithConnection(ConnectionMode.Kept, 30000));
            f.Clock.Advance(30000);
            Assert.AreEqual((int)KeepAliveStatus.Failed, (int)t.KeepAlive());
            Assert.AreEqual((int)EchoResult.NotConnected, (int)t.LastEcho.Result);
            Assert.AreEqual((int)LinkStatus.Refused, (int)t.LastEcho.ConnectStatus);
            Assert.AreEqual((int)KeepAliveStatus.NotDue, (int)t.KeepAlive());   // not hammering a dead host
            Assert.AreEqual(1, f.Connector.Attempts.Count);
            f.Clock.Advance(30000);
            Assert.AreEqual((int)KeepAliveStatus.Failed, (int)t.KeepAlive());
            Assert.AreEqual(2, f.Connector.Attempts.Count);
        }

        [TestMethod]
        public void Config_SavedAndApplied_NextSaleUsesIt()
        {
            Fixture f = new Fixture();
            ScriptedLink link = f.Link();
            f.Connector.Accept("10.9.9.9", 6000, link);
            Terminal t = f.Build(Hosts(f.Profile, 1));
            t.Settings = t.Settings.WithReadCapability("5");

            ConfigStore store = new ConfigStore(new RecordStore(f.Store));
            ConfigEditor e = new ConfigEditor(store, store.Load().Config);
            ConfigEditorTests.Ok(e.SetHost(0, "10.9.9.9:6000"));
            ConfigEditorTests.Ok(e.SetTerminalId("12345678"));
            ConfigEditorTests.Ok(e.SetMerchantId("123456789012345"));
            ConfigEditorTests.Ok(e.SetMerchantName("NEW SHOP"));
            ConfigEditorTests.Ok(e.Save());
            ConfigEditorTests.Ok(new ConfigStore(new RecordStore(f.Store)).Load().Config.ApplyTo(t));
            Assert.AreEqual("5", t.Settings.ReadCapability);        // a board property: kept
            t.Settings = t.Settings.WithSecurity(NoSecurity.For(f.Profile));

            TxnOutcome o = Sale(t);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual("10.9.9.9:6000", o.Host);
            Assert.AreEqual("12345678", f.Host.LastRequest.GetString(IsoField.TerminalId));
            Assert.AreEqual("123456789012345", f.Host.LastRequest.GetString(IsoField.MerchantId));
            Assert.IsTrue(o.Receipt.IndexOf("NEW SHOP") >= 0);

            TerminalSettings before = t.Settings;
            Assert.AreEqual((int)ConfigStatus.Incomplete, (int)TerminalConfig.Defaults().ApplyTo(t));
            Assert.IsTrue(before == t.Settings);                       // an incomplete configuration changes nothing
        }

        [TestMethod]
        public void Counters_SetNextStanAndBatch_ValidatedAndPersisted()
        {
            MemoryStore medium = new MemoryStore();
            TerminalCounters c = new TerminalCounters(new RecordStore(medium));
            Assert.AreEqual(1, c.UpcomingStan);
            Assert.IsTrue(c.SetNextStan(500));
            Assert.AreEqual(500, c.UpcomingStan);
            Assert.IsTrue(c.SetBatch(42));
            TerminalCounters again = new TerminalCounters(new RecordStore(medium));
            Assert.AreEqual(500, again.NextStan());
            Assert.AreEqual(42, again.Batch);
            Assert.IsTrue(again.SetNextStan(1));
            Assert.AreEqual(1, again.NextStan());
            Assert.IsTrue(again.SetNextStan(999999));
            Assert.AreEqual(999999, again.NextStan());
            Assert.AreEqual(1, again.NextStan());
            Assert.IsFalse(TerminalCounters.IsValid(0));
            Assert.IsFalse(TerminalCounters.IsValid(1000000));
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { again.SetNextStan(0); });
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { again.SetBatch(1000000); });
            medium.CutAfterBytes = 2;
            Assert.IsFalse(again.SetNextStan(77));
            Assert.AreEqual(2, again.UpcomingStan);                   // unchanged when the store failed
        }
    }
}
