using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// CI fuzzing of the simulator's request handling (d): its per-client handler (<see cref="AcquirerSimulator.AcquirerHost.ServeStream"/>)
/// fed garbage and mutated request streams in memory (<see cref="FuzzRun.DefaultInputs"/> each), seeded with the frames a
/// real terminal sent to the same simulator (valid MACs, DUKPT counters, PIN blocks), and a smaller loopback run against
/// the listening server. The handler must answer or drop, never throw, never hang; every reply must be a whole frame
/// whose message decodes; and the simulator still approves a clean sale afterwards.
/// </summary>
[TestClass]
public class SimulatorFuzzTests
{
    // Without a MAC, mutants reach the sale logic (PIN, track, payment code, rules, ledger); with one, they mostly stop at
    // the MAC check, and the unmutated recorded frames go through sign-on, MAC, DUKPT and PIN verification.
    [TestMethod]
    [DataRow("cup", "none", 5800)]
    [DataRow("cup", "cup", 5801)]
    [DataRow("iso87ascii", "none", 5802)]
    [DataRow("iso87ascii", "dukpt-tdes", 5803)]
    public async Task ServeStream_MutatedTerminalSessions_AnswerOrDrop(string profile, string security, int seed)
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Find(profile), security == "none" ? null : SecuritySettings.Named(security));
        List<byte[]> seeds = FuzzSeeds.RecordTerminalSession(sim);
        if (profile == "cup") seeds.AddRange(FuzzSeeds.GoldenCupRequestStreams());
        sim.Options.Rules.RemoveAll(r => r.Action == AcquirerSimulator.RuleAction.Delay);
        FuzzRun run = new($"simulator-{profile}-{security}", seed, input => FuzzTargets.Serve(sim.Host, input, 0, input.Length))
        {
            Repair = (rnd, b) => FixLength(b),
        };
        run.Seeds.AddRange(seeds);
        FuzzReport report = run.Run();
        Console.WriteLine("  simulator outcomes: " + Outcomes(sim.Log));
        Assert.AreEqual(report.Inputs, report.Accepted, "the handler must never throw\n" + report);
        Assert.IsFalse(sim.Log.Any(l => l.Contains("internal error")), "internal error logged");
        AssertStillServes(sim);
    }

    [TestMethod]
    public async Task Loopback_GarbageAndMutatedFrames_EveryConnectionAnsweredOrDropped()
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Cup, SecuritySettings.Named("cup"));
        List<byte[]> seeds = FuzzSeeds.RecordTerminalSession(sim);
        seeds.AddRange(FuzzSeeds.GoldenCupRequestStreams());
        sim.Options.Rules.RemoveAll(r => r.Action == AcquirerSimulator.RuleAction.Delay);
        FuzzRun gen = new("simulator-loopback", 127001, _ => { }) { Repair = (rnd, b) => FixLength(b) };
        gen.Seeds.AddRange(seeds);
        const int connections = 400, perConnection = 5;
        int answered = 0;
        DateTime start = DateTime.UtcNow;
        await Parallel.ForAsync(0, connections, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, ct) =>
        {
            using TcpClient client = new();
            await client.ConnectAsync("127.0.0.1", sim.Host.Port, ct);
            NetworkStream s = client.GetStream();
            List<string> sent = new();
            try
            {
                for (int k = 0; k < perConnection; k++)
                {
                    byte[] input = gen.Generate(c * perConnection + k);
                    sent.Add(Convert.ToHexString(input));
                    await s.WriteAsync(input, ct);
                }
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is System.IO.IOException or SocketException)
            {
                return;   // already dropped
            }
            byte[] buf = new byte[8192];
            using System.Threading.CancellationTokenSource cts = new(TimeSpan.FromSeconds(10));
            try
            {
                int n;
                while ((n = await s.ReadAsync(buf, cts.Token)) > 0)
                {
                    System.Threading.Interlocked.Add(ref answered, n);
                }
            }
            catch (OperationCanceledException)
            {
                throw new FuzzFailure($"fuzz simulator-loopback seed {gen.Seed}: connection {c} neither answered nor dropped within 10 s; it sent:\n  "
                    + string.Join("\n  ", sent));
            }
            catch (Exception e) when (e is System.IO.IOException or SocketException)
            {
                // reset: dropped
            }
        });
        Console.WriteLine($"fuzz simulator-loopback seed {gen.Seed}: {connections * perConnection} inputs on {connections} connections in "
            + $"{(DateTime.UtcNow - start).TotalSeconds:0.0} s, {answered} reply bytes, {sim.Host.BadFrames} dropped, {sim.Host.Frames} frames decoded");
        Assert.IsFalse(sim.Log.Any(l => l.Contains("internal error")), "internal error logged:\n" + string.Join("\n", sim.Log.Where(l => l.Contains("internal error"))));
        Assert.IsTrue(sim.Host.BadFrames > 0 && sim.Host.Frames > 0, "both the drop and the answer paths must have run");
        AssertStillServes(sim);
    }

    // What the simulator did with the inputs, from its log: drops by reason, answers by response code.
    private static string Outcomes(IEnumerable<string> log)
    {
        Dictionary<string, int> n = new(StringComparer.Ordinal);
        foreach (string line in log)
        {
            int d = line.IndexOf("dropped: ", StringComparison.Ordinal), a = line.LastIndexOf("-> ", StringComparison.Ordinal);
            string key = d >= 0 ? "drop " + string.Join(' ', line[(d + 9)..].Split(' ').Take(2))
                : a >= 0 ? "rc " + line.Substring(a + 3, Math.Min(2, line.Length - a - 3))
                : null;
            if (key != null) n[key] = n.GetValueOrDefault(key) + 1;
        }
        return string.Join(", ", n.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"));
    }

    // A stream whose first frame has a binary length: rewrite it to what follows, so the mutant reaches the decoder.
    private static byte[] FixLength(byte[] b)
    {
        if (b.Length < 2) return b;
        int len = b.Length - 2;
        b[0] = (byte)(len >> 8);
        b[1] = (byte)len;
        return b;
    }

    private static void AssertStillServes(SimulatorFixture sim)
    {
        Terminal t = sim.SignedOnTerminal("88880099");
        TxnOutcome o;
        using (CardData card = SimulatorFixture.Card()) o = t.Sale(card, 4200);
        Assert.AreEqual(TxnResult.Approved, o.Result, "a clean sale after the fuzzing");
    }
}
