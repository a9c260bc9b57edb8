using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using PosTerminal.Security;
using PosTerminal.Tests.Host;
using PosTerminal.Tests.Host.Fuzz;
using PosTerminal.Txn;
using SharpFuzz;

namespace PosTerminal.Fuzz;

/// <summary>
/// The AFL++ driver: <c>PosTerminal.Fuzz &lt;target&gt;</c> serves afl-fuzz through SharpFuzz's fork server (the input on
/// stdin); <c>corpus &lt;dir&gt;</c> writes the seed corpora; <c>replay &lt;target&gt; &lt;file&gt;...</c> runs saved inputs
/// once and tells which are findings. Targets: <see cref="FuzzTargets.Names"/>. A typed error (IsoFormatException,
/// TlvFormatException) is a normal outcome; the console target allows none; anything else escaping the target is reported to AFL as a crash.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "corpus") return await WriteCorpus(args[1]);
        if (args.Length >= 3 && args[0] == "replay") return Replay(args[1], args[2..]);
        if (args.Length == 1 && Array.IndexOf(FuzzTargets.Names, args[0]) >= 0)
        {
            string name = args[0];
            Action<byte[]> target = null;
            Fuzzer.OutOfProcess.Run(stream =>
            {
                target ??= FuzzTargets.ByName(name);   // no instrumented code before the fork server has set up coverage
                using MemoryStream m = new();
                stream.CopyTo(m);
                try
                {
                    target(m.ToArray());
                }
                catch (Exception e) when (FuzzTargets.TypedError(e) != null)
                {
                    // refused with a typed error: the expected outcome for malformed input
                }
            });
            return 0;
        }
        Console.Error.WriteLine("usage: PosTerminal.Fuzz <" + string.Join("|", FuzzTargets.Names) + ">   (under afl-fuzz; input on stdin)");
        Console.Error.WriteLine("       PosTerminal.Fuzz corpus <dir>                    write the seed corpora to <dir>/<target>/");
        Console.Error.WriteLine("       PosTerminal.Fuzz replay <target> <file>...       run saved inputs once; exit 1 if any is a finding");
        return 2;
    }

    // Each file once through the target; prints the outcome per file.
    private static int Replay(string name, string[] files)
    {
        Action<byte[]> target = FuzzTargets.ByName(name);
        int findings = 0;
        foreach (string f in files)
        {
            try
            {
                target(File.ReadAllBytes(f));
                Console.WriteLine($"{f}: ok");
            }
            catch (Exception e) when (FuzzTargets.TypedError(e) is string label)
            {
                Console.WriteLine($"{f}: {label}");
            }
            catch (Exception e)
            {
                findings++;
                Console.WriteLine($"{f}: FINDING {e}");
            }
        }
        return findings == 0 ? 0 : 1;
    }

    // The seeds of every target, one file each, named by content hash (idempotent).
    private static async Task<int> WriteCorpus(string dir)
    {
        Dictionary<string, List<byte[]>> corpus = new()
        {
            ["iso"] = FuzzSeeds.Iso(),
            ["tlv"] = FuzzSeeds.Tlv(),
            ["frame"] = FuzzSeeds.Frame(),
            ["simulator"] = new(),
            ["console"] = FuzzSeeds.ConsoleLines(),
        };
        // The simulator target's set-ups: golden requests, and sessions recorded from the firmware against a simulator of
        // the same set-up (MACs only verify where keys are not issued at random: no MAC, or DUKPT from the demo BDK).
        for (int setup = 0; setup < FuzzTargets.SimulatorSetups.Length; setup++)
        {
            (AcquirerProfile profile, string security) = FuzzTargets.SimulatorSetups[setup];
            await using SimulatorFixture sim = new(profile, security == null ? null : SecuritySettings.Named(security));
            List<byte[]> streams = FuzzSeeds.RecordTerminalSession(sim);
            if (profile == AcquirerProfile.Cup) streams.AddRange(FuzzSeeds.GoldenCupRequestStreams());
            corpus["simulator"].AddRange(FuzzSeeds.Simulator(setup, streams));
        }
        foreach ((string target, List<byte[]> seeds) in corpus)
        {
            string folder = Path.Combine(dir, target);
            Directory.CreateDirectory(folder);
            foreach (byte[] s in seeds)
            {
                string name = Convert.ToHexString(SHA256.HashData(s))[..16].ToLowerInvariant();
                await File.WriteAllBytesAsync(Path.Combine(folder, "seed-" + name), s);
            }
            Console.WriteLine($"{folder}: {seeds.Count} seeds");
        }
        return 0;
    }
}
