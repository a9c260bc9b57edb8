using System;
using System.Threading;

namespace PosTerminal.Emulator.Board;

/// <summary>How the virtual modules wait for something presented from another thread.</summary>
internal static class GateWait
{
    /// <summary>
    /// With the lock on <paramref name="gate"/> held, waits until <paramref name="ready"/> holds (the presenting thread
    /// pulses the gate) or <paramref name="timeoutMs"/> has passed; returns whether it holds.
    /// </summary>
    public static bool Until(object gate, Func<bool> ready, int timeoutMs)
    {
        long deadline = Environment.TickCount64 + Math.Max(0, timeoutMs);
        while (!ready())
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0) return false;
            Monitor.Wait(gate, (int)Math.Min(left, int.MaxValue));
        }
        return true;
    }
}
