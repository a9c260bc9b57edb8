using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.Leak;

/// <summary>The leak scanner finds each planted secret in each printed form, and does not flag masked forms.</summary>
[TestClass]
public class LeakScannerTests
{
    private const string Pan = "6212260000123456782";
    private const string Track2 = "6212260000123456782=30121011234567890";
    private const string Key = "3D1F4A6E8C2B5D7097A1C3E5F7092B4D";

    private static LeakScanner Scanner() => new LeakScanner()
        .AddDigits("PAN", Pan)
        .AddDigits("track2", Track2)
        .AddBytes("TMK", Convert.FromHexString(Key))
        .AddPin("PIN", "123456", Pan)
        .AddPassword("password", "Kq7~vX2!");

    private static void AssertFound(string text, string secret, string formPrefix)
    {
        List<LeakFinding> found = Scanner().Scan("test", text);
        Assert.IsTrue(found.Any(f => f.Secret == secret && f.Form.StartsWith(formPrefix, StringComparison.Ordinal)),
            $"{secret} as {formPrefix} not found in \"{text}\"; found: {string.Join("; ", found)}");
    }

    [TestMethod]
    [DataRow("card 6212260000123456782 approved", "plain")]
    [DataRow("card 6 2 1 2 2 6 0 0 0 0 1 2 3 4 5 6 7 8 2", "spaced")]
    [DataRow("card 6212 2600 0012 3456 782", "grouped")]
    [DataRow("F2 6212260000123456782F", "bcd-hex")]
    [DataRow("F2 06212260000123456782", "bcd-hex")]
    [DataRow("f2 06212260000123456782", "bcd-hex")]
    [DataRow("F2 06 21 22 60 00 01 23 45 67 82", "bcd-hex-spaced")]
    [DataRow("f2 62 12 26 00 00 12 34 56 78 2f", "bcd-hex-spaced")]
    [DataRow("0000: 36 32 31 32 32 36 30 30 30 30 31 32 33 34 35 36 37 38 32", "ascii-hex-spaced")]
    [DataRow("F2: 62 12 26 00 00 12 34\r\n    56 78 2F", "bcd-hex (separators ignored)")]
    public void Pan_EveryForm_Found(string text, string form) => AssertFound(text, "PAN", form);

    [TestMethod]
    [DataRow("track ;6212260000123456782=30121011234567890?", "plain")]
    [DataRow("F35 6212260000123456782D30121011234567890", "plain-D")]
    [DataRow("F35 06212260000123456782d30121011234567890", "bcd-hex")]
    [DataRow("F35 6212260000123456782D30121011234567890F", "bcd-hex")]
    [DataRow("35: 62 12 26 00 00 12 34 56 78 2D 30 12 10 11 23 45 67 89 0F", "bcd-hex-spaced")]
    public void Track2_EveryForm_Found(string text, string form) => AssertFound(text, "track2", form);

    [TestMethod]
    [DataRow("key 3D1F4A6E8C2B5D7097A1C3E5F7092B4D", "hex")]
    [DataRow("key 3d1f4a6e8c2b5d7097a1c3e5f7092b4d", "hex")]
    [DataRow("key 3D 1F 4A 6E 8C 2B 5D 70 97 A1 C3 E5 F7 09 2B 4D", "hex-spaced")]
    [DataRow("key 3d 1f 4a 6e 8c 2b 5d 70", "left-half-hex-spaced")]
    [DataRow("right half 97A1C3E5F7092B4D", "right-half-hex")]
    [DataRow("3D1F-4A6E-8C2B-5D70-97A1-C3E5-F709-2B4D", "hex (separators ignored)")]
    public void Key_EveryForm_Found(string text, string form) => AssertFound(text, "TMK", form);

    [TestMethod]
    [DataRow("PIN: 123456", "pin-in-text")]
    [DataRow("entered pin=123456 ok", "pin-in-text")]
    [DataRow("PIN field 06123456FFFFFFFF", "pin-field-hex")]
    [DataRow("pin block 06 12 34 56 ed cb a9 87", "pin-block-format0-hex-spaced")]
    public void Pin_EveryForm_Found(string text, string form) => AssertFound(text, "PIN", form);

    [TestMethod]
    [DataRow("login Kq7~vX2!", "plain")]
    [DataRow("bytes 4B71377E76583221", "ascii-hex")]
    public void Password_EveryForm_Found(string text, string form) => AssertFound(text, "password", form);

    [TestMethod]
    [DataRow("card 621226*********6782 (UnionPay debit) approved")]
    [DataRow("key check values: PIK 1A2B3C, MAK 4D5E6F; master key KCV 08D7B4")]
    [DataRow("sale of CNY 1,234.56, STAN 123456, RRN 000000123456, amount 000000123456")]
    [DataRow("PIN entered (6 digits), PIN ok -> 00; PIN block 0000000000000000")]
    [DataRow("F35 621226******6782D3012**********")]
    [DataRow("")]
    public void MaskedOrUnrelated_NotFlagged(string text)
    {
        List<LeakFinding> found = Scanner().Scan("test", text);
        Assert.AreEqual(0, found.Count, string.Join("; ", found));
    }

    [TestMethod]
    public void Finding_DoesNotRepeatTheSecret_AndAssertCleanFails()
    {
        string text = "before 6212260000123456782 after";
        List<LeakFinding> found = Scanner().Scan("out", text);
        Assert.IsTrue(found.Count >= 1);
        foreach (LeakFinding f in found) Assert.IsFalse(f.ToString().Contains(Pan, StringComparison.Ordinal), f.ToString());
        Assert.ThrowsExactly<AssertFailedException>(() => Scanner().AssertClean("out", text));
        Scanner().AssertClean("out", "before 621226*********6782 after");
    }

    [TestMethod]
    public void ShortSecrets_Refused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new LeakScanner().AddDigits("short", "1234"));
        Assert.ThrowsExactly<ArgumentException>(() => new LeakScanner().AddBytes("short", [1, 2, 3]));
        Assert.ThrowsExactly<ArgumentException>(() => new LeakScanner().AddPassword("short", "abc"));
    }
}
