#nullable enable
using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using AcquirerSimulator.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace PosTerminal.Tests.Host.SimulatorCrypto;

/// <summary>The simulator's block-cipher layer against crypto.json and against BouncyCastle's own DES/TDES.</summary>
[TestClass]
public sealed class HostCipherTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex);

    private static HostCipherAlgorithm Alg(string name) => name switch
    {
        "des" => HostCipherAlgorithm.Des,
        "tdes" => HostCipherAlgorithm.Tdes,
        "aes" => HostCipherAlgorithm.Aes,
        "sm4" => HostCipherAlgorithm.Sm4,
        _ => throw new ArgumentException(name),
    };

    public static IEnumerable<object[]> CipherCases()
    {
        int i = 0;
        foreach (JsonNode? c in SharedVectors.Load("crypto")["cipher"]!.AsArray())
        {
            yield return new object[] { i++, (string)c!["source"]!, (string)c["alg"]!, (string)c["mode"]!, (string?)c["iv"] ?? "", (string)c["key"]!, (string)c["pt"]!, (string)c["ct"]! };
        }
    }

    [TestMethod]
    [DynamicData(nameof(CipherCases))]
    public void PublishedCipherVector_EncryptsAndDecrypts(int index, string source, string alg, string mode, string iv, string key, string pt, string ct)
    {
        HostCipherAlgorithm a = Alg(alg);
        byte[] enc = mode == "cbc" ? HostCipher.EncryptCbc(a, H(key), H(iv), H(pt)) : HostCipher.EncryptEcb(a, H(key), H(pt));
        Assert.AreEqual(ct, Convert.ToHexString(enc), $"#{index} {source}");
        byte[] dec = mode == "cbc" ? HostCipher.DecryptCbc(a, H(key), H(iv), H(ct)) : HostCipher.DecryptEcb(a, H(key), H(ct));
        Assert.AreEqual(pt, Convert.ToHexString(dec), $"#{index} {source}");
    }

    [TestMethod]
    public void Sm4_MillionIterations_GbT32907ExampleTwo()
    {
        JsonNode v = SharedVectors.Load("crypto")["iterated"]![0]!;
        byte[] key = H((string)v["key"]!);
        byte[] block = H((string)v["pt"]!);
        int n = (int)v["iterations"]!;
        for (int i = 0; i < n; i++) block = HostCipher.EncryptEcb(HostCipherAlgorithm.Sm4, key, block);
        Assert.AreEqual((string)v["ct"]!, Convert.ToHexString(block), (string)v["source"]!);
    }

    [TestMethod]
    public void WeakDesKey_RunsOnBouncyCastle_ClassicWeakKeyVector()
    {
        // DES weak key 0101010101010101 encrypts the zero block to 8CA64DE9C1B123A7 (the classic weak-key answer).
        Assert.AreEqual("8CA64DE9C1B123A7", Convert.ToHexString(HostCipher.EncryptEcb(HostCipherAlgorithm.Des, H("0101010101010101"), new byte[8])));
        // A weak key is its own inverse: encrypting twice gives the plaintext back.
        byte[] p = H("0123456789ABCDEF");
        byte[] twice = HostCipher.EncryptEcb(HostCipherAlgorithm.Des, H("FEFEFEFEFEFEFEFE"), HostCipher.EncryptEcb(HostCipherAlgorithm.Des, H("FEFEFEFEFEFEFEFE"), p));
        CollectionAssert.AreEqual(p, twice);
    }

    [TestMethod]
    [DataRow("0723C80DB5F4CD3D0723C80DB5F4CD3D", "0723C80DB5F4CD3D")]            // K1 = K2 (a published CUP TAK)
    [DataRow("0723C80DB5F4CD3D0622C90CB4F5CC3C", "0723C80DB5F4CD3D")]            // K1 = K2 except parity bits
    [DataRow("0123456789ABCDEF0123456789ABCDEF23456789ABCDEF01", "23456789ABCDEF01")] // K1 = K2: E_K3
    [DataRow("23456789ABCDEF010123456789ABCDEF0123456789ABCDEF", "23456789ABCDEF01")] // K2 = K3: E_K1
    [DataRow("0101010101010101", "0101010101010101")]                            // single-length, weak
    public void DegenerateTdesKeys_EqualSingleDes(string tdesKey, string desKey)
    {
        byte[] data = H("4E6F77206973207468652074696D6520666F7220616C6C20");
        byte[] expected = Bc(new DesEngine(), H(desKey), data, true);
        CollectionAssert.AreEqual(expected, HostCipher.EncryptEcb(HostCipherAlgorithm.Tdes, H(tdesKey), data));
        CollectionAssert.AreEqual(data, HostCipher.DecryptEcb(HostCipherAlgorithm.Tdes, H(tdesKey), expected));
    }

    [TestMethod]
    public void RandomKeys_AgreeWithBouncyCastleDesAndDesEde()
    {
        Random r = new(1);
        for (int i = 0; i < 200; i++)
        {
            byte[] data = new byte[8 * r.Next(1, 6)];
            r.NextBytes(data);
            foreach (int len in new[] { 8, 16, 24 })
            {
                byte[] key = new byte[len];
                r.NextBytes(key);
                if (i % 10 == 0 && len > 8) Array.Copy(key, 0, key, 8, 8);   // now and then a degenerate key
                Org.BouncyCastle.Crypto.IBlockCipher engine = len == 8 ? new DesEngine() : new DesEdeEngine();
                byte[] expected = Bc(engine, key, data, true);
                CollectionAssert.AreEqual(expected, HostCipher.EncryptEcb(HostCipherAlgorithm.Tdes, key, data), $"len {len} case {i}");
                CollectionAssert.AreEqual(data, HostCipher.DecryptEcb(HostCipherAlgorithm.Tdes, key, expected));
                byte[] iv = new byte[8];
                r.NextBytes(iv);
                byte[] cbc = HostCipher.EncryptCbc(HostCipherAlgorithm.Tdes, key, iv, data);
                CollectionAssert.AreEqual(data, HostCipher.DecryptCbc(HostCipherAlgorithm.Tdes, key, iv, cbc));
            }
        }
    }

    [TestMethod]
    public void BadArguments_AreRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => HostCipher.EncryptEcb(HostCipherAlgorithm.Des, new byte[16], new byte[8]));
        Assert.ThrowsExactly<ArgumentException>(() => HostCipher.EncryptEcb(HostCipherAlgorithm.Sm4, new byte[24], new byte[16]));
        Assert.ThrowsExactly<ArgumentException>(() => HostCipher.EncryptEcb(HostCipherAlgorithm.Aes, new byte[16], new byte[15]));
        Assert.ThrowsExactly<ArgumentException>(() => HostCipher.EncryptCbc(HostCipherAlgorithm.Tdes, new byte[16], new byte[16], new byte[8]));
        Assert.AreEqual(0, HostCipher.EncryptEcb(HostCipherAlgorithm.Aes, new byte[16], Array.Empty<byte>()).Length);
    }

    private static byte[] Bc(Org.BouncyCastle.Crypto.IBlockCipher engine, byte[] key, byte[] data, bool encrypt)
    {
        engine.Init(encrypt, new KeyParameter(key));
        byte[] output = new byte[data.Length];
        for (int off = 0; off < data.Length; off += 8) engine.ProcessBlock(data, off, output, off);
        return output;
    }
}
