using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PosTerminal.Benchmarks
{
    /// <summary>
    /// The measuring helpers shared by both suites (codec and crypto). A loop is a delegate that runs n operations
    /// and returns a value derived from their results, so that the JIT cannot drop the work. Every repeat is timed
    /// with Stopwatch and bracketed by GC.GetAllocatedBytesForCurrentThread(); a full GC runs before each repeat.
    /// </summary>
    internal static class Bench
    {
        /// <summary>Runs the loop in chunks of 2,000 ops for at least <paramref name="ms"/> ms (tiered JIT reaches optimized code).</summary>
        public static void Warm(int ms, Func<int, long> loop)
        {
            var sw = Stopwatch.StartNew();
            do
            {
                loop(2_000);
            }
            while (sw.ElapsedMilliseconds < ms);
        }

        /// <summary>
        /// Warms the loop up for at least <paramref name="warmupMs"/> ms in chunks of about 10 ms, then returns the
        /// number of ops that takes about <paramref name="repeatMs"/> ms at the rate of the last chunks (at least 16).
        /// For loops whose speeds differ by orders of magnitude (a .NET AES call and a portable TDES call).
        /// </summary>
        public static int Calibrate(int warmupMs, int repeatMs, Func<int, long> loop)
        {
            var sw = Stopwatch.StartNew();
            int n = 16;
            double rate = 0;
            do
            {
                long t0 = Stopwatch.GetTimestamp();
                loop(n);
                double s = (Stopwatch.GetTimestamp() - t0) / (double)Stopwatch.Frequency;
                double r = n / Math.Max(s, 1e-9);
                // The fastest of the recent chunks: a chunk slowed by another process should not shrink the repeats.
                rate = Math.Max(rate * 0.5, r);
                if (s < 0.010 && n < (1 << 24)) n *= 2;
            }
            while (sw.ElapsedMilliseconds < warmupMs);
            double ops = rate * repeatMs / 1000.0;
            return (int)Math.Max(16, Math.Min(ops, int.MaxValue / 2));
        }

        /// <summary>Runs the loop <paramref name="repeats"/> times for <paramref name="ops"/> ops each; median ops/s.</summary>
        public static Measurement Measure(int ops, int repeats, Func<int, long> loop)
        {
            var m = new Measurement(ops, repeats);
            long sink = 0;
            for (int r = 0; r < repeats; r++) sink += m.RunRepeat(r, loop);
            CheckSink(sink);
            m.Finish();
            return m;
        }

        /// <summary>
        /// Measures several loops round-robin (repeat 1 of each, then repeat 2 of each, ...), so that a drift in the
        /// machine's load hits every loop of the group alike: a ratio between two loops of a group is taken from
        /// figures measured side by side. <paramref name="ops"/>[i] is the ops per repeat of loop i.
        /// </summary>
        public static Measurement[] MeasureInterleaved(int[] ops, int repeats, Func<int, long>[] loops)
        {
            var ms = new Measurement[loops.Length];
            for (int i = 0; i < loops.Length; i++) ms[i] = new Measurement(ops[i], repeats);
            long sink = 0;
            for (int r = 0; r < repeats; r++)
            {
                // Alternate the order too (a, b, b, a, ...), so that no loop always runs right after a GC of the other.
                for (int k = 0; k < loops.Length; k++)
                {
                    int i = (r & 1) == 0 ? k : loops.Length - 1 - k;
                    sink += ms[i].RunRepeat(r, loops[i]);
                }
            }
            CheckSink(sink);
            foreach (Measurement m in ms) m.Finish();
            return ms;
        }

        public static double Median(double[] values)
        {
            var v = (double[])values.Clone();
            Array.Sort(v);
            int n = v.Length;
            return (n & 1) == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }

        private static void CheckSink(long sink)
        {
            if (sink == 0) throw new BenchCheckException("a measured loop produced nothing");
        }
    }

    /// <summary>A benchmark precondition failed (wrong output, a loop that did nothing): exit code 1, nothing reported.</summary>
    internal sealed class BenchCheckException : Exception
    {
        public BenchCheckException(string message) : base(message)
        {
        }
    }

    /// <summary>The repeats of one loop: ops/s per repeat (median reported) and the bytes allocated while measuring.</summary>
    internal sealed class Measurement
    {
        public readonly int OpsPerRepeat;
        public double OpsPerSec;
        public readonly double[] OpsPerSecRepeats;
        public readonly double[] BytesPerOpRepeats;
        public long AllocatedBytes;
        public long Ops;

        public Measurement(int opsPerRepeat, int repeats)
        {
            OpsPerRepeat = opsPerRepeat;
            OpsPerSecRepeats = new double[repeats];
            BytesPerOpRepeats = new double[repeats];
        }

        public double BytesPerOp
        {
            get { return AllocatedBytes / (double)Ops; }
        }

        public double MaxBytesPerOp
        {
            get
            {
                double max = 0;
                foreach (double b in BytesPerOpRepeats) max = Math.Max(max, b);
                return max;
            }
        }

        /// <summary>Runs repeat <paramref name="r"/>: a full GC, then the timed loop between two allocation counts.</summary>
        public long RunRepeat(int r, Func<int, long> loop)
        {
            int ops = OpsPerRepeat;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long b0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            long sink = loop(ops);
            long t1 = Stopwatch.GetTimestamp();
            long b1 = GC.GetAllocatedBytesForCurrentThread();
            double seconds = (t1 - t0) / (double)Stopwatch.Frequency;
            OpsPerSecRepeats[r] = ops / seconds;
            BytesPerOpRepeats[r] = (b1 - b0) / (double)ops;
            AllocatedBytes += b1 - b0;
            Ops += ops;
            return sink;
        }

        public void Finish()
        {
            OpsPerSec = Bench.Median(OpsPerSecRepeats);
        }

        public void AppendJson(StringBuilder sb)
        {
            sb.Append('{');
            AppendJsonFields(sb);
            sb.Append('}');
        }

        public void AppendJsonFields(StringBuilder sb)
        {
            Json.Num(sb, "opsPerSec", Math.Round(OpsPerSec)).Append(',');
            Json.Num(sb, "bytesPerOp", BytesPerOp).Append(',');
            Json.Num(sb, "maxBytesPerOp", MaxBytesPerOp).Append(',');
            Json.Num(sb, "allocatedBytes", AllocatedBytes).Append(',');
            Json.Num(sb, "measuredOps", Ops).Append(',');
            Json.Num(sb, "opsPerRepeat", OpsPerRepeat).Append(',');
            sb.Append("\"opsPerSecRepeats\":[");
            for (int i = 0; i < OpsPerSecRepeats.Length; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(Math.Round(OpsPerSecRepeats[i]).ToString("R", CultureInfo.InvariantCulture));
            }
            sb.Append(']');
        }
    }

    internal static class Json
    {
        public static StringBuilder Str(StringBuilder sb, string key, string value)
        {
            sb.Append('"').Append(key).Append("\":\"");
            foreach (char c in value)
            {
                if (c == '"' || c == '\\') sb.Append('\\').Append(c);
                else if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.Append('"');
        }

        public static StringBuilder Num(StringBuilder sb, string key, double value)
        {
            return sb.Append('"').Append(key).Append("\":").Append(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
