using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// A bounded, reproducible fuzz run for CI: feeds <see cref="Inputs"/> inputs (pure random bytes, and stacked mutations
/// of the <see cref="Seeds"/>: bit flips, byte sets, inserts, deletes, length-field tweaks, splices, truncations) to a
/// target, on its own thread, within <see cref="Budget"/>. Input i is generated from its own Random seeded by (seed, i),
/// so one case replays alone: set POSTERMINAL_FUZZ_SEED and POSTERMINAL_FUZZ_CASE (POSTERMINAL_FUZZ_INPUTS changes the
/// count for a longer local run). Exceptions that <see cref="Allowed"/> labels are counted; anything else, a budget
/// overrun or a target that does not return fails the run with the harness, seed, case and input hex.
/// <para>
/// To fuzz another input surface (the console engineer's line input, say): seeds of typical lines, <see cref="Printable"/>
/// set, a target that turns the bytes into a line and runs it, and an <see cref="Allowed"/> that labels the typed
/// outcomes of that layer.
/// </para>
/// </summary>
public sealed class FuzzRun
{
    /// <summary>A run of <paramref name="target"/> called <paramref name="name"/> with generator seed <paramref name="seed"/>.</summary>
    public FuzzRun(string name, int seed, Action<byte[]> target)
    {
        Name = name;
        Seed = EnvInt("POSTERMINAL_FUZZ_SEED", seed);
        Target = target;
        Inputs = EnvInt("POSTERMINAL_FUZZ_INPUTS", DefaultInputs);
    }

    /// <summary>Inputs per CI harness.</summary>
    public const int DefaultInputs = 100_000;

    /// <summary>Harness name (printed on failure and in the report).</summary>
    public string Name { get; }

    /// <summary>Generator seed (POSTERMINAL_FUZZ_SEED overrides it).</summary>
    public int Seed { get; }

    /// <summary>What is fuzzed.</summary>
    public Action<byte[]> Target { get; }

    /// <summary>Valid inputs to mutate.</summary>
    public List<byte[]> Seeds { get; } = new();

    /// <summary>Number of inputs.</summary>
    public int Inputs { get; set; }

    /// <summary>Wall-clock limit for the whole run; running out of it fails the run (something became slow, or hangs).</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Percentage of inputs that are pure random bytes instead of mutated seeds.</summary>
    public int RandomPercent { get; set; } = 15;

    /// <summary>Longest pure random input.</summary>
    public int MaxRandomLength { get; set; } = 600;

    /// <summary>Random bytes are mostly printable ASCII (for line-oriented targets).</summary>
    public bool Printable { get; set; }

    /// <summary>
    /// A structure-aware repair applied to half of the mutants (e.g. rewriting a frame's length field to fit the mutated
    /// body, so that mutations reach the decoder behind the framing); null for none.
    /// </summary>
    public Func<Random, byte[], byte[]> Repair { get; set; }

    /// <summary>Labels an exception the target may throw (a typed error), or returns null for a finding.</summary>
    public Func<Exception, string> Allowed { get; set; } = FuzzTargets.TypedError;

    /// <summary>Runs the harness; throws <see cref="FuzzFailure"/> on a finding, a hang or a blown budget.</summary>
    public FuzzReport Run()
    {
        int onlyCase = EnvInt("POSTERMINAL_FUZZ_CASE", -1);
        FuzzReport report = new(Name, Seed);
        Exception failure = null;
        int current = -1;
        byte[] currentInput = null;
        Stopwatch clock = Stopwatch.StartNew();
        Thread worker = new(() =>
        {
            try
            {
                int first = onlyCase >= 0 ? onlyCase : 0, last = onlyCase >= 0 ? onlyCase + 1 : Inputs;
                for (int i = first; i < last; i++)
                {
                    byte[] input = Generate(i);
                    Volatile.Write(ref currentInput, input);
                    Volatile.Write(ref current, i);
                    try
                    {
                        Target(input);
                        report.Accepted++;
                    }
                    catch (Exception e)
                    {
                        string label = Allowed(e);
                        if (label == null)
                        {
                            failure = new FuzzFailure(Describe(i, input, "threw " + e.GetType().Name + ": " + e.Message) + "\n" + e, e);
                            return;
                        }
                        report.Count(label);
                    }
                    report.Inputs++;
                    if (clock.Elapsed > Budget && onlyCase < 0)
                    {
                        failure = new FuzzFailure($"fuzz {Name}: only {report.Inputs} of {Inputs} inputs within the budget of {Budget.TotalSeconds:0} s "
                            + "(a target became slow; the last input was)\n" + Describe(i, input, "was the last"));
                        return;
                    }
                }
            }
            catch (Exception e)
            {
                failure = e;   // the generator itself
            }
        }, 16 * 1024 * 1024) { IsBackground = true, Name = "fuzz " + Name };
        worker.Start();
        if (!worker.Join(Budget + TimeSpan.FromSeconds(10)))
        {
            int i = Volatile.Read(ref current);
            throw new FuzzFailure(Describe(i, Volatile.Read(ref currentInput) ?? [], "did not return (hang)"));
        }
        report.Elapsed = clock.Elapsed;
        if (failure != null) throw failure as FuzzFailure ?? new FuzzFailure("fuzz " + Name + ": generator failed: " + failure, failure);
        Console.WriteLine(report);
        return report;
    }

    private string Describe(int i, byte[] input, string what) =>
        $"fuzz {Name}: case {i} of seed {Seed} {what}\n  input ({input.Length} bytes): {Convert.ToHexString(input)}\n"
        + $"  replay: POSTERMINAL_FUZZ_SEED={Seed} POSTERMINAL_FUZZ_CASE={i} dotnet test PosTerminal.Tests --filter \"FullyQualifiedName~Fuzz\"\n"
        + $"  or save the hex as fuzz/regressions/<target>-<slug>.hex";

    /// <summary>Input <paramref name="i"/> of this run.</summary>
    public byte[] Generate(int i)
    {
        Random rnd = new(HashCode.Combine(Seed, i, 0x5EED));
        if (Seeds.Count == 0 || rnd.Next(100) < RandomPercent) return RandomBytes(rnd, rnd.Next(4) == 0 ? rnd.Next(MaxRandomLength + 1) : rnd.Next(33));
        byte[] b = Seeds[rnd.Next(Seeds.Count)];
        int ops = 1 << rnd.Next(4);   // 1, 2, 4 or 8 stacked mutations (AFL's havoc stacking)
        for (int k = 0; k < ops; k++) b = Mutate(rnd, b);
        if (Repair != null && rnd.Next(2) == 0) b = Repair(rnd, b);
        return b;
    }

    private byte[] RandomBytes(Random rnd, int n)
    {
        byte[] b = new byte[n];
        if (!Printable)
        {
            rnd.NextBytes(b);
            return b;
        }
        for (int i = 0; i < n; i++) b[i] = rnd.Next(10) == 0 ? (byte)rnd.Next(256) : (byte)rnd.Next(0x20, 0x7F);
        return b;
    }

    // Values that sit on boundaries of the decoders: BER length forms, BCD nibbles, ASCII digits, the TPDU id.
    private static readonly byte[] s_interesting = [0x00, 0x01, 0x1F, 0x20, 0x30, 0x39, 0x3D, 0x41, 0x46, 0x60, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x9F, 0xBF, 0xDF, 0xFF];

    /// <summary>One mutation of <paramref name="src"/> (never modified; a new array is returned).</summary>
    public byte[] Mutate(Random rnd, byte[] src)
    {
        List<byte> b = new(src);
        int Pos(int extra = 0) => b.Count + extra == 0 ? 0 : rnd.Next(b.Count + extra);
        switch (rnd.Next(12))
        {
            case 0 when b.Count > 0:   // flip a bit
                { int p = Pos(); b[p] ^= (byte)(1 << rnd.Next(8)); break; }
            case 1 when b.Count > 0:   // set a byte
                { b[Pos()] = (byte)rnd.Next(256); break; }
            case 2 when b.Count > 0:   // an interesting value
                { b[Pos()] = s_interesting[rnd.Next(s_interesting.Length)]; break; }
            case 3:                    // insert random bytes
                { int p = Pos(1); int n = 1 + rnd.Next(8); for (int k = 0; k < n; k++) b.Insert(p, (byte)rnd.Next(256)); break; }
            case 4 when b.Count > 0:   // delete bytes
                { int p = Pos(); b.RemoveRange(p, Math.Min(b.Count - p, 1 + rnd.Next(8))); break; }
            case 5 when b.Count > 1:   // a length field tweaked: 1 or 2 bytes big-endian, plus or minus a little, or an extreme
                {
                    int p = rnd.Next(b.Count - 1);
                    bool two = rnd.Next(2) == 0;
                    int v = two ? (b[p] << 8) | b[p + 1] : b[p];
                    int[] deltas = [-1, 1, -2, 2, -8, 8, 16, 128, -128];
                    v = rnd.Next(5) == 0 ? (rnd.Next(2) == 0 ? 0 : 0xFFFF) : v + deltas[rnd.Next(deltas.Length)];
                    if (two)
                    {
                        b[p] = (byte)(v >> 8);
                        b[p + 1] = (byte)v;
                    }
                    else
                    {
                        b[p] = (byte)v;
                    }
                    break;
                }
            case 6 when b.Count > 0:   // a nibble set to A-F (BCD digits, hex) or a digit to a letter
                { int p = Pos(); b[p] = rnd.Next(2) == 0 ? (byte)((b[p] & 0xF0) | (10 + rnd.Next(6))) : (byte)((b[p] & 0x0F) | ((10 + rnd.Next(6)) << 4)); break; }
            case 7 when Seeds.Count > 0:   // splice: our head, another seed's tail
                {
                    byte[] other = Seeds[rnd.Next(Seeds.Count)];
                    int cut = Pos(1), from = other.Length == 0 ? 0 : rnd.Next(other.Length);
                    b.RemoveRange(cut, b.Count - cut);
                    for (int k = from; k < other.Length; k++) b.Add(other[k]);
                    break;
                }
            case 8 when b.Count > 0:   // truncate
                { int p = Pos(); b.RemoveRange(p, b.Count - p); break; }
            case 9 when b.Count > 1:   // duplicate a chunk somewhere else
                {
                    int from = rnd.Next(b.Count), n = 1 + rnd.Next(Math.Min(32, b.Count - from)), to = Pos(1);
                    byte[] chunk = b.GetRange(from, n).ToArray();
                    b.InsertRange(to, chunk);
                    break;
                }
            case 10:                   // append random bytes
                { int n = 1 + rnd.Next(16); for (int k = 0; k < n; k++) b.Add((byte)rnd.Next(256)); break; }
            default:                   // overwrite a run with one value
                {
                    if (b.Count == 0) break;
                    int p = Pos(), n = Math.Min(b.Count - p, 1 + rnd.Next(8));
                    byte v = s_interesting[rnd.Next(s_interesting.Length)];
                    for (int k = 0; k < n; k++) b[p + k] = v;
                    break;
                }
        }
        return b.ToArray();
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;
}

/// <summary>What a fuzz run did: inputs, time, accepted inputs and typed rejections by label.</summary>
public sealed class FuzzReport(string name, int seed)
{
    /// <summary>Inputs run.</summary>
    public int Inputs { get; internal set; }

    /// <summary>Inputs the target took without an exception.</summary>
    public int Accepted { get; internal set; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Typed rejections by label.</summary>
    public SortedDictionary<string, int> Rejected { get; } = new(StringComparer.Ordinal);

    internal void Count(string label) => Rejected[label] = Rejected.GetValueOrDefault(label) + 1;

    /// <summary>One line per harness: counts, time, and the rejections by label.</summary>
    public override string ToString()
    {
        StringBuilder s = new();
        s.Append(CultureInfo.InvariantCulture, $"fuzz {name} seed {seed}: {Inputs} inputs in {Elapsed.TotalSeconds:0.0} s, {Accepted} accepted");
        foreach (KeyValuePair<string, int> kv in Rejected) s.Append(CultureInfo.InvariantCulture, $", {kv.Key} {kv.Value}");
        return s.ToString();
    }
}

/// <summary>A fuzz harness found something (the message has the seed, the case and the input hex).</summary>
public sealed class FuzzFailure : Exception
{
    /// <summary>A failure described by <paramref name="message"/>.</summary>
    public FuzzFailure(string message, Exception inner = null) : base(message, inner)
    {
    }
}
