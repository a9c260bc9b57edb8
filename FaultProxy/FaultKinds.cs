using System;
using System.Collections.Generic;

namespace FaultProxy;

/// <summary>Facts about the fault kinds: scope, whether the host received the request, names for the command line.</summary>
public static class FaultKinds
{
    /// <summary>Every fault kind (without <see cref="FaultKind.None"/>), in enum order.</summary>
    public static IReadOnlyList<FaultKind> All { get; } = Build();

    /// <summary>Number of values of <see cref="FaultKind"/> including None (the size of per-kind tables).</summary>
    public const int Count = (int)FaultKind.StaleResponse + 1;

    /// <summary>Where <paramref name="kind"/> is decided.</summary>
    public static FaultScope ScopeOf(FaultKind kind) => kind switch
    {
        FaultKind.Refuse or FaultKind.CloseAtOnce => FaultScope.Connection,
        FaultKind.DropRequest or FaultKind.TruncateRequest => FaultScope.Request,
        FaultKind.None => throw new ArgumentOutOfRangeException(nameof(kind)),
        _ => FaultScope.Response,
    };

    /// <summary>
    /// True when the host received the whole request despite the fault (every response fault), so it may have booked it
    /// and the terminal owes a reversal unless it took an answer; false when the request never reached the host whole.
    /// </summary>
    public static bool HostGotRequest(FaultKind kind) => ScopeOf(kind) == FaultScope.Response;

    /// <summary>The kind named <paramref name="name"/> (case-insensitive; "-" and "_" ignored), or None.</summary>
    public static FaultKind Parse(string name)
    {
        string key = name.Replace("-", "").Replace("_", "");
        foreach (FaultKind k in All)
        {
            if (string.Equals(k.ToString(), key, StringComparison.OrdinalIgnoreCase)) return k;
        }
        return FaultKind.None;
    }

    private static FaultKind[] Build()
    {
        FaultKind[] all = new FaultKind[Count - 1];
        for (int i = 1; i < Count; i++) all[i - 1] = (FaultKind)i;
        return all;
    }
}
