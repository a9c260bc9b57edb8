using PosTerminal.Hal;

namespace PosTerminal.Emulator.Board;

/// <summary>The line events of one TTL swipe: line id (<see cref="TtlLine"/>), new level (0 low, 1 high), time in µs since CP went low.</summary>
public sealed record TtlSwipe(byte[] Lines, byte[] Levels, int[] TimesUs)
{
    /// <summary>Number of events.</summary>
    public int Count => Lines.Length;
}
