#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using AcquirerSimulator.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.SimulatorCrypto;

/// <summary>Host-side DUKPT against every dukpt.json vector (and the format 4 PIN blocks of pinblock.json it feeds).</summary>
[TestClass]
public sealed class HostDukptTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex);

    private static JsonNode Tdes => SharedVectors.Load("dukpt")["tdes"]!;

    private static JsonNode AesV => SharedVectors.Load("dukpt")["aes"]!;

    public static IEnumerable<object[]> TdesSequence()
    {
        foreach (JsonNode? c in Tdes["sequence"]!.AsArray()) yield return new object[] { (string)c!["ksn"]!, (string)c["txn_key"]!, (string)c["epb"]! };
    }

    public static IEnumerable<object[]> TdesDataMac()
    {
        foreach (JsonNode? c in Tdes["data_mac"]!.AsArray())
        {
            yield return new object[] { (string)c!["ksn"]!, (string)c["data_ascii"]!, (string)c["data_req_enc"]!, (string)c["data_resp_enc"]!,
                (string)c["mac_req"]!, (string)c["mac_resp"]! };
        }
    }

    public static IEnumerable<object[]> AesSequence()
    {
        foreach (JsonNode? c in AesV["sequence"]!.AsArray())
        {
            yield return new object[] { (string)c!["ksn"]!, (string)c["txn_key"]!, (string?)c["pin_key"] ?? "", (string?)c["mac_gen_key"] ?? "",
                (string?)c["data_enc_key"] ?? "" };
        }
    }

    [TestMethod]
    public void Tdes_Ipek()
    {
        JsonNode t = Tdes;
        byte[] ipek = HostDukptTdes.DeriveIpek(H((string)t["bdk"]!), H((string)t["iksn"]!));
        Assert.AreEqual((string)t["ipek"]!, Convert.ToHexString(ipek), (string)t["ipek_source"]!);
        // Any KSN of the device gives the same IPEK (the counter is masked off).
        CollectionAssert.AreEqual(ipek, HostDukptTdes.DeriveIpek(H((string)t["bdk"]!), H("FFFF9876543210EFF801")));
    }

    [TestMethod]
    [DynamicData(nameof(TdesSequence))]
    public void Tdes_TransactionKey_AndPinBlock(string ksn, string txnKey, string epb)
    {
        JsonNode t = Tdes;
        byte[] bdk = H((string)t["bdk"]!);
        byte[] key = HostDukptTdes.DeriveTransactionKeyFromBdk(bdk, H(ksn));
        Assert.AreEqual(txnKey, Convert.ToHexString(key), ksn);
        Assert.IsTrue(HostDukptTdes.IsValidCounter(HostDukptTdes.Counter(H(ksn))), ksn);

        byte[] pinKey = HostDukptTdes.WorkingKey(key, TdesDukptKeyUse.Pin);
        PinBlockResult r = HostPinBlock.DecryptTdes(pinKey, H(epb), (string)t["pan"]!, 0);
        Assert.IsTrue(r.PinEquals((string)t["pin"]!), ksn + " " + r);
        Assert.AreEqual(epb, Convert.ToHexString(HostCipher.EncryptEcb(HostCipherAlgorithm.Tdes, pinKey, H((string)t["pinblock"]!))), ksn);
    }

    [TestMethod]
    [DynamicData(nameof(TdesDataMac))]
    public void Tdes_DataAndMacVariants(string ksn, string ascii, string reqEnc, string respEnc, string macReq, string macResp)
    {
        byte[] key = HostDukptTdes.DeriveTransactionKeyFromBdk(H((string)Tdes["bdk"]!), H(ksn));
        byte[] data = Encoding.ASCII.GetBytes(ascii);
        byte[] reqKey = HostDukptTdes.WorkingKey(key, TdesDukptKeyUse.DataRequest);
        byte[] respKey = HostDukptTdes.WorkingKey(key, TdesDukptKeyUse.DataResponse);
        Assert.AreEqual(reqEnc, Convert.ToHexString(HostTrackData.EncryptDukpt(HostCipherAlgorithm.Tdes, reqKey, data)), ksn);
        Assert.AreEqual(respEnc, Convert.ToHexString(HostTrackData.EncryptDukpt(HostCipherAlgorithm.Tdes, respKey, data)), ksn);
        Assert.AreEqual(ascii, Encoding.ASCII.GetString(HostTrackData.TrimZeroPadding(HostTrackData.DecryptDukpt(HostCipherAlgorithm.Tdes, reqKey, H(reqEnc)))));
        Assert.AreEqual(ascii, Encoding.ASCII.GetString(HostTrackData.TrimZeroPadding(HostTrackData.DecryptDukpt(HostCipherAlgorithm.Tdes, respKey, H(respEnc)))));
        Assert.AreEqual(macReq, Convert.ToHexString(HostMac.X919(HostDukptTdes.WorkingKey(key, TdesDukptKeyUse.MacRequest), data)), ksn);
        Assert.AreEqual(macResp, Convert.ToHexString(HostMac.X919(HostDukptTdes.WorkingKey(key, TdesDukptKeyUse.MacResponse), data)), ksn);
    }

    [TestMethod]
    public void Tdes_Payments924_DataKeyAndVariantForms()
    {
        // payments.md §9.2.4 / §9.2.2: the E00001 data-request key (variant + one-way), and the E00008 PIN variant.
        byte[] bdk = H("0123456789ABCDEFFEDCBA9876543210");
        byte[] k1 = HostDukptTdes.DeriveTransactionKeyFromBdk(bdk, H("FFFF9876543210E00001"));
        Assert.AreEqual("448D3F076D8304036A55A3D7E0055A78", Convert.ToHexString(HostDukptTdes.WorkingKey(k1, TdesDukptKeyUse.DataRequest)));
        Assert.AreEqual("042666B49184CF5C68DE9628D0397B36", Convert.ToHexString(HostDukptTdes.WorkingKey(k1, TdesDukptKeyUse.Pin)));
        byte[] k8 = HostDukptTdes.DeriveTransactionKeyFromBdk(bdk, H("FFFF9876543210E00008"));
        Assert.AreEqual("27F66D5244FF621EAA6F6120EDEB427F", Convert.ToHexString(HostDukptTdes.WorkingKey(k8, TdesDukptKeyUse.Pin)));
    }

    [TestMethod]
    public void Tdes_CounterRules()
    {
        Assert.AreEqual(0x1FFFFF, HostDukptTdes.Counter(H("FFFF9876543210FFFFFF")));
        Assert.AreEqual(1, HostDukptTdes.Counter(H("FFFF9876543210E00001")));
        Assert.IsFalse(HostDukptTdes.IsValidCounter(0));
        Assert.IsFalse(HostDukptTdes.IsValidCounter(0x7FF));     // 11 one-bits
        Assert.IsTrue(HostDukptTdes.IsValidCounter(0x3FF));
        Assert.ThrowsExactly<ArgumentException>(() => HostDukptTdes.DeriveIpek(new byte[16], new byte[8]));
    }

    [TestMethod]
    public void Aes_InitialKeys()
    {
        JsonNode a = AesV;
        Assert.AreEqual((string)a["ik"]!, Convert.ToHexString(HostDukptAes.DeriveInitialKey(H((string)a["bdk"]!), H((string)a["ikid"]!))), (string)a["ik_source"]!);
        Assert.AreEqual((string)a["ik256"]!, Convert.ToHexString(HostDukptAes.DeriveInitialKey(H((string)a["bdk256"]!), H((string)a["ikid"]!))), (string)a["ik256_source"]!);
    }

    [TestMethod]
    [DynamicData(nameof(AesSequence))]
    public void Aes_TransactionAndWorkingKeys(string ksn, string txnKey, string pinKey, string macKey, string dataKey)
    {
        byte[] k = HostDukptAes.DeriveTransactionKeyFromBdk(H((string)AesV["bdk"]!), H(ksn));
        Assert.AreEqual(txnKey, Convert.ToHexString(k), ksn);
        Assert.IsTrue(HostDukptAes.IsValidCounter(HostDukptAes.Counter(H(ksn))));
        if (pinKey.Length > 0)
            Assert.AreEqual(pinKey, Convert.ToHexString(HostDukptAes.DeriveWorkingKey(k, H(ksn), AesDukptKeyUsage.PinEncryption, AesDukptKeyType.Aes128)), ksn);
        if (macKey.Length > 0)
            Assert.AreEqual(macKey, Convert.ToHexString(HostDukptAes.DeriveWorkingKey(k, H(ksn), AesDukptKeyUsage.MacGeneration, AesDukptKeyType.Aes128)), ksn);
        if (dataKey.Length > 0)
            Assert.AreEqual(dataKey, Convert.ToHexString(HostDukptAes.DeriveWorkingKey(k, H(ksn), AesDukptKeyUsage.DataEncryption, AesDukptKeyType.Aes128)), ksn);
    }

    [TestMethod]
    public void Aes_Payments93_AllUsagesAtCounterOne()
    {
        // payments.md §9.3 working-key table (X9.24-3 supplement as transcribed by openemv/dukpt and moov-io/dukpt).
        byte[] ksn = H("123456789012345600000001");
        byte[] k = HostDukptAes.DeriveTransactionKeyFromBdk(H("FEDCBA9876543210F1F1F1F1F1F1F1F1"), ksn);
        (AesDukptKeyUsage usage, string key)[] rows =
        {
            (AesDukptKeyUsage.MacVerification, "DBB463945B286C07CD3AD82EE96FD9C9"),
            (AesDukptKeyUsage.MacBoth, "85675439D18D7F1158BD8E3EAA3D502B"),
            (AesDukptKeyUsage.DataDecryption, "16292C6EA8F64C5420A0584BFBC577BE"),
            (AesDukptKeyUsage.DataBoth, "A308E080DD15A1B741F1721BF67DE11C"),
            (AesDukptKeyUsage.KeyEncryption, "36A724B7BEFA5A25F5E7B5782A4554A2"),
        };
        foreach ((AesDukptKeyUsage usage, string key) in rows)
            Assert.AreEqual(key, Convert.ToHexString(HostDukptAes.DeriveWorkingKey(k, ksn, usage, AesDukptKeyType.Aes128)), usage.ToString());

        // moov-io/dukpt operations (moov conventions, recomputed in payments.md): CMAC and AES-CBC data, "4012345678909D987".
        byte[] data = Encoding.ASCII.GetBytes("4012345678909D987");
        Assert.AreEqual("A2EB5C1C35809E58404E873C3C411E31", Convert.ToHexString(HostMac.AesCmac(HostDukptAes.DeriveWorkingKey(k, ksn, AesDukptKeyUsage.MacGeneration, AesDukptKeyType.Aes128), data)));
        Assert.AreEqual("DD4E1895FD9BF53D8DAF25568ABF551D", Convert.ToHexString(HostMac.AesCmac(HostDukptAes.DeriveWorkingKey(k, ksn, AesDukptKeyUsage.MacVerification, AesDukptKeyType.Aes128), data)));
        byte[] dataKey = HostDukptAes.DeriveWorkingKey(k, ksn, AesDukptKeyUsage.DataEncryption, AesDukptKeyType.Aes128);
        string enc = "E5AFA5B408A3310E3D779C8A9A2AE29448BD5B4232582090DB703AF647205A79";
        Assert.AreEqual(enc, Convert.ToHexString(HostTrackData.EncryptDukpt(HostCipherAlgorithm.Aes, dataKey, data)));
        Assert.AreEqual("4012345678909D987", Encoding.ASCII.GetString(HostTrackData.TrimZeroPadding(HostTrackData.DecryptDukpt(HostCipherAlgorithm.Aes, dataKey, H(enc)))));
        byte[] hmacKey = HostDukptAes.DeriveWorkingKey(k, ksn, AesDukptKeyUsage.MacGeneration, AesDukptKeyType.Hmac, 128);
        Assert.AreEqual("27D99DA9C091C20DEC0D1C56244ADF8C", Convert.ToHexString(hmacKey));
        Assert.AreEqual("B6F8B3159CD4E140159DA87A68C0FB7AF2F123D222662E98988C76386E8E8A02", Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(hmacKey, data)));
    }

    [TestMethod]
    public void Aes_Format4PinBlocks_FromDerivedPinKeys()
    {
        // pinblock.json's X9.24-3 supplement blocks: derive the PIN key of each KSN here, then decrypt the block.
        byte[] bdk = H((string)AesV["bdk"]!);
        foreach (JsonNode? c in SharedVectors.Load("pinblock")["encrypt"]!.AsArray())
        {
            string source = (string)c!["source"]!;
            if ((int)c["format"]! != 4 || !source.Contains("KSN ", StringComparison.Ordinal)) continue;
            string ksnHex = source.Substring(source.IndexOf("KSN ", StringComparison.Ordinal) + 4, 24);
            byte[] ksn = H(ksnHex);
            byte[] pinKey = HostDukptAes.DeriveWorkingKey(HostDukptAes.DeriveTransactionKeyFromBdk(bdk, ksn), ksn, AesDukptKeyUsage.PinEncryption, AesDukptKeyType.Aes128);
            Assert.AreEqual((string)c["key"]!, Convert.ToHexString(pinKey), source);
            PinBlockResult r = HostPinBlock.DecryptIso4(pinKey, H((string)c["encrypted"]!), (string)c["pan"]!);
            Assert.IsTrue(r.PinEquals((string)c["pin"]!), source);
        }
    }

    [TestMethod]
    public void Aes_CounterRules_AndTdesWorkingKeyLength()
    {
        Assert.AreEqual(0xFFFF0000u, HostDukptAes.Counter(H("1234567890123456FFFF0000")));
        Assert.IsFalse(HostDukptAes.IsValidCounter(0x1FFFF));   // 17 one-bits
        Assert.IsTrue(HostDukptAes.IsValidCounter(0xFFFF));
        byte[] ksn = H("123456789012345600000001");
        byte[] k = HostDukptAes.DeriveTransactionKeyFromBdk(H("FEDCBA9876543210F1F1F1F1F1F1F1F1"), ksn);
        Assert.AreEqual(16, HostDukptAes.DeriveWorkingKey(k, ksn, AesDukptKeyUsage.PinEncryption, AesDukptKeyType.Tdes2).Length);
        Assert.AreEqual(24, HostDukptAes.DeriveWorkingKey(k, ksn, AesDukptKeyUsage.PinEncryption, AesDukptKeyType.Tdes3).Length);
        Assert.AreEqual(32, HostDukptAes.DeriveWorkingKey(k, ksn, AesDukptKeyUsage.PinEncryption, AesDukptKeyType.Aes256).Length);
    }
}
