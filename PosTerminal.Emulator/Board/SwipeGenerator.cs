using System;
using System.Collections.Generic;
using PosTerminal.Cards.Magstripe;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Board;

/// <summary>
/// The virtual board's magnetic stripe: encodes a track's characters the way a card carries them (ISO/IEC 7811-2/-6,
/// ISO/IEC 7813: clocking zeros, start sentinel, characters least significant bit first with odd parity, end sentinel,
/// LRC, clocking zeros), then produces what a reader would capture from a swipe: the flux-transition intervals of the F2F
/// signal (for <see cref="IFluxCapture"/>) or a TTL module's CP/STROBE/DATA line events (for
/// <see cref="ITtlLineCapture"/>). The encoding here is written from the standard, independently of the firmware's
/// decoder, which the tests check against it.
/// </summary>
public static class SwipeGenerator
{
    /// <summary>Distance from the card edge to the start sentinel, mm (ISO/IEC 7811-2/-6: 7.44 mm ± 1.0 mm).</summary>
    public const double StartSentinelFromEdgeMm = 7.44;

    /// <summary>ID-1 card length, mm (ISO/IEC 7810).</summary>
    public const double CardLengthMm = 85.60;

    /// <summary>A TTL module asserts CP after about this many flux reversals (MagTek TTL manual).</summary>
    public const int CardPresentAfterTransitions = 15;

    /// <summary>A TTL module releases CP this long after the last flux reversal, µs (MagTek TTL manual: ~150 ms).</summary>
    public const int CardPresentHoldUs = 150_000;

    /// <summary>
    /// The bits of a track in card order (one byte each). <paramref name="characters"/> is the track as ASCII, start
    /// and end sentinels included (added when missing); the LRC is computed. <paramref name="startBit"/> is the index of
    /// the start sentinel's first bit; <paramref name="lrcBit"/> that of the LRC character.
    /// </summary>
    public static byte[] EncodeTrack(MagstripeTrack track, string characters, int leadingZeros, int trailingZeros,
        out int startBit, out int lrcBit)
    {
        string chars = WithSentinels(track, characters);
        int dataBits = TrackFormat.DataBits(track);
        int ascii = TrackFormat.AsciiOffset(track);
        var bits = new List<byte>();
        for (int i = 0; i < leadingZeros; i++) bits.Add(0);
        startBit = bits.Count;
        int lrc = 0;
        foreach (char c in chars)
        {
            int v = c - ascii;
            if (v < 0 || v >= 1 << dataBits) throw new ArgumentException($"'{c}' is not a track {(int)track} character");
            AddCharacter(bits, v, dataBits);
            lrc ^= v;
        }
        lrcBit = bits.Count;
        AddCharacter(bits, lrc, dataBits);
        for (int i = 0; i < trailingZeros; i++) bits.Add(0);
        return bits.ToArray();
    }

    /// <summary>Card-order bits as <paramref name="options"/> lay them out and damage them (dropouts excluded).</summary>
    public static byte[] CardBits(MagstripeTrack track, string characters, SwipeOptions options, out int startBit)
    {
        int bpi = TrackFormat.BitsPerInch(track);
        int lead = options.LeadingZeros >= 0 ? options.LeadingZeros : (int)Math.Round(StartSentinelFromEdgeMm * bpi / 25.4);
        string chars = WithSentinels(track, characters);
        int used = lead + (chars.Length + 1) * TrackFormat.CharacterBits(track);
        int cardBits = (int)(CardLengthMm * bpi / 25.4);
        int trail = options.TrailingZeros >= 0 ? options.TrailingZeros : Math.Max(8, cardBits - used);
        byte[] bits = EncodeTrack(track, chars, lead, trail, out startBit, out int lrcBit);
        if (options.CorruptLrc)
        {
            bits[lrcBit] ^= 1;                                   // a data bit and the parity bit: parity still odd
            bits[lrcBit + TrackFormat.DataBits(track)] ^= 1;
        }
        if (options.FlipBit >= 0) bits[startBit + options.FlipBit] ^= 1;
        if (options.FlipBit2 >= 0) bits[startBit + options.FlipBit2] ^= 1;
        if (options.TruncateAtBit >= 0)
        {
            for (int i = startBit + options.TruncateAtBit; i < bits.Length; i++) bits[i] = 0;
        }
        return bits;
    }

    // The card's bit cells in the order the head meets them, and which of them carry no signal (a dropout, or the blank
    // stripe after a truncation: the swipe ends there, or, swiped backwards, begins there).
    private static (byte[] Bits, bool[] Dropped) SwipedCells(MagstripeTrack track, string characters, SwipeOptions options)
    {
        byte[] bits = CardBits(track, characters, options, out int startBit);
        bool[] dropped = new bool[bits.Length];
        if (options.DropCellsAt >= 0)
        {
            for (int i = 0; i < options.DropCells; i++)
            {
                int k = startBit + options.DropCellsAt + i;
                if (k < dropped.Length) dropped[k] = true;
            }
        }
        if (options.TruncateAtBit >= 0)
        {
            for (int k = startBit + options.TruncateAtBit; k < bits.Length; k++) dropped[k] = true;
        }
        if (options.Reverse)
        {
            Array.Reverse(bits);
            Array.Reverse(dropped);
        }
        return (bits, dropped);
    }

    /// <summary>
    /// The flux-transition intervals (µs, each ≥ 1) a raw head would see when <paramref name="characters"/> on
    /// <paramref name="track"/> is swiped as <paramref name="options"/> say, in the order of the swipe.
    /// </summary>
    public static int[] Flux(MagstripeTrack track, string characters, SwipeOptions options)
    {
        (byte[] bits, bool[] dropped) = SwipedCells(track, characters, options);

        var rng = new Random(options.Seed);
        double cellCm = 2.54 / TrackFormat.BitsPerInch(track);
        double jitter = options.JitterPercent / 100.0;
        var intervals = new List<double>(bits.Length * 2);
        var cells = new List<double>(bits.Length * 2);
        bool started = false;
        double pending = 0;                                      // time since the last transition, µs
        for (int k = 0; k < bits.Length; k++)
        {
            double speed = options.StartSpeedCmPerS
                + (options.EndSpeedCmPerS - options.StartSpeedCmPerS) * (k + 0.5) / bits.Length;
            double cellUs = cellCm / speed * 1e6;
            if (dropped[k])
            {
                if (started) pending += cellUs;
                continue;
            }
            int parts = bits[k] != 0 ? 2 : 1;
            for (int p = 0; p < parts; p++)
            {
                // a transition opens this part; the time since the previous one is an interval
                if (started)
                {
                    intervals.Add(pending);
                    cells.Add(cellUs);
                }
                started = true;
                pending = cellUs / parts;
            }
        }
        // The last cell has no closing transition: the swipe ends with the last flux change (blank cells of a
        // truncated stripe make none either).
        for (int i = 0; i < intervals.Count; i++) intervals[i] *= 1 + (rng.NextDouble() * 2 - 1) * jitter;

        for (int n = 0; n < options.NoisePulses && intervals.Count > 0; n++)
        {
            int i = rng.Next(intervals.Count);
            double width = cells[i] * (0.02 + 0.06 * rng.NextDouble());
            double at = rng.NextDouble() * (intervals[i] - width);
            double rest = intervals[i] - at - width;
            if (at < 1 || rest < 1 || width < 1) continue;
            intervals[i] = at;
            intervals.Insert(i + 1, width);
            intervals.Insert(i + 2, rest);
            cells.Insert(i + 1, cells[i]);
            cells.Insert(i + 2, cells[i]);
        }

        var result = new int[intervals.Count];
        for (int i = 0; i < result.Length; i++) result[i] = Math.Max(1, (int)Math.Round(intervals[i]));
        return result;
    }

    /// <summary>
    /// The CP/STROBE/DATA events a TTL module would produce for the same swipe: CP low after
    /// <see cref="CardPresentAfterTransitions"/> flux reversals (time 0), then per bit cell DATA (low = 1) set 2 µs before
    /// the STROBE falling edge at the end of the cell, STROBE back high a quarter cell later, and CP high
    /// <see cref="CardPresentHoldUs"/> after the last cell. Dropouts lose their bits; noise pulses do not apply (the
    /// module filters them). Jitter does not matter to the sampler and is not applied.
    /// </summary>
    public static TtlSwipe Ttl(MagstripeTrack track, string characters, SwipeOptions options)
    {
        (byte[] bits, bool[] dropped) = SwipedCells(track, characters, options);

        double cellCm = 2.54 / TrackFormat.BitsPerInch(track);
        var lines = new List<byte>();
        var levels = new List<byte>();
        var times = new List<int>();
        double t = 0;
        int transitions = 0;
        double cpAt = -1;
        double lastCellEnd = 0;
        bool dataLow = false;
        for (int k = 0; k < bits.Length; k++)
        {
            double speed = options.StartSpeedCmPerS
                + (options.EndSpeedCmPerS - options.StartSpeedCmPerS) * (k + 0.5) / bits.Length;
            double cellUs = cellCm / speed * 1e6;
            t += cellUs;
            if (dropped[k]) continue;
            transitions += bits[k] != 0 ? 2 : 1;
            lastCellEnd = t;
            if (cpAt < 0)
            {
                if (transitions < CardPresentAfterTransitions) continue;
                cpAt = t;                                      // the module has seen enough flux: CP low
                Add(lines, levels, times, TtlLine.CardPresent, 0, 0);
                continue;                                      // that cell's bit is not strobed
            }
            bool one = bits[k] != 0;
            int strobeAt = (int)Math.Round(t - cpAt);
            if (one != dataLow)
            {
                dataLow = one;
                Add(lines, levels, times, TtlLine.Data, (byte)(one ? 0 : 1), strobeAt - 2);
            }
            Add(lines, levels, times, TtlLine.Strobe, 0, strobeAt);
            Add(lines, levels, times, TtlLine.Strobe, 1, strobeAt + Math.Max(3, (int)(cellUs / 4)));
        }
        if (cpAt >= 0)
        {
            if (dataLow) Add(lines, levels, times, TtlLine.Data, 1, (int)Math.Round(lastCellEnd - cpAt) + 10);
            Add(lines, levels, times, TtlLine.CardPresent, 1, (int)Math.Round(lastCellEnd - cpAt) + CardPresentHoldUs);
        }
        return new TtlSwipe(lines.ToArray(), levels.ToArray(), times.ToArray());
    }

    /// <summary>
    /// A track 1 (ISO/IEC 7813 format B) for the account of a track 2: '%B' PAN '^' <paramref name="name"/> '^' and the
    /// track 2's expiry, service code and discretionary data, '?'.
    /// </summary>
    public static string Track1For(string track2, string name)
    {
        string t = track2.Trim(';', '?');
        int sep = t.IndexOf('=');
        if (sep < 0) throw new ArgumentException("track 2 without '='");
        return "%B" + t[..sep] + "^" + name + "^" + t[(sep + 1)..] + "?";
    }

    private static string WithSentinels(MagstripeTrack track, string characters)
    {
        char ss = (char)(TrackFormat.StartSentinel(track) + TrackFormat.AsciiOffset(track));
        char es = (char)(TrackFormat.EndSentinel(track) + TrackFormat.AsciiOffset(track));
        string s = characters;
        if (s.Length == 0 || s[0] != ss) s = ss + s;
        if (s[^1] != es || s.Length == 1) s += es;
        return s;
    }

    private static void AddCharacter(List<byte> bits, int value, int dataBits)
    {
        int ones = 0;
        for (int b = 0; b < dataBits; b++)
        {
            int bit = (value >> b) & 1;
            bits.Add((byte)bit);
            ones += bit;
        }
        bits.Add((byte)((ones & 1) == 0 ? 1 : 0));             // odd parity
    }

    private static void Add(List<byte> lines, List<byte> levels, List<int> times, TtlLine line, byte level, int timeUs)
    {
        lines.Add((byte)line);
        levels.Add(level);
        times.Add(Math.Max(0, timeUs));
    }
}
