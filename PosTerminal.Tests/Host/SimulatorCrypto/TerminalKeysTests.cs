#nullable enable
using System;
using System.Linq;
using System.Threading.Tasks;
using AcquirerSimulator.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.SimulatorCrypto;

/// <summary>The simulator's per-terminal key registry.</summary>
[TestClass]
public sealed class TerminalKeysTests
{
    private const string TmkHex = "CA5D92598DCA48CE8A4C76361A9269E9";

    [TestMethod]
    public void SignOn_IssuesKeysUnderTheTerminalsTmk_AndRemembersThem()
    {
        using TerminalKeys reg = new();
        using (HostKey tmk = HostKey.DesFamilyFromHex(TmkHex)) reg.SetMasterKey("10000001", tmk);
        Assert.IsTrue(reg.Contains("10000001"));
        Assert.IsFalse(reg.Knows("10000002"));

        Assert.IsTrue(reg.TrySignOn("10000001", CupKeyLayout.Double60, 7, out CupWorkingKeySet? issued));
        using (issued)
        {
            using HostKey tmk = HostKey.DesFamilyFromHex(TmkHex);
            Assert.AreEqual(CupKeyStatus.Ok, CupKeyIssuer.Unwrap(tmk, issued!.F62, false, out CupWorkingKeySet? unwrapped));
            unwrapped!.Dispose();

            using TerminalKeyState state = reg.Get("10000001")!;
            Assert.AreEqual(TerminalKeyScheme.MasterSession, state.Scheme);
            Assert.AreEqual(7, state.Batch);
            Assert.AreEqual(1, state.SignOns);
            CollectionAssert.AreEqual(issued.Mak.ToArray(), state.WorkingKeys!.Mak.ToArray());
            CollectionAssert.AreEqual(issued.Tdk!.ToArray(), state.WorkingKeys.Tdk!.ToArray());
            string shown = state.ToString();
            Assert.IsTrue(shown.Contains("batch 000007", StringComparison.Ordinal), shown);
            Assert.IsFalse(shown.Contains(Convert.ToHexString(issued.Mak.Bytes), StringComparison.Ordinal));
            Assert.IsFalse(shown.Contains(TmkHex, StringComparison.Ordinal));
        }

        // A second sign-on replaces the keys; copies handed out earlier stay usable.
        TerminalKeyState before = reg.Get("10000001")!;
        Assert.IsTrue(reg.TrySignOn("10000001", CupKeyLayout.Double40, null, out CupWorkingKeySet? second));
        using TerminalKeyState after = reg.Get("10000001")!;
        Assert.AreEqual(7, after.Batch);
        Assert.AreEqual(CupKeyLayout.Double40, after.WorkingKeys!.Layout);
        Assert.AreEqual(16, before.WorkingKeys!.Pik.Length);
        Assert.IsFalse(before.WorkingKeys.Pik.ToArray().SequenceEqual(after.WorkingKeys.Pik.ToArray()));
        before.Dispose();
        second!.Dispose();

        reg.ClearWorkingKeys("10000001");
        using (TerminalKeyState cleared = reg.Get("10000001")!) Assert.IsNull(cleared.WorkingKeys);
        Assert.IsTrue(reg.Remove("10000001"));
        Assert.IsNull(reg.Get("10000001"));
    }

    [TestMethod]
    public void SchemeMismatch_AndUnknownTerminal_AreRefused()
    {
        using TerminalKeys reg = new();
        Assert.IsFalse(reg.TrySignOn("X", CupKeyLayout.Double40, 1, out _));
        using (HostKey sm4 = new(HostCipherAlgorithm.Sm4, Convert.FromHexString("1234567890ABCDEFABCDEF0987654321"))) reg.SetMasterKey("S", sm4);
        Assert.IsFalse(reg.TrySignOn("S", CupKeyLayout.Double40, 1, out _));
        Assert.IsTrue(reg.TrySignOn("S", CupKeyLayout.Sm4Triple60, 1, out CupWorkingKeySet? keys));
        Assert.AreEqual(HostCipherAlgorithm.Sm4, keys!.Mak.Algorithm);
        keys.Dispose();
        using (TerminalKeyState s = reg.Get("S")!) Assert.AreEqual(TerminalKeyScheme.MasterSessionSm4, s.Scheme);

        using HostKey bdk = HostKey.DesFamilyFromHex("0123456789ABCDEFFEDCBA9876543210");
        reg.SetBdk("D", bdk, TerminalKeyScheme.DukptTdes);
        Assert.IsFalse(reg.TrySignOn("D", CupKeyLayout.Double40, 1, out _));
        using (TerminalKeyState d = reg.Get("D")!)
        {
            Assert.AreEqual(TerminalKeyScheme.DukptTdes, d.Scheme);
            Assert.AreEqual("08D7B4", d.Bdk!.CheckValue);
            Assert.IsNull(d.MasterKey);
        }
        Assert.ThrowsExactly<ArgumentException>(() => reg.SetBdk("D", bdk, TerminalKeyScheme.DukptAes));
        using HostKey aes = new(HostCipherAlgorithm.Aes, Convert.FromHexString("FEDCBA9876543210F1F1F1F1F1F1F1F1"));
        reg.SetBdk("A", aes, TerminalKeyScheme.DukptAes);
        Assert.ThrowsExactly<ArgumentException>(() => reg.SetMasterKey("A", aes));
    }

    [TestMethod]
    public void DefaultKeys_ServeUnregisteredTerminals_EachWithItsOwnState()
    {
        using TerminalKeys reg = new();
        using (HostKey tmk = HostKey.DesFamilyFromHex(TmkHex)) reg.SetMasterKey(TerminalKeys.AnyTerminal, tmk);
        Assert.IsTrue(reg.Knows("20000001"));
        Assert.IsTrue(reg.TrySignOn("20000001", CupKeyLayout.Double40, 1, out CupWorkingKeySet? a));
        Assert.IsTrue(reg.TrySignOn("20000002", CupKeyLayout.Double40, 2, out CupWorkingKeySet? b));
        using (a)
        using (b)
        {
            Assert.IsFalse(a!.Mak.ToArray().SequenceEqual(b!.Mak.ToArray()));
        }
        Assert.AreEqual(1, reg.BatchOf("20000001"));
        Assert.AreEqual(2, reg.BatchOf("20000002"));
        CollectionAssert.AreEqual(new[] { "*", "20000001", "20000002" }, reg.TerminalIds.ToArray());
        Assert.IsTrue(reg.SetBatch("20000001", 5));
        Assert.AreEqual(5, reg.BatchOf("20000001"));
    }

    [TestMethod]
    public void ConcurrentSignOnsAndReads_StayConsistent()
    {
        using TerminalKeys reg = new();
        using (HostKey tmk = HostKey.DesFamilyFromHex(TmkHex)) reg.SetMasterKey(TerminalKeys.AnyTerminal, tmk);
        Parallel.For(0, 400, i =>
        {
            string id = "3000000" + (i % 8);
            if (i % 2 == 0)
            {
                Assert.IsTrue(reg.TrySignOn(id, CupKeyLayout.Double60, i, out CupWorkingKeySet? k));
                k!.Dispose();
            }
            using TerminalKeyState? s = reg.Get(id);
            if (s?.WorkingKeys != null)
            {
                // Whatever set is current, it is whole: its F62 unwraps under the TMK to the same keys.
                Assert.AreEqual(CupKeyStatus.Ok, CupKeyIssuer.Unwrap(s.MasterKey!, s.WorkingKeys.F62, false, out CupWorkingKeySet? u));
                using (u) CollectionAssert.AreEqual(s.WorkingKeys.Mak.ToArray(), u!.Mak.ToArray());
            }
        });
        int total = 0;
        for (int j = 0; j < 8; j++)
        {
            using TerminalKeyState s = reg.Get("3000000" + j)!;
            total += s.SignOns;
        }
        Assert.AreEqual(200, total);
    }
}
