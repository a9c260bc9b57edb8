using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Crypto;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The firmware's PIN blocks and track encryption against references written here from the specifications with .NET's
/// own TripleDES and Aes (never the firmware's ciphers), over many random keys, PINs, PANs and tracks: the same kind
/// of agreement the acquirer simulator relies on.
/// </summary>
[TestClass]
public class PinAndTrackInteropTests
{
    private const int Rounds = 300;

    // OpenSSL-backed .NET on Linux refuses 16-byte TripleDES keys: give it the equivalent K1 K2 K1.
    private static byte[] DotNetTdesKey(byte[] key)
    {
        if (key.Length == 24) return key;
        byte[] k = new byte[24];
        Array.Copy(key, k, 16);
        Array.Copy(key, 0, k, 16, 8);
        return k;
    }

    private static string Digits(Random r, int n)
    {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char)('0' + r.Next(10));
        return new string(c);
    }

    // ISO 9564-1 format 0 as psec writes it: PIN field "0N" + PIN + F fill, XOR "0000" + PAN[-13:-1] (left-zero-filled).
    private static byte[] ReferenceFormat0(string pin, string pan)
    {
        string pinField = "0" + pin.Length.ToString("X") + pin + new string('F', 14 - pin.Length);
        string digits = pan.Substring(0, pan.Length - 1);
        string panField = "0000" + (digits.Length >= 12 ? digits.Substring(digits.Length - 12) : digits.PadLeft(12, '0'));
        byte[] a = Convert.FromHexString(pinField);
        byte[] b = Convert.FromHexString(panField);
        for (int i = 0; i < 8; i++) a[i] ^= b[i];
        return a;
    }

    // ISO 9564-1:2017 format 4: A = E(K, PIN field), B = A XOR PAN field, C = E(K, B).
    private static byte[] ReferenceFormat4(byte[] key, string pin, string pan, byte[] random8)
    {
        string pinField = "4" + pin.Length.ToString("X") + pin + new string('A', 14 - pin.Length) + Convert.ToHexString(random8);
        string m = pan.Length < 12 ? "0" : (pan.Length - 12).ToString();
        string panField = (m + pan.PadLeft(12, '0')).PadRight(32, '0');
        using Aes aes = Aes.Create();
        aes.Key = key;
        byte[] a = aes.EncryptEcb(Convert.FromHexString(pinField), PaddingMode.None);
        byte[] p = Convert.FromHexString(panField);
        for (int i = 0; i < 16; i++) a[i] ^= p[i];
        return aes.EncryptEcb(a, PaddingMode.None);
    }

    // UnionPay TDB rule (cup-security.md §3.1) on the digit string: the 2 x bs digits before the kept last byte.
    private static string ReferenceCup(byte[] tdk, string track)
    {
        string digits = track.Replace('=', 'D');
        int tail = digits.Length % 2 == 1 ? 1 : 2;
        int head = digits.Length - tail - 16;
        using TripleDES tdes = TripleDES.Create();
        tdes.Key = DotNetTdesKey(tdk);
        byte[] tdb = Convert.FromHexString(digits.Substring(head, 16));
        return digits.Substring(0, head) + Convert.ToHexString(tdes.EncryptEcb(tdb, PaddingMode.None)) + digits.Substring(digits.Length - tail);
    }

    [TestMethod]
    public void PinBlockFormat0_UnderTdes_AgreesWithDotNet()
    {
        Random r = new Random(90);
        using TripleDES tdes = TripleDES.Create();
        for (int i = 0; i < Rounds; i++)
        {
            byte[] key = RandomNumberGenerator.GetBytes(i % 2 == 0 ? 16 : 24);
            string pin = Digits(r, r.Next(4, 13));
            string pan = Digits(r, r.Next(8, 20));
            tdes.Key = DotNetTdesKey(key);
            byte[] expected = tdes.EncryptEcb(ReferenceFormat0(pin, pan), PaddingMode.None);
            using TripleDes cipher = new TripleDes(key, 0, key.Length);
            byte[] actual = new byte[8];
            Assert.AreEqual(PinBlockStatus.Ok, PinBlock.Encrypt(PinBlockFormat.Iso0, cipher, Encoding.ASCII.GetBytes(pin), 0, pin.Length,
                Encoding.ASCII.GetBytes(pan), 0, pan.Length, null, actual, 0));
            CollectionAssert.AreEqual(expected, actual);
        }
    }

    [TestMethod]
    public void PinBlockFormat4_UnderAes_AgreesWithDotNet()
    {
        Random r = new Random(91);
        for (int i = 0; i < Rounds; i++)
        {
            byte[] key = RandomNumberGenerator.GetBytes(16 + 8 * (i % 3));
            byte[] random8 = RandomNumberGenerator.GetBytes(8);
            string pin = Digits(r, r.Next(4, 13));
            string pan = Digits(r, r.Next(8, 20));
            byte[] expected = ReferenceFormat4(key, pin, pan, random8);
            using AesCipher cipher = new AesCipher(key, 0, key.Length);
            byte[] actual = new byte[16];
            Assert.AreEqual(PinBlockStatus.Ok, PinBlock.Encrypt(PinBlockFormat.Iso4, cipher, Encoding.ASCII.GetBytes(pin), 0, pin.Length,
                Encoding.ASCII.GetBytes(pan), 0, pan.Length, new Fakes.FixedRandom(random8), actual, 0));
            CollectionAssert.AreEqual(expected, actual);
        }
    }

    [TestMethod]
    public void CupTrackEncryption_UnderTdes_AgreesWithDotNet()
    {
        Random r = new Random(92);
        for (int i = 0; i < Rounds; i++)
        {
            byte[] tdk = RandomNumberGenerator.GetBytes(16);
            string pan = Digits(r, r.Next(13, 20));
            string track = pan + "=" + Digits(r, r.Next(7, 104 - pan.Length));
            using TripleDes cipher = new TripleDes(tdk, 0, 16);
            byte[] buf = Encoding.ASCII.GetBytes(track);
            Assert.AreEqual(TrackCipherStatus.Ok, TrackCipher.EncryptCup(cipher, buf, 0, buf.Length, buf, 0, out int n));
            Assert.AreEqual(ReferenceCup(tdk, track), Encoding.ASCII.GetString(buf, 0, n));
        }
    }

    [TestMethod]
    public void DukptTrackEncryption_CbcZeroPadding_AgreesWithDotNet()
    {
        Random r = new Random(93);
        using Aes aes = Aes.Create();
        using TripleDES tdes = TripleDES.Create();
        for (int i = 0; i < Rounds; i++)
        {
            char[] c = new char[r.Next(1, 108)];
            for (int j = 0; j < c.Length; j++) c[j] = (char)r.Next(0x20, 0x7F);
            byte[] track = Encoding.ASCII.GetBytes(c);
            bool useAes = i % 2 == 0;
            byte[] key = RandomNumberGenerator.GetBytes(useAes ? 16 + 8 * (i / 2 % 3) : 16 + 8 * (i / 2 % 2));
            IBlockCipher cipher = useAes ? new AesCipher(key, 0, key.Length) : new TripleDes(key, 0, key.Length);
            byte[] expected;
            if (useAes)
            {
                aes.Key = key;
                expected = aes.EncryptCbc(track, new byte[16], PaddingMode.Zeros);
            }
            else
            {
                tdes.Key = DotNetTdesKey(key);
                expected = tdes.EncryptCbc(track, new byte[8], PaddingMode.Zeros);
            }
            byte[] actual = new byte[expected.Length];
            Assert.AreEqual(TrackCipherStatus.Ok, TrackCipher.EncryptDukpt(cipher, track, 0, track.Length, actual, 0, out int n));
            Assert.AreEqual(expected.Length, n);
            CollectionAssert.AreEqual(expected, actual);
            cipher.Dispose();
        }
    }
}
