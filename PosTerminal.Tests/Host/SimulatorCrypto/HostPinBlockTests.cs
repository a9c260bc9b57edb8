#nullable enable
using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using AcquirerSimulator.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.SimulatorCrypto;

/// <summary>PIN block decoding (and encoding) against every pinblock.json case.</summary>
[TestClass]
public sealed class HostPinBlockTests
{
    private static byte[] H(string hex) => Convert.FromHexString(hex);

    private static IEnumerable<object[]> Section(string name)
    {
        int i = 0;
        foreach (JsonNode? c in SharedVectors.Load("pinblock")[name]!.AsArray()) yield return new object[] { i++, c!.ToJsonString() };
    }

    public static IEnumerable<object[]> EncodeCases() => Section("encode");

    public static IEnumerable<object[]> DecodeCases() => Section("decode");

    public static IEnumerable<object[]> EncryptCases() => Section("encrypt");

    public static IEnumerable<object[]> DecryptCases() => Section("decrypt");

    public static IEnumerable<object[]> PanField4Cases() => Section("pan_field4");

    [TestMethod]
    [DynamicData(nameof(EncodeCases))]
    public void Encode(int index, string json)
    {
        JsonNode c = JsonNode.Parse(json)!;
        int format = (int)c["format"]!;
        string pin = (string)c["pin"]!;
        string? pan = (string?)c["pan"];
        string source = $"#{index} {(string)c["source"]!}";
        if (format == 4)
        {
            byte[] random = H((string)c["random"]!);
            Assert.AreEqual((string)c["pin_field"]!, Convert.ToHexString(HostPinBlock.PinField4(pin, random)), source);
            if (pan != null) Assert.AreEqual((string)c["pan_field"]!, Convert.ToHexString(HostPinBlock.PanField4(pan)!), source);
            return;
        }
        byte[] block = HostPinBlock.EncodeClear(format, pin, pan);
        Assert.AreEqual((string)c["block"]!, Convert.ToHexString(block), source);
        PinBlockResult r = HostPinBlock.DecodeClear(block, pan);
        Assert.IsTrue(r.Success, source);
        Assert.AreEqual(pin, r.Pin, source);
    }

    [TestMethod]
    [DynamicData(nameof(PanField4Cases))]
    public void PanField4(int index, string json)
    {
        JsonNode c = JsonNode.Parse(json)!;
        Assert.AreEqual((string)c["pan_field"]!, Convert.ToHexString(HostPinBlock.PanField4((string)c["pan"]!)!), $"#{index} {(string)c["source"]!}");
    }

    [TestMethod]
    [DynamicData(nameof(DecodeCases))]
    public void Decode(int index, string json)
    {
        JsonNode c = JsonNode.Parse(json)!;
        PinBlockResult r = HostPinBlock.DecodeClear(H((string)c["block"]!), (string?)c["pan"]);
        Assert.IsTrue(r.Success, $"#{index} {r}");
        Assert.AreEqual((int)c["format"]!, r.Format);
        Assert.AreEqual((string)c["pin"]!, r.Pin, $"#{index} {(string)c["source"]!}");
    }

    [TestMethod]
    [DynamicData(nameof(EncryptCases))]
    public void EncryptedBlock_DecryptsToThePin_AndReencrypts(int index, string json)
    {
        JsonNode c = JsonNode.Parse(json)!;
        string source = $"#{index} {(string)c["source"]!}";
        int format = (int)c["format"]!;
        byte[] key = H((string)c["key"]!);
        string pin = (string)c["pin"]!;
        string pan = (string)c["pan"]!;
        string encrypted = (string)c["encrypted"]!;
        PinBlockResult r = format == 4 ? HostPinBlock.DecryptIso4(key, H(encrypted), pan) : HostPinBlock.DecryptTdes(key, H(encrypted), pan, format);
        Assert.IsTrue(r.Success, source + " " + r);
        Assert.IsTrue(r.PinEquals(pin), source);
        Assert.IsFalse(r.PinEquals("9999"), source);
        string again = format == 4
            ? Convert.ToHexString(HostPinBlock.EncryptIso4(key, pin, pan, H((string)c["random"]!)))
            : Convert.ToHexString(HostPinBlock.EncryptTdes(key, format, pin, pan));
        Assert.AreEqual(encrypted, again, source);
    }

    [TestMethod]
    [DynamicData(nameof(DecryptCases))]
    public void Decrypt(int index, string json)
    {
        JsonNode c = JsonNode.Parse(json)!;
        PinBlockResult r = HostPinBlock.DecryptIso4(H((string)c["key"]!), H((string)c["encrypted"]!), (string)c["pan"]!);
        Assert.IsTrue(r.Success, $"#{index} {r}");
        Assert.AreEqual((string)c["pin"]!, r.Pin, $"#{index} {(string)c["source"]!}");
    }

    [TestMethod]
    public void Payments97_Format0Vectors()
    {
        // payments.md §9.7 (knovichikhin/psec tests/test_pinblock.py) beyond pinblock.json.
        Assert.AreEqual("041261AAAAEDCBA9", Convert.ToHexString(HostPinBlock.EncodeClear(0, "1234", "5555555551234567")));
        Assert.AreEqual("0C1261032D8226A9", Convert.ToHexString(HostPinBlock.EncodeClear(0, "123456789012", "5555555551234567")));
        Assert.AreEqual("123456789012", HostPinBlock.DecodeClear(H("0C1261032D8226A9"), "5555555551234567").Pin);
    }

    [TestMethod]
    public void Sm4PinBlock_MKerryObservedConvention()
    {
        // cup-security.md §4.3: https://blog.csdn.net/M_Kerry/article/details/104625499 publishes
        // E639B7346D93D4ECE1E991CDCC84936E = SM4(work key, ISO-0 block 06125055FF88D977 ‖ 00×8), PIN 123654.
        byte[] key = H("F351D490994603795C6EBEE8FAEBB481");
        string pan = "6601007726880";   // any PAN whose 12 digits before the check digit are 660100772688
        Assert.AreEqual("06125055FF88D977", Convert.ToHexString(HostPinBlock.EncodeClear(0, "123654", pan)));
        PinBlockResult r = HostPinBlock.DecryptSm4Iso0Padded(key, H("E639B7346D93D4ECE1E991CDCC84936E"), pan);
        Assert.IsTrue(r.Success, r.ToString());
        Assert.AreEqual("123654", r.Pin);
    }

    [TestMethod]
    public void Formats1And3_RoundTrip_WithRandomFill()
    {
        byte[] key = H("0123456789ABCDEFFEDCBA9876543210");
        for (int i = 0; i < 50; i++)
        {
            string pin = (1000 + i * 173).ToString() + (i % 3 == 0 ? "56" : "");
            foreach (int format in new[] { 0, 1, 3 })
            {
                byte[] epb = HostPinBlock.EncryptTdes(key, format, pin, "4012345678909");
                PinBlockResult r = HostPinBlock.DecryptTdes(key, epb, "4012345678909", format);
                Assert.IsTrue(r.Success && r.PinEquals(pin), $"{format} {r}");
            }
        }
    }

    [TestMethod]
    public void Format3_DecodeVector_AndFill()
    {
        // payments.md §9.7: block 341277EEEFCCB43C, PAN 5544332211009966 -> PIN field 341234DCCEDCBDAA.
        Assert.AreEqual("1234", HostPinBlock.DecodeClear(H("341277EEEFCCB43C"), "5544332211009966").Pin);
        Assert.AreEqual("341277EEEFCCB43C", Convert.ToHexString(HostPinBlock.EncodeClear(3, "1234", "5544332211009966", "DCCEDCBDAA")));
    }

    [TestMethod]
    public void Failures_GiveAReason_AndNeverThePin()
    {
        byte[] key = H("0123456789ABCDEFFEDCBA9876543210");
        string pan = "4012345678909";
        // Wrong key: garbage decodes to some error (or, rarely, a different PIN), never the right one.
        PinBlockResult wrongKey = HostPinBlock.DecryptTdes(H("1123456789ABCDEFFEDCBA9876543210"), HostPinBlock.EncryptTdes(key, 0, "1234", pan), pan, 0);
        Assert.IsFalse(wrongKey.PinEquals("1234"));

        Assert.AreEqual(PinBlockError.WrongFormat, HostPinBlock.DecryptTdes(key, HostPinBlock.EncryptTdes(key, 3, "1234", pan), pan, 0).Error);
        Assert.AreEqual(PinBlockError.BadPinLength, HostPinBlock.DecodeClear(Xor0("03123FFFFFFFFFFF", pan), pan).Error);
        Assert.AreEqual(PinBlockError.BadPinLength, HostPinBlock.DecodeClear(Xor0("0D1234567890123F", pan), pan).Error);
        Assert.AreEqual(PinBlockError.BadPinDigit, HostPinBlock.DecodeClear(Xor0("04123AFFFFFFFFFF", pan), pan).Error);
        Assert.AreEqual(PinBlockError.BadFill, HostPinBlock.DecodeClear(Xor0("041234FFFFFFFFFE", pan), pan).Error);
        Assert.AreEqual(PinBlockError.BadPan, HostPinBlock.DecodeClear(H("041274EDCBA9876F"), "40123X5678909").Error);
        Assert.AreEqual(PinBlockError.BadPan, HostPinBlock.DecodeClear(H("041274EDCBA9876F"), null).Error);
        Assert.AreEqual(PinBlockError.UnsupportedFormat, HostPinBlock.DecodeClear(H("541274EDCBA9876F"), pan).Error);
        Assert.AreEqual(PinBlockError.BadLength, HostPinBlock.DecryptTdes(key, new byte[7], pan).Error);
        Assert.AreEqual(PinBlockError.BadLength, HostPinBlock.DecryptIso4(key, new byte[8], pan).Error);

        PinBlockResult ok = HostPinBlock.DecodeClear(H("041274EDCBA9876F"), pan);
        Assert.AreEqual("PIN block format 0: ok (4 digits)", ok.ToString());
        Assert.IsFalse(ok.ToString().Contains("1234", StringComparison.Ordinal));

        // Format 4 with a wrong PAN does not give the PIN back.
        byte[] aes = H("00112233445566778899AABBCCDDEEFF");
        PinBlockResult f4 = HostPinBlock.DecryptIso4(aes, H("7CDF645C86CAF763AE34637A66997534"), "1234567890123457");
        Assert.IsFalse(f4.PinEquals("1234"));
    }

    private static byte[] Xor0(string pinField, string pan)
    {
        byte[] b = H(pinField);
        byte[] p = HostPinBlock.PanField(pan)!;
        for (int i = 0; i < 8; i++) b[i] ^= p[i];
        return b;
    }
}
