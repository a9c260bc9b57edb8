using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using PosTerminal.Cards;
using PosTerminal.Cards.Magstripe;
using PosTerminal.Emulator.Board;

namespace PosTerminal.Benchmarks
{
    /// <summary>
    /// The magnetic stripe suite (<c>--suite magstripe</c>): the firmware's decoder (PosTerminal.Cards.Magstripe) on swipes
    /// made by the emulator's <see cref="SwipeGenerator"/> (written from ISO/IEC 7811 independently of the decoder).
    /// </summary>
    /// <remarks>
    /// <para><b>Cost.</b> 64 track 2 swipes of a 19-digit UnionPay card (speeds 10-150 cm/s, speed changes up to 2x within
    /// the swipe, ±25 % jitter, both directions) are generated once. One op decodes one of them, round-robin: the
    /// intervals are copied into a work buffer (the decoder rewrites them in place when it merges glitches, as on the
    /// device where the capture buffer is reused), then</para>
    /// <list type="bullet">
    /// <item>"decode": <see cref="F2fDecoder"/> + <see cref="TrackDecoder"/> into preallocated buffers, the whole decoding
    /// work per swipe (target 0 B: nothing per bit or per character);</item>
    /// <item>"read": <see cref="MagstripeReader.DecodeIntervals"/>, which adds the track parser and the resulting
    /// <see cref="CardData"/> (its allocation is the only one a read makes), then disposes the card.</item>
    /// </list>
    /// <para>The same for track 1 (210 bpi, ~55 characters) as "decode track 1". Ops per repeat are calibrated to about
    /// <c>repeatMs</c>; bytes from GC.GetAllocatedBytesForCurrentThread() around each repeat (see <see cref="Bench"/>).</para>
    /// <para><b>Success rate.</b> <c>swipes</c> (10,000) seeded random track 2 swipes of the valid test cards
    /// (<see cref="TestCard.All"/>): start speed uniform in 10-150 cm/s, end speed 0.5x-2x of it (kept in 10-150), jitter
    /// uniform in 0-25 %, 0-2 spurious pulses, either direction. A swipe counts as read when the reader returns Ok with
    /// exactly the card's track; Ok with anything else is a <i>wrong track</i>. The same number of track 1 swipes, and
    /// the same number of damaged track 2 swipes (a flipped bit, two flipped bits, a wrong LRC, a cut, a dropout), where
    /// every Ok must still be the exact track, and the same number of clean track 2 swipes all at the ±25 % limit.</para>
    /// </remarks>
    internal static class MagstripeSuite
    {
        private const string UnionPay = ";6212260000123456782=30121011234567890?";
        private const int TimingSwipes = 64;

        public static int Run(int fixedOps, int repeats, int warmupMs, int repeatMs, int seed, int swipes)
        {
            string track1 = SwipeGenerator.Track1For(UnionPay, "ZHANG/SAN MR");
            var rng = new Random(seed);
            Timing t2 = new Timing(MagstripeTrack.Track2, UnionPay, rng);
            Timing t1 = new Timing(MagstripeTrack.Track1, track1, rng);
            var loops = new Func<int, long>[] { t2.DecodeLoop, t2.ReadLoop, t1.DecodeLoop };
            string[] labels = { "decode track 2 (F2F + track decoder)", "read track 2 (+ parser + CardData)", "decode track 1 (F2F + track decoder)" };
            string[] ids = { "decode-track2", "read-track2", "decode-track1" };
            var ops = new int[loops.Length];
            for (int i = 0; i < loops.Length; i++)
            {
                loops[i](TimingSwipes);                            // checks every swipe decodes right before timing
                int calibrated = Bench.Calibrate(warmupMs, repeatMs, loops[i]);
                ops[i] = fixedOps > 0 ? fixedOps : calibrated;
            }
            Measurement[] ms = Bench.MeasureInterleaved(ops, repeats, loops);
            t2.Check("after timing");
            t1.Check("after timing");

            Rate clean2 = SuccessRate(MagstripeTrack.Track2, swipes, seed + 1, false, -1);
            Rate clean1 = SuccessRate(MagstripeTrack.Track1, swipes, seed + 2, false, -1);
            Rate damaged2 = SuccessRate(MagstripeTrack.Track2, swipes, seed + 3, true, -1);
            Rate worst2 = SuccessRate(MagstripeTrack.Track2, swipes, seed + 4, false, 25);

            string runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
            Console.WriteLine("runtime: " + runtime + ", " + Environment.ProcessorCount + " logical CPUs, repeats " + repeats
                + ", " + (fixedOps > 0 ? "ops/repeat " + fixedOps : "~" + repeatMs + " ms/repeat") + ", seed " + seed);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "timing swipes: {0} track 2 ({1:0} intervals, {2} bits on average), {0} track 1 ({3:0} intervals)",
                TimingSwipes, t2.MeanIntervals, t2.Bits, t1.MeanIntervals));
            for (int i = 0; i < ms.Length; i++)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-40} {1,10:N0} swipes/s  {2,8:0.00} µs/swipe  {3,8:0.###} B/swipe (worst repeat {4:0.###})",
                    labels[i], ms[i].OpsPerSec, 1e6 / ms[i].OpsPerSec, ms[i].BytesPerOp, ms[i].MaxBytesPerOp));
            }
            clean2.Print("track 2, clean swipes");
            clean1.Print("track 1, clean swipes");
            damaged2.Print("track 2, damaged swipes");
            worst2.Print("track 2, clean, all at ±25 % jitter");

            var json = new StringBuilder();
            json.Append('{');
            Json.Str(json, "harness", "PosTerminal.Benchmarks").Append(',');
            Json.Str(json, "suite", "magstripe").Append(',');
            Json.Str(json, "runtime", runtime).Append(',');
            Json.Num(json, "processorCount", Environment.ProcessorCount).Append(',');
            Json.Num(json, "repeats", repeats).Append(',');
            Json.Num(json, "repeatMs", repeatMs).Append(',');
            Json.Num(json, "warmupMs", warmupMs).Append(',');
            Json.Num(json, "seed", seed).Append(',');
            Json.Num(json, "timingSwipes", TimingSwipes).Append(',');
            Json.Num(json, "track2MeanIntervals", Math.Round(t2.MeanIntervals, 1)).Append(',');
            Json.Num(json, "track1MeanIntervals", Math.Round(t1.MeanIntervals, 1)).Append(',');
            json.Append("\"items\":[");
            for (int i = 0; i < ms.Length; i++)
            {
                if (i > 0) json.Append(',');
                json.Append('{');
                Json.Str(json, "id", ids[i]).Append(',');
                Json.Str(json, "label", labels[i]).Append(',');
                Json.Num(json, "microsPerSwipe", Math.Round(1e6 / ms[i].OpsPerSec, 3)).Append(',');
                ms[i].AppendJsonFields(json);
                json.Append('}');
            }
            json.Append("],\"rates\":[");
            clean2.AppendJson(json, "track2-clean");
            json.Append(',');
            clean1.AppendJson(json, "track1-clean");
            json.Append(',');
            damaged2.AppendJson(json, "track2-damaged");
            json.Append(',');
            worst2.AppendJson(json, "track2-jitter25");
            json.Append("]}");
            Console.WriteLine("JSON " + json);
            return 0;
        }

        // ---- cost per swipe ----

        private sealed class Timing
        {
            private readonly MagstripeTrack _track;
            private readonly string _chars;
            private readonly int[][] _swipes = new int[TimingSwipes][];
            private readonly int[] _work;
            private readonly byte[] _bits;
            private readonly byte[] _out;
            private readonly F2fDecoder _f2f;
            private readonly MagstripeReader _reader;
            private int _next;

            public Timing(MagstripeTrack track, string chars, Random rng)
            {
                _track = track;
                _chars = chars;
                long total = 0;
                for (int i = 0; i < TimingSwipes; i++)
                {
                    double v0 = 10 + rng.NextDouble() * 140;
                    var o = new SwipeOptions
                    {
                        StartSpeedCmPerS = v0,
                        EndSpeedCmPerS = Math.Clamp(v0 * (0.5 + rng.NextDouble() * 1.5), 10, 150),
                        JitterPercent = 25,
                        Reverse = (i & 1) == 1,
                        Seed = rng.Next(),
                    };
                    _swipes[i] = SwipeGenerator.Flux(track, chars, o);
                    total += _swipes[i].Length;
                }
                MeanIntervals = total / (double)TimingSwipes;
                _work = new int[MagstripeReader.MaxIntervals(track)];
                _bits = new byte[TrackFormat.MaxBits(track)];
                _out = new byte[TrackFormat.MaxCharacters(track)];
                _f2f = new F2fDecoder(_work.Length);
                _reader = new MagstripeReader(new VirtualFluxHead(), track);
                Bits = TrackFormat.MaxBits(track) - TrackFormat.SlackBits;
            }

            public double MeanIntervals { get; }

            public int Bits { get; }

            /// <summary>F2F + track decoding of the next swipe; returns the character count (checked against the track).</summary>
            [MethodImpl(MethodImplOptions.NoInlining)]
            public long DecodeLoop(int n)
            {
                long sink = 0;
                for (int k = 0; k < n; k++)
                {
                    int[] swipe = _swipes[_next];
                    _next = (_next + 1) % TimingSwipes;
                    Array.Copy(swipe, _work, swipe.Length);
                    int bits = _f2f.Decode(_work, 0, swipe.Length, _bits, 0, _bits.Length);
                    MagstripeStatus s = TrackDecoder.Decode(_track, _bits, 0, bits, _out, 0, out int chars, out _);
                    if (s != MagstripeStatus.Ok || chars != _chars.Length) throw new BenchCheckException(_track + ": a timing swipe did not decode (" + s + ")");
                    sink += chars;
                }
                return sink;
            }

            /// <summary>A full read of the next swipe through the reader; returns the PAN length.</summary>
            [MethodImpl(MethodImplOptions.NoInlining)]
            public long ReadLoop(int n)
            {
                long sink = 0;
                for (int k = 0; k < n; k++)
                {
                    int[] swipe = _swipes[_next];
                    _next = (_next + 1) % TimingSwipes;
                    Array.Copy(swipe, _work, swipe.Length);
                    MagstripeStatus s = _reader.DecodeIntervals(_work, 0, swipe.Length, EntryMethod.Swipe, out CardData card);
                    if (s != MagstripeStatus.Ok) throw new BenchCheckException(_track + ": a timing swipe was not read (" + s + ")");
                    sink += card.PanLength;
                    card.Dispose();
                }
                return sink;
            }

            /// <summary>Every swipe must still decode to exactly the track.</summary>
            public void Check(string when)
            {
                for (int i = 0; i < TimingSwipes; i++)
                {
                    Array.Copy(_swipes[i], _work, _swipes[i].Length);
                    int bits = _f2f.Decode(_work, 0, _swipes[i].Length, _bits, 0, _bits.Length);
                    MagstripeStatus s = TrackDecoder.Decode(_track, _bits, 0, bits, _out, 0, out int chars, out _);
                    if (s != MagstripeStatus.Ok || Encoding.ASCII.GetString(_out, 0, chars) != _chars)
                        throw new BenchCheckException(_track + ": timing swipe " + i + " decoded wrong " + when);
                }
            }
        }

        // ---- success rate ----

        private sealed class Rate
        {
            public MagstripeTrack Track;
            public bool Damaged;
            public int Swipes;
            public int Read;
            public int WrongTracks;
            public long Intervals;
            public double Seconds;
            public readonly SortedDictionary<string, int> Failures = new SortedDictionary<string, int>(StringComparer.Ordinal);

            public double Percent
            {
                get { return 100.0 * Read / Swipes; }
            }

            public void Print(string title)
            {
                var f = new StringBuilder();
                foreach (KeyValuePair<string, int> kv in Failures) f.Append(f.Length > 0 ? ", " : "").Append(kv.Key).Append(' ').Append(kv.Value);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "{0}: {1:N0} swipes, read {2:N0} ({3:0.000} %), wrong tracks {4}; failures: {5}  [{6:0.0} s incl. generation]",
                    title, Swipes, Read, Percent, WrongTracks, f.Length > 0 ? f.ToString() : "none", Seconds));
            }

            public void AppendJson(StringBuilder sb, string id)
            {
                sb.Append('{');
                Json.Str(sb, "id", id).Append(',');
                Json.Str(sb, "track", Track.ToString()).Append(',');
                Json.Str(sb, "damaged", Damaged ? "yes" : "no").Append(',');
                Json.Num(sb, "swipes", Swipes).Append(',');
                Json.Num(sb, "read", Read).Append(',');
                Json.Num(sb, "percent", Math.Round(Percent, 3)).Append(',');
                Json.Num(sb, "wrongTracks", WrongTracks).Append(',');
                Json.Num(sb, "meanIntervals", Math.Round(Intervals / (double)Swipes, 1)).Append(',');
                sb.Append("\"failures\":{");
                bool first = true;
                foreach (KeyValuePair<string, int> kv in Failures)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Json.Num(sb, kv.Key, kv.Value);
                }
                sb.Append("}}");
            }
        }

        // jitterPercent < 0: uniform in 0-25 % per swipe; otherwise that jitter for every swipe.
        private static Rate SuccessRate(MagstripeTrack track, int swipes, int seed, bool damaged, double jitterPercent)
        {
            var cards = new List<TestCard>();
            foreach (TestCard c in TestCard.All)
            {
                if (c.Name != "bad-luhn") cards.Add(c);
            }
            var rng = new Random(seed);
            var head = new VirtualFluxHead();
            var reader = new MagstripeReader(head, track);
            var rate = new Rate { Track = track, Damaged = damaged, Swipes = swipes };
            var sw = System.Diagnostics.Stopwatch.StartNew();
            byte[] buf = new byte[80];
            for (int i = 0; i < swipes; i++)
            {
                TestCard c = cards[rng.Next(cards.Count)];
                string chars = track == MagstripeTrack.Track2 ? c.Track2 : SwipeGenerator.Track1For(c.Track2, "TEST/CARD" + (char)('A' + rng.Next(26)));
                double v0 = 10 + rng.NextDouble() * 140;
                var o = new SwipeOptions
                {
                    StartSpeedCmPerS = v0,
                    EndSpeedCmPerS = Math.Clamp(v0 * (0.5 + rng.NextDouble() * 1.5), 10, 150),
                    JitterPercent = jitterPercent < 0 ? rng.NextDouble() * 25 : jitterPercent,
                    NoisePulses = rng.Next(3),
                    Reverse = rng.Next(2) == 1,
                    Seed = rng.Next(),
                };
                if (damaged)
                {
                    int charBits = TrackFormat.CharacterBits(track);
                    int bitsOnCard = (chars.Length + 1) * charBits;
                    o = rng.Next(5) switch
                    {
                        0 => o with { FlipBit = rng.Next(bitsOnCard) },
                        1 => o with { FlipBit = rng.Next(bitsOnCard), FlipBit2 = rng.Next(bitsOnCard) },
                        2 => o with { CorruptLrc = true },
                        3 => o with { TruncateAtBit = rng.Next(bitsOnCard - charBits) },
                        _ => o with { DropCellsAt = rng.Next(bitsOnCard), DropCells = 1 + rng.Next(20) },
                    };
                }
                int[] iv = SwipeGenerator.Flux(track, chars, o);
                rate.Intervals += iv.Length;
                head.Swipe(iv);
                MagstripeStatus s = reader.TryRead(0, out CardData card);
                if (s == MagstripeStatus.Ok)
                {
                    bool right = Matches(card, track, chars, buf);
                    card.Dispose();
                    if (right) rate.Read++;
                    else rate.WrongTracks++;
                }
                else
                {
                    string key = s.ToString();
                    rate.Failures[key] = rate.Failures.GetValueOrDefault(key) + 1;
                }
            }
            rate.Seconds = sw.Elapsed.TotalSeconds;
            return rate;
        }

        // True when the card is exactly the track: PAN, expiry, service code, and the track 2 characters or the name.
        private static bool Matches(CardData card, MagstripeTrack track, string chars, byte[] buf)
        {
            string pan = Encoding.ASCII.GetString(buf, 0, card.CopyPan(buf, 0));
            if (track == MagstripeTrack.Track2)
            {
                string t = chars.Trim(';', '?');
                string got = Encoding.ASCII.GetString(buf, 0, card.CopyTrack2(buf, 0));
                int sep = t.IndexOf('=');
                return got == t && pan == t[..sep] && card.Expiry == t.Substring(sep + 1, 4) && card.ServiceCode == t.Substring(sep + 5, 3);
            }
            string[] f = chars.Trim('%', '?')[1..].Split('^');
            string name = Encoding.ASCII.GetString(buf, 0, card.CopyCardholderName(buf, 0));
            return pan == f[0] && name == f[1] && card.Expiry == f[2][..4] && card.ServiceCode == f[2].Substring(4, 3);
        }
    }
}
