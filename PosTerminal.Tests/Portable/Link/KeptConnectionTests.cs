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
    /// <summary>
    /// The kept connection: reused across exchanges, replaced (with fail-over) when the host dropped it, closed after a
    /// timeout or a settings change; single-host exchanges for the link test; TLS asked of a connector that has none.
    /// </summary>
    [TestClass]
    public class KeptConnectionTests
    {
        // A connector that can do TLS: records which kind of connection was asked for.
        private sealed class TlsConnector : ITlsLinkConnector
        {
            public ScriptedLink Link;
            public int Plain;
            public int Tls;

            public LinkStatus Connect(string host, int port, int timeoutMs, out IByteLink link)
            {
                Plain++;
                link = Link;
                return LinkStatus.Ok;
            }

            public LinkStatus ConnectTls(string host, int port, int timeoutMs, out IByteLink link)
            {
                Tls++;
                link = Link;
                return LinkStatus.Ok;
            }
        }

        private static LinkSettings Kept(int hosts)
        {
            HostEndpoint[] h = new HostEndpoint[hosts];
            for (int i = 0; i < hosts; i++) h[i] = new HostEndpoint("10.0.0." + (i + 1).ToString(), 5000 + i);
            return new LinkSettings(h, 1000, 5000, AcquirerProfile.Cup.DefaultFrame).WithConnection(ConnectionMode.Kept, 30000);
        }

        private static int s_stan;

        private static IsoMessage Request()
        {
            IsoMessage m = new IsoMessage(CupSpec.Spec);
            m.Mti = 200;
            m.Set(IsoField.ProcessingCode, "000000");
            m.SetNumber(IsoField.Amount, 100);
            m.SetNumber(IsoField.Stan, ++s_stan);
            m.Set(IsoField.TerminalId, "88880001");
            m.Set(IsoField.MerchantId, "898310048990001");
            return m;
        }

        private sealed class Answerer
        {
            public FakeHost Host;

            public void OnWrite(ScriptedLink link, byte[] written, int length)
            {
                link.Enqueue(Host.Answer(Host.Decode(written, length), "00", 10, null));
            }
        }

        private static ScriptedLink Answering(ManualClock clock)
        {
            ScriptedLink link = new ScriptedLink(clock);
            Answerer a = new Answerer();
            a.Host = new FakeHost(new FrameCodec(AcquirerProfile.Cup.DefaultFrame, clock), CupSpec.Spec);
            link.OnWrite = a.OnWrite;
            return link;
        }

        // A kept link to one host whose first connect gets `first` and every later one `second` (both answering), after
        // one exchange over `first`.
        private static AcquirerLink AfterOneExchange(ManualClock clock, out ScriptedLink first, out ScriptedLink second, out ScriptedConnector c)
        {
            first = Answering(clock);
            second = Answering(clock);
            c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, first);
            c.Accept("10.0.0.1", 5000, second);
            AcquirerLink al = new AcquirerLink(c, clock, Kept(1), null);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)Exchange(al).Status);
            return al;
        }

        private static ExchangeResult Exchange(AcquirerLink al)
        {
            return al.Exchange(Request(), new IsoMessage(CupSpec.Spec));
        }

        [TestMethod]
        public void Kept_SecondExchange_GoesOverTheSameConnection()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = Answering(clock);
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, link);
            AcquirerLink al = new AcquirerLink(c, clock, Kept(2), null);
            ExchangeResult first = Exchange(al);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)first.Status);
            Assert.IsFalse(first.Reused);
            Assert.IsTrue(al.IsConnected);
            Assert.AreEqual(0, al.ConnectedHostIndex);
            Assert.IsFalse(link.Disposed);
            ExchangeResult second = Exchange(al);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)second.Status);
            Assert.IsTrue(second.Reused);
            Assert.AreEqual(0, second.HostsTried);
            Assert.AreEqual(0, second.HostIndex);
            Assert.AreEqual(1, c.Attempts.Count);
            Assert.IsFalse(link.Disposed);
            al.Close();
            Assert.IsTrue(link.Disposed);
            Assert.IsFalse(al.IsConnected);
        }

        [TestMethod]
        public void Kept_HostClosedWhileIdle_NewConnectionCarriesTheRequest()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink first, second;
            ScriptedConnector c;
            AcquirerLink al = AfterOneExchange(clock, out first, out second, out c);
            first.CloseWhenEmpty = true;                 // the host closes the idle connection
            int written = first.WrittenLength;
            ExchangeResult r = Exchange(al);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)r.Status);
            Assert.IsFalse(r.Reused);
            Assert.AreEqual(1, r.HostsTried);
            Assert.IsTrue(first.Disposed);
            Assert.AreEqual(written, first.WrittenLength); // nothing was sent on the dead one
            Assert.IsFalse(second.Disposed);
            Assert.AreEqual(2, c.Attempts.Count);
        }

        [TestMethod]
        public void Kept_WriteFailsOnStaleConnection_SentAgainOnANewOne()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink first, second;
            ScriptedConnector c;
            AcquirerLink al = AfterOneExchange(clock, out first, out second, out c);
            first.WriteStatus = LinkStatus.Closed;       // looks open, but the first write fails
            ExchangeResult r = Exchange(al);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)r.Status);
            Assert.IsFalse(r.Reused);
            Assert.AreEqual(1, r.HostsTried);
            Assert.IsTrue(first.Disposed);
            Assert.IsTrue(second.WrittenLength > 0);
        }

        [TestMethod]
        public void Kept_PrimaryGoneAtReconnect_FailsOverToBackup_AndKeepsThat()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink primary = Answering(clock);
            ScriptedLink backup = Answering(clock);
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, primary);
            c.Fail("10.0.0.1", 5000, LinkStatus.Refused);  // the next connect to the primary is refused
            c.Accept("10.0.0.2", 5001, backup);
            AcquirerLink al = new AcquirerLink(c, clock, Kept(2), null);
            Assert.AreEqual(0, Exchange(al).HostIndex);
            primary.CloseWhenEmpty = true;
            ExchangeResult r = Exchange(al);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)r.Status);
            Assert.AreEqual(1, r.HostIndex);
            Assert.AreEqual(2, r.HostsTried);
            Assert.AreEqual((int)LinkStatus.Refused, (int)r.ConnectStatus(0));
            Assert.AreEqual(1, al.ConnectedHostIndex);
            ExchangeResult again = Exchange(al);
            Assert.IsTrue(again.Reused);
            Assert.AreEqual(1, again.HostIndex);
        }

        [TestMethod]
        public void Kept_NoResponse_ConnectionClosed_NextExchangeReconnects()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink silent = new ScriptedLink(clock);
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, silent);
            c.Accept("10.0.0.1", 5000, Answering(clock));
            AcquirerLink al = new AcquirerLink(c, clock, Kept(1), null);
            Assert.AreEqual((int)ExchangeStatus.NoResponse, (int)Exchange(al).Status);
            Assert.IsTrue(silent.Disposed);                // a late answer must not be read as the next one's
            Assert.IsFalse(al.IsConnected);
            ExchangeResult r = Exchange(al);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)r.Status);
            Assert.IsFalse(r.Reused);
        }

        [TestMethod]
        public void Kept_BytesArrivedWhileIdle_ConnectionReplaced()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink first, second;
            ScriptedConnector c;
            AcquirerLink al = AfterOneExchange(clock, out first, out second, out c);
            first.Enqueue(Hex.Decode("0010"));             // a stray frame start nobody asked for
            ExchangeResult r = Exchange(al);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)r.Status);
            Assert.IsFalse(r.Reused);
            Assert.IsTrue(first.Disposed);
        }

        [TestMethod]
        public void Kept_SettingsWithOtherHosts_CloseTheConnection_SameHostsKeepIt()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = Answering(clock);
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, link);
            LinkSettings kept = Kept(2);
            AcquirerLink al = new AcquirerLink(c, clock, kept, null);
            Exchange(al);
            HostEndpoint[] same = { new HostEndpoint("10.0.0.1", 5000), new HostEndpoint("10.0.0.2", 5001) };
            al.Settings = new LinkSettings(same, 2000, 9000, AcquirerProfile.Cup.DefaultFrame).WithConnection(ConnectionMode.Kept, 0);
            Assert.IsTrue(al.IsConnected);                 // timeouts and echo interval do not matter to the connection
            al.Settings = kept.WithTls(true);
            Assert.IsFalse(al.IsConnected);
            Assert.IsTrue(link.Disposed);
        }

        [TestMethod]
        public void PerTransaction_AfterKept_ClosesTheKeptConnection()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink first, second;
            ScriptedConnector c;
            AcquirerLink al = AfterOneExchange(clock, out first, out second, out c);
            al.Settings = new LinkSettings(new HostEndpoint[] { new HostEndpoint("10.0.0.1", 5000) }, 1000, 5000, AcquirerProfile.Cup.DefaultFrame);
            Assert.IsTrue(first.Disposed);
            ExchangeResult r = Exchange(al);
            Assert.IsFalse(r.Reused);
            Assert.IsTrue(second.Disposed);
            Assert.IsFalse(al.IsConnected);
        }

        [TestMethod]
        public void IdleMs_CountsFromTheEndOfTheLastExchange()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = Answering(clock);
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.1", 5000, link);
            AcquirerLink al = new AcquirerLink(c, clock, Kept(1), null);
            clock.Advance(500);
            Assert.AreEqual(500L, al.IdleMs);
            Exchange(al);
            Assert.AreEqual(0L, al.IdleMs);
            clock.Advance(1234);
            Assert.AreEqual(1234L, al.IdleMs);
        }

        [TestMethod]
        public void ExchangeWith_OneHostOnly_NoFailover_NeverKept()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink backup = Answering(clock);
            ScriptedConnector c = new ScriptedConnector();
            c.Accept("10.0.0.2", 5001, backup);
            AcquirerLink al = new AcquirerLink(c, clock, Kept(3), null);
            ExchangeResult dead = al.ExchangeWith(0, Request(), new IsoMessage(CupSpec.Spec), null);
            Assert.AreEqual((int)ExchangeStatus.NotConnected, (int)dead.Status);
            Assert.AreEqual(1, dead.HostsTried);
            Assert.AreEqual((int)LinkStatus.Unreachable, (int)dead.ConnectStatus(0));
            ExchangeResult ok = al.ExchangeWith(1, Request(), new IsoMessage(CupSpec.Spec), null);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)ok.Status);
            Assert.AreEqual(1, ok.HostIndex);
            Assert.IsTrue(backup.Disposed);
            Assert.IsFalse(al.IsConnected);
            Assert.AreEqual(2, c.Attempts.Count);
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { al.ExchangeWith(3, Request(), new IsoMessage(CupSpec.Spec), null); });
        }

        [TestMethod]
        public void Tls_ConnectorWithoutTls_NotSupported_NothingSentInClear()
        {
            ManualClock clock = new ManualClock();
            ScriptedConnector c = new ScriptedConnector();
            ScriptedLink link = Answering(clock);
            c.Accept("10.0.0.1", 5000, link);
            AcquirerLink al = new AcquirerLink(c, clock, Kept(1).WithTls(true), null);
            ExchangeResult r = Exchange(al);
            Assert.AreEqual((int)ExchangeStatus.NotConnected, (int)r.Status);
            Assert.AreEqual((int)LinkStatus.NotSupported, (int)r.ConnectStatus(0));
            Assert.AreEqual(0, c.Attempts.Count);
            Assert.AreEqual(0, link.WrittenLength);
        }

        [TestMethod]
        public void Tls_TlsConnector_AskedForTls_OnlyWhenConfigured()
        {
            ManualClock clock = new ManualClock();
            TlsConnector c = new TlsConnector();
            c.Link = Answering(clock);
            LinkSettings plain = new LinkSettings(new HostEndpoint[] { new HostEndpoint("10.0.0.1", 5000) }, 1000, 5000, AcquirerProfile.Cup.DefaultFrame);
            AcquirerLink al = new AcquirerLink(c, clock, plain.WithTls(true), null);
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)Exchange(al).Status);
            Assert.AreEqual(1, c.Tls);
            Assert.AreEqual(0, c.Plain);
            al.Settings = plain;
            Assert.AreEqual((int)ExchangeStatus.Answered, (int)Exchange(al).Status);
            Assert.AreEqual(1, c.Plain);
        }

        [TestMethod]
        public void LinkSettings_ConnectionOptions_Checked()
        {
            LinkSettings s = Kept(1);
            Assert.IsFalse(s.Tls);
            Assert.AreEqual(30000, s.EchoIntervalMs);
            LinkSettings t = s.WithTls(true);
            Assert.IsTrue(t.Tls);
            Assert.IsTrue(t.KeepsConnection);
            Assert.AreEqual(30000, t.EchoIntervalMs);
            Assert.IsFalse(s.Tls);                         // copies, never changed in place
            Expect.Throws(typeof(System.ArgumentException), delegate { s.WithConnection(ConnectionMode.PerTransaction, 1000); });
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { s.WithConnection(ConnectionMode.Kept, -1); });
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { s.WithConnection(ConnectionMode.Kept, LinkSettings.MaxEchoIntervalMs + 1); });
            Expect.Throws(typeof(System.ArgumentException), delegate { s.WithConnection((ConnectionMode)9, 0); });
        }
    }
}
