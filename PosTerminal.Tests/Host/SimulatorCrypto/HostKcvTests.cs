#nullable enable
using System;
using System.Text.Json.Nodes;
using AcquirerSimulator.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.SimulatorCrypto;

/// <summary>Key check values.</summary>
[TestClass]
public sealed class HostKcvTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex);

    [TestMethod]
    public void CryptoJsonKcv()
    {
        foreach (JsonNode? v in SharedVectors.Load("crypto")["kcv"]!.AsArray())
        {
            string kcv = (string)v!["kcv"]!;
            Assert.AreEqual(kcv, Convert.ToHexString(HostKcv.Des(H((string)v["key"]!), kcv.Length / 2)), (string)v["source"]!);
        }
    }

    // TR-31 key blocks' unwrapped keys and KCVs (openemv/tr31 test/tr31_decrypt_test.c from TR-31:2018 Annex A and
    // Thales payShield examples; payments.md §9.9): TDES keys use E(zeros), AES keys the CMAC form.
    [TestMethod]
    [DataRow("F039121BEC83D26B169BDCD5B22AAF8F", "CB9DEA")]
    [DataRow("3F419E1CB7079442AA37474C2EFBF8B8", "57C409")]
    [DataRow("EDB380DD340BC2620247D445F5B8D678", "F4B08D")]
    [DataRow("E8BC63E5479455E26577F715D587FE68", "9A4212")]
    [DataRow("5DB50B454F8389ADCE573BE50861F2BF", "5C9405")]
    [DataRow("1FA1F7CEC798D91545DA8AE0C7796BD9", "FF5087")]
    public void Tr31TdesKeys_Kcv(string key, string kcv) =>
        Assert.AreEqual(kcv, Convert.ToHexString(HostKcv.Des(H(key))));

    [TestMethod]
    [DataRow("3F419E1CB7079442AA37474C2EFBF8B8", "08793E")]
    [DataRow("BE19E6A07A760F10EF8E83A226B63AAD141F463FDDD4F47DB244B4023EC3CACC", "0A00E3")]
    public void Tr31AesKeys_CmacKcv(string key, string kcv) =>
        Assert.AreEqual(kcv, Convert.ToHexString(HostKcv.AesCmac(H(key))));

    [TestMethod]
    public void Payments95_Table()
    {
        // payments.md §9.5: TDES row ✔ published widely; the DES and both AES rows are "computed only" there.
        Assert.AreEqual("08D7B4FB629D0885", Convert.ToHexString(HostKcv.Des(H("0123456789ABCDEFFEDCBA9876543210"), 8)));
        Assert.AreEqual("D5D44FF720683D0D", Convert.ToHexString(HostKcv.Des(H("0123456789ABCDEF"), 8)));
        Assert.AreEqual("C6A13B37878F5B826F4F8162A1C8D879", Convert.ToHexString(HostKcv.AesEcb(H("000102030405060708090A0B0C0D0E0F"), 16)));
        Assert.AreEqual("BE7ED6AE787DD5544C5561C7DCD06ABB", Convert.ToHexString(HostKcv.AesCmac(H("000102030405060708090A0B0C0D0E0F"), 16)));
    }

    [TestMethod]
    public void Sm4WorkingKey_MKerryExample()
    {
        // https://blog.csdn.net/M_Kerry/article/details/104625499 (cup-security.md §4.2): a work key under an SM4 TMK,
        // its clear value and its published 8-byte check value SM4(key, 16 zero bytes).
        byte[] clear = HostCipher.DecryptEcb(HostCipherAlgorithm.Sm4, H("1234567890ABCDEFABCDEF0987654321"), H("3D66234C49E4296FF9C78D8BACBD6A76"));
        Assert.AreEqual("F351D490994603795C6EBEE8FAEBB481", Convert.ToHexString(clear));
        Assert.AreEqual("861E83E31FAEBF10", Convert.ToHexString(HostKcv.Sm4(clear, 8)));
        Assert.AreEqual("861E83E3", Convert.ToHexString(HostKcv.Sm4(clear)));   // the CUP 4-byte slot (inferred)
    }

    [TestMethod]
    public void HostKey_ShowsOnlyItsCheckValue()
    {
        using HostKey k = HostKey.DesFamilyFromHex("0123456789ABCDEFFEDCBA9876543210");
        Assert.AreEqual("08D7B4", k.CheckValue);
        Assert.AreEqual("Tdes key (16 bytes, KCV 08D7B4)", k.ToString());
        Assert.IsFalse(k.ToString().Contains("0123456789", StringComparison.Ordinal));
        k.Dispose();
        Assert.AreEqual(0, k.Length);
        Assert.ThrowsExactly<ObjectDisposedException>(() => k.ToArray());
    }
}
