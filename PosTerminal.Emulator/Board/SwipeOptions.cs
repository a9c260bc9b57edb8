namespace PosTerminal.Emulator.Board;

/// <summary>
/// How the virtual board swipes a card (<see cref="SwipeGenerator"/>): speed profile, jitter, noise, direction and
/// optional corruption. Deterministic for a given <see cref="Seed"/>. Bit positions of the corruptions count from the
/// first bit of the start sentinel, in card order (whatever the direction of the swipe).
/// </summary>
public sealed record SwipeOptions
{
    /// <summary>Speed of the card past the head when the swipe begins, cm/s (10-150 is the supported range).</summary>
    public double StartSpeedCmPerS { get; init; } = 40;

    /// <summary>Speed when the swipe ends, cm/s; the speed changes linearly along the card in between.</summary>
    public double EndSpeedCmPerS { get; init; } = 40;

    /// <summary>Each flux interval is multiplied by 1 + u, u uniform in ±JitterPercent/100.</summary>
    public double JitterPercent { get; init; }

    /// <summary>Spurious short pulses (two extra transitions, 2-8 % of a bit cell wide) at random places.</summary>
    public int NoisePulses { get; init; }

    /// <summary>Swiped the other way round: the head reads the stripe from its end.</summary>
    public bool Reverse { get; init; }

    /// <summary>Seed of the jitter, noise and nothing else.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Clocking zeros before the start sentinel; -1 = as on a card (ISO/IEC 7811: ~7.4 mm from the edge).</summary>
    public int LeadingZeros { get; init; } = -1;

    /// <summary>Clocking zeros after the LRC; -1 = up to the end of an ID-1 card (at least 8).</summary>
    public int TrailingZeros { get; init; } = -1;

    /// <summary>A bit to invert (a parity error in that character), -1 for none.</summary>
    public int FlipBit { get; init; } = -1;

    /// <summary>A second bit to invert, -1 for none (the parity bit of FlipBit's character keeps its parity: an LRC error).</summary>
    public int FlipBit2 { get; init; } = -1;

    /// <summary>First of <see cref="DropCells"/> bit cells that lose every flux transition (a dropout), -1 for none.</summary>
    public int DropCellsAt { get; init; } = -1;

    /// <summary>Number of cells in the dropout.</summary>
    public int DropCells { get; init; }

    /// <summary>The stripe ends at this bit: everything after it is blank (a swipe cut short), -1 for none.</summary>
    public int TruncateAtBit { get; init; } = -1;

    /// <summary>Record a wrong LRC character (with a correct parity bit).</summary>
    public bool CorruptLrc { get; init; }

    /// <summary>True when the options damage the stripe (the read must fail).</summary>
    public bool Corrupted => FlipBit >= 0 || FlipBit2 >= 0 || (DropCellsAt >= 0 && DropCells > 0) || TruncateAtBit >= 0 || CorruptLrc;
}
