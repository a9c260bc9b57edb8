#nullable enable
using System;
using AcquirerSimulator.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace PosTerminal.Tests.Host.SimulatorCrypto;

/// <summary>UnionPay sign-on key issuing: published F62 examples, layouts, check values, tampering.</summary>
[TestClass]
public sealed class CupWorkingKeysTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex);

    [TestMethod]
    public void Code456_FortyByteF62()
    {
        // https://www.code456.com/article/3026509.html (cup-security.md §2.2): TMK, F62 "0040" + 40 bytes, the clear keys
        // and their check values.
        using HostKey tmk = HostKey.DesFamilyFromHex("CA5D92598DCA48CE8A4C76361A9269E9");
        byte[] field = H("00406701EAD6A9AD51E51AA406E2C27FCFA98D0A74B8B651F9E9BACE9AE10000000000000000AB7153CA");
        Assert.AreEqual(40, (field[0] >> 4) * 1000 + (field[0] & 15) * 100 + (field[1] >> 4) * 10 + (field[1] & 15));
        CupKeyStatus status = CupKeyIssuer.Unwrap(tmk, field.AsSpan(2), sm4: false, out CupWorkingKeySet? keys);
        Assert.AreEqual(CupKeyStatus.Ok, status);
        using (keys)
        {
            Assert.AreEqual(CupKeyLayout.Double40, keys!.Layout);
            Assert.AreEqual("807A23AD32B36D457AE91FDF927570EA", Convert.ToHexString(keys.Pik.Bytes));
            Assert.AreEqual("5BB5C72CD00B7338", Convert.ToHexString(keys.Mak.Bytes));
            Assert.AreEqual(HostCipherAlgorithm.Des, keys.Mak.Algorithm);
            Assert.AreEqual("8D0A74B8", CupWorkingKeySet.CheckValueOf(keys.Pik));
            Assert.AreEqual("AB7153CA", CupWorkingKeySet.CheckValueOf(keys.Mak));
            Assert.AreEqual("8D0A74B8C5EF66C6", Convert.ToHexString(HostKcv.Des(keys.Pik.Bytes, 8)));
            Assert.AreEqual("AB7153CA985B10C2", Convert.ToHexString(HostKcv.Des(keys.Mak.Bytes, 8)));
            Assert.AreEqual("Double40: PIK CV 8D0A74B8, MAK CV AB7153CA", keys.ToString());
        }
    }

    [TestMethod]
    public void SingleDes_TwentyFourByteF62()
    {
        // cup-security.md §2.3: a Java utility main() (code-index id 34815676237, repository not resolved) with
        // "MASTER KEY: 133E07D9193E0EFD ...": its left half as a single-DES TMK; PIK and MAK ciphertexts and CVs.
        using HostKey tmk = HostKey.DesFamilyFromHex("133E07D9193E0EFD");
        byte[] f62 = H("6F01391A6BA24F40" + "1033F8BD" + "90FA9C9089E81A90" + "2A4D1BB8");
        Assert.AreEqual(CupKeyStatus.Ok, CupKeyIssuer.Unwrap(tmk, f62, false, out CupWorkingKeySet? keys));
        using (keys)
        {
            Assert.AreEqual(CupKeyLayout.Single24, keys!.Layout);
            Assert.AreEqual("B03261E338C11980", Convert.ToHexString(keys.Pik.Bytes));
            Assert.AreEqual("E3D6F1C2E51A9179", Convert.ToHexString(keys.Mak.Bytes));
        }
        // The two further pairs of the same main().
        Assert.AreEqual("232C58C2F183F7D9", Convert.ToHexString(HostCipher.DecryptEcb(HostCipherAlgorithm.Des, tmk.Bytes, H("15B1C8B8AA032296"))));
        Assert.AreEqual("A8C2F57901497F57", Convert.ToHexString(HostKcv.Des(H("232C58C2F183F7D9"), 8)));
        Assert.AreEqual("269ECD3407E69E91", Convert.ToHexString(HostCipher.DecryptEcb(HostCipherAlgorithm.Des, tmk.Bytes, H("43E963C67D649908"))));
        Assert.AreEqual("1F963163", Convert.ToHexString(HostKcv.Des(H("269ECD3407E69E91"), 4)));
    }

    [TestMethod]
    public void Svinexta_Kcv() =>
        // https://m.svinexta.cn/wenda/3445.html (cup-security.md §2.4).
        Assert.AreEqual("AE103AE98D332DCB", Convert.ToHexString(HostKcv.Des(H("C7D50808A7DFFE62B9943B45A4C77FC7"), 8)));

    [TestMethod]
    [DataRow("001", false, CupKeyLayout.Single24)]
    [DataRow("003", false, CupKeyLayout.Double40)]
    [DataRow("004", false, CupKeyLayout.Double60)]
    [DataRow("003", true, CupKeyLayout.Sm4Pair40)]
    [DataRow("004", true, CupKeyLayout.Sm4Triple60)]
    public void LayoutFromF603(string f603, bool sm4, CupKeyLayout layout) => Assert.AreEqual(layout, CupKeyIssuer.LayoutFor(f603, sm4));

    [TestMethod]
    public void LayoutFromF603_Unknown() => Assert.IsNull(CupKeyIssuer.LayoutFor("002", false));

    [TestMethod]
    [DataRow(CupKeyLayout.Single24, "133E07D9193E0EFD", false)]
    [DataRow(CupKeyLayout.Single24, "CA5D92598DCA48CE8A4C76361A9269E9", false)]
    [DataRow(CupKeyLayout.Double40, "CA5D92598DCA48CE8A4C76361A9269E9", false)]
    [DataRow(CupKeyLayout.Double40, "CA5D92598DCA48CE8A4C76361A9269E9", true)]
    [DataRow(CupKeyLayout.Double60, "CA5D92598DCA48CE8A4C76361A9269E9", false)]
    [DataRow(CupKeyLayout.Double60, "CA5D92598DCA48CE8A4C76361A9269E9", true)]
    [DataRow(CupKeyLayout.Double60, "0123456789ABCDEFFEDCBA987654321089ABCDEF01234567", false)]
    [DataRow(CupKeyLayout.Sm4Pair40, "1234567890ABCDEFABCDEF0987654321", false)]
    [DataRow(CupKeyLayout.Sm4Triple60, "1234567890ABCDEFABCDEF0987654321", false)]
    public void Issue_LaysOutKeysUnderTheTmk_CheckedIndependently(CupKeyLayout layout, string tmkHex, bool doubleMak)
    {
        bool sm4 = layout is CupKeyLayout.Sm4Pair40 or CupKeyLayout.Sm4Triple60;
        byte[] tmkBytes = H(tmkHex);
        using HostKey tmk = sm4 ? new HostKey(HostCipherAlgorithm.Sm4, tmkBytes) : HostKey.DesFamilyFromHex(tmkHex);
        for (int round = 0; round < 20; round++)
        {
            using CupWorkingKeySet keys = CupKeyIssuer.Issue(tmk, layout, doubleMak);
            byte[] f62 = keys.F62;
            Assert.AreEqual(CupKeyIssuer.LengthOf(layout), f62.Length);
            int pikLen = layout == CupKeyLayout.Single24 ? 8 : 16;
            int makLen = sm4 || (doubleMak && layout != CupKeyLayout.Single24) ? 16 : 8;
            int slot = layout == CupKeyLayout.Single24 ? 12 : 20;
            Assert.AreEqual(pikLen, keys.Pik.Length);
            Assert.AreEqual(makLen, keys.Mak.Length);
            Assert.AreEqual(f62.Length == 60, keys.Tdk != null);

            // Recompute every slot with BouncyCastle engines, not with the simulator's code.
            CheckSlot(sm4, tmkBytes, f62, 0, keys.Pik.ToArray(), slot);
            CheckSlot(sm4, tmkBytes, f62, slot, keys.Mak.ToArray(), slot);
            if (keys.Tdk != null) CheckSlot(sm4, tmkBytes, f62, 40, keys.Tdk.ToArray(), 20);

            // DES keys: odd parity, halves differ.
            if (!sm4)
            {
                foreach (byte b in keys.Pik.Bytes) Assert.AreEqual(1, System.Numerics.BitOperations.PopCount(b) % 2);
                if (pikLen == 16) Assert.IsFalse(keys.Pik.Bytes.Slice(0, 8).SequenceEqual(keys.Pik.Bytes.Slice(8, 8)));
            }

            // The terminal's side accepts it and recovers the same keys.
            Assert.AreEqual(CupKeyStatus.Ok, CupKeyIssuer.Unwrap(tmk, f62, sm4, out CupWorkingKeySet? back));
            using (back)
            {
                CollectionAssert.AreEqual(keys.Pik.ToArray(), back!.Pik.ToArray());
                CollectionAssert.AreEqual(keys.Mak.ToArray(), back.Mak.ToArray());
                if (keys.Tdk != null) CollectionAssert.AreEqual(keys.Tdk.ToArray(), back.Tdk!.ToArray());
            }
        }
    }

    [TestMethod]
    public void TamperedCheckValue_RefusesTheWholeSet()
    {
        using HostKey tmk = HostKey.DesFamilyFromHex("CA5D92598DCA48CE8A4C76361A9269E9");
        using CupWorkingKeySet keys = CupKeyIssuer.Issue(tmk, CupKeyLayout.Double60);
        (int at, CupKeyStatus expected)[] cases = { (16, CupKeyStatus.PikCheckValueMismatch), (36, CupKeyStatus.MakCheckValueMismatch), (56, CupKeyStatus.TdkCheckValueMismatch), (3, CupKeyStatus.PikCheckValueMismatch) };
        foreach ((int at, CupKeyStatus expected) in cases)
        {
            byte[] f62 = (byte[])keys.F62.Clone();
            f62[at] ^= 0x01;
            Assert.AreEqual(expected, CupKeyIssuer.Unwrap(tmk, f62, false, out CupWorkingKeySet? none), $"byte {at}");
            Assert.IsNull(none);
        }
        using HostKey otherTmk = HostKey.DesFamilyFromHex("0123456789ABCDEFFEDCBA9876543210");
        Assert.AreNotEqual(CupKeyStatus.Ok, CupKeyIssuer.Unwrap(otherTmk, keys.F62, false, out _));
        Assert.AreEqual(CupKeyStatus.BadLength, CupKeyIssuer.Unwrap(tmk, keys.F62.AsSpan(0, 56), false, out _));
        Assert.AreEqual(CupKeyStatus.WrongMasterKey, CupKeyIssuer.Unwrap(tmk, keys.F62, true, out _));
        Assert.ThrowsExactly<ArgumentException>(() => CupKeyIssuer.Issue(tmk, CupKeyLayout.Sm4Pair40));
    }

    [TestMethod]
    public void NewKeys_AreNeverWeak_AndAlwaysAcceptedByDotNet()
    {
        for (int i = 0; i < 2000; i++)
        {
            using HostKey k8 = CupKeyIssuer.NewKey(false, 8);
            Assert.IsFalse(System.Security.Cryptography.DES.IsWeakKey(k8.ToArray()) || System.Security.Cryptography.DES.IsSemiWeakKey(k8.ToArray()));
        }
        using HostKey k16 = CupKeyIssuer.NewKey(false, 16);
        using System.Security.Cryptography.TripleDES t = System.Security.Cryptography.TripleDES.Create();
        byte[] k24 = new byte[24];
        k16.Bytes.CopyTo(k24);
        k16.Bytes.Slice(0, 8).CopyTo(k24.AsSpan(16));
        t.Key = k24;   // throws on a weak key
    }

    private static void CheckSlot(bool sm4, byte[] tmk, byte[] f62, int offset, byte[] clearKey, int slot)
    {
        Org.BouncyCastle.Crypto.IBlockCipher unwrap = sm4 ? new SM4Engine() : tmk.Length == 8 ? new DesEngine() : new DesEdeEngine();
        unwrap.Init(false, new KeyParameter(tmk));
        int bs = unwrap.GetBlockSize();
        byte[] clear = new byte[clearKey.Length];
        for (int i = 0; i < clearKey.Length; i += bs) unwrap.ProcessBlock(f62, offset + i, clear, i);
        CollectionAssert.AreEqual(clearKey, clear, $"key at {offset}");
        if (!sm4 && clearKey.Length == 8 && slot == 20)
        {
            for (int i = 8; i < 16; i++) Assert.AreEqual(0, f62[offset + i], "8 zero bytes after a single-length MAK");
        }

        Org.BouncyCastle.Crypto.IBlockCipher kcv = sm4 ? new SM4Engine() : clearKey.Length == 8 ? new DesEngine() : new DesEdeEngine();
        kcv.Init(true, new KeyParameter(clearKey));
        byte[] zero = new byte[kcv.GetBlockSize()];
        byte[] cv = new byte[zero.Length];
        kcv.ProcessBlock(zero, 0, cv, 0);
        CollectionAssert.AreEqual(cv.AsSpan(0, 4).ToArray(), f62.AsSpan(offset + slot - 4, 4).ToArray(), $"check value of key at {offset}");
    }
}
