#nullable enable
using System;
using System.Text;
using AcquirerSimulator.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.SimulatorCrypto;

/// <summary>Track data: the UnionPay TDB rule and DUKPT reader decryption.</summary>
[TestClass]
public sealed class HostTrackDataTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex);

    private const string Track2 = "1234567890123456789=0508201781999168302";
    private const string Track3 = "991234567890123456789=156000000000000000000378199921600000508000000000000000000000=000000000003=0000000000";

    [TestMethod]
    public void XrtinfoTdbSelection_Published()
    {
        // doc.xrtinfo.com/docs/ss_api/ss_api-1cb9530kl7sa4 "磁道加密算法 4.4" (cup-security.md §3.1): BCD form and TDB of
        // its track 2 and track 3 examples. The document publishes no TDK, so no ciphertext is published.
        Assert.AreEqual("1234567890123456789D05082017819991683020", Convert.ToHexString(HostTrackData.Pack(Track2)));
        Assert.AreEqual("0820178199916830", HostTrackData.Tdb(Track2));
        Assert.AreEqual("0000003D00000000", HostTrackData.Tdb(Track3));
    }

    [TestMethod]
    public void XrtinfoTracks_UnderAKnownTdk_ComputedOnly()
    {
        // cup-security.md §3.3: computed only (no public vector with a TDK exists), by Python cryptography and OpenSSL,
        // with TDK 0123456789ABCDEFFEDCBA9876543210. Kept as a regression check of the rule, not as a published value.
        byte[] tdk = H("0123456789ABCDEFFEDCBA9876543210");
        string f35 = "1234567890123456789D054CFC20D6F04568AC2";
        string f36 = "991234567890123456789D156000000000000000000378199921600000508000000000000000000000D00000B95A14C2E036B09100";
        Assert.IsTrue(HostTrackData.TryEncryptCup(HostCipherAlgorithm.Tdes, tdk, Track2, out string e2));
        Assert.AreEqual(f35, e2);
        Assert.AreEqual(Track2.Length, e2.Length);
        Assert.IsTrue(HostTrackData.TryEncryptCup(HostCipherAlgorithm.Tdes, tdk, Track3, out string e3));
        Assert.AreEqual(f36, e3);
        Assert.IsTrue(HostTrackData.TryDecryptCup(HostCipherAlgorithm.Tdes, tdk, f35, out string d2));
        Assert.AreEqual(Track2.Replace('=', 'D'), d2);
        Assert.IsTrue(HostTrackData.TryDecryptCup(HostCipherAlgorithm.Tdes, tdk, f36, out string d3));
        Assert.AreEqual(Track3.Replace('=', 'D'), d3);
    }

    [TestMethod]
    public void CupTracks_RoundTrip_TdesAndSm4_OddAndEvenLengths()
    {
        Random r = new(11);
        for (int i = 0; i < 200; i++)
        {
            int n = r.Next(19, 38);
            char[] digits = new char[n];
            for (int j = 0; j < n; j++) digits[j] = (char)('0' + r.Next(10));
            digits[r.Next(12, 17)] = '=';
            string track = new(digits);
            bool sm4 = i % 2 == 1;
            byte[] tdk = new byte[16];
            r.NextBytes(tdk);
            HostCipherAlgorithm alg = sm4 ? HostCipherAlgorithm.Sm4 : HostCipherAlgorithm.Tdes;
            bool ok = HostTrackData.TryEncryptCup(alg, tdk, track, out string enc);
            int packed = (n + 1) / 2;
            Assert.AreEqual(packed >= (sm4 ? 17 : 9), ok, $"{n} digits");
            if (!ok) continue;
            Assert.AreEqual(n, enc.Length);
            // Only the TDB nibbles change; the last byte and everything before the TDB are kept.
            int tdbStart = 2 * (packed - 1 - (sm4 ? 16 : 8));
            Assert.AreEqual(track.Replace('=', 'D').Substring(0, tdbStart), enc.Substring(0, tdbStart));
            Assert.AreEqual(track.Replace('=', 'D').Substring(2 * (packed - 1)), enc.Substring(2 * (packed - 1)));
            Assert.IsTrue(HostTrackData.TryDecryptCup(alg, tdk, enc, out string dec));
            Assert.AreEqual(track.Replace('=', 'D'), dec);
        }
        Assert.IsFalse(HostTrackData.TryDecryptCup(HostCipherAlgorithm.Tdes, new byte[16], "1234567890123456", out _));
    }

    [TestMethod]
    public void DukptReaderTrack_PinVariant_DukptNetExample()
    {
        // sgbj/Dukpt.NET README.md @1ce9e64f (cup-security.md §6): MagTek-style reader data decrypts under the PIN variant
        // of the KSN ...E00008 key with TDES-CBC, IV 0.
        byte[] ksn = H("FFFF9876543210E00008");
        byte[] key = HostDukptTdes.DeriveTransactionKeyFromBdk(H("0123456789ABCDEFFEDCBA9876543210"), ksn);
        byte[] pinVariant = HostDukptTdes.WorkingKey(key, TdesDukptKeyUse.Pin);
        byte[] ct = H("C25C1D1197D31CAA87285D59A892047426D9182EC11353C051ADD6D0F072A6CB3436560B3071FC1FD11D9F7E74886742D9BEE0CFD1EA1064C213BB55278B2F12");
        byte[] clear = HostTrackData.DecryptDukpt(HostCipherAlgorithm.Tdes, pinVariant, ct);
        Assert.AreEqual("%B5452300551227189^HOGAN/PAUL      ^08043210000000725000000?", Encoding.ASCII.GetString(HostTrackData.TrimZeroPadding(clear)));
        Assert.AreEqual("00000000", Convert.ToHexString(clear.AsSpan(clear.Length - 4)));

        // The data variant (with the one-way step, key C39B2778B058AC376FB18DC906F75CBA) does not decrypt it.
        byte[] dataKey = HostDukptTdes.WorkingKey(key, TdesDukptKeyUse.DataRequest);
        Assert.AreEqual("C39B2778B058AC376FB18DC906F75CBA", Convert.ToHexString(dataKey));
        Assert.IsFalse(Encoding.ASCII.GetString(HostTrackData.DecryptDukpt(HostCipherAlgorithm.Tdes, dataKey, ct)).StartsWith("%B", StringComparison.Ordinal));
    }
}
