using System;
using System.Threading;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Board;

/// <summary>
/// One track of the virtual board's TTL reader module: <see cref="Swipe"/> presents the CP/STROBE/DATA events of a
/// swipe (from <see cref="SwipeGenerator.Ttl"/>), and the next <see cref="Capture"/> returns them. A capture waits up to
/// its timeout for a swipe presented from another thread. Thread-safe.
/// </summary>
public sealed class VirtualTtlModule : ITtlLineCapture
{
    private readonly object _gate = new();
    private TtlSwipe _pending;

    /// <summary>Swipes captured so far.</summary>
    public int Captures { get; private set; }

    /// <summary>Presents a swipe; it replaces one not yet captured.</summary>
    public void Swipe(TtlSwipe swipe)
    {
        ArgumentNullException.ThrowIfNull(swipe);
        lock (_gate)
        {
            _pending = swipe;
            Monitor.PulseAll(_gate);
        }
    }

    /// <inheritdoc/>
    public int Capture(byte[] lines, byte[] levels, int[] timesUs, int offset, int maxCount, int timeoutMs)
    {
        lock (_gate)
        {
            if (!GateWait.Until(_gate, () => _pending != null, timeoutMs)) return 0;
            int n = Math.Min(_pending.Count, maxCount);
            Array.Copy(_pending.Lines, 0, lines, offset, n);
            Array.Copy(_pending.Levels, 0, levels, offset, n);
            Array.Copy(_pending.TimesUs, 0, timesUs, offset, n);
            _pending = null;
            Captures++;
            return n;
        }
    }
}
