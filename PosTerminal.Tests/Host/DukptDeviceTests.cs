#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AcquirerSimulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Crypto;
using PosTerminal.Emulator.Board;
using PosTerminal.Emulator.Host;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Storage;
using PosTerminal.Tests.Fakes;
using PosTerminal.Tests.Host.SimulatorCrypto;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The terminal's DUKPT originating device end to end: no initial key on the medium, power cuts in every byte of the
/// state record, re-loads and replays refused (terminal and simulator), whole key lifetimes walked against every
/// published vector of ../shared/vectors/dukpt.json.
/// </summary>
[TestClass]
public class DukptDeviceTests
{
    private const string VisaTrack = ";4761739001010010=30121010000000000?";

    private static JsonNode Vectors => SharedVectors.Load("dukpt");

    private static (SecretKey Key, Ksn Ksn) DemoKey(string scheme) => DemoKeys.InjectDukpt(scheme == "dukpt-aes");

    private static KeyScheme SchemeOf(string scheme) => scheme == "dukpt-aes" ? KeyScheme.DukptAes : KeyScheme.DukptTdes;

    private static byte[] KeyBytes(SecretKey key)
    {
        byte[] k = key.Key;
        return (byte[])k.Clone();
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return true;
        }
        return false;
    }

    // A terminal of the simulator's profile and security over the given store, as SimulatorFixture composes one.
    private static PosTerminal.Txn.Terminal TerminalOn(SimulatorFixture sim, INonVolatileStore store, ILinkObserver? observer = null)
    {
        LinkSettings link = new([sim.Endpoint], 2000, 3000, sim.Profile.DefaultFrame);
        TerminalSettings s = new TerminalSettings(sim.Profile, "88880001", "898310048990001", "TEST SHOP", "156", link).WithSecurity(sim.Security);
        return new PosTerminal.Txn.Terminal(s, new SocketConnector(), new SystemClock(), store, observer, new CryptoRandom());
    }

    private static TxnOutcome PinSale(PosTerminal.Txn.Terminal t, long amount)
    {
        using CardData card = SimulatorFixture.Card(VisaTrack);
        using PinEntry pin = SimulatorFixture.Pin("1234");
        return t.Sale(card, amount, pin);
    }

    // ------------------------------------------------------------------ the initial key never reaches the medium

    [TestMethod]
    [DataRow("dukpt-tdes")]
    [DataRow("dukpt-aes")]
    public void Load_NoRecordHoldsTheInitialKey_MemoryStore(string scheme)
    {
        MemoryStore medium = new();
        DukptState state = new(new RecordStore(medium));
        (SecretKey key, Ksn ksn) = DemoKey(scheme);
        byte[] ik = KeyBytes(key);
        Assert.AreEqual(DukptKeyStatus.Ok, state.Load(key, ksn));
        key.Dispose();
        Assert.IsFalse(Contains(medium.AllBytes(), ik), "initial key on the medium after the load");
        for (int i = 0; i < 40; i++)
        {
            Assert.AreEqual(DukptKeyStatus.Ok, state.NextTransaction(SchemeOf(scheme), out TransactionKeys keys));
            keys.Dispose();
        }
        new DukptState(new RecordStore(medium)).Dispose();                              // a reboot
        Assert.IsFalse(Contains(medium.AllBytes(), ik), "initial key on the medium after transactions");
    }

    [TestMethod]
    [DataRow("dukpt-tdes")]
    [DataRow("dukpt-aes")]
    public async Task Load_NoFileHoldsTheInitialKey_AndSalesApproved_FileStore(string scheme)
    {
        string dir = Path.Combine(Path.GetTempPath(), "posterminal-dukpt-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using SimulatorFixture sim = new(AcquirerProfile.Iso87Ascii, SecuritySettings.Named(scheme));
            PosTerminal.Txn.Terminal t = TerminalOn(sim, new FileStore(dir));
            (SecretKey key, Ksn ksn) = DemoKey(scheme);
            byte[] ik = KeyBytes(key);
            Assert.AreEqual(DukptKeyStatus.Ok, t.Dukpt.Load(key, ksn));
            key.Dispose();
            Assert.AreEqual(TxnResult.Approved, PinSale(t, 1000).Result, string.Join("\n", sim.Log));
            Assert.AreEqual(TxnResult.Approved, PinSale(TerminalOn(sim, new FileStore(dir)), 1001).Result, string.Join("\n", sim.Log));
            foreach (string f in Directory.GetFiles(dir))
                Assert.IsFalse(Contains(File.ReadAllBytes(f), ik), "initial key in " + Path.GetFileName(f));
            Assert.IsTrue(File.Exists(Path.Combine(dir, DukptState.RecordName + ".0")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void LegacyInitialKeyInTheKeyStore_ErasedAtBoot_FromBothCopies()
    {
        MemoryStore medium = new();
        KeyStore old = new(new RecordStore(medium));
        (SecretKey key, _) = DemoKey("dukpt-tdes");
        byte[] ik = KeyBytes(key);
        Assert.IsTrue(old.Put(KeySlot.DukptInitialKey, key));                          // as firmware before the device state did
        Assert.IsTrue(Contains(medium.AllBytes(), ik));
        LinkSettings link = new([new HostEndpoint("127.0.0.1", SimulatorFixture.ClosedPort())], 500, 500, AcquirerProfile.Iso87Ascii.DefaultFrame);
        TerminalSettings s = new TerminalSettings(AcquirerProfile.Iso87Ascii, "88880001", "898310048990001", "TEST SHOP", "156", link)
            .WithSecurity(SecuritySettings.Named("dukpt-tdes"));
        PosTerminal.Txn.Terminal t = new(s, new SocketConnector(), new SystemClock(), medium, null, new CryptoRandom());
        Assert.IsFalse(t.Keys.Has(KeySlot.DukptInitialKey));
        Assert.IsFalse(Contains(medium.AllBytes(), ik), "legacy initial key still on the medium");
        Assert.IsFalse(t.Dukpt.HasKey);
        using CardData card = SimulatorFixture.Card(VisaTrack);
        using PinEntry pin = SimulatorFixture.Pin("1234");
        TxnOutcome o = t.Sale(card, 100, pin);
        Assert.AreEqual(TxnResult.Refused, o.Result);
        Assert.AreEqual(RefusalReason.NoDukptKey, o.Refusal);
    }

    // ------------------------------------------------------------------ power cuts

    /// <summary>
    /// A store whose writes can be cut: the <see cref="CutWrite"/>-th write from now keeps only <see cref="CutAt"/>
    /// bytes and reports failure, as flash does when the power drops (the area's old content is gone, as with a file
    /// rewritten or an erased page); the whole medium can be copied (a second device with the same flash).
    /// </summary>
    private sealed class CuttingStore : INonVolatileStore
    {
        public readonly Dictionary<string, byte[]> Areas = new();
        public int CutWrite = -1;
        public int CutAt;

        public int Read(string name, byte[] buffer, int offset, int count)
        {
            if (!Areas.TryGetValue(name, out byte[]? d)) return 0;
            int n = Math.Min(d.Length, count);
            Array.Copy(d, 0, buffer, offset, n);
            return n;
        }

        public bool Write(string name, byte[] buffer, int offset, int count)
        {
            bool cut = CutWrite == 0;
            if (CutWrite >= 0) CutWrite--;
            Areas[name] = buffer.AsSpan(offset, cut ? Math.Min(CutAt, count) : count).ToArray();
            return !cut;
        }

        public CuttingStore Clone()
        {
            CuttingStore c = new();
            foreach (KeyValuePair<string, byte[]> a in Areas) c.Areas[a.Key] = (byte[])a.Value.Clone();
            return c;
        }
    }

    private static uint CounterOf(TransactionKeys keys) => keys.Ksn.Counter;

    // Boots a device on (a copy of) the medium and runs one transaction: its counter must be above every used one.
    private static void AssertNextAbove(CuttingStore medium, KeyScheme scheme, long highest, string what)
    {
        DukptState rebooted = new(new RecordStore(medium.Clone()));
        Assert.IsTrue(rebooted.HasKey, what + ": key lost");
        Assert.AreEqual(DukptKeyStatus.Ok, rebooted.NextTransaction(scheme, out TransactionKeys next), what);
        Assert.IsTrue(CounterOf(next) > highest, $"{what}: counter {CounterOf(next):X} after {highest:X} was used");
        next.Dispose();
    }

    [TestMethod]
    [DataRow("dukpt-tdes")]
    [DataRow("dukpt-aes")]
    public void PowerCut_AtEveryByteOfTheStateRecordWrite_NextCounterAlwaysAboveEveryUsedOne(string scheme)
    {
        KeyScheme ks = SchemeOf(scheme);
        // The record's slot image: 10-byte header, payload (scheme, history count, device state), CRC-32.
        int payload = 2 + (scheme == "dukpt-aes" ? DukptAesDevice.StateLengthFor(16) : DukptTdesDevice.StateLength);
        int slotLength = 10 + payload + 4;
        int cases = 0;
        for (int write = 0; write < 2; write++)                                       // the new copy, then its mirror
        {
            for (int cut = 0; cut <= slotLength; cut++)
            {
                string what = $"{scheme} write {write} cut at byte {cut}";
                CuttingStore medium = new();
                DukptState state = new(new RecordStore(medium));
                (SecretKey key, Ksn ksn) = DemoKey(scheme);
                Assert.AreEqual(DukptKeyStatus.Ok, state.Load(key, ksn));
                key.Dispose();
                long highest = 0;
                for (int i = 0; i < 3; i++)
                {
                    Assert.AreEqual(DukptKeyStatus.Ok, state.NextTransaction(ks, out TransactionKeys k));
                    highest = CounterOf(k);
                    k.Dispose();
                }
                CuttingStore before = medium.Clone();
                medium.CutWrite = write;
                medium.CutAt = cut;
                DukptKeyStatus s = state.NextTransaction(ks, out TransactionKeys? used);
                if (write == 0)
                {
                    // The new copy did not complete: no keys come out.
                    Assert.AreEqual(DukptKeyStatus.StorageFailure, s, what);
                    Assert.IsNull(used);
                }
                else
                {
                    // The new copy is safe: the keys are handed out (and used) whatever happens to the mirror.
                    Assert.AreEqual(DukptKeyStatus.Ok, s, what);
                    Assert.IsTrue(CounterOf(used!) > highest, what);
                    highest = CounterOf(used!);
                    used!.Dispose();
                }
                medium.CutWrite = -1;
                AssertNextAbove(medium, ks, highest, what);
                // The worst case of a damaged newest copy: the medium reads back as it was before this save, while
                // the keys of that save may have been used. The boot burns the counter the old copy would reuse.
                AssertNextAbove(before, ks, highest, what + ", fallen back to the previous copy");
                cases++;
            }
        }
        Assert.AreEqual(2 * (slotLength + 1), cases);
    }

    [TestMethod]
    public void FailedSaves_NeverLetMemoryRunAheadOfTheMedium()
    {
        CuttingStore medium = new();
        DukptState state = new(new RecordStore(medium));
        (SecretKey key, Ksn ksn) = DemoKey("dukpt-tdes");
        state.Load(key, ksn);
        key.Dispose();
        // Every save fails at its first write for a while: no keys come out and the counter does not move.
        string before = state.Current!.ToString();
        for (int i = 0; i < 5; i++)
        {
            medium.CutWrite = 0;
            medium.CutAt = 3;
            Assert.AreEqual(DukptKeyStatus.StorageFailure, state.NextTransaction(KeyScheme.DukptTdes, out TransactionKeys? k));
            Assert.IsNull(k);
        }
        Assert.AreEqual(before, state.Current!.ToString());
        // A boot whose burn cannot be saved refuses until the burn is saved.
        medium.CutWrite = 0;
        medium.CutAt = 0;
        DukptState rebooted = new(new RecordStore(medium));
        Assert.AreEqual(before, rebooted.Current!.ToString());
        medium.CutWrite = 0;
        Assert.AreEqual(DukptKeyStatus.StorageFailure, rebooted.NextTransaction(KeyScheme.DukptTdes, out TransactionKeys? refused));
        Assert.IsNull(refused);
        Assert.AreEqual(DukptKeyStatus.Ok, rebooted.NextTransaction(KeyScheme.DukptTdes, out TransactionKeys keys));
        Assert.AreEqual("FFFF9876543210E00002", keys.Ksn.ToString());                 // counter 1 burnt first
        keys.Dispose();
    }

    // ------------------------------------------------------------------ re-loads and replays

    [TestMethod]
    [DataRow("dukpt-tdes")]
    [DataRow("dukpt-aes")]
    public async Task Reload_SameInitialKeyAndKsn_Refused_SalesGoOn(string scheme)
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Iso87Ascii, SecuritySettings.Named(scheme));
        PosTerminal.Txn.Terminal t = sim.Terminal();
        Assert.AreEqual(TxnResult.Approved, PinSale(t, 500).Result);
        string before = t.Dukpt.Current!.ToString();
        (SecretKey key, Ksn ksn) = DemoKey(scheme);
        using (key) Assert.AreEqual(DukptKeyStatus.KeyIdUsed, t.Dukpt.Load(key, ksn));
        Assert.AreEqual(before, t.Dukpt.Current!.ToString());
        Assert.AreEqual(TxnResult.Approved, PinSale(t, 501).Result, string.Join("\n", sim.Log));
        Assert.AreEqual(TxnResult.Approved, PinSale(sim.Terminal(), 502).Result, string.Join("\n", sim.Log));   // same device after a reboot
        Assert.IsFalse(sim.Log.Any(l => l.Contains("replayed")), string.Join("\n", sim.Log));
    }

    private sealed class FrameCapture : ILinkObserver
    {
        public byte[]? LastSent;

        public void OnConnect(int index, HostEndpoint host, LinkStatus status)
        {
        }

        public void OnSent(IsoMessage message, byte[] frame, int messageOffset, int frameLength) => LastSent = frame.AsSpan(0, frameLength).ToArray();

        public void OnReceived(IsoMessage message, byte[] frame, int messageOffset, int frameLength, bool matched)
        {
        }

        public void OnFormatError(IsoFormatException error, int frameLength)
        {
        }
    }

    [TestMethod]
    [DataRow("dukpt-tdes")]
    [DataRow("dukpt-aes")]
    public async Task ReplayedKsn_SimulatorAnswers63_NotBooked(string scheme)
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Iso87Ascii, SecuritySettings.Named(scheme));
        CuttingStore medium = new();
        PosTerminal.Txn.Terminal first = TerminalOn(sim, medium);
        (SecretKey key, Ksn ksn) = DemoKey(scheme);
        using (key) Assert.AreEqual(DukptKeyStatus.Ok, first.Dukpt.Load(key, ksn));
        CuttingStore copy = medium.Clone();                                            // the flash, copied before any sale

        FrameCapture capture = new();
        PosTerminal.Txn.Terminal device = TerminalOn(sim, medium, capture);
        TxnOutcome approved = PinSale(device, 700);
        Assert.AreEqual(TxnResult.Approved, approved.Result, string.Join("\n", sim.Log));
        int booked = sim.Host.Ledger.Entries.Count;

        // A clone of the device restored from the copy boots to the same counter: its request repeats the KSN.
        PosTerminal.Txn.Terminal clone = TerminalOn(sim, copy);
        TxnOutcome replayed = PinSale(clone, 701);
        Assert.AreEqual("63", replayed.ResponseCode, string.Join("\n", sim.Log));
        Assert.AreEqual(TxnResult.Declined, replayed.Result);
        Assert.AreEqual(booked, sim.Host.Ledger.Entries.Count, "a replayed KSN was booked");
        Assert.IsTrue(sim.Log.Any(l => l.Contains("replayed") && l.Contains("-> 63")), string.Join("\n", sim.Log));

        // The captured request itself, sent again byte for byte.
        using (System.Net.Sockets.TcpClient c = new())
        {
            await c.ConnectAsync("127.0.0.1", sim.Host.Port);
            System.Net.Sockets.NetworkStream s = c.GetStream();
            await s.WriteAsync(capture.LastSent!);
            byte[] buf = new byte[2048];
            using System.Threading.CancellationTokenSource cts = new(TimeSpan.FromSeconds(5));
            Assert.IsTrue(await s.ReadAsync(buf, cts.Token) > 0);
        }
        Assert.AreEqual(2, sim.Log.Count(l => l.Contains("replayed") && l.Contains("-> 63")), string.Join("\n", sim.Log));
        Assert.AreEqual(booked, sim.Host.Ledger.Entries.Count);

        // The genuine device goes on with higher counters.
        Assert.AreEqual(TxnResult.Approved, PinSale(device, 702).Result, string.Join("\n", sim.Log));
    }

    // ------------------------------------------------------------------ whole lifetimes against every published vector

    [TestMethod]
    public void TdesDevice_WholeLife_EveryUsableCounterOnceInOrder_EveryPublishedRow_ThenExhausted()
    {
        Dictionary<uint, string> rows = new();
        JsonNode tdes = Vectors["tdes"]!;
        foreach (JsonNode? r in tdes["sequence"]!.AsArray())
            rows[DukptTdes.ReadCounter(Hex.Decode((string)r!["ksn"]!), 0)] = (string)r["txn_key"]!;
        byte[] ipek = Hex.Decode((string)tdes["ipek"]!);
        byte[] iksn = Hex.Decode((string)tdes["iksn"]!);
        using DukptTdesDevice d = new();
        using DukptTdes host = new();
        Assert.AreEqual(DukptStatus.Ok, d.Load(ipek, 0, iksn, 0));
        byte[] key = new byte[16];
        byte[] expected = new byte[16];
        byte[] ksn = new byte[10];
        byte[] state = new byte[DukptTdesDevice.StateLength];
        uint previous = 0;
        int transactions = 0, matched = 0;
        DukptStatus end;
        do
        {
            Assert.AreEqual(DukptStatus.Ok, d.BeginTransaction());
            uint c = d.Counter;
            Assert.IsTrue(c > previous && DukptTdes.IsValidCounter(c), $"counter {c:X} after {previous:X}");
            uint expectedNext;
            if (previous != 0) Assert.AreEqual(DukptStatus.Ok, DukptTdes.NextCounter(previous, out expectedNext));
            else expectedNext = 1;
            Assert.AreEqual(expectedNext, c, "a usable counter was skipped");
            d.DeriveKey(DukptTdesVariant.None, key, 0);
            if (rows.TryGetValue(c, out string? published))
            {
                Assert.AreEqual(published, Hex.Encode(key), $"counter {c:X}");
                matched++;
            }
            if ((c & 0x3FFF) == 0 || DukptCounter.OneBits(c) == DukptTdes.MaxOneBits && (c & 0xFF) == 0)
            {
                d.CopyKsn(ksn, 0);
                Assert.AreEqual(DukptStatus.Ok, host.DeriveTransactionKey(ipek, 0, ksn, 0, expected, 0));
                CollectionAssert.AreEqual(expected, key, $"counter {c:X}");
            }
            previous = c;
            transactions++;
            end = d.EndTransaction();
            if ((transactions & 0xFFFF) == 0)
            {
                d.Serialize(state, 0);
                Assert.IsTrue(d.Deserialize(state, 0));
            }
        }
        while (end == DukptStatus.Ok);
        Assert.AreEqual(DukptStatus.Exhausted, end);
        Assert.AreEqual(DukptTdes.LastCounter, previous);
        Assert.AreEqual((1 << 20) - 1, transactions);                                // every counter of 1..1FFFFF with at most 10 one-bits
        Assert.AreEqual(rows.Count, matched);
        Assert.AreEqual(DukptStatus.Exhausted, d.BeginTransaction());
    }

    [TestMethod]
    public void AesDevice_WalkedAndPositioned_EveryPublishedRow()
    {
        JsonNode aes = Vectors["aes"]!;
        byte[] ik = Hex.Decode((string)aes["ik"]!);
        byte[] iksn = new byte[12];
        Hex.Decode((string)aes["ikid"]!).CopyTo(iksn, 0);
        List<(uint Counter, JsonNode Row)> rows = aes["sequence"]!.AsArray()
            .Select(r => (DukptAes.ReadCounter(Hex.Decode((string)r!["ksn"]!), 0), r!)).ToList();
        byte[] key = new byte[16];

        // Walked from the load through counter 00020001 (131,071 transactions), every row on the way checked.
        using (DukptAesDevice d = new())
        {
            Assert.AreEqual(DukptStatus.Ok, d.Load(ik, 0, 16, iksn, 0));
            int matched = 0;
            uint previous = 0;
            while (true)
            {
                Assert.AreEqual(DukptStatus.Ok, d.BeginTransaction());
                uint c = d.Counter;
                if (c > 0x20001) break;
                Assert.IsTrue(c > previous && DukptAes.IsValidCounter(c));
                foreach ((uint counter, JsonNode row) in rows.Where(r => r.Counter == c))
                {
                    AssertRow(d, row, key);
                    matched++;
                }
                previous = c;
                Assert.AreEqual(DukptStatus.Ok, d.EndTransaction());
            }
            Assert.AreEqual(rows.Count(r => r.Counter <= 0x20001), matched);
        }

        // Positioned just before the last published counters and walked to the end.
        using (DukptAesDevice d = new())
        {
            DukptAes.WriteCounter(0xFFFE1FFF, iksn, 0);
            Assert.AreEqual(DukptStatus.Ok, d.Load(ik, 0, 16, iksn, 0));
            int matched = 0;
            DukptStatus end;
            do
            {
                Assert.AreEqual(DukptStatus.Ok, d.BeginTransaction());
                foreach ((uint counter, JsonNode row) in rows.Where(r => r.Counter == d.Counter))
                {
                    AssertRow(d, row, key);
                    matched++;
                }
                end = d.EndTransaction();
            }
            while (end == DukptStatus.Ok);
            Assert.AreEqual(DukptStatus.Exhausted, end);
            Assert.AreEqual(rows.Count(r => r.Counter >= 0xFFFE2000), matched);
        }
    }

    [TestMethod]
    public void Devices_TransactionsAndStateRoundTrips_AllocateNothing()
    {
        byte[] ipek = Hex.Decode((string)Vectors["tdes"]!["ipek"]!);
        byte[] ik = Hex.Decode((string)Vectors["aes"]!["ik"]!);
        byte[] key = new byte[32];
        byte[] ksn = new byte[12];
        using DukptTdesDevice tdes = new();
        using DukptAesDevice aes = new();
        tdes.Load(ipek, 0, Hex.Decode("FFFF9876543210E00000"), 0);
        aes.Load(ik, 0, 16, Hex.Decode("123456789012345600000000"), 0);
        byte[] tdesState = new byte[DukptTdesDevice.StateLength];
        byte[] aesState = new byte[aes.StateLength];
        void Round()
        {
            for (int i = 0; i < 100; i++)
            {
                tdes.BeginTransaction();
                tdes.CopyKsn(ksn, 0);
                tdes.DeriveKey(DukptTdesVariant.Pin, key, 0);
                tdes.DeriveKey(DukptTdesVariant.DataRequest, key, 0);
                tdes.EndTransaction();
                aes.BeginTransaction();
                aes.CopyKsn(ksn, 0);
                aes.DeriveWorkingKey(DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes128, key, 0);
                aes.EndTransaction();
            }
            tdes.Serialize(tdesState, 0);
            tdes.Deserialize(tdesState, 0);
            aes.Serialize(aesState, 0);
            aes.Deserialize(aesState, 0, aesState.Length);
        }
        Round();                                                                    // warm-up: JIT, static constructors
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < 20; r++) Round();
        Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before, "bytes allocated by 2000 transactions per device");
    }

    private static void AssertRow(DukptAesDevice d, JsonNode row, byte[] key)
    {
        d.CopyTransactionKey(key, 0);
        Assert.AreEqual((string)row["txn_key"]!, Hex.Encode(key), (string)row["ksn"]!);
        if (row["pin_key"] == null) return;
        Assert.AreEqual(DukptStatus.Ok, d.DeriveWorkingKey(DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes128, key, 0));
        Assert.AreEqual((string)row["pin_key"]!, Hex.Encode(key));
        Assert.AreEqual(DukptStatus.Ok, d.DeriveWorkingKey(DukptAesKeyUsage.MacGeneration, DukptAesKeyType.Aes128, key, 0));
        Assert.AreEqual((string)row["mac_gen_key"]!, Hex.Encode(key));
        Assert.AreEqual(DukptStatus.Ok, d.DeriveWorkingKey(DukptAesKeyUsage.DataEncrypt, DukptAesKeyType.Aes128, key, 0));
        Assert.AreEqual((string)row["data_enc_key"]!, Hex.Encode(key));
    }
}
