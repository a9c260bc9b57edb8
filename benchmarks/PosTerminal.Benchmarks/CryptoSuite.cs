using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using PosTerminal.Crypto;
using BcBlockCipher = Org.BouncyCastle.Crypto.IBlockCipher;
using BcMac = Org.BouncyCastle.Crypto.IMac;

namespace PosTerminal.Benchmarks
{
    /// <summary>
    /// The payment-crypto suite (<c>--suite crypto</c>): the firmware's portable ciphers (PosTerminal.Crypto) and MACs
    /// over a 256-byte message, against .NET's System.Security.Cryptography (DES, TripleDES, Aes: one-shot
    /// EncryptEcb/EncryptCbc into a preallocated span, key set once) and BouncyCastle.Cryptography 2.7.0 (SM4Engine
    /// and its CBC mode, ISO9797Alg3Mac, CMac), measured in the same process.
    /// </summary>
    /// <remarks>
    /// <para>Before anything is timed, the portable code is checked against .NET and BouncyCastle on random keys,
    /// IVs and messages (encryption and decryption, every key length, MACs over random lengths including
    /// non-block-aligned ones); the CUP MAC has no library equivalent, so it is checked against a step-by-step
    /// reimplementation over .NET's DES/TripleDES and BouncyCastle's SM4. Any difference: exit code 1.</para>
    /// <para>Each comparison is a group of loops measured round-robin (<see cref="Bench.MeasureInterleaved"/>): the
    /// portable loop and its baseline alternate repeat by repeat, so the ratio compares figures taken under the same
    /// load. Ops per repeat are calibrated per loop during warm-up to about <c>repeatMs</c> (the loops differ by
    /// 100x in speed), unless <c>--ops</c> fixes them. Ratios are "x slower": baseline ops/s ÷ portable ops/s of the same
    /// repeat, median over the repeats.</para>
    /// </remarks>
    internal static class CryptoSuite
    {
        public const int MessageBytes = 256;

        /// <summary>Targets of issue 3 point 10: portable TDES within 5x of .NET's, SM4 within 3x of BouncyCastle's.</summary>
        private const double TdesTarget = 5;
        private const double Sm4Target = 3;

        public static int Run(int fixedOps, int repeats, int warmupMs, int repeatMs, int seed, int trials)
        {
            var rng = new Random(seed);
            bool netDes = NetDesWorks();
            int checks = Verify(rng, trials, netDes);

            List<Group> groups = BuildGroups(rng, netDes);
            foreach (Group g in groups)
            {
                var loops = new Func<int, long>[g.Items.Count];
                var ops = new int[g.Items.Count];
                for (int i = 0; i < loops.Length; i++)
                {
                    loops[i] = g.Items[i].Loop;
                    int calibrated = Bench.Calibrate(warmupMs, repeatMs, loops[i]);
                    ops[i] = fixedOps > 0 ? fixedOps : calibrated;
                }
                Measurement[] ms = Bench.MeasureInterleaved(ops, repeats, loops);
                for (int i = 0; i < ms.Length; i++) g.Items[i].Result = ms[i];
                g.CheckOutputs("after timing");
            }

            string runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
            Console.WriteLine("runtime: " + runtime + ", " + Environment.ProcessorCount + " logical CPUs, " + MessageBytes
                + "-byte messages, repeats " + repeats + ", " + (fixedOps > 0 ? "ops/repeat " + fixedOps : "~" + repeatMs + " ms/repeat")
                + ", seed " + seed);
            Console.WriteLine("verified against .NET / BouncyCastle before timing: " + checks + " comparisons, all equal"
                + (netDes ? "" : " (.NET DES unavailable: DES checked against BouncyCastle's DesEngine)"));
            foreach (Group g in groups) g.PrintHuman();

            var json = new StringBuilder();
            json.Append('{');
            Json.Str(json, "harness", "PosTerminal.Benchmarks").Append(',');
            Json.Str(json, "suite", "crypto").Append(',');
            Json.Str(json, "runtime", runtime).Append(',');
            Json.Num(json, "processorCount", Environment.ProcessorCount).Append(',');
            Json.Num(json, "messageBytes", MessageBytes).Append(',');
            Json.Num(json, "repeats", repeats).Append(',');
            Json.Num(json, "repeatMs", repeatMs).Append(',');
            Json.Num(json, "warmupMs", warmupMs).Append(',');
            Json.Num(json, "fixedOps", fixedOps).Append(',');
            Json.Num(json, "seed", seed).Append(',');
            Json.Num(json, "verifiedComparisons", checks).Append(',');
            json.Append("\"items\":[");
            bool first = true;
            foreach (Group g in groups)
            {
                foreach (Item it in g.Items)
                {
                    if (!first) json.Append(',');
                    first = false;
                    AppendItemJson(json, it, g);
                }
            }
            json.Append("],\"ratios\":[");
            first = true;
            foreach (Group g in groups)
            {
                if (g.Baseline < 0) continue;
                if (!first) json.Append(',');
                first = false;
                g.AppendRatioJson(json);
            }
            json.Append("]}");
            Console.WriteLine("JSON " + json);
            return 0;
        }

        // ---- what is measured ----

        private static List<Group> BuildGroups(Random rng, bool netDes)
        {
            byte[] msg = Rand(rng, MessageBytes);
            byte[] iv8 = Rand(rng, 8);
            byte[] iv16 = Rand(rng, 16);
            byte[] desKey = DesKey(rng);
            byte[] tdesKey = TdesKey(rng, 16);
            byte[] aesKey = Rand(rng, 16);
            byte[] sm4Key = Rand(rng, 16);

            // Key schedules are made once, here; the loops only encrypt.
            var des = new Des(desKey, 0, desKey.Length);
            var tdes = new TripleDes(tdesKey, 0, tdesKey.Length);
            var aes = new AesCipher(aesKey, 0, aesKey.Length);
            var sm4 = new Sm4(sm4Key, 0, sm4Key.Length);
            SymmetricAlgorithm netTdes = TripleDES.Create();
            netTdes.Key = K1K2K1(tdesKey);                 // on Linux a 2-key TDES key goes in as K1 K2 K1
            SymmetricAlgorithm netAes = Aes.Create();
            netAes.Key = aesKey;
            var bcSm4 = new SM4Engine();
            bcSm4.Init(true, new KeyParameter(sm4Key));
            var bcSm4Cbc = new CbcBlockCipher(new SM4Engine());
            bcSm4Cbc.Init(true, new ParametersWithIV(new KeyParameter(sm4Key), iv16));

            // Each portable item's output on the fixture must equal an independent one-shot computation.
            byte[] desEcb = netDes ? OneShot(DES.Create(), desKey, msg, null) : BcCrypt(new DesEngine(), desKey, msg, null, true);
            var groups = new List<Group>();

            var g = new Group("des-ecb", "DES-ECB", double.NaN);
            g.Add("portable", "portable Des", true, EcbLoop(des, msg), desEcb);
            if (netDes)
            {
                SymmetricAlgorithm netDesAlg = DES.Create();
                netDesAlg.Key = desKey;
                g.AddBaseline("dotnet", ".NET DES", NetEcbLoop(netDesAlg, msg));
            }
            groups.Add(g);

            g = new Group("tdes-ecb", "TDES-ECB (2-key)", TdesTarget);
            g.Add("portable", "portable TripleDes", true, EcbLoop(tdes, msg), OneShot(TripleDES.Create(), K1K2K1(tdesKey), msg, null));
            g.AddBaseline("dotnet", ".NET TripleDES", NetEcbLoop(netTdes, msg));
            groups.Add(g);

            g = new Group("tdes-cbc", "TDES-CBC (2-key)", TdesTarget);
            g.Add("portable", "portable TripleDes", true, CbcLoop(tdes, msg, iv8), OneShot(TripleDES.Create(), K1K2K1(tdesKey), msg, iv8));
            g.AddBaseline("dotnet", ".NET TripleDES", NetCbcLoop(netTdes, msg, iv8));
            groups.Add(g);

            g = new Group("aes-ecb", "AES-128-ECB", double.NaN);
            g.Add("portable", "portable AesCipher", true, EcbLoop(aes, msg), OneShot(Aes.Create(), aesKey, msg, null));
            g.AddBaseline("dotnet", ".NET Aes", NetEcbLoop(netAes, msg));
            groups.Add(g);

            g = new Group("aes-cbc", "AES-128-CBC", double.NaN);
            g.Add("portable", "portable AesCipher", true, CbcLoop(aes, msg, iv16), OneShot(Aes.Create(), aesKey, msg, iv16));
            g.AddBaseline("dotnet", ".NET Aes", NetCbcLoop(netAes, msg, iv16));
            groups.Add(g);

            g = new Group("sm4-ecb", "SM4-ECB", Sm4Target);
            g.Add("portable", "portable Sm4", true, EcbLoop(sm4, msg), BcSm4(sm4Key, null, msg));
            g.AddBaseline("bouncycastle", "BouncyCastle SM4Engine", BcEcbLoop(bcSm4, msg));
            groups.Add(g);

            g = new Group("sm4-cbc", "SM4-CBC", Sm4Target);
            g.Add("portable", "portable Sm4", true, CbcLoop(sm4, msg, iv16), BcSm4(sm4Key, iv16, msg));
            g.AddBaseline("bouncycastle", "BouncyCastle CbcBlockCipher(SM4Engine)", BcCbcLoop(bcSm4Cbc, msg));
            groups.Add(g);

            // MACs: the whole 256-byte message is the MAB / the MAC input.
            byte[] makDes = DesKey(rng);
            byte[] makTdes = TdesKey(rng, 16);
            byte[] makSm4 = Rand(rng, 16);
            g = new Group("cup-mac", "CUP MAC (F64: 8 ASCII hex characters)", double.NaN);
            g.Add("des", "portable CupMac, DES MAK (8 B)", true,
                CupMacLoop(new CupMac(makDes, 0, makDes.Length), msg), CupMacReferenceDes(makDes, msg));
            g.Add("tdes", "portable CupMac, TDES MAK (16 B)", true,
                CupMacLoop(new CupMac(makTdes, 0, makTdes.Length), msg), CupMacReferenceDes(makTdes, msg));
            g.Add("sm4", "portable CupMac, SM4 MAK (16 B)", true,
                CupMacLoop(CupMac.CreateSm4(makSm4, 0, makSm4.Length, CupMac.DefaultOutputLength), msg),
                CupMacReferenceSm4(makSm4, msg, CupMac.DefaultOutputLength));
            groups.Add(g);

            byte[] x919Key = X919Key(rng);
            var bcX919 = new ISO9797Alg3Mac(new DesEngine());
            bcX919.Init(new KeyParameter(x919Key));
            g = new Group("x919", "ANSI X9.19 retail MAC (padding method 1)", double.NaN);
            g.Add("portable", "portable RetailMac.CreateX919", true,
                RetailMacLoop(RetailMac.CreateX919(x919Key, 0, x919Key.Length, MacPadding.Method1), msg), BcMacOnce(bcX919, msg));
            // BouncyCastle 2.7.0's ISO9797Alg3Mac gives a different MAC when reused after DoFinal without a new Init
            // (its Reset does not restore the chaining state), so the baseline re-initialises it before every MAC.
            g.AddBaseline("bouncycastle", "BouncyCastle ISO9797Alg3Mac (Init per MAC)", BcMacLoop(bcX919, new KeyParameter(x919Key), msg));
            groups.Add(g);

            byte[] cmacKey = Rand(rng, 16);
            var bcCmac = new CMac(new AesEngine());
            bcCmac.Init(new KeyParameter(cmacKey));
            g = new Group("aes-cmac", "AES-128-CMAC", double.NaN);
            g.Add("portable", "portable AesCmac", true, CmacLoop(new AesCmac(cmacKey, 0, cmacKey.Length), msg), BcMacOnce(bcCmac, msg));
            g.AddBaseline("bouncycastle", "BouncyCastle CMac(AesEngine)", BcMacLoop(bcCmac, null, msg));
            groups.Add(g);

            foreach (Group gr in groups) gr.CheckOutputs("before timing");
            return groups;
        }

        private static byte[] OneShot(SymmetricAlgorithm alg, byte[] key, byte[] msg, byte[] iv)
        {
            using (alg)
            {
                alg.Key = key;
                return NetCrypt(alg, msg, iv, true);
            }
        }

        // ---- loops (each op: one 256-byte message) ----
        // Every loop returns a sum of output bytes, so the work cannot be dropped; the delegates and buffers are made
        // once, outside the measured region.

        private static Timed EcbLoop(PosTerminal.Crypto.IBlockCipher c, byte[] msg)
        {
            byte[] dst = new byte[msg.Length];
            return new Timed(n => PortableEcb(c, msg, dst, n), dst);
        }

        private static Timed CbcLoop(PosTerminal.Crypto.IBlockCipher c, byte[] msg, byte[] iv)
        {
            byte[] dst = new byte[msg.Length];
            byte[] chain = new byte[iv.Length];
            return new Timed(n => PortableCbc(c, msg, dst, iv, chain, n), dst);
        }

        private static Timed NetEcbLoop(SymmetricAlgorithm alg, byte[] msg)
        {
            byte[] dst = new byte[msg.Length];
            return new Timed(n => NetEcb(alg, msg, dst, n), dst);
        }

        private static Timed NetCbcLoop(SymmetricAlgorithm alg, byte[] msg, byte[] iv)
        {
            byte[] dst = new byte[msg.Length];
            return new Timed(n => NetCbc(alg, msg, iv, dst, n), dst);
        }

        private static Timed BcEcbLoop(BcBlockCipher engine, byte[] msg)
        {
            byte[] dst = new byte[msg.Length];
            return new Timed(n => BcBlocks(engine, null, msg, dst, n), dst);
        }

        private static Timed BcCbcLoop(CbcBlockCipher cbc, byte[] msg)
        {
            byte[] dst = new byte[msg.Length];
            return new Timed(n => BcBlocks(cbc, cbc, msg, dst, n), dst);
        }

        private static Timed CupMacLoop(CupMac mac, byte[] msg)
        {
            byte[] tag = new byte[mac.OutputLength];
            return new Timed(n => CupMacRun(mac, msg, tag, n), tag);
        }

        private static Timed RetailMacLoop(RetailMac mac, byte[] msg)
        {
            byte[] tag = new byte[mac.MacLength];
            return new Timed(n => RetailMacRun(mac, msg, tag, n), tag);
        }

        private static Timed CmacLoop(Cmac mac, byte[] msg)
        {
            byte[] tag = new byte[mac.MacLength];
            return new Timed(n => CmacRun(mac, msg, tag, n), tag);
        }

        private static Timed BcMacLoop(BcMac mac, KeyParameter initEach, byte[] msg)
        {
            byte[] tag = new byte[mac.GetMacSize()];
            return new Timed(n => BcMacRun(mac, initEach, msg, tag, n), tag);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long PortableEcb(PosTerminal.Crypto.IBlockCipher c, byte[] msg, byte[] dst, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                BlockModes.EncryptEcb(c, msg, 0, msg.Length, dst, 0);
                s += dst[i & 0xFF];
            }
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long PortableCbc(PosTerminal.Crypto.IBlockCipher c, byte[] msg, byte[] dst, byte[] iv, byte[] chain, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                // CBC leaves the last ciphertext block in the chaining buffer: start every message from the IV.
                Buffer.BlockCopy(iv, 0, chain, 0, iv.Length);
                BlockModes.EncryptCbc(c, msg, 0, msg.Length, dst, 0, chain, 0);
                s += dst[i & 0xFF];
            }
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long NetEcb(SymmetricAlgorithm alg, byte[] msg, byte[] dst, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                alg.EncryptEcb(msg.AsSpan(), dst.AsSpan(), PaddingMode.None);
                s += dst[i & 0xFF];
            }
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long NetCbc(SymmetricAlgorithm alg, byte[] msg, byte[] iv, byte[] dst, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                alg.EncryptCbc(msg.AsSpan(), iv.AsSpan(), dst.AsSpan(), PaddingMode.None);
                s += dst[i & 0xFF];
            }
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long BcBlocks(BcBlockCipher cipher, IBlockCipherMode mode, byte[] msg, byte[] dst, int n)
        {
            long s = 0;
            int bs = cipher.GetBlockSize();
            for (int i = 0; i < n; i++)
            {
                if (mode != null) mode.Reset();              // CBC: back to the IV given to Init
                for (int off = 0; off < msg.Length; off += bs) cipher.ProcessBlock(msg, off, dst, off);
                s += dst[i & 0xFF];
            }
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long CupMacRun(CupMac mac, byte[] msg, byte[] tag, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                mac.Compute(msg, 0, msg.Length, tag, 0);
                s += tag[i % tag.Length];
            }
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long RetailMacRun(RetailMac mac, byte[] msg, byte[] tag, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                mac.Compute(msg, 0, msg.Length, tag, 0);
                s += tag[i % tag.Length];
            }
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long CmacRun(Cmac mac, byte[] msg, byte[] tag, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                mac.Compute(msg, 0, msg.Length, tag, 0);
                s += tag[i % tag.Length];
            }
            return s;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long BcMacRun(BcMac mac, KeyParameter initEach, byte[] msg, byte[] tag, int n)
        {
            long s = 0;
            for (int i = 0; i < n; i++)
            {
                if (initEach != null) mac.Init(initEach);
                mac.BlockUpdate(msg, 0, msg.Length);
                mac.DoFinal(tag, 0);
                s += tag[i % tag.Length];
            }
            return s;
        }

        // ---- correctness on random keys and data, before timing ----

        /// <summary>
        /// Compares the portable code with .NET / BouncyCastle on <paramref name="trials"/> random keys per algorithm;
        /// returns the number of comparisons made, throws <see cref="BenchCheckException"/> on the first difference.
        /// </summary>
        private static int Verify(Random rng, int trials, bool netDes)
        {
            int checks = 0;
            using SymmetricAlgorithm netDesAlg = netDes ? DES.Create() : null;
            using TripleDES netTdes = TripleDES.Create();
            using Aes netAes = Aes.Create();
            for (int t = 0; t < trials; t++)
            {
                // DES.
                byte[] k = DesKey(rng);
                using (var p = new Des(k, 0, k.Length))
                {
                    Func<byte[], byte[], bool, byte[]> reference;
                    if (netDes)
                    {
                        netDesAlg.Key = k;
                        reference = (data, iv, enc) => NetCrypt(netDesAlg, data, iv, enc);
                    }
                    else
                    {
                        reference = (data, iv, enc) => BcCrypt(new DesEngine(), k, data, iv, enc);
                    }
                    checks += CompareCipher("DES", t, p, rng, reference);
                }

                // TDES, 2-key (as K1 K2 K1 for .NET) and 3-key.
                foreach (int len in new[] { 16, 24 })
                {
                    k = TdesKey(rng, len);
                    netTdes.Key = len == 16 ? K1K2K1(k) : k;
                    using var p = new TripleDes(k, 0, k.Length);
                    checks += CompareCipher("TDES " + len + "-byte key", t, p, rng, (data, iv, enc) => NetCrypt(netTdes, data, iv, enc));
                }

                // AES-128/192/256.
                foreach (int len in new[] { 16, 24, 32 })
                {
                    k = Rand(rng, len);
                    netAes.Key = k;
                    using var p = new AesCipher(k, 0, k.Length);
                    checks += CompareCipher("AES-" + (len * 8), t, p, rng, (data, iv, enc) => NetCrypt(netAes, data, iv, enc));
                }

                // SM4 against BouncyCastle.
                k = Rand(rng, 16);
                using (var p = new Sm4(k, 0, k.Length))
                {
                    byte[] key = k;
                    checks += CompareCipher("SM4", t, p, rng, (data, iv, enc) => BcCrypt(new SM4Engine(), key, data, iv, enc));
                }

                // MACs over random lengths (0 .. 300 bytes, most not block-aligned), and 256 bytes.
                int msgLen = t % 8 == 0 ? MessageBytes : rng.Next(0, 301);
                byte[] msg = Rand(rng, msgLen);

                k = DesKey(rng);
                using (var m = new CupMac(k, 0, k.Length)) checks += CompareMac("CUP MAC DES", t, m, msg, CupMacReferenceDes(k, msg));
                k = TdesKey(rng, 16);
                using (var m = new CupMac(k, 0, k.Length)) checks += CompareMac("CUP MAC TDES", t, m, msg, CupMacReferenceDes(k, msg));
                k = Rand(rng, 16);
                int outLen = 1 + rng.Next(32);
                using (CupMac m = CupMac.CreateSm4(k, 0, k.Length, outLen)) checks += CompareMac("CUP MAC SM4/" + outLen, t, m, msg, CupMacReferenceSm4(k, msg, outLen));

                k = X919Key(rng);
                using (RetailMac m = RetailMac.CreateX919(k, 0, k.Length, MacPadding.Method1))
                {
                    var bc = new ISO9797Alg3Mac(new DesEngine());
                    bc.Init(new KeyParameter(k));
                    var got = new byte[m.MacLength];
                    m.Compute(msg, 0, msg.Length, got, 0);
                    checks += Same("X9.19 (" + msg.Length + " B)", t, got, BcMacOnce(bc, msg));
                }

                k = Rand(rng, 16);
                using (var m = new AesCmac(k, 0, k.Length))
                {
                    var bc = new CMac(new AesEngine());
                    bc.Init(new KeyParameter(k));
                    var got = new byte[m.MacLength];
                    m.Compute(msg, 0, msg.Length, got, 0);
                    checks += Same("AES-CMAC (" + msg.Length + " B)", t, got, BcMacOnce(bc, msg));
                }
            }
            return checks;
        }

        /// <summary>ECB and CBC, encryption and decryption, on one random message (a multiple of the block, 0 .. 320 bytes, or 256).</summary>
        private static int CompareCipher(string what, int trial, PosTerminal.Crypto.IBlockCipher p, Random rng, Func<byte[], byte[], bool, byte[]> reference)
        {
            int bs = p.BlockSize;
            int len = trial % 4 == 0 ? MessageBytes : bs * rng.Next(0, 320 / bs + 1);
            byte[] data = Rand(rng, len);
            byte[] iv = Rand(rng, bs);
            var got = new byte[len];
            int checks = 0;

            BlockModes.EncryptEcb(p, data, 0, len, got, 0);
            checks += Same(what + " ECB encrypt", trial, got, reference(data, null, true));
            BlockModes.DecryptEcb(p, data, 0, len, got, 0);
            checks += Same(what + " ECB decrypt", trial, got, reference(data, null, false));

            BlockModes.EncryptCbc(p, data, 0, len, got, 0, (byte[])iv.Clone(), 0);
            checks += Same(what + " CBC encrypt", trial, got, reference(data, iv, true));
            BlockModes.DecryptCbc(p, data, 0, len, got, 0, (byte[])iv.Clone(), 0);
            checks += Same(what + " CBC decrypt", trial, got, reference(data, iv, false));
            return checks;
        }

        private static int CompareMac(string what, int trial, CupMac m, byte[] msg, byte[] reference)
        {
            var got = new byte[m.OutputLength];
            m.Compute(msg, 0, msg.Length, got, 0);
            int checks = Same(what + " (" + msg.Length + " B)", trial, got, reference);
            if (!m.Verify(msg, 0, msg.Length, reference, 0)) throw new BenchCheckException(what + ": Verify rejected the reference MAC, trial " + trial);
            reference[trial % reference.Length] ^= 0x01;
            if (m.Verify(msg, 0, msg.Length, reference, 0)) throw new BenchCheckException(what + ": Verify accepted a wrong MAC, trial " + trial);
            return checks + 2;
        }

        private static int Same(string what, int trial, byte[] got, byte[] want)
        {
            // Keys and data are not printed: the seed and the trial number reproduce them.
            if (!got.AsSpan().SequenceEqual(want)) throw new BenchCheckException(what + " differs from the reference in trial " + trial);
            return 1;
        }

        private static byte[] NetCrypt(SymmetricAlgorithm alg, byte[] data, byte[] iv, bool encrypt)
        {
            if (iv == null) return encrypt ? alg.EncryptEcb(data, PaddingMode.None) : alg.DecryptEcb(data, PaddingMode.None);
            return encrypt ? alg.EncryptCbc(data, iv, PaddingMode.None) : alg.DecryptCbc(data, iv, PaddingMode.None);
        }

        private static byte[] BcCrypt(BcBlockCipher engine, byte[] key, byte[] data, byte[] iv, bool encrypt)
        {
            BcBlockCipher c = engine;
            if (iv != null)
            {
                c = new CbcBlockCipher(engine);
                c.Init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
            }
            else
            {
                c.Init(encrypt, new KeyParameter(key));
            }
            var o = new byte[data.Length];
            int bs = c.GetBlockSize();
            for (int off = 0; off < data.Length; off += bs) c.ProcessBlock(data, off, o, off);
            return o;
        }

        private static byte[] BcSm4(byte[] key, byte[] iv, byte[] data)
        {
            return BcCrypt(new SM4Engine(), key, data, iv, true);
        }

        private static byte[] BcMacOnce(BcMac mac, byte[] msg)
        {
            var t = new byte[mac.GetMacSize()];
            mac.BlockUpdate(msg, 0, msg.Length);
            mac.DoFinal(t, 0);
            return t;
        }

        /// <summary>
        /// The UnionPay POS "ECB" MAC written out step by step over .NET's DES (8-byte MAK) or TripleDES (16-byte MAK,
        /// as K1 K2 K1): XOR of the zero-padded 8-byte blocks, 16 upper-case hex characters, encrypt the first 8,
        /// XOR with the last 8, encrypt, hex, first 8 characters.
        /// </summary>
        private static byte[] CupMacReferenceDes(byte[] mak, byte[] mab)
        {
            using SymmetricAlgorithm alg = mak.Length == 8 ? (NetDesWorks() ? DES.Create() : null) : TripleDES.Create();
            Func<byte[], byte[]> encrypt;
            if (alg != null)
            {
                alg.Key = mak.Length == 8 ? mak : K1K2K1(mak);
                encrypt = block => alg.EncryptEcb(block, PaddingMode.None);
            }
            else
            {
                encrypt = block => BcCrypt(new DesEngine(), mak, block, null, true);
            }
            return CupMacReference(8, encrypt, mab, 8);
        }

        /// <summary>The 国密 variant over BouncyCastle's SM4: 16-byte blocks, 32 hex characters, the first <paramref name="outLen"/>.</summary>
        private static byte[] CupMacReferenceSm4(byte[] mak, byte[] mab, int outLen)
        {
            return CupMacReference(16, block => BcSm4(mak, null, block), mab, outLen);
        }

        private static byte[] CupMacReference(int bs, Func<byte[], byte[]> encrypt, byte[] mab, int outLen)
        {
            var x = new byte[bs];
            for (int i = 0; i < mab.Length; i++) x[i % bs] ^= mab[i];
            byte[] hex = Encoding.ASCII.GetBytes(Convert.ToHexString(x));
            byte[] e1 = encrypt(hex.AsSpan(0, bs).ToArray());
            for (int j = 0; j < bs; j++) e1[j] ^= hex[bs + j];
            byte[] e2 = encrypt(e1);
            return Encoding.ASCII.GetBytes(Convert.ToHexString(e2).Substring(0, outLen));
        }

        // ---- keys ----

        private static byte[] Rand(Random rng, int n)
        {
            var b = new byte[n];
            rng.NextBytes(b);
            return b;
        }

        /// <summary>A random DES key that .NET accepts (not weak or semi-weak).</summary>
        private static byte[] DesKey(Random rng)
        {
            while (true)
            {
                byte[] k = Rand(rng, 8);
                if (!DES.IsWeakKey(k) && !DES.IsSemiWeakKey(k)) return k;
            }
        }

        /// <summary>A random 16- or 24-byte TDES key that .NET accepts (no key that degenerates to single DES).</summary>
        private static byte[] TdesKey(Random rng, int len)
        {
            while (true)
            {
                byte[] k = Rand(rng, len);
                if (!TripleDES.IsWeakKey(len == 16 ? K1K2K1(k) : k)) return k;
            }
        }

        /// <summary>A random X9.19 key K K' whose halves are each acceptable DES keys.</summary>
        private static byte[] X919Key(Random rng)
        {
            var k = new byte[16];
            DesKey(rng).CopyTo(k, 0);
            DesKey(rng).CopyTo(k, 8);
            return k;
        }

        private static byte[] K1K2K1(byte[] k16)
        {
            var k = new byte[24];
            Array.Copy(k16, 0, k, 0, 16);
            Array.Copy(k16, 0, k, 16, 8);
            return k;
        }

        private static bool? s_netDes;

        /// <summary>Whether .NET's DES works here (on Linux it needs OpenSSL's single DES).</summary>
        private static bool NetDesWorks()
        {
            if (s_netDes.HasValue) return s_netDes.Value;
            try
            {
                using DES d = DES.Create();
                d.Key = new byte[] { 0x13, 0x34, 0x57, 0x79, 0x9B, 0xBC, 0xDF, 0xF1 };
                // FIPS 46 worked example: 0123456789ABCDEF -> 85E813540F0AB405.
                byte[] c = d.EncryptEcb(Convert.FromHexString("0123456789ABCDEF"), PaddingMode.None);
                s_netDes = Convert.ToHexString(c) == "85E813540F0AB405";
            }
            catch (CryptographicException)
            {
                s_netDes = false;
            }
            return s_netDes.Value;
        }

        // ---- report ----

        /// <summary>A measured loop and the buffer its last operation leaves its output in.</summary>
        private sealed class Timed
        {
            public readonly Func<int, long> Loop;
            public readonly byte[] Out;

            public Timed(Func<int, long> loop, byte[] output)
            {
                Loop = loop;
                Out = output;
            }
        }

        private sealed class Item
        {
            public string Id;
            public string Label;
            public bool Portable;
            public Timed Timed;
            public byte[] Expected;
            public Measurement Result;

            public Func<int, long> Loop
            {
                get { return Timed.Loop; }
            }
        }

        /// <summary>
        /// Loops measured side by side: the portable implementation(s) first, then at most one baseline; the ratio is
        /// baseline ops/s ÷ portable ops/s of the first item ("x slower"), with an optional target.
        /// </summary>
        private sealed class Group
        {
            public readonly string Id;
            public readonly string Title;
            public readonly double Target;
            public readonly List<Item> Items = new List<Item>();
            public int Baseline = -1;

            public Group(string id, string title, double target)
            {
                Id = id;
                Title = title;
                Target = target;
            }

            public void Add(string id, string label, bool portable, Timed timed, byte[] expected)
            {
                Items.Add(new Item { Id = Id + "/" + id, Label = label, Portable = portable, Timed = timed, Expected = expected });
            }

            public void AddBaseline(string id, string label, Timed timed)
            {
                Baseline = Items.Count;
                Add(id, label, false, timed, null);
            }

            /// <summary>
            /// Runs every loop of the group for one op and compares what it left in its output buffer: a portable item
            /// with its independently computed expected output, the baseline with the first portable item.
            /// </summary>
            public void CheckOutputs(string when)
            {
                foreach (Item it in Items)
                {
                    Array.Clear(it.Timed.Out);
                    it.Timed.Loop(1);
                    byte[] want = it.Expected ?? Items[0].Expected;
                    if (!it.Timed.Out.AsSpan().SequenceEqual(want))
                        throw new BenchCheckException(Title + ": " + it.Label + " gave a wrong output " + when);
                }
            }

            /// <summary>Baseline ops/s ÷ portable ops/s from the two medians (the two may come from different repeats).</summary>
            public double RatioOfMedians
            {
                get { return Items[Baseline].Result.OpsPerSec / Items[0].Result.OpsPerSec; }
            }

            /// <summary>
            /// Baseline ops/s ÷ portable ops/s of each repeat: the two were measured one right after the other, so load
            /// from other processes hits both alike. Their median is the reported "x slower".
            /// </summary>
            public double[] RatioPerRepeat
            {
                get
                {
                    double[] b = Items[Baseline].Result.OpsPerSecRepeats;
                    double[] p = Items[0].Result.OpsPerSecRepeats;
                    var r = new double[p.Length];
                    for (int i = 0; i < r.Length; i++) r[i] = b[i] / p[i];
                    return r;
                }
            }

            public void PrintHuman()
            {
                Console.WriteLine(Title + ", " + MessageBytes + " B");
                foreach (Item it in Items)
                {
                    Measurement m = it.Result;
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "  {0,-42} {1,12:N0} ops/s (median) {2,8:0.0} MB/s {3,10:0.###} B/op",
                        it.Label, m.OpsPerSec, m.OpsPerSec * MessageBytes / 1e6, m.BytesPerOp));
                }
                if (Baseline >= 0)
                {
                    double r = Bench.Median(RatioPerRepeat);
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "  {0} vs {1}: {2:0.00}x slower{3} (ratio of the medians {4:0.00}x){5}",
                        Items[0].Label, Items[Baseline].Label, r,
                        r < 0.995 ? string.Format(CultureInfo.InvariantCulture, ", i.e. {0:0.00}x faster", 1 / r) : "",
                        RatioOfMedians,
                        double.IsNaN(Target) ? "" : string.Format(CultureInfo.InvariantCulture, "; target <= {0}x", Target)));
                }
            }

            public void AppendRatioJson(StringBuilder sb)
            {
                sb.Append('{');
                Json.Str(sb, "group", Id).Append(',');
                Json.Str(sb, "title", Title).Append(',');
                Json.Str(sb, "portable", Items[0].Id).Append(',');
                Json.Str(sb, "baseline", Items[Baseline].Id).Append(',');
                Json.Str(sb, "baselineLabel", Items[Baseline].Label).Append(',');
                Json.Num(sb, "slower", Math.Round(Bench.Median(RatioPerRepeat), 3)).Append(',');
                Json.Num(sb, "slowerRatioOfMedians", Math.Round(RatioOfMedians, 3)).Append(',');
                                sb.Append("\"slowerPerRepeat\":[");
                double[] per = RatioPerRepeat;
                for (int i = 0; i < per.Length; i++)
                {
                    if (i > 0) sb.Append(',');
                    sb.Append(Math.Round(per[i], 3).ToString("R", CultureInfo.InvariantCulture));
                }
                sb.Append("],");
                sb.Append("\"target\":").Append(double.IsNaN(Target) ? "null" : Target.ToString("R", CultureInfo.InvariantCulture));
                sb.Append('}');
            }
        }

        private static void AppendItemJson(StringBuilder sb, Item it, Group g)
        {
            sb.Append('{');
            Json.Str(sb, "id", it.Id).Append(',');
            Json.Str(sb, "group", g.Id).Append(',');
            Json.Str(sb, "title", g.Title).Append(',');
            Json.Str(sb, "label", it.Label).Append(',');
            sb.Append("\"portable\":").Append(it.Portable ? "true" : "false").Append(',');
            Json.Num(sb, "mbPerSec", Math.Round(it.Result.OpsPerSec * MessageBytes / 1e6, 2)).Append(',');
            it.Result.AppendJsonFields(sb);
            sb.Append('}');
        }
    }
}
