using System;
using System.Threading.Tasks;
using AcquirerSimulator.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Config;
using PosTerminal.Emulator.Board;
using PosTerminal.Emulator.Host;
using PosTerminal.Security;
using PosTerminal.TechConsole;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The technician's job end to end against the acquirer simulator over loopback, with the emulator's socket adapter:
/// a new terminal (not configured), first login, host/tid/mid set and saved, the master key loaded from its two
/// components, sign-on with check values agreeing with the simulator's, link test, a sale, and a reboot that keeps it all.
/// </summary>
[TestClass]
public class ConsoleEndToEndTests
{
    [TestMethod]
    public async Task NewTerminal_ConfiguredFromTheConsole_SignsOnTestsLinkSells_AndKeepsItAfterReboot()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.CupDefault());
        MemoryStore store = new();
        SystemClock clock = new();
        RecordingSystemControl system = new();

        BootResult boot = Boot.Start(store, new SocketConnector(), clock, new CryptoRandom(), null);
        Assert.IsFalse(boot.Configured);
        (ManualClock consoleClock, ScriptedSerialLine line, TechnicianConsole console) = Console(store, boot, system);

        string o = Type(console, line, "super", "000000", "super-pass1", "super-pass1",
            "set host " + sim.Endpoint, "set tid 88880001", "set mid 898310048990001", "set merchant-name TEST SHOP", "save");
        StringAssert.Contains(o, "saved 4 change(s); they apply from the next transaction");
        Assert.IsTrue(boot.Terminal.IsConfigured);

        o = Type(console, line, "key-load tmk 2", DemoKeys.TmkComponent1, DemoKeys.TmkComponent2, "09906C");
        StringAssert.Contains(o, "master key loaded, KCV 09906C");
        Assert.IsFalse(o.Contains(DemoKeys.TmkComponent1) || o.Contains(DemoKeys.TmkComponent2), "a component was echoed");

        o = Type(console, line, "sign-on");
        StringAssert.Contains(o, "signed on via primary " + sim.Endpoint + ": rc 00");
        using (TerminalKeyState host = sim.Options.Keys.Get("88880001"))
        {
            StringAssert.Contains(o, "PIK " + CupWorkingKeySet.CheckValueOf(host.WorkingKeys.Pik)[..6]);
            StringAssert.Contains(o, "MAK " + CupWorkingKeySet.CheckValueOf(host.WorkingKeys.Mak)[..6]);
        }

        o = Type(console, line, "link test");
        StringAssert.Contains(o, "  primary " + sim.Endpoint + ": ok, answered in ");
        StringAssert.Contains(o, "answered by primary " + sim.Endpoint);

        TxnOutcome sale;
        using (CardData card = SimulatorFixture.Card()) sale = boot.Terminal.Sale(card, 100);
        Assert.AreEqual(TxnResult.Approved, sale.Result, sale.ResponseCode);
        StringAssert.Contains(Type(console, line, "show status"), "last transaction: SALE, 621226*********6782, amount 100 (minor units), approved, rc 00");

        o = Type(console, line, "reboot");
        StringAssert.Contains(o, "rebooting");
        Assert.AreEqual(1, system.Reboots);

        // power cycle: the same store, a new boot
        boot = Boot.Start(store, new SocketConnector(), clock, new CryptoRandom(), null);
        Assert.AreEqual(ConfigLoadStatus.Loaded, boot.Load.Status);
        Assert.IsTrue(boot.Configured);
        Assert.AreEqual(sim.Endpoint.ToString(), boot.Terminal.Settings.Link.Host(0).ToString());
        (_, line, console) = Console(store, boot, system);
        o = Type(console, line, "super", "super-pass1", "link test", "show keys");
        Assert.IsFalse(o.Contains("must be changed"), o);
        StringAssert.Contains(o, "answered by primary " + sim.Endpoint);
        StringAssert.Contains(o, "master key (TMK): TDES 16 bytes, KCV 09906C");
        using (CardData card = SimulatorFixture.Card()) sale = boot.Terminal.Sale(card, 200);
        Assert.AreEqual(TxnResult.Approved, sale.Result, sale.ResponseCode);
    }

    private static (ManualClock, ScriptedSerialLine, TechnicianConsole) Console(MemoryStore store, BootResult boot, RecordingSystemControl system)
    {
        ManualClock clock = new();
        ScriptedSerialLine line = new(clock);
        TechnicianConsole console = new(line, clock, new CryptoRandom(), store, boot, system);
        console.Session.Settings.HashIterations = 2;
        console.Poll(0);
        line.TakeOutput();
        return (clock, line, console);
    }

    private static string Type(TechnicianConsole console, ScriptedSerialLine line, params string[] lines)
    {
        foreach (string l in lines) line.Send(l + "\r");
        for (int guard = 0; guard < 2000 && !line.Drained; guard++) console.Poll(0);
        console.Poll(0);
        return line.TakeOutput();
    }
}
