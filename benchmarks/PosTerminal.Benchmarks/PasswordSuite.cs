using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Reflection.Emit;
using System.Security.Cryptography;
using System.Text;
using PosTerminal.Crypto;

namespace PosTerminal.Benchmarks
{
    /// <summary>
    /// The password-hashing suite (<c>--suite password</c>): the portable SHA-256 and PBKDF2-HMAC-SHA-256
    /// (PosTerminal.Crypto) against .NET's SHA256.HashData and Rfc2898DeriveBytes.Pbkdf2, measured side by side, plus
    /// an estimate of the cost on the device. It informs the console's default PBKDF2 iteration count
    /// (ConsoleSettings.DefaultHashIterations), which cannot be measured here: nanoCLR interprets IL and the real
    /// board is not on this machine.
    /// </summary>
    /// <remarks>
    /// The estimate counts the IL instructions one SHA-256 compression executes (the two loops of Sha256.Compress,
    /// read from this build's IL: schedule body x 48 + round body x 64 + the rest), doubles it for one PBKDF2 iteration
    /// (one inner and one outer compression), and multiplies by an assumed interpreter cost per IL instruction on an
    /// ESP32 at 240 MHz, printed as a range (see README.md, "Password hashing").
    /// </remarks>
    internal static class PasswordSuite
    {
        private const int MessageBytes = 1024;               // 16 blocks + 1 padding block = 17 compressions
        private const int CompressionsPerMessage = MessageBytes / 64 + 1;
        private const int Iterations = 1000;                  // per PBKDF2 op in the timed loops

        // Assumed interpreter cost per executed IL instruction on an ESP32 at 240 MHz, in microseconds: .NET Micro
        // Framework (nanoCLR's ancestor) ran ~1 µs per simple IL instruction on a 48 MHz ARM7 (Netduino for-loop
        // timings), ~48 cycles; the same cycles at 240 MHz give 0.2 µs; twice that allows for flash-cache misses.
        private const double DeviceUsPerIlLow = 0.2;
        private const double DeviceUsPerIlHigh = 0.4;

        public static int Run(int fixedOps, int repeats, int warmupMs, int repeatMs, int seed, int trials)
        {
            var rng = new Random(seed);
            int checks = Verify(rng, trials);

            byte[] message = new byte[MessageBytes];
            rng.NextBytes(message);
            byte[] password = Encoding.ASCII.GetBytes("technician-2026");
            byte[] salt = new byte[16];
            rng.NextBytes(salt);
            byte[] digest = new byte[32];
            var sha = new Sha256();

            var loops = new Func<int, long>[]
            {
                n =>
                {
                    long s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        sha.Update(message, 0, MessageBytes);
                        sha.Final(digest, 0);
                        s += digest[i & 31];
                    }
                    return s + 1;
                },
                n =>
                {
                    long s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        SHA256.HashData(message, digest);
                        s += digest[i & 31];
                    }
                    return s + 1;
                },
                n =>
                {
                    long s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        Pbkdf2.DeriveHmacSha256(password, 0, password.Length, salt, 0, salt.Length, Iterations, digest, 0, 32);
                        s += digest[i & 31];
                    }
                    return s + 1;
                },
                n =>
                {
                    long s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        Rfc2898DeriveBytes.Pbkdf2(password, salt, digest, Iterations, HashAlgorithmName.SHA256);
                        s += digest[i & 31];
                    }
                    return s + 1;
                },
            };
            string[] labels =
            {
                "SHA-256 1 KiB, portable", "SHA-256 1 KiB, .NET SHA256.HashData",
                "PBKDF2 x1000, portable", "PBKDF2 x1000, .NET Rfc2898DeriveBytes",
            };
            var ops = new int[loops.Length];
            for (int i = 0; i < loops.Length; i++)
            {
                int calibrated = Bench.Calibrate(warmupMs, repeatMs, loops[i]);
                ops[i] = fixedOps > 0 ? fixedOps : calibrated;
            }
            Measurement[] ms = Bench.MeasureInterleaved(ops, repeats, loops);

            double usPerCompression = 1e6 / (ms[0].OpsPerSec * CompressionsPerMessage);
            double usPerIteration = 1e6 / (ms[2].OpsPerSec * Iterations);
            long il = IlPerCompression();
            double ilPerIteration = 2.0 * il;
            double msLow = ilPerIteration * DeviceUsPerIlLow / 1000.0;
            double msHigh = ilPerIteration * DeviceUsPerIlHigh / 1000.0;

            Console.WriteLine("runtime: " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + ", "
                + Environment.ProcessorCount + " logical CPUs, repeats " + repeats + ", seed " + seed
                + ", " + checks + " comparisons with .NET passed");
            for (int i = 0; i < ms.Length; i++)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-40} {1,12:N0} ops/s  {2,8:0.###} B/op",
                    labels[i], ms[i].OpsPerSec, ms[i].BytesPerOp));
            }
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "host: {0:0.000} µs per compression; {1:0.000} µs per PBKDF2 iteration; .NET is {2:0.0}x (SHA-256) and {3:0.0}x (PBKDF2) faster",
                usPerCompression, usPerIteration, ms[1].OpsPerSec / ms[0].OpsPerSec, ms[3].OpsPerSec / ms[2].OpsPerSec));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "device estimate: {0:N0} IL instructions per compression, {1:N0} per PBKDF2 iteration; at {2}-{3} µs per IL instruction: {4:0.0}-{5:0.0} ms per iteration",
                il, ilPerIteration, DeviceUsPerIlLow, DeviceUsPerIlHigh, msLow, msHigh));
            foreach (int c in new[] { 100, 200, 500, 1000, 4096 })
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,5} iterations: {1,6:0.00}-{2:0.00} s per login on the device (estimate)",
                    c, c * msLow / 1000.0, c * msHigh / 1000.0));
            }

            var json = new StringBuilder("{");
            Json.Str(json, "suite", "password").Append(',');
            Json.Num(json, "usPerCompression", usPerCompression).Append(',');
            Json.Num(json, "usPerPbkdf2Iteration", usPerIteration).Append(',');
            Json.Num(json, "ilPerCompression", il).Append(',');
            Json.Num(json, "deviceMsPerIterationLow", msLow).Append(',');
            Json.Num(json, "deviceMsPerIterationHigh", msHigh).Append(',');
            json.Append("\"loops\":{");
            for (int i = 0; i < ms.Length; i++)
            {
                if (i > 0) json.Append(',');
                json.Append('"').Append(labels[i]).Append("\":");
                ms[i].AppendJson(json);
            }
            json.Append("}}");
            Console.WriteLine("JSON " + json);
            return 0;
        }

        // Random messages, keys, passwords, salts, iteration counts and output lengths: portable == .NET, or exit 1.
        private static int Verify(Random rng, int trials)
        {
            int checks = 0;
            byte[] mine = new byte[96];
            for (int t = 0; t < trials; t++)
            {
                byte[] data = new byte[rng.Next(0, 300)];
                rng.NextBytes(data);
                Sha256.Hash(data, 0, data.Length, mine, 0);
                Same(SHA256.HashData(data), mine, "SHA-256 of " + data.Length + " bytes");

                byte[] key = new byte[rng.Next(0, 150)];
                rng.NextBytes(key);
                using (var hmac = new HmacSha256(key, 0, key.Length))
                {
                    hmac.Compute(data, 0, data.Length, mine, 0);
                }
                Same(HMACSHA256.HashData(key, data), mine, "HMAC-SHA-256, key " + key.Length + ", data " + data.Length);

                byte[] salt = new byte[rng.Next(0, 40)];
                rng.NextBytes(salt);
                int iterations = rng.Next(1, 60);
                int length = rng.Next(1, 97);
                Pbkdf2.DeriveHmacSha256(key, 0, key.Length, salt, 0, salt.Length, iterations, mine, 0, length);
                byte[] theirs = Rfc2898DeriveBytes.Pbkdf2(key, salt, iterations, HashAlgorithmName.SHA256, length);
                Same(theirs, mine, "PBKDF2 c=" + iterations + " dkLen=" + length);
                checks += 3;
            }
            return checks;
        }

        private static void Same(byte[] expected, byte[] actual, string what)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i]) throw new BenchCheckException(what + " differs from .NET at byte " + i);
            }
        }

        // Executed IL instructions of one Sha256.Compress: each backward branch closes a loop whose body runs 48 times
        // (message schedule, t = 16..63) or 64 times (rounds), in that order; everything else runs once.
        private static long IlPerCompression()
        {
            MethodInfo m = typeof(Sha256).GetMethod("Compress", BindingFlags.Static | BindingFlags.NonPublic)
                ?? throw new BenchCheckException("Sha256.Compress not found");
            byte[] il = m.GetMethodBody()!.GetILAsByteArray()!;
            var opcodes = new Dictionary<short, OpCode>();
            foreach (FieldInfo f in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var o = (OpCode)f.GetValue(null)!;
                opcodes[o.Value] = o;
            }
            var starts = new List<int>();
            var loops = new List<(int From, int To)>();
            int p = 0;
            while (p < il.Length)
            {
                int at = p;
                short v = il[p] == 0xFE ? (short)(0xFE00 | il[p + 1]) : il[p];
                p += il[p] == 0xFE ? 2 : 1;
                OpCode op = opcodes[v];
                starts.Add(at);
                int target = int.MaxValue;
                switch (op.OperandType)
                {
                    case OperandType.InlineNone: break;
                    case OperandType.ShortInlineBrTarget: target = p + 1 + (sbyte)il[p]; p += 1; break;
                    case OperandType.InlineBrTarget: target = p + 4 + BitConverter.ToInt32(il, p); p += 4; break;
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar: p += 1; break;
                    case OperandType.InlineVar: p += 2; break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR: p += 8; break;
                    case OperandType.InlineSwitch: p += 4 + 4 * BitConverter.ToInt32(il, p); break;
                    default: p += 4; break;
                }
                if (target < at) loops.Add((target, at));
            }
            if (loops.Count != 2) throw new BenchCheckException("Sha256.Compress: expected 2 loops, found " + loops.Count);
            int[] runs = { 48, 64 };
            long total = starts.Count;
            for (int i = 0; i < 2; i++)
            {
                int body = starts.FindAll(s => s >= loops[i].From && s <= loops[i].To).Count;
                total += (long)body * (runs[i] - 1);
            }
            return total;
        }
    }
}
