using System;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// A fuzz target's own property failed (a decoded message that does not pack again, a reply that is not a frame...).
/// Like any exception other than the typed errors a target allows, it is a finding: AFL records it as a crash, the CI
/// harnesses fail with the seed and the input.
/// </summary>
public sealed class FuzzFindingException : Exception
{
    /// <summary>A finding described by <paramref name="what"/> (no card data: inputs are random).</summary>
    public FuzzFindingException(string what) : base(what)
    {
    }
}
