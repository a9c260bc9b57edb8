using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Crypto;
using PosTerminal.Util;

namespace PosTerminal.Tests.Host;

/// <summary>
/// Re-keying and DUKPT derivations allocate nothing once their instances exist (host only: the portable tests have no
/// allocation counter). Measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/> after a warm-up run, so that
/// JIT and static constructors are not counted.
/// </summary>
[TestClass]
public class CryptoAllocationTests
{
    private const int Rounds = 200;

    private static long Measure(Action action)
    {
        action();                                              // warm-up: JIT, static constructors
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Rounds; i++) action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [TestMethod]
    public void SetKey_AllCiphers_AllocatesNothing()
    {
        byte[] key = Hex.Decode("0123456789ABCDEFFEDCBA987654321089ABCDEF0123456776543210FEDCBA98");
        Des des = new Des(key, 0, 8);
        TripleDes tdes = new TripleDes(key, 0, 16);
        AesCipher aes = new AesCipher(key, 0, 16);
        Sm4 sm4 = new Sm4(key, 0, 16);
        long bytes = Measure(delegate
        {
            des.SetKey(key, 8, 8);
            tdes.SetKey(key, 0, 24);
            tdes.SetKey(key, 8, 16);
            aes.SetKey(key, 0, 32);
            aes.SetKey(key, 4, 24);
            aes.SetKey(key, 16, 16);
            sm4.SetKey(key, 3, 16);
        });
        Assert.AreEqual(0L, bytes, "bytes allocated by " + Rounds + " rounds of SetKey");
    }

    [TestMethod]
    public void DukptTdes_Derivations_AllocateNothingBeyondTheirResult()
    {
        byte[] bdk = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");
        byte[] ipek = Hex.Decode("6AC292FAA1315B4D858AB3A3D7D5933A");
        byte[] ksn = Hex.Decode("FFFF9876543210EFFC00");        // ten one-bits: the longest walk
        byte[] key = new byte[16];
        using DukptTdes dukpt = new DukptTdes();
        long bytes = Measure(delegate
        {
            dukpt.DeriveIpek(bdk, 0, ksn, 0, key, 0);
            dukpt.DeriveKey(ipek, 0, ksn, 0, DukptTdesVariant.DataRequest, key, 0);
            dukpt.DeriveKeyFromBdk(bdk, 0, ksn, 0, DukptTdesVariant.Pin, key, 0);
        });
        Assert.AreEqual(0L, bytes, "bytes allocated by " + Rounds + " x (IPEK + data key + PIN key from BDK)");
    }

    [TestMethod]
    public void DukptAes_Derivations_AllocateNothingBeyondTheirResult()
    {
        byte[] bdk = Hex.Decode("FEDCBA9876543210F1F1F1F1F1F1F1F1FEDCBA9876543210F1F1F1F1F1F1F1F1");
        byte[] ksn = Hex.Decode("1234567890123456FFFF0000");   // sixteen one-bits: the longest walk
        byte[] key = new byte[32];
        using DukptAes dukpt = new DukptAes();
        long bytes = Measure(delegate
        {
            dukpt.DeriveWorkingKeyFromBdk(bdk, 0, 16, ksn, 0, DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes128, key, 0);
            dukpt.DeriveWorkingKeyFromBdk(bdk, 0, 32, ksn, 0, DukptAesKeyUsage.DataEncrypt, DukptAesKeyType.Aes256, key, 0);
        });
        Assert.AreEqual(0L, bytes, "bytes allocated by " + Rounds + " x (AES-128 PIN key + AES-256 data key from BDK)");
    }

    [TestMethod]
    public void PinBlockAndTrackCipher_AllocateNothing()
    {
        byte[] pin = "123456"u8.ToArray();
        byte[] pan = "6217000010012345678"u8.ToArray();
        byte[] track = "6217000010012345678=49121010000012345"u8.ToArray();
        byte[] block = new byte[16];
        byte[] field = new byte[48];
        byte[] pinOut = new byte[12];
        using TripleDes tdes = new TripleDes(new byte[16], 0, 16);
        using AesCipher aes = new AesCipher(new byte[16], 0, 16);
        Fakes.SeededRandom random = new Fakes.SeededRandom(1);
        long bytes = Measure(delegate
        {
            PinBlock.Encrypt(PinBlockFormat.Iso0, tdes, pin, 0, pin.Length, pan, 0, pan.Length, null, block, 0);
            PinBlock.Decrypt(PinBlockFormat.Iso0, tdes, block, 0, pan, 0, pan.Length, block, 0);
            PinBlock.Decode(PinBlockFormat.Iso0, block, 0, pan, 0, pan.Length, pinOut, 0, out int n);
            PinBlock.Encrypt(PinBlockFormat.Iso4, aes, pin, 0, pin.Length, pan, 0, pan.Length, random, block, 0);
            PinBlock.Encrypt(PinBlockFormat.Iso3, tdes, pin, 0, pin.Length, pan, 0, pan.Length, random, block, 0);
            TrackCipher.EncryptCup(tdes, track, 0, track.Length, field, 0, out int f);
            TrackCipher.DecryptCup(tdes, field, 0, f, field, 0, out f);
            TrackCipher.EncryptDukpt(aes, track, 0, track.Length, field, 0, out f);
            TrackCipher.DecryptDukpt(aes, field, 0, f, field, 0, out f);
        });
        Assert.AreEqual(0L, bytes, "bytes allocated by " + Rounds + " rounds of PIN blocks and track encryption");
    }
}
