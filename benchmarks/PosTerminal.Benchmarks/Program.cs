using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using PosTerminal.Iso8583;
using PosTerminal.Iso8583.Profiles;

namespace PosTerminal.Benchmarks
{
    /// <summary>
    /// Hand-written benchmark of <see cref="IsoCodec"/> on one "typical sale" (0200): the CUP profile (pack into a
    /// reused buffer, unpack into a reused message, unpack into a fresh message) and the ASCII profile
    /// (<see cref="Iso87AsciiSpec"/>) with the same logical message, for comparison with the npm package iso_8583
    /// (../npm-iso8583/bench.js). Each measurement runs a fixed number of operations several times and reports the
    /// median ops/s; bytes allocated per op come from GC.GetAllocatedBytesForCurrentThread() around the measured
    /// loops. A round trip of both profiles is verified before anything is timed (exit code 1 on mismatch).
    /// Usage: PosTerminal.Benchmarks [--suite codec] [--ops N] [--repeats R] [--warmup-ms M]. Prints human lines, then
    /// one JSON line prefixed with "JSON ". <c>--suite crypto</c> runs the payment-crypto suite instead
    /// (<see cref="CryptoSuite"/>), <c>--suite magstripe</c> the magnetic stripe decoder (<see cref="MagstripeSuite"/>),
    /// <c>--suite password</c> the console's password hashing (<see cref="PasswordSuite"/>); the measuring helpers of all
    /// four are in <see cref="Bench"/>.
    /// </summary>
    internal static class Program
    {
        // The same field values as ../npm-iso8583/bench.js.
        private const int Mti = 200;
        private static readonly (int Field, string Value)[] CharFields =
        {
            (2, "6228480402564890018"),
            (3, "000000"),
            (4, "000000012345"),
            (11, "000123"),
            (14, "2912"),
            (22, "021"),
            (25, "00"),
            (35, "6228480402564890018=29121011234567890"),
            (41, "12345678"),
            (42, "123456789012345"),
            (49, "156"),
            (60, "22000001000"),
        };
        private const string PinBlockHex = "0123456789ABCDEF";
        private const string MacHex = "1122334455667788";
        private static readonly string EmvHex = string.Concat(
            "9F2608A1B2C3D4E5F60708", "9F270180", "9F100807010103A0A80201", "9F370412345678",
            "9F36020011", "95050000000000", "9A03261127", "9C0100", "9F0206000000012345",
            "5F2A020156", "82027C00", "9F1A020156", "9F0306000000000000", "9F330360F8C8",
            "9F3403420300", "9F350122", "9F1E083132333435363738", "8408A000000333010101");

        private const string Usage =
            "usage: PosTerminal.Benchmarks [--suite codec|crypto|magstripe|password] [--ops N] [--repeats R] [--warmup-ms M]\n"
            + "       crypto, magstripe and password: [--repeat-ms M] (ops per repeat calibrated to M ms; --ops fixes them instead) [--seed S]\n"
            + "       crypto and password: [--trials T]; magstripe only: [--swipes N] (generated swipes per success-rate run, default 10000)";

        private static int Main(string[] args)
        {
            string suite = "codec";
            int ops = 0;
            int repeats = 7;
            int warmupMs = -1;
            int repeatMs = 50;
            int seed = Environment.TickCount & 0x7FFFFFFF;
            int trials = 64;
            int swipes = 10_000;
            try
            {
                for (int i = 0; i < args.Length; i++)
                {
                    string a = args[i];
                    bool hasValue = i + 1 < args.Length;
                    if (a == "--suite" && hasValue) suite = args[++i];
                    else if (a == "--ops" && hasValue) ops = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    else if (a == "--repeats" && hasValue) repeats = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    else if (a == "--warmup-ms" && hasValue) warmupMs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    else if (a == "--repeat-ms" && hasValue) repeatMs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    else if (a == "--seed" && hasValue) seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    else if (a == "--trials" && hasValue) trials = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    else if (a == "--swipes" && hasValue) swipes = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    else throw new FormatException();
                }
            }
            catch (FormatException)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }
            if (ops < 0 || repeats <= 0 || repeatMs <= 0 || trials <= 0 || swipes <= 0
                || (suite != "codec" && suite != "crypto" && suite != "magstripe" && suite != "password"))
            {
                Console.Error.WriteLine(Usage);
                Console.Error.WriteLine("ops >= 0 (0 = default), repeats, repeat-ms, trials and swipes > 0, warmup-ms >= 0");
                return 2;
            }

            try
            {
                if (suite == "crypto") return CryptoSuite.Run(ops, repeats, warmupMs < 0 ? 300 : warmupMs, repeatMs, seed, trials);
                if (suite == "password") return PasswordSuite.Run(ops, repeats, warmupMs < 0 ? 300 : warmupMs, repeatMs, seed, trials);
                if (suite == "magstripe") return MagstripeSuite.Run(ops, repeats, warmupMs < 0 ? 300 : warmupMs, repeatMs, seed, swipes);
                return RunCodec(ops == 0 ? 200_000 : ops, repeats, warmupMs < 0 ? 400 : warmupMs);
            }
            catch (BenchCheckException e)
            {
                Console.Error.WriteLine("CHECK FAILED: " + e.Message);
                return 1;
            }
        }

        private static int RunCodec(int ops, int repeats, int warmupMs)
        {
            ProfileReport cup;
            ProfileReport ascii;
            try
            {
                cup = Run(CupSpec.Spec, ops, repeats, warmupMs);
                ascii = Run(Iso87AsciiSpec.Spec, ops, repeats, warmupMs);
            }
            catch (RoundTripException e)
            {
                Console.Error.WriteLine("ROUND TRIP MISMATCH: " + e.Message);
                return 1;
            }
            catch (IsoFormatException e)
            {
                Console.Error.WriteLine("ROUND TRIP FAILED: IsoFormatException error=" + e.Error + " field=" + e.Field + " offset=" + e.Offset);
                return 1;
            }

            Console.WriteLine("runtime: " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription
                + ", " + Environment.ProcessorCount + " logical CPUs, ops/repeat " + ops + ", repeats " + repeats);
            cup.PrintHuman();
            ascii.PrintHuman();

            var json = new StringBuilder();
            json.Append('{');
            Json.Str(json, "harness", "PosTerminal.Benchmarks").Append(',');
            Json.Str(json, "suite", "codec").Append(',');
            Json.Str(json, "runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription).Append(',');
            Json.Num(json, "processorCount", Environment.ProcessorCount).Append(',');
            Json.Num(json, "ops", ops).Append(',');
            Json.Num(json, "repeats", repeats).Append(',');
            json.Append("\"cup\":");
            cup.AppendJson(json);
            json.Append(",\"ascii\":");
            ascii.AppendJson(json);
            json.Append('}');
            Console.WriteLine("JSON " + json);
            return 0;
        }

        // ---- message and round-trip verification ----

        private static IsoMessage BuildSale(MessageSpec spec)
        {
            var m = new IsoMessage(spec);
            m.Mti = Mti;
            foreach (var (field, value) in CharFields) m.Set(field, value);
            byte[] pin = FromHex(PinBlockHex);
            byte[] emv = FromHex(EmvHex);
            byte[] mac = FromHex(MacHex);
            m.SetBytes(IsoField.PinBlock, pin, 0, pin.Length);
            m.SetBytes(IsoField.IccData, emv, 0, emv.Length);
            m.SetBytes(IsoField.Mac, mac, 0, mac.Length);
            return m;
        }

        private static void CheckSale(string what, IsoMessage m)
        {
            if (m.Mti != Mti) throw new RoundTripException(what + ": MTI " + m.Mti);
            var expected = new HashSet<int> { IsoField.PinBlock, IsoField.IccData, IsoField.Mac };
            foreach (var (field, value) in CharFields)
            {
                expected.Add(field);
                if (!m.ValueEquals(field, value)) throw new RoundTripException(what + ": field " + field + " differs");
            }
            CheckBytes(what, m, IsoField.PinBlock, FromHex(PinBlockHex));
            CheckBytes(what, m, IsoField.IccData, FromHex(EmvHex));
            CheckBytes(what, m, IsoField.Mac, FromHex(MacHex));
            for (int f = 2; f <= m.Spec.MaxField; f++)
            {
                if (m.Has(f) != expected.Contains(f)) throw new RoundTripException(what + ": field " + f + " presence differs");
            }
        }

        private static void CheckBytes(string what, IsoMessage m, int field, byte[] want)
        {
            var got = new byte[Math.Max(0, m.Length(field))];
            if (m.CopyTo(field, got, 0) != want.Length || !got.AsSpan().SequenceEqual(want))
                throw new RoundTripException(what + ": field " + field + " differs");
        }

        private static void VerifyRoundTrip(IsoMessage sale, byte[] wire, int len, IsoMessage reused)
        {
            string p = sale.Spec.Name;
            CheckSale(p + " built", sale);

            var fresh = new IsoMessage(sale.Spec);
            IsoCodec.Unpack(wire, 0, len, fresh);
            CheckSale(p + " unpacked (fresh)", fresh);

            // The reused message first holds something else, so stale values would show.
            reused.Mti = 810;
            reused.Set(IsoField.Rrn, "999999999999");
            reused.Set(IsoField.Pan, "4111111111111111");
            IsoCodec.Unpack(wire, 0, len, reused);
            CheckSale(p + " unpacked (reused)", reused);

            var again = new byte[wire.Length];
            int len2 = IsoCodec.Pack(fresh, again, 0);
            if (len2 != len || !again.AsSpan(0, len).SequenceEqual(wire.AsSpan(0, len)))
                throw new RoundTripException(p + ": repacking the unpacked message gave different bytes");
        }

        // ---- measurement ----

        private static ProfileReport Run(MessageSpec spec, int ops, int repeats, int warmupMs)
        {
            IsoMessage sale = BuildSale(spec);
            var buf = new byte[2048];
            int len = IsoCodec.Pack(sale, buf, 0);
            var wire = new byte[len];
            Array.Copy(buf, wire, len);
            var reused = new IsoMessage(spec);
            VerifyRoundTrip(sale, wire, len, reused);

            var report = new ProfileReport(spec, wire);
            report.MessageObjects = CountMessageObjects(spec, out report.MessageLayout);

            // Warm-up: every loop runs for a while so tiered compilation reaches its optimized code.
            Bench.Warm(warmupMs, n => PackLoop(sale, buf, n));
            Bench.Warm(warmupMs, n => UnpackReusedLoop(wire, len, reused, n));
            Bench.Warm(warmupMs, n => UnpackFreshLoop(spec, wire, len, n));
            Bench.Warm(warmupMs, n => NewMessageLoop(spec, n));
            Bench.Warm(warmupMs, n => PackUnpackLoop(sale, buf, reused, n));

            report.Pack = Bench.Measure(ops, repeats, n => PackLoop(sale, buf, n));
            report.UnpackReused = Bench.Measure(ops, repeats, n => UnpackReusedLoop(wire, len, reused, n));
            report.UnpackFresh = Bench.Measure(ops, repeats, n => UnpackFreshLoop(spec, wire, len, n));
            report.NewMessage = Bench.Measure(ops, repeats, n => NewMessageLoop(spec, n));
            report.PackUnpack = Bench.Measure(ops, repeats, n => PackUnpackLoop(sale, buf, reused, n));

            // The loops must have left correct results behind.
            CheckSale(spec.Name + " after timing (reused)", reused);
            if (!buf.AsSpan(0, len).SequenceEqual(wire)) throw new RoundTripException(spec.Name + ": pack output changed while timing");
            return report;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long PackLoop(IsoMessage m, byte[] buf, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++) s += IsoCodec.Pack(m, buf, 0);
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long UnpackReusedLoop(byte[] wire, int len, IsoMessage into, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                IsoCodec.Unpack(wire, 0, len, into);
                s += into.Length(IsoField.IccData);
            }
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long UnpackFreshLoop(MessageSpec spec, byte[] wire, int len, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                var into = new IsoMessage(spec);
                IsoCodec.Unpack(wire, 0, len, into);
                s += into.Length(IsoField.IccData);
            }
            return s;
        }

        // The cost of a fresh message alone, so that the fresh-unpack figure can be split into
        // "constructing the message" and "what Unpack itself allocates".
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long NewMessageLoop(MessageSpec spec, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                var m = new IsoMessage(spec);
                s += m.Length(IsoField.IccData) + 2;
            }
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long PackUnpackLoop(IsoMessage m, byte[] buf, IsoMessage into, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                int len = IsoCodec.Pack(m, buf, 0);
                IsoCodec.Unpack(buf, 0, len, into);
                s += into.Length(IsoField.IccData);
            }
            return s;
        }

        /// <summary>
        /// Heap objects one fresh <see cref="IsoMessage"/> consists of: the instance plus every object its fields
        /// reference that is not shared with another fresh instance (the spec is shared). Found by reflection.
        /// </summary>
        private static int CountMessageObjects(MessageSpec spec, out string layout)
        {
            var a = new IsoMessage(spec);
            var b = new IsoMessage(spec);
            int count = 1;
            var parts = new List<string> { "IsoMessage" };
            foreach (FieldInfo f in typeof(IsoMessage).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            {
                if (f.FieldType.IsValueType) continue;
                object va = f.GetValue(a);
                object vb = f.GetValue(b);
                if (va == null || ReferenceEquals(va, vb)) continue;
                count++;
                string name = f.FieldType.IsArray
                    ? f.FieldType.GetElementType().Name + "[" + ((Array)va).Length + "] " + f.Name
                    : f.FieldType.Name + " " + f.Name;
                parts.Add(name);
            }
            layout = string.Join(" + ", parts);
            return count;
        }

        private static byte[] FromHex(string hex)
        {
            return Convert.FromHexString(hex);
        }

        private sealed class RoundTripException : Exception
        {
            public RoundTripException(string message) : base(message)
            {
            }
        }

        private sealed class ProfileReport
        {
            private readonly MessageSpec _spec;
            private readonly byte[] _wire;
            public int MessageObjects;
            public string MessageLayout;
            public Measurement Pack;
            public Measurement UnpackReused;
            public Measurement UnpackFresh;
            public Measurement NewMessage;
            public Measurement PackUnpack;

            public ProfileReport(MessageSpec spec, byte[] wire)
            {
                _spec = spec;
                _wire = wire;
            }

            public void PrintHuman()
            {
                Console.WriteLine(_spec.Name + ": 0200 sale, " + _wire.Length + " bytes on the wire");
                Line("pack (reused byte[])", Pack);
                Line("unpack (reused IsoMessage)", UnpackReused);
                Line("unpack (fresh IsoMessage)", UnpackFresh);
                Line("  of which new IsoMessage", NewMessage);
                Line("pack+unpack (reused)", PackUnpack);
                Console.WriteLine("  a fresh IsoMessage is " + MessageObjects + " heap objects: " + MessageLayout);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "  unpack itself, beyond the fresh message: {0:0.###} B/op", UnpackFresh.BytesPerOp - NewMessage.BytesPerOp));
            }

            private static void Line(string what, Measurement m)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "  {0,-28} {1,12:N0} ops/s (median)  {2,10:0.###} B/op", what, m.OpsPerSec, m.BytesPerOp));
            }

            public void AppendJson(StringBuilder sb)
            {
                sb.Append('{');
                Json.Str(sb, "profile", _spec.Name).Append(',');
                Json.Num(sb, "wireBytes", _wire.Length).Append(',');
                Json.Str(sb, "messageHex", Convert.ToHexString(_wire)).Append(',');
                Json.Num(sb, "messageObjects", MessageObjects).Append(',');
                Json.Str(sb, "messageLayout", MessageLayout).Append(',');
                Json.Num(sb, "unpackOwnBytesPerOp", UnpackFresh.BytesPerOp - NewMessage.BytesPerOp).Append(',');
                sb.Append("\"pack\":");
                Pack.AppendJson(sb);
                sb.Append(",\"unpackReused\":");
                UnpackReused.AppendJson(sb);
                sb.Append(",\"unpackFresh\":");
                UnpackFresh.AppendJson(sb);
                sb.Append(",\"newMessage\":");
                NewMessage.AppendJson(sb);
                sb.Append(",\"packUnpack\":");
                PackUnpack.AppendJson(sb);
                sb.Append('}');
            }
        }
    }
}
