using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Config;
using PosTerminal.Emulator.Host;
using PosTerminal.Hal;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Storage;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host;

/// <summary>
/// Echo tests, the link test and the kept connection against the acquirer simulator over real TCP on loopback, and a
/// configuration saved to files, loaded back and applied to a terminal that then signs on and sells.
/// </summary>
[TestClass]
public class LinkEchoEndToEndTests
{
    private static TxnOutcome Sale(Terminal t, long amount)
    {
        using CardData card = SimulatorFixture.Card();
        return t.Sale(card, amount);
    }

    [TestMethod]
    [DataRow("cup", "0820 ECHO")]
    [DataRow("iso87ascii", "0800 ECHO")]
    public async Task LinkTest_DeadPrimary_SimulatorAsBackupAnswers00(string profile, string logged)
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Find(profile));
        HostEndpoint dead = new("127.0.0.1", SimulatorFixture.ClosedPort());
        Terminal t = sim.Terminal(3000, null, "88880001", dead, sim.Endpoint);
        EchoOutcome[] r = t.LinkTest();
        Assert.AreEqual(2, r.Length);
        Assert.AreEqual(EchoResult.NotConnected, r[0].Result);
        Assert.AreEqual(LinkStatus.Refused, r[0].ConnectStatus);
        Assert.AreEqual(dead.ToString(), r[0].Host.ToString());
        Assert.AreEqual(EchoResult.Ok, r[1].Result);
        Assert.AreEqual("00", r[1].ResponseCode);
        Assert.AreEqual(sim.Endpoint.ToString(), r[1].Host.ToString());
        Assert.IsTrue(r[1].RoundTripMs >= 0 && r[1].RoundTripMs < 3000, r[1].RoundTripMs.ToString());
        Assert.IsTrue(sim.Log.Any(l => l.Contains(logged) && l.Contains("tid=88880001") && l.Contains("-> 00")), string.Join("\n", sim.Log));
        Assert.AreEqual(0, sim.Host.Ledger.Entries.Count());   // an echo books nothing
        Assert.IsFalse(t.LinkConnected);                       // the link test's connections are closed again
    }

    [TestMethod]
    public async Task Echo_WorksBeforeSignOn_WhenSalesNeedAMac()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.Named("cup"));
        Terminal t = sim.Terminal();
        EchoOutcome o = t.LinkTest().Single();
        Assert.AreEqual(EchoResult.Ok, o.Result);
        TxnOutcome refused = Sale(t, 100);
        Assert.AreEqual(RefusalReason.NotSignedOn, refused.Refusal);
    }

    [TestMethod]
    public async Task KeptConnection_SalesAndEchoShareOneTcpConnection()
    {
        await using SimulatorFixture sim = new();
        Terminal t = sim.Terminal();
        t.Settings = t.Settings.WithLink(t.Settings.Link.WithConnection(ConnectionMode.Kept, 300));
        Assert.AreEqual(TxnResult.Approved, Sale(t, 100).Result);
        Assert.AreEqual(TxnResult.Approved, Sale(t, 200).Result);
        Assert.IsTrue(t.LinkConnected);
        Assert.AreEqual(KeepAliveStatus.NotDue, t.KeepAlive());
        Thread.Sleep(400);
        Assert.AreEqual(KeepAliveStatus.Echoed, t.KeepAlive());
        Assert.IsTrue(t.LastEcho.Reused);
        Assert.AreEqual("00", t.LastEcho.ResponseCode);
        Assert.AreEqual(TxnResult.Approved, Sale(t, 300).Result);
        Assert.AreEqual(1L, sim.Host.Connections);
        Assert.AreEqual(3, sim.Host.Ledger.Entries.Count());
        t.CloseLink();
        Assert.IsFalse(t.LinkConnected);
    }

    [TestMethod]
    public async Task KeptConnection_HostDropsIdleClient_NextSaleReconnectsTransparently()
    {
        await using SimulatorFixture sim = new();
        // Long enough that a loaded machine still gets the first sale through before the host gives up on the client.
        sim.Options.IdleTimeout = TimeSpan.FromMilliseconds(1000);
        Terminal t = sim.Terminal();
        t.Settings = t.Settings.WithLink(t.Settings.Link.WithConnection(ConnectionMode.Kept, 0));
        Assert.AreEqual(TxnResult.Approved, Sale(t, 100).Result);
        Thread.Sleep(2500);                                      // the simulator closes the idle connection
        TxnOutcome o = Sale(t, 200);
        Assert.AreEqual(TxnResult.Approved, o.Result, o.Receipt);
        Assert.AreEqual(2L, sim.Host.Connections);
        Assert.AreEqual(2, sim.Host.Ledger.Entries.Count());     // booked once each: nothing was sent twice
    }

    [TestMethod]
    public async Task Config_SavedToFiles_Reloaded_Applied_SignsOnAndSells()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.Named("cup-x919"));
        string dir = Path.Combine(Path.GetTempPath(), "posterminal-config-" + Guid.NewGuid().ToString("N"));
        try
        {
            ConfigStore store = new(new RecordStore(new FileStore(dir)));
            ConfigLoadResult first = store.Load();
            Assert.AreEqual(ConfigLoadStatus.DefaultsMissing, first.Status);
            ConfigEditor e = new(store, first.Config);
            Assert.AreEqual(ConfigStatus.Ok, e.SetText(ConfigField.PrimaryHost, sim.Endpoint.ToString()));
            Assert.AreEqual(ConfigStatus.Ok, e.SetText(ConfigField.Backup1Host, "127.0.0.1:" + SimulatorFixture.ClosedPort()));
            Assert.AreEqual(ConfigStatus.Ok, e.SetText(ConfigField.TerminalId, "88880001"));
            Assert.AreEqual(ConfigStatus.Ok, e.SetText(ConfigField.MerchantId, "898310048990001"));
            Assert.AreEqual(ConfigStatus.Ok, e.SetText(ConfigField.MerchantName, "CONFIGURED SHOP"));
            Assert.AreEqual(ConfigStatus.Ok, e.SetText(ConfigField.Security, "cup-x919"));
            Assert.AreEqual(ConfigStatus.Ok, e.SetText(ConfigField.ConnectionMode, "kept"));
            Assert.AreEqual(ConfigStatus.Ok, e.SetText(ConfigField.ResponseTimeout, "5"));
            Assert.AreEqual(ConfigStatus.Ok, e.Save());

            ConfigLoadResult loaded = new ConfigStore(new RecordStore(new FileStore(dir))).Load();
            Assert.AreEqual(ConfigLoadStatus.Loaded, loaded.Status);
            Terminal t = sim.Terminal();
            Assert.AreEqual(ConfigStatus.Ok, loaded.Config.ApplyTo(t));
            Assert.AreEqual(2, t.Settings.Link.HostCount);
            Assert.AreEqual(SignOnResult.Ok, t.SignOn().Result);
            TxnOutcome o = Sale(t, 4321);
            Assert.AreEqual(TxnResult.Approved, o.Result, o.Receipt);
            StringAssert.Contains(o.Receipt, "CONFIGURED SHOP");
            Assert.IsTrue(t.LinkConnected);
            EchoOutcome[] test = t.LinkTest();
            Assert.AreEqual(EchoResult.Ok, test[0].Result);
            Assert.AreEqual(EchoResult.NotConnected, test[1].Result);
            Assert.AreEqual(2L, sim.Host.Connections);           // sign-on and sale on the kept one, plus the link test's own
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
