using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Host;

/// <summary>Hostile clients: each bad frame gets its sender logged and dropped, and the simulator keeps serving everyone else.</summary>
[TestClass]
public class SimulatorRobustnessTests
{
    // Sends raw bytes, then reports whether the server closed the connection (read returns 0) within the timeout.
    private static async Task<bool> SendAndExpectDrop(int port, byte[] bytes)
    {
        using TcpClient c = new();
        await c.ConnectAsync("127.0.0.1", port);
        NetworkStream s = c.GetStream();
        await s.WriteAsync(bytes);
        byte[] buf = new byte[64];
        using System.Threading.CancellationTokenSource cts = new(TimeSpan.FromSeconds(5));
        try
        {
            int n = await s.ReadAsync(buf, cts.Token);
            return n == 0;
        }
        catch (System.IO.IOException)
        {
            return true;   // reset counts as dropped
        }
    }

    [TestMethod]
    [DataRow("FFFF", "frame length 65535")]                                           // hostile length
    [DataRow("0003 600000", "frame length 3")]                                         // shorter than TPDU + header
    [DataRow("000F 5100000003 603100000001 0200 FFFF", "TPDU id 51")]                    // not a TPDU
    [DataRow("0011 6000030000 603100000001 0200 30200480", "undecodable message: Truncated at field 1")]   // bitmap cut
    [DataRow("0017 6000030000 603100000001 0200 2000000000000000 0000", "undecodable message: Truncated at field 3")]
    [DataRow("0019 6000030000 603100000001 0200 2000000000000000 000000 01", "undecodable message: TrailingBytes")]
    [DataRow("0018 6000030000 603100000001 02A0 2000000000000000 000000", "undecodable message: BadMti")]
    [DataRow("0018 6000030000 603100000001 0200 0800000000000000 000000", "undecodable message: FieldNotInSpec at field 5")]
    [DataRow("0015 6000030000 603100000001 9990 0000000000000000", "MTI 9990 is not a request")]                 // no MTI + 10 exists
    [DataRow("0015 6000030000 603100000001 0210 0000000000000000", "MTI 0210 is not a request")]                 // a response sent to the host
    public async Task BadFrame_ClientDroppedAndLogged_OthersStillServed(string hex, string logged)
    {
        await using SimulatorFixture sim = new();
        Assert.IsTrue(await SendAndExpectDrop(sim.Host.Port, Hex.Decode(hex)), "client was not dropped");
        Assert.IsTrue(sim.Log.Any(l => l.Contains(logged)), "log lacks '" + logged + "':\n" + string.Join("\n", sim.Log));
        Assert.AreEqual(1, sim.Host.BadFrames);
        TxnOutcome o;
        using (CardData card = SimulatorFixture.Card()) o = sim.Terminal().Sale(card, 100);
        Assert.AreEqual(TxnResult.Approved, o.Result);
    }

    [TestMethod]
    public async Task GarbageStorm_WhileTerminalsTransact_EverySaleAnswered()
    {
        await using SimulatorFixture sim = new();
        Random rnd = new(20261127);
        byte[][] garbage = Enumerable.Range(0, 40).Select(_ =>
        {
            byte[] b = new byte[rnd.Next(2, 300)];
            rnd.NextBytes(b);
            return b;
        }).ToArray();
        Task hostile = Task.WhenAll(garbage.Select(async g =>
        {
            using TcpClient c = new();
            await c.ConnectAsync("127.0.0.1", sim.Host.Port);
            try
            {
                await c.GetStream().WriteAsync(g);
            }
            catch (System.IO.IOException)
            {
                // the server may already have dropped us
            }
        }));
        Task<TxnOutcome[]> sales = Task.Factory.StartNew(() => SimulatorFixture.Concurrently(10, i =>
        {
            using CardData card = SimulatorFixture.Card();
            return sim.Terminal(terminalId: "7777" + i.ToString("D4")).Sale(card, 200 + i);
        }), TaskCreationOptions.LongRunning);
        await hostile;
        TxnOutcome[] done = await sales;
        Assert.IsTrue(done.All(o => o.Result == TxnResult.Approved), string.Join(", ", done.Select(o => o.Result)));
        Assert.AreEqual(10, sim.Host.Ledger.Entries.Count);
    }

    [TestMethod]
    public async Task Log_NeverHoldsClearPanOrTrack()
    {
        await using SimulatorFixture sim = new();
        using (CardData card = SimulatorFixture.Card()) sim.Terminal().Sale(card, 100);
        using (CardData card = SimulatorFixture.Card()) sim.Terminal().Sale(card, 151);
        string all = string.Join("\n", sim.Log);
        StringAssert.Contains(all, "621226*********6782");
        Assert.IsFalse(all.Contains("6212260000123456782"));
        Assert.IsFalse(all.Contains("30121011234567890"));
    }
}
