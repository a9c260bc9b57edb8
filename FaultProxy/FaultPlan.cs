using System;
using System.Collections.Concurrent;
using System.Globalization;

namespace FaultProxy;

/// <summary>
/// Which faults happen where: a probability per fault kind (drawn per connection, per request or per response, by
/// scope), and a script ("request 3 gets DropResponse") that overrides the draw. The draw for connection n or request n
/// depends only on the seed and n (<see cref="DecisionRandom"/>): the same seed and the same sequence of connections
/// and frames give the same faults. Configure it before the proxy starts; the script may be extended while it runs.
/// </summary>
public sealed class FaultPlan
{
    private readonly double[] _probability = new double[FaultKinds.Count];
    private readonly ConcurrentDictionary<(FaultScope, long), FaultKind> _script = new();

    /// <summary>A plan with no random faults (add some with <see cref="Set"/>, or script them).</summary>
    public FaultPlan(long seed = 0)
    {
        Seed = seed;
    }

    /// <summary>The seed of every random draw.</summary>
    public long Seed { get; }

    /// <summary>The probability of <paramref name="kind"/> at each decision of its scope.</summary>
    public double Probability(FaultKind kind) => _probability[(int)kind];

    /// <summary>
    /// Sets the probability of <paramref name="kind"/> at each decision of its scope (each connection, request or
    /// response); the probabilities of one scope must add up to at most 1. Returns this plan.
    /// </summary>
    public FaultPlan Set(FaultKind kind, double probability)
    {
        FaultScope scope = FaultKinds.ScopeOf(kind);
        if (!(probability >= 0 && probability <= 1)) throw new ArgumentOutOfRangeException(nameof(probability));
        double sum = probability;
        foreach (FaultKind k in FaultKinds.All)
        {
            if (k != kind && FaultKinds.ScopeOf(k) == scope) sum += _probability[(int)k];
        }
        if (sum > 1 + 1e-9) throw new ArgumentException($"the {scope} faults would add up to {sum:0.###} > 1");
        _probability[(int)kind] = probability;
        return this;
    }

    /// <summary>Connection number <paramref name="connection"/> (1 = the first) gets <paramref name="kind"/> (Refuse or CloseAtOnce).</summary>
    public FaultPlan AtConnection(long connection, FaultKind kind) => Script(FaultScope.Connection, connection, kind);

    /// <summary>
    /// Request number <paramref name="request"/> (1 = the first the proxy receives) gets <paramref name="kind"/>: a request
    /// fault applies to the request itself, a response fault to the response that answers it. None cancels a scripted
    /// fault (and the random draw) for that request in the kind's scope.
    /// </summary>
    public FaultPlan AtRequest(long request, FaultKind kind)
    {
        if (kind == FaultKind.None)
        {
            _script[(FaultScope.Request, request)] = FaultKind.None;
            _script[(FaultScope.Response, request)] = FaultKind.None;
            return this;
        }
        FaultScope scope = FaultKinds.ScopeOf(kind);
        if (scope == FaultScope.Connection) throw new ArgumentException($"{kind} is a connection fault: use AtConnection");
        return Script(scope, request, kind);
    }

    /// <summary>
    /// The fault this plan gives decision <paramref name="number"/> of <paramref name="scope"/> (connection n, request n, or
    /// the response to request n): a soak test can predict or replay the proxy's draws with it.
    /// </summary>
    public FaultKind Decide(FaultScope scope, long number) => Decide(scope, number, out _);

    /// <summary>
    /// The fault for decision <paramref name="number"/> of <paramref name="scope"/>, and the random sequence its parameters
    /// (positions, lengths, bytes) are drawn from.
    /// </summary>
    internal FaultKind Decide(FaultScope scope, long number, out DecisionRandom random)
    {
        random = new DecisionRandom(Seed, scope, number);
        double u = random.NextDouble();
        if (_script.TryGetValue((scope, number), out FaultKind scripted)) return scripted;
        double at = 0;
        foreach (FaultKind k in FaultKinds.All)
        {
            if (FaultKinds.ScopeOf(k) != scope) continue;
            at += _probability[(int)k];
            if (u < at) return k;
        }
        return FaultKind.None;
    }

    /// <summary>
    /// A plan from the command line: <paramref name="faults"/> is "all", "none" or a comma-separated list of kinds, each
    /// optionally with its own probability ("dropresponse,reset=0.02"). Kinds without one share <paramref name="rate"/>
    /// within their scope, so each connection, request and response meets a fault of a listed kind with probability
    /// <paramref name="rate"/>.
    /// </summary>
    public static FaultPlan Parse(string faults, double rate, long seed)
    {
        if (!(rate >= 0 && rate <= 1)) throw new ArgumentException("--rate is between 0 and 1");
        FaultPlan plan = new(seed);
        if (string.Equals(faults, "none", StringComparison.OrdinalIgnoreCase)) return plan;
        double?[] own = new double?[FaultKinds.Count];   // null: shares the rate of its scope
        bool[] listed = new bool[FaultKinds.Count];
        if (string.Equals(faults, "all", StringComparison.OrdinalIgnoreCase))
        {
            foreach (FaultKind k in FaultKinds.All) listed[(int)k] = true;
        }
        else
        {
            foreach (string item in faults.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int eq = item.IndexOf('=');
                string name = eq < 0 ? item : item[..eq];
                FaultKind k = FaultKinds.Parse(name);
                if (k == FaultKind.None) throw new ArgumentException($"unknown fault '{name}'; kinds: {string.Join(", ", FaultKinds.All)}");
                listed[(int)k] = true;
                if (eq < 0) continue;
                if (!double.TryParse(item[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || !(p >= 0 && p <= 1))
                    throw new ArgumentException($"the probability of {k} is between 0 and 1");
                own[(int)k] = p;
            }
        }
        foreach (FaultScope scope in new[] { FaultScope.Connection, FaultScope.Request, FaultScope.Response })
        {
            int shared = 0;
            foreach (FaultKind k in FaultKinds.All)
            {
                if (FaultKinds.ScopeOf(k) == scope && listed[(int)k] && own[(int)k] == null) shared++;
            }
            foreach (FaultKind k in FaultKinds.All)
            {
                if (FaultKinds.ScopeOf(k) == scope && listed[(int)k]) plan.Set(k, own[(int)k] ?? rate / shared);
            }
        }
        return plan;
    }

    private FaultPlan Script(FaultScope scope, long number, FaultKind kind)
    {
        if (number < 1) throw new ArgumentOutOfRangeException(nameof(number));
        if (kind != FaultKind.None && FaultKinds.ScopeOf(kind) != scope) throw new ArgumentException($"{kind} is not a {scope} fault");
        _script[(scope, number)] = kind;
        return this;
    }
}
