using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using AcquirerSimulator.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Emulator;
using PosTerminal.Tests.Iso8583;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The emulator's <c>crypto</c> calculator, in-process through <see cref="Cli.Run"/>: published known-answer vectors
/// (../shared/vectors/crypto.json, mac.json, pinblock.json, dukpt.json; sources on each row), chained the way an
/// engineer would use it (DUKPT key -> PIN block / MAC / track), --json parsed back, and a negative table of usage
/// errors (exit 2, one line on stderr, no key material echoed).
/// </summary>
[TestClass]
public class CryptoCalculatorTests
{
    private static async Task<(int Code, string Output, string Error)> Crypto(params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        int code = await Cli.Run(["crypto", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs a command that must succeed, with --reveal so secret results are printed; returns its "name: VALUE"
    /// lines' values by name.
    /// </summary>
    private static async Task<Func<string, string>> Ok(params string[] args)
    {
        (int code, string output, string error) = await Crypto([.. args, "--reveal"]);
        Assert.AreEqual(0, code, output + error);
        return name =>
        {
            foreach (string line in output.Split('\n'))
            {
                int colon = line.IndexOf(':');
                if (colon > 0 && line[..colon] == name) return line[(colon + 1)..].Trim();
            }
            Assert.Fail($"no '{name}' line in:\n{output}");
            return null;
        };
    }

    /// <summary>Runs a command with --json that must succeed; returns the parsed object.</summary>
    private static async Task<JsonElement> Json(params string[] args)
    {
        (int code, string output, string error) = await Crypto([.. args, "--json", "--reveal"]);
        Assert.AreEqual(0, code, output + error);
        Assert.AreEqual(1, output.TrimEnd().Split('\n').Length, "one JSON object on one line: " + output);
        using JsonDocument doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }

    private static string AsciiHex(string text) => Convert.ToHexString(Encoding.ASCII.GetBytes(text));

    // ---------------------------------------------------------------- block ciphers (crypto.json)

    [TestMethod]
    [DataRow("des", "ecb", "0123456789ABCDEF", null, "4E6F77206973207468652074696D6520666F7220616C6C20", "3FA40E8A984D48156A271787AB8883F9893D51EC4B563B53")] // FIPS 81 Appendix B, Table B1
    [DataRow("des", "cbc", "0123456789ABCDEF", "1234567890ABCDEF", "4E6F77206973207468652074696D6520666F7220616C6C20", "E5C7CDDE872BF27C43E934008C389C0F683788499A7C05F6")] // FIPS 81 Appendix C, Table C1
    [DataRow("tdes", "ecb", "0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123", null, "54686520717566636B2062726F776E20666F78206A756D70", "A826FD8CE53B855FCCE21C8112256FE668D5C05DD9B6B900")] // NIST SP 800-67 Appendix B
    [DataRow("tdes", "ecb", "042666B49184CF5C68DE9628D0397B36", null, "041274EDCBA9876F", "1B9C1845EB993A7A")] // ANSI X9.24-1:2009 A.4, KSN ...E00001
    [DataRow("aes", "ecb", "000102030405060708090A0B0C0D0E0F", null, "00112233445566778899AABBCCDDEEFF", "69C4E0D86A7B0430D8CDB78070B4C55A")] // FIPS 197 Appendix C.1
    [DataRow("aes", "ecb", "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", null, "00112233445566778899AABBCCDDEEFF", "8EA2B7CA516745BFEAFC49904B496089")] // FIPS 197 Appendix C.3
    [DataRow("aes", "cbc", "2B7E151628AED2A6ABF7158809CF4F3C", "000102030405060708090A0B0C0D0E0F", "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710", "7649ABAC8119B246CEE98E9B12E9197D5086CB9B507219EE95DB113A917678B273BED6B8E3C1743B7116E69E222295163FF1CAA1681FAC09120ECA307586E1A7")] // NIST SP 800-38A F.2.1
    [DataRow("sm4", "ecb", "0123456789ABCDEFFEDCBA9876543210", null, "0123456789ABCDEFFEDCBA9876543210", "681EDF34D206965E86B3E94F536E4246")] // GB/T 32907-2016 Appendix A, example 1
    [DataRow("sm4", "cbc", "0123456789ABCDEFFEDCBA9876543210", "000102030405060708090A0B0C0D0E0F", "AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDDEEEEEEEEFFFFFFFFAAAAAAAABBBBBBBB", "78EBB11CC40B0A48312AAEB2040244CB4CB7016951909226979B0D15DC6A8F6D")] // draft-ribose-cfrg-sm4 A.2.2.1
    public async Task EncryptDecrypt_PublishedVectors_BothWays(string alg, string mode, string key, string iv, string plain, string cipher)
    {
        string[] ivArgs = iv == null ? [] : ["--iv", iv];
        Func<string, string> enc = await Ok(["encrypt", "--alg", alg, "--mode", mode, "--key", key, "--data", plain, .. ivArgs]);
        Assert.AreEqual(cipher, enc("result"));
        Assert.AreEqual(plain, enc("data"));
        Func<string, string> dec = await Ok(["decrypt", "--alg", alg, "--mode", mode, "--key", key, "--data", cipher, .. ivArgs]);
        Assert.AreEqual(plain, dec("result"));
    }

    [TestMethod]
    public async Task Encrypt_HexWithSpacesAndLowerCase_Accepted()
    {
        // FIPS 197 Appendix C.1, typed the way a spec prints it
        Func<string, string> r = await Ok("encrypt", "--alg", "AES", "--key", "00010203 04050607 08090a0b 0c0d0e0f",
            "--data", "00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff");
        Assert.AreEqual("69C4E0D86A7B0430D8CDB78070B4C55A", r("result"));
        Assert.AreEqual("ecb", r("mode"));
    }

    [TestMethod]
    public async Task Encrypt_AsciiData_FipsExample()
    {
        // FIPS 81 Appendix B: "Now is the time for all " under 0123456789ABCDEF
        Func<string, string> r = await Ok("encrypt", "--alg", "des", "--key", "0123456789ABCDEF", "--ascii", "Now is the time for all ");
        Assert.AreEqual("3FA40E8A984D48156A271787AB8883F9893D51EC4B563B53", r("result"));
    }

    [TestMethod]
    public async Task Encrypt_Cbc_IvDefaultsToZeros()
    {
        Func<string, string> r = await Ok("encrypt", "--alg", "tdes", "--mode", "cbc", "--key", "042666B49184CF5C68DE9628D0397B36", "--data", "041274EDCBA9876F");
        Assert.AreEqual("0000000000000000", r("iv"));
        Assert.AreEqual("1B9C1845EB993A7A", r("result"));    // one block, IV 0: same as ECB (X9.24-1 A.4)
    }

    // ---------------------------------------------------------------- key check values

    [TestMethod]
    [DataRow("tdes", "0123456789ABCDEFFEDCBA9876543210", "08D7B4")]      // the classic test BDK (X9.24-1 A.4) and its KCV
    [DataRow("tdes", "6AC292FAA1315B4D858AB3A3D7D5933A", "AF8C07")]      // X9.24-1 IPEK, crypto.json "kcv"
    public async Task Kcv_Legacy_PublishedValues(string alg, string key, string kcv)
    {
        Func<string, string> r = await Ok("kcv", "--alg", alg, "--key", key);
        Assert.AreEqual(kcv, r("kcv"));
        Assert.AreEqual("legacy", r("method"));
        Assert.AreEqual("3", r("length"));
    }

    [TestMethod]
    public async Task Kcv_Length4_UnionPaySignOnForm()
    {
        Func<string, string> r = await Ok("kcv", "--alg", "tdes", "--key", "0123456789ABCDEFFEDCBA9876543210", "--length", "4");
        StringAssert.StartsWith(r("kcv"), "08D7B4");
        Assert.AreEqual(8, r("kcv").Length);
    }

    [TestMethod]
    [DataRow("2B7E151628AED2A6ABF7158809CF4F3C")]   // RFC 4493 key
    [DataRow("FEDCBA9876543210F1F1F1F1F1F1F1F1")]   // X9.24-3 B.1 sample BDK
    public async Task Kcv_Cmac_MatchesTheSimulatorsIndependentBouncyCastleKcv(string key)
    {
        JsonElement j = await Json("kcv", "--alg", "aes", "--key", key, "--cmac");
        Assert.AreEqual("cmac", j.GetProperty("method").GetString());
        Assert.AreEqual(5, j.GetProperty("length").GetInt32());
        Assert.AreEqual(Convert.ToHexString(HostKcv.AesCmac(Convert.FromHexString(key), 5)), j.GetProperty("kcv").GetString());
    }

    // ---------------------------------------------------------------- MACs (mac.json, CUP published examples)

    [TestMethod]
    public async Task Mac_Cup_PublishedWorkedExample_TextAndHex()
    {
        // solo123/pgate pos_mac_test.rb: MAK 2222222222222222, MAB 1234567890ABCDEFABCDEF1234567890, XOR B9F9B96AA4FDB57F, MAC E267B6E2
        Func<string, string> r = await Ok("mac", "--method", "cup", "--key", "2222222222222222", "--data", "1234567890ABCDEF ABCDEF1234567890");
        Assert.AreEqual("B9F9B96AA4FDB57F", r("xor"));
        Assert.AreEqual("E267B6E2", r("mac-text"));
        Assert.AreEqual("4532363742364532", r("mac"));
        Assert.AreEqual("des", r("alg"));
    }

    [TestMethod]
    public async Task Mac_Cup_TwoKeyTdes_PublishedFrame()
    {
        // blog.csdn.net/zfr_xuexiao66/article/details/94665452: 0830 CAPK query, TAK 55036372B17543ECB173730768B8D6C4, F64 5FE058DB
        string msg = GoldenFrames.CsdnCapkQuery0830;
        string mab = msg[..^16];
        JsonElement j = await Json("mac", "--method", "cup", "--key", "55036372B17543ECB173730768B8D6C4", "--data", mab);
        Assert.AreEqual("5FE058DB", j.GetProperty("macText").GetString());
        Assert.AreEqual(msg[^16..], j.GetProperty("mac").GetString());   // the F64 bytes as sent
        Assert.AreEqual("tdes", j.GetProperty("alg").GetString());
    }

    [TestMethod]
    [DataRow("x919", null, "0123456789ABCDEFFEDCBA9876543210", "Now is the time for all ", 1, "A1C72E74EA3FA9B6")]   // ISO/IEC 9797-1:2011 B.4
    [DataRow("x919", null, "0123456789ABCDEFFEDCBA9876543210", "Now is the time for it", 1, "2E2B1428CC78254F")]     // ISO/IEC 9797-1:2011 B.4
    [DataRow("x919", null, "0123456789ABCDEFFEDCBA9876543210", "Now is the time for all ", 2, "E9086230")]           // ISO/IEC 9797-1:1999 Annex B
    [DataRow("x919", null, "0123456789ABCDEFFEDCBA9876543210", "Now is the time for it", 3, "C59F7EED")]             // ISO/IEC 9797-1:1999 Annex B
    [DataRow("x919", null, "7CA110454A1A6E570131D9619DC1376E", "Hello World !!!!", 1, "F09B856213BAB83B")]            // BouncyCastle MacTest ISO9797ALG3
    [DataRow("x919", "sm4", "0123456789ABCDEFFEDCBA98765432104149D2ADED9456681EC8B511D9E7EE04", "This is the test message for mac", 1, "2763211B2BCAF719")] // GB/T 15852.1-2020
    [DataRow("alg1", null, "0123456789ABCDEF", "Now is the time for all ", 1, "70A30640")]   // ISO/IEC 9797-1:1999 Annex B
    [DataRow("alg1", null, "0123456789ABCDEF", "Now is the time for all ", 2, "10E1F0F1")]   // ISO/IEC 9797-1:1999 Annex B
    [DataRow("alg1", null, "0123456789ABCDEF", "Now is the time for all ", 3, "2C58FB8F")]   // ISO/IEC 9797-1:1999 Annex B
    [DataRow("alg1", null, "7CA110454A1A6E570131D9619DC1376E", "Hello World !!!!", 1, "862304D33AF01096")]   // BouncyCastle MacTest DESEDE64
    [DataRow("alg1", "sm4", "0123456789ABCDEFFEDCBA9876543210", "This is the test message ", 2, "421AD1690AA152E2")] // GB/T 15852.1-2020
    public async Task Mac_Iso9797_PublishedVectors(string method, string alg, string key, string ascii, int padding, string mac)
    {
        string[] algArgs = alg == null ? [] : ["--alg", alg];
        Func<string, string> r = await Ok(["mac", "--method", method, .. algArgs, "--key", key, "--ascii", ascii, "--padding", padding.ToString(),
            "--length", (mac.Length / 2).ToString()]);
        Assert.AreEqual(mac, r("mac"));
        Assert.AreEqual(padding.ToString(), r("padding"));
        // the same through --data HEX, full length: the published value is its leftmost bytes
        Func<string, string> full = await Ok(["mac", "--method", method, .. algArgs, "--key", key, "--data", AsciiHex(ascii), "--padding", padding.ToString()]);
        StringAssert.StartsWith(full("mac"), mac);
    }

    [TestMethod]
    public async Task Mac_Alg1_WithIv_Fips113()
    {
        // BouncyCastle MacTest (FIPS 81/113): '7654321 Now is the time for ', IV 1234567890ABCDEF -> 58D2E77E
        Func<string, string> r = await Ok("mac", "--method", "alg1", "--key", "0123456789ABCDEF",
            "--data", "37363534333231204E6F77206973207468652074696D6520666F7220", "--iv", "1234567890ABCDEF", "--length", "4");
        Assert.AreEqual("58D2E77E", r("mac"));
    }

    [TestMethod]
    [DataRow("", "BB1D6929E95937287FA37D129B756746")]                                  // RFC 4493 example 1
    [DataRow("6BC1BEE22E409F96E93D7E117393172A", "070A16B46B4D4144F79BDD9DD04A287C")]  // RFC 4493 example 2
    [DataRow("6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411", "DFA66747DE9AE63030CA32611497C827")] // example 3
    [DataRow("6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710", "51F0BEBF7E3B9D92FC49741779363CFE")] // example 4
    public async Task Mac_Cmac_Rfc4493(string data, string mac)
    {
        Func<string, string> r = await Ok("mac", "--method", "cmac", "--key", "2B7E151628AED2A6ABF7158809CF4F3C", "--data", data);
        Assert.AreEqual(mac, r("mac"));
        Assert.AreEqual("aes", r("alg"));
    }

    [TestMethod]
    public async Task Mac_Cmac_Sm4_GbT15852()
    {
        // GB/T 15852.1-2020 Annex, MAC algorithm 5 (CMAC) over SM4, 64-bit MAC
        Func<string, string> r = await Ok("mac", "--method", "cmac", "--alg", "sm4", "--key", "0123456789ABCDEFFEDCBA9876543210",
            "--ascii", "This is the test message for mac", "--length", "8");
        Assert.AreEqual("692C437100F3B5EE", r("mac"));
    }

    [TestMethod]
    public async Task Mac_CupSm4_OutputLengthAndHex()
    {
        JsonElement j = await Json("mac", "--method", "cup-sm4", "--key", "0123456789ABCDEFFEDCBA9876543210", "--ascii", "This is the test message for mac", "--length", "16");
        string text = j.GetProperty("macText").GetString();
        Assert.AreEqual(16, text.Length);
        Assert.AreEqual(AsciiHex(text), j.GetProperty("mac").GetString());
        Assert.AreEqual("sm4", j.GetProperty("alg").GetString());
        Assert.AreEqual(32, j.GetProperty("xor").GetString().Length);   // 16-byte blocks
    }

    // ---------------------------------------------------------------- PIN blocks (pinblock.json)

    [TestMethod]
    [DataRow(0, "1234", "4012345678909", "041274EDCBA9876F")]    // ANSI X9.24-1:2009 A.4
    [DataRow(0, "1234", "5432101234567891", "041215FEDCBA9876")] // moov-io/pinblock ISO-0
    [DataRow(2, "34567", null, "2534567FFFFFFFFF")]              // Thales payShield manual via openemv/pinblock
    public async Task PinBlock_ClearBlock_Published(int format, string pin, string pan, string block)
    {
        string[] panArgs = pan == null ? [] : ["--pan", pan];
        (int code, string output, string error) = await Crypto(["pinblock", "--format", format.ToString(), "--pin", pin, .. panArgs, "--reveal"]);
        Assert.AreEqual(0, code, output + error);
        StringAssert.Contains(output, "clear-block: " + block);
        StringAssert.StartsWith(error, "warning: ");
        Assert.AreEqual(1, error.TrimEnd().Split('\n').Length);
    }

    [TestMethod]
    [DataRow("042666B49184CF5C68DE9628D0397B36", "1B9C1845EB993A7A")]   // ANSI X9.24-1:2009 A.4.2, KSN ...E00001
    [DataRow("C46551CEF9FD244FAA9AD834130D3B38", "10A01C8D02C69107")]   // ANSI X9.24-1:2009 A.4.2, KSN ...E00002
    public async Task PinBlock_Format0_EncryptedAndDecryptedBack(string key, string encrypted)
    {
        Func<string, string> r = await Ok("pinblock", "--format", "0", "--pin", "1234", "--pan", "4012345678909", "--key", key);
        Assert.AreEqual("041274EDCBA9876F", r("clear-block"));
        Assert.AreEqual(encrypted, r("encrypted-block"));
        Assert.AreEqual("tdes", r("alg"));
        Assert.AreEqual("401234***8909", r("pan"));

        Func<string, string> d = await Ok("pinblock", "--decrypt", "--format", "0", "--key", key, "--pan", "4012345678909", "--block", encrypted);
        Assert.AreEqual("1234", d("pin"));
        Assert.AreEqual("041274EDCBA9876F", d("clear-block"));
    }

    [TestMethod]
    [DataRow("AF8CB133A78F8DC2D1359F18527593FB", "4111111111111111", "2F69ADDE2E9E7ACE", "A912150391AB65A67E52883D81CE2D15")]  // X9.24-3:2017 Supplement p.31
    [DataRow("D30BDC73EC9714B000BEC66BDB7B6D09", "4111111111111111", "2F69ADDE2E9E7ACE", "52A00503BD34BA1383F6A7EE9FE2547F")]  // X9.24-3:2017 Supplement p.31
    [DataRow("00112233445566778899AABBCCDDEEFF", "1234567890123456", "1122334455667788", "7CDF645C86CAF763AE34637A66997534")]  // psec doctest
    public async Task PinBlock_Format4_Published(string key, string pan, string random, string encrypted)
    {
        JsonElement j = await Json("pinblock", "--format", "4", "--pin", "1234", "--pan", pan, "--key", key, "--random", random);
        Assert.AreEqual("441234AAAAAAAAAA" + random, j.GetProperty("pinField").GetString());
        Assert.AreEqual(encrypted, j.GetProperty("encryptedBlock").GetString());
        Assert.AreEqual("aes", j.GetProperty("alg").GetString());
        Assert.AreEqual(4, j.GetProperty("format").GetInt32());
        Assert.IsFalse(j.TryGetProperty("pin", out _), "the PIN input is not echoed");
        Assert.IsFalse(j.ToString().Contains(key), "the key is not echoed");
        Assert.AreEqual(pan[..6] + "******" + pan[^4..], j.GetProperty("pan").GetString(), "the PAN input is echoed masked");
    }

    [TestMethod]
    public async Task PinBlock_Format4_PanField_X924Supplement()
    {
        // ANSI X9.24-3:2017 Supplement p.31: PIN field and PAN field (no key: the clear fields only)
        Func<string, string> r = await Ok("pinblock", "--format", "4", "--pin", "1234", "--pan", "4111111111111111", "--random", "2F69ADDE2E9E7ACE");
        Assert.AreEqual("441234AAAAAAAAAA2F69ADDE2E9E7ACE", r("pin-field"));
        Assert.AreEqual("44111111111111111000000000000000", r("pan-field"));
    }

    [TestMethod]
    [DataRow(0, "041277CDDEEFF669", "5544332211009966", "1234")]    // psec decode_pinblock_iso_0
    [DataRow(3, "341277EEEFCCB43C", "5544332211009966", "1234")]    // psec decode_pinblock_iso_3
    [DataRow(2, "2C123456789012FF", null, "123456789012")]          // psec decode_pinblock_iso_2
    public async Task PinBlock_DecodeClearBlock_Published(int format, string block, string pan, string pin)
    {
        string[] panArgs = pan == null ? [] : ["--pan", pan];
        Func<string, string> r = await Ok(["pinblock", "--decrypt", "--format", format.ToString(), "--block", block, .. panArgs]);
        Assert.AreEqual(pin, r("pin"));
        Assert.AreEqual("decode", r("operation"));
    }

    [TestMethod]
    public async Task PinBlock_DecryptFormat4_PsecVector_WarnsOnStderr()
    {
        // psec decipher_pinblock_iso_4 doctest
        (int code, string output, string error) = await Crypto("pinblock", "--decrypt", "--format", "4", "--key", "00112233445566778899AABBCCDDEEFF",
            "--pan", "1234567890123456", "--block", "E4BE5B623AF7E006AC319E5B93544564", "--json", "--reveal");
        Assert.AreEqual(0, code, error);
        Assert.AreEqual("1234", JsonDocument.Parse(output).RootElement.GetProperty("pin").GetString());
        StringAssert.StartsWith(error, "warning: sensitive output");
    }

    [TestMethod]
    [DataRow(3, "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBB")]
    [DataRow(1, "0102030405060708")]
    public async Task PinBlock_RandomFill_ReplayedIntoTheBlock(int format, string random)
    {
        string[] panArgs = format == 3 ? ["--pan", "4012345678909"] : [];
        Func<string, string> a = await Ok(["pinblock", "--format", format.ToString(), "--pin", "1234", "--random", random, .. panArgs]);
        Func<string, string> b = await Ok(["pinblock", "--format", format.ToString(), "--pin", "1234", "--random", random, .. panArgs]);
        Assert.AreEqual(a("clear-block"), b("clear-block"));
        StringAssert.StartsWith(a("clear-block"), format + "412");   // control, length, PIN digits before the PAN field (nibble 4 on)
        Func<string, string> d = await Ok(["pinblock", "--decrypt", "--format", format.ToString(), "--block", a("clear-block"), .. panArgs]);
        Assert.AreEqual("1234", d("pin"));
    }

    [TestMethod]
    public async Task PinBlock_DecryptWithWrongKey_Exit1()
    {
        (int code, string output, string error) = await Crypto("pinblock", "--decrypt", "--format", "0", "--key", "C46551CEF9FD244FAA9AD834130D3B38",
            "--pan", "4012345678909", "--block", "1B9C1845EB993A7A");
        Assert.AreEqual(1, code, error);
        Assert.AreEqual("", output);
        StringAssert.StartsWith(error, "error: ");
        StringAssert.Contains(error, "wrong key");
    }

    // ---------------------------------------------------------------- DUKPT (dukpt.json)

    private const string TdesBdk = "0123456789ABCDEFFEDCBA9876543210";

    [TestMethod]
    public async Task Dukpt_Tdes_InitialKsn_Ipek()
    {
        // ANSI X9.24-1:2009 A.4: BDK 0123456789ABCDEFFEDCBA9876543210, KSN FFFF9876543210E00000 -> IPEK, KCV AF8C07
        Func<string, string> r = await Ok("dukpt", "--bdk", TdesBdk, "--ksn", "FFFF9876543210E00000");
        Assert.AreEqual("6AC292FAA1315B4D858AB3A3D7D5933A", r("ipek"));
        Assert.AreEqual("AF8C07", r("ipek-kcv"));
        Assert.AreEqual("08D7B4", r("bdk-kcv"));
        Assert.AreEqual("000000", r("counter"));
    }

    [TestMethod]
    [DataRow("FFFF9876543210E00001", "042666B49184CFA368DE9628D0397BC9", "1B9C1845EB993A7A")]   // A.4.2 initial sequence
    [DataRow("FFFF9876543210E00002", "C46551CEF9FD24B0AA9AD834130D3BC7", "10A01C8D02C69107")]   // A.4.2 initial sequence
    [DataRow("FFFF9876543210E00015", "E161D1956A61F6D2F37AFD7F9CC3699A", "72105C22EBC791E6")]   // A.4.2 initial sequence
    [DataRow("FFFF9876543210EFF800", "F9CDFEBF4F5B1D9EB3EC12454527E176", "33365F5CC6F23C35")]   // A.4.3 rollover sequence
    public async Task Dukpt_Tdes_TransactionKeyAndPinVariant_EncryptThePublishedPinBlock(string ksn, string transactionKey, string epb)
    {
        JsonElement j = await Json("dukpt", "--bdk", TdesBdk, "--ksn", ksn, "--variant", "pin");
        Assert.AreEqual("6AC292FAA1315B4D858AB3A3D7D5933A", j.GetProperty("ipek").GetString());
        Assert.AreEqual(transactionKey, j.GetProperty("transactionKey").GetString());
        Assert.AreEqual("pin", j.GetProperty("variant").GetString());
        Assert.IsFalse(j.TryGetProperty("bdk", out _));
        Assert.IsFalse(j.ToString().Contains(TdesBdk), "the BDK is not echoed");

        // the engineer's next step: the PIN block under that key (PIN 1234, PAN 4012345678909)
        Func<string, string> p = await Ok("pinblock", "--format", "0", "--pin", "1234", "--pan", "4012345678909", "--key", j.GetProperty("variantKey").GetString());
        Assert.AreEqual(epb, p("encrypted-block"));
    }

    [TestMethod]
    public async Task Dukpt_Tdes_MacAndDataVariants_MoovIoTable()
    {
        // moov-io/dukpt 'A.4.2 Initial Sequence', KSN ...E00001: MAC = X9.19 pad 1 under the MAC request key; data =
        // TDES-CBC (IV 0, zero pad) under the data request key
        const string Ksn = "FFFF9876543210E00001";
        Func<string, string> mac = await Ok("dukpt", "--bdk", TdesBdk, "--ksn", Ksn, "--variant", "mac-request");
        Func<string, string> m = await Ok("mac", "--method", "x919", "--key", mac("variant-key"), "--ascii", "4012345678909D987");
        Assert.AreEqual("9CCC78173FC4FB64", m("mac"));
        Func<string, string> macResp = await Ok("dukpt", "--bdk", TdesBdk, "--ksn", Ksn, "--variant", "mac-response");
        Assert.AreEqual("20364223C1FF00FA", (await Ok("mac", "--method", "x919", "--key", macResp("variant-key"), "--ascii", "4012345678909D987"))("mac"));

        Func<string, string> data = await Ok("dukpt", "--bdk", TdesBdk, "--ksn", Ksn, "--variant", "data-request");
        Func<string, string> t = await Ok("track", "--dukpt", "--key", data("variant-key"), "--track", "4012345678909D987");
        Assert.AreEqual("FC0D53B7EA1FDA9EE68AAF2E70D9B9506229BE2AA993F04F", t("field"));
        Func<string, string> back = await Ok("track", "--dukpt", "--decrypt", "--key", data("variant-key"), "--track", t("field"));
        Assert.AreEqual("4012345678909D987", back("track"));

        Func<string, string> resp = await Ok("dukpt", "--bdk", TdesBdk, "--ksn", Ksn, "--variant", "data-response");
        Func<string, string> e = await Ok("encrypt", "--alg", "tdes", "--mode", "cbc", "--key", resp("variant-key"),
            "--data", AsciiHex("4012345678909D987") + "00000000000000");
        Assert.AreEqual("1FCC89AF66222F27B903898BB2BC8589CDBFDE5EC6AFCC25", e("result"));
    }

    [TestMethod]
    public async Task Dukpt_Tdes_FromIpek_SameKeysAsFromBdk()
    {
        Func<string, string> r = await Ok("dukpt", "--ipek", "6AC292FAA1315B4D858AB3A3D7D5933A", "--ksn", "FFFF9876543210E00002", "--variant", "pin");
        Assert.AreEqual("C46551CEF9FD24B0AA9AD834130D3BC7", r("transaction-key"));
        Assert.AreEqual("C46551CEF9FD244FAA9AD834130D3B38", r("variant-key"));
        Assert.AreEqual("AF8C07", r("ipek-kcv"));
    }

    [TestMethod]
    [DataRow("123456789012345600000001", "pin", "AF8CB133A78F8DC2D1359F18527593FB")]          // X9.24-3:2017 Supplement p.2
    [DataRow("123456789012345600000001", "mac-gen", "A2DC23DE6FDE0824A2BC321E08E4B8B7")]      // X9.24-3:2017 Supplement p.2
    [DataRow("123456789012345600000002", "data-enc", "D639514AA33AC43AD9229E433D6D4E5B")]     // X9.24-3:2017 Supplement p.2
    [DataRow("123456789012345600000008", "pin", "4D9DF3FBEE3448FC3E676D04320A90F5")]          // X9.24-3:2017 Supplement p.2
    public async Task Dukpt_Aes_WorkingKeys_Published(string ksn, string usage, string workingKey)
    {
        JsonElement j = await Json("dukpt", "--aes", "--bdk", "FEDCBA9876543210F1F1F1F1F1F1F1F1", "--ksn", ksn, "--usage", usage, "--type", "aes128");
        Assert.AreEqual("1273671EA26AC29AFA4D1084127652A1", j.GetProperty("initialKey").GetString());   // X9.24-3:2017 B.1
        Assert.AreEqual(workingKey, j.GetProperty("workingKey").GetString());
        Assert.AreEqual("aes", j.GetProperty("scheme").GetString());
    }

    [TestMethod]
    [DataRow("123456789012345600000001", "4F21B565BAD9835E112B6465635EAE44")]   // X9.24-3:2017 Supplement p.2
    [DataRow("1234567890123456FFFF0000", "F6BA59389BD14A9855BE9727E7C52E3C")]   // X9.24-3:2017 Supplement pp.5-6 (last counter)
    public async Task Dukpt_Aes_TransactionKey_Published(string ksn, string transactionKey)
    {
        Func<string, string> r = await Ok("dukpt", "--aes", "--ipek", "1273671EA26AC29AFA4D1084127652A1", "--ksn", ksn);
        Assert.AreEqual(transactionKey, r("transaction-key"));
    }

    [TestMethod]
    public async Task Dukpt_Aes256Bdk_InitialKey_Published()
    {
        // X9.24-3:2017 Supplement, AES-256 BDK, initial key ID 1234567890123456
        Func<string, string> r = await Ok("dukpt", "--aes", "--bdk", "FEDCBA9876543210F1F1F1F1F1F1F1F1FEDCBA9876543210F1F1F1F1F1F1F1F1",
            "--ksn", "123456789012345600000000");
        Assert.AreEqual("CE9CE0C101D1138F97FB6CAD4DF045A7083D4EAE2D35A31789D01CCF0949550F", r("initial-key"));
    }

    [TestMethod]
    public async Task Dukpt_AesPinKey_ThenFormat4PinBlock_Published()
    {
        // X9.24-3:2017 Supplement p.31: the PIN key of KSN ...00000001 encrypts PIN 1234 / PAN 4111111111111111
        Func<string, string> k = await Ok("dukpt", "--aes", "--bdk", "FEDCBA9876543210F1F1F1F1F1F1F1F1", "--ksn", "123456789012345600000001", "--usage", "pin");
        Func<string, string> p = await Ok("pinblock", "--format", "4", "--pin", "1234", "--pan", "4111111111111111", "--key", k("working-key"), "--random", "2F69ADDE2E9E7ACE");
        Assert.AreEqual("A912150391AB65A67E52883D81CE2D15", p("encrypted-block"));
    }

    // ---------------------------------------------------------------- track (UnionPay TDB rule)

    private const string Track2 = "1234567890123456789=0508201781999168302";   // doc.xrtinfo.com ss_api 4.4 example

    [TestMethod]
    public async Task Track_Cup_EncryptsThePublishedTdb_AndDecryptsBack()
    {
        const string Tdk = "0123456789ABCDEFFEDCBA9876543210";
        // xrtinfo "磁道加密算法 4.4": TDB2 of this track is 0820178199916830; the field is the track with E(TDB) in its place
        Func<string, string> tdb = await Ok("encrypt", "--alg", "tdes", "--key", Tdk, "--data", "0820178199916830");
        (int code, string output, string error) = await Crypto("track", "--cup", "--key", Tdk, "--track", Track2, "--reveal");
        Assert.AreEqual(0, code, error);
        StringAssert.StartsWith(error, "warning: ");
        string field = JsonFree(output, "field");
        Assert.AreEqual("1234567890123456789D05" + tdb("result") + "2", field);

        // the simulator's independent UnionPay track code (System.Security.Cryptography) reads it back
        Assert.IsTrue(HostTrackData.TryDecryptCup(HostCipherAlgorithm.Tdes, Convert.FromHexString(Tdk), field, out string clear));
        Assert.AreEqual(Track2.Replace('=', 'D'), clear);

        JsonElement back = await Json("track", "--decrypt", "--key", Tdk, "--track", field);
        Assert.AreEqual(Track2, back.GetProperty("track").GetString());
        Assert.AreEqual(39, back.GetProperty("digits").GetInt32());
    }

    [TestMethod]
    public async Task Track_CupSm4_RoundTrip_MatchesTheSimulator()
    {
        const string Tdk = "0123456789ABCDEFFEDCBA9876543210";
        Func<string, string> r = await Ok("track", "--key", Tdk, "--alg", "sm4", "--track", Track2);
        Assert.IsTrue(HostTrackData.TryEncryptCup(HostCipherAlgorithm.Sm4, Convert.FromHexString(Tdk), Track2, out string expected));
        Assert.AreEqual(expected, r("field"));
    }

    [TestMethod]
    public async Task Track_CupDecryptUnderWrongKey_Exit1()
    {
        Func<string, string> r = await Ok("track", "--key", "0123456789ABCDEFFEDCBA9876543210", "--track", Track2);
        (int code, _, string error) = await Crypto("track", "--decrypt", "--key", "1123456789ABCDEFFEDCBA9876543210", "--track", r("field"));
        Assert.AreEqual(1, code, error);
        StringAssert.StartsWith(error, "error: ");
    }

    private static string JsonFree(string output, string name)
    {
        foreach (string line in output.Split('\n'))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal)) return line[(name.Length + 1)..].Trim();
        }
        Assert.Fail("no " + name);
        return null;
    }

    // ---------------------------------------------------------------- --json

    [TestMethod]
    public async Task Json_Encrypt_InputsByNameKeyOnlyAsCheckValue()
    {
        JsonElement j = await Json("encrypt", "--alg", "sm4", "--key", "0123456789ABCDEFFEDCBA9876543210", "--data", "0123456789ABCDEFFEDCBA9876543210");
        Assert.AreEqual("encrypt", j.GetProperty("command").GetString());
        Assert.AreEqual("sm4", j.GetProperty("alg").GetString());
        Assert.AreEqual("ecb", j.GetProperty("mode").GetString());
        Assert.AreEqual("0123456789ABCDEFFEDCBA9876543210", j.GetProperty("data").GetString());
        Assert.AreEqual("681EDF34D206965E86B3E94F536E4246", j.GetProperty("result").GetString());
        Assert.AreEqual(6, j.GetProperty("keyKcv").GetString().Length);
        Assert.IsFalse(j.TryGetProperty("key", out _));
        foreach (JsonProperty p in j.EnumerateObject())
        {
            if (p.Name != "data") Assert.AreNotEqual("0123456789ABCDEFFEDCBA9876543210", p.Value.ToString(), p.Name);
        }
    }

    [TestMethod]
    public async Task Json_Mac_Cup()
    {
        JsonElement j = await Json("mac", "--method", "cup", "--key", "2222222222222222", "--data", "1234567890ABCDEFABCDEF1234567890");
        Assert.AreEqual("mac", j.GetProperty("command").GetString());
        Assert.AreEqual("cup", j.GetProperty("method").GetString());
        Assert.AreEqual("E267B6E2", j.GetProperty("macText").GetString());
        Assert.AreEqual("4532363742364532", j.GetProperty("mac").GetString());
        Assert.IsFalse(j.ToString().Contains("2222222222222222"));
    }

    [TestMethod]
    public async Task Text_AlignedNameValueLines()
    {
        (int code, string output, _) = await Crypto("dukpt", "--bdk", TdesBdk, "--ksn", "FFFF9876543210E00001", "--variant", "pin", "--reveal");
        Assert.AreEqual(0, code);
        string[] lines = output.TrimEnd().Split('\n');
        int column = -1;
        foreach (string line in lines)
        {
            int colon = line.IndexOf(':');
            Assert.IsTrue(colon > 0, line);
            int value = colon + 1;
            while (line[value] == ' ') value++;
            if (column < 0) column = value;
            Assert.AreEqual(column, value, "values start in one column: " + line);
        }
        StringAssert.Contains(output, "variant-key:     042666B49184CF5C68DE9628D0397B36");
    }

    // ---------------------------------------------------------------- --reveal

    [TestMethod]
    [DataRow("dukpt", "--bdk", TdesBdk, "--ksn", "FFFF9876543210E00001", "--variant", "pin")]
    [DataRow("pinblock", "--format", "0", "--pin", "1234", "--pan", "4012345678909", "--key", "042666B49184CF5C68DE9628D0397B36")]
    [DataRow("pinblock", "--decrypt", "--format", "0", "--key", "042666B49184CF5C68DE9628D0397B36", "--pan", "4012345678909", "--block", "1B9C1845EB993A7A")]
    [DataRow("track", "--cup", "--key", "0123456789ABCDEFFEDCBA9876543210", "--track", Track2)]
    public async Task Secrets_HiddenWithoutReveal_ShownWithIt(params string[] args)
    {
        (int code, string hidden, string quiet) = await Crypto(args);
        Assert.AreEqual(0, code, quiet);
        Assert.AreEqual("", quiet, "no warning when nothing secret is printed");
        StringAssert.Contains(hidden, "(hidden: add --reveal)");

        (code, string shown, string warned) = await Crypto([.. args, "--reveal"]);
        Assert.AreEqual(0, code, warned);
        StringAssert.StartsWith(warned, "warning: sensitive output");
        Assert.IsFalse(shown.Contains("(hidden"), shown);
        // every secret line shown with --reveal was hidden without it, and the public lines are the same
        string[] a = hidden.TrimEnd().Split('\n');
        string[] b = shown.TrimEnd().Split('\n');
        Assert.AreEqual(a.Length, b.Length);
        int secrets = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].EndsWith("(hidden: add --reveal)", StringComparison.Ordinal)) secrets++;
            else Assert.AreEqual(b[i], a[i]);
        }
        Assert.IsTrue(secrets > 0);
        foreach (string secret in new[] { "042666B49184CF5C68DE9628D0397B36", "041274EDCBA9876F", "1234567890123456789" })
        {
            Assert.IsFalse(hidden.Contains(secret), secret);
        }
    }

    [TestMethod]
    public async Task Secrets_HiddenInJsonWithoutReveal()
    {
        (int code, string output, string error) = await Crypto("pinblock", "--decrypt", "--format", "4", "--key", "00112233445566778899AABBCCDDEEFF",
            "--pan", "1234567890123456", "--block", "E4BE5B623AF7E006AC319E5B93544564", "--json");
        Assert.AreEqual(0, code, error);
        JsonElement j = JsonDocument.Parse(output).RootElement;
        Assert.AreEqual("(hidden: add --reveal)", j.GetProperty("pin").GetString());
        Assert.AreEqual("", error);
    }

    // ---------------------------------------------------------------- usage

    [TestMethod]
    public async Task Help_PrintsUsage()
    {
        (int code, string output, _) = await Crypto("--help");
        Assert.AreEqual(0, code);
        StringAssert.Contains(output, "usage: PosTerminal.Emulator crypto <subcommand>");
        foreach (string sub in new[] { "encrypt|decrypt", "kcv", "mac", "pinblock", "dukpt", "track", "--json", "exit codes" }) StringAssert.Contains(output, sub);

        (code, output, _) = await Crypto("mac", "--method", "cup", "--help");
        Assert.AreEqual(0, code);
        StringAssert.Contains(output, "cup-sm4");

        (code, output, _) = await Crypto();
        Assert.AreEqual(2, code);
        StringAssert.Contains(output, "usage: PosTerminal.Emulator crypto");

        StringWriter main = new();
        Assert.AreEqual(0, await Cli.Run(["--help"], main, new StringWriter()));
        StringAssert.Contains(main.ToString(), "crypto   payment crypto calculator");
    }

    private const string K16 = "0123456789ABCDEFFEDCBA9876543210";

    [TestMethod]
    // bad hex
    [DataRow("--key is not hex: character 3", "encrypt", "--alg", "tdes", "--key", "01G23456789ABCDEFFEDCBA9876543210", "--data", "0000000000000000")]
    [DataRow("--data has 15 hex digits, an odd number", "encrypt", "--alg", "tdes", "--key", K16, "--data", "000000000000000")]
    [DataRow("--block is not hex", "pinblock", "--decrypt", "--format", "0", "--key", K16, "--pan", "4012345678909", "--block", "1B9C1845EB993A7Z")]
    // wrong key length
    [DataRow("--key: tdes takes a 16- or 24-byte key (32 or 48 hex digits), not 8 bytes", "encrypt", "--alg", "tdes", "--key", "0123456789ABCDEF", "--data", "0000000000000000")]
    [DataRow("--key: des takes an 8-byte key", "kcv", "--alg", "des", "--key", K16)]
    [DataRow("--key: aes takes a 16-, 24- or 32-byte key", "encrypt", "--alg", "aes", "--key", "0011223344556677", "--data", K16)]
    [DataRow("--key: sm4 takes a 16-byte key", "kcv", "--alg", "sm4", "--key", "0123456789ABCDEF")]
    [DataRow("--key: the cup MAC takes an 8-byte (DES) or 16-byte (TDES) MAK, not 24 bytes", "mac", "--method", "cup", "--key", "0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123", "--data", "00")]
    [DataRow("--key: x919 over des takes K then K', 16 bytes", "mac", "--method", "x919", "--key", "0123456789ABCDEF", "--data", "00")]
    [DataRow("--bdk: TDES DUKPT takes a 16-byte key", "dukpt", "--bdk", "0123456789ABCDEF", "--ksn", "FFFF9876543210E00001")]
    // partial block
    [DataRow("--data is 15 bytes, not a whole number of 16-byte aes blocks", "encrypt", "--alg", "aes", "--key", K16, "--data", "00112233445566778899AABBCCDDEE")]
    [DataRow("--data is 9 bytes, not a whole number of 8-byte tdes blocks", "decrypt", "--alg", "tdes", "--key", K16, "--data", "001122334455667788")]
    [DataRow("--data is empty", "encrypt", "--alg", "aes", "--key", K16, "--data", "")]
    // options
    [DataRow("crypto encrypt needs --alg des|tdes|aes|sm4", "encrypt", "--key", K16, "--data", K16)]
    [DataRow("--alg is one of des, tdes, aes, sm4", "encrypt", "--alg", "rc4", "--key", K16, "--data", K16)]
    [DataRow("crypto kcv has no option --data", "kcv", "--alg", "tdes", "--key", K16, "--data", "00")]
    [DataRow("--key needs a value", "kcv", "--alg", "tdes", "--key")]
    [DataRow("--alg is given twice", "kcv", "--alg", "tdes", "--alg", "aes", "--key", K16)]
    [DataRow("argument 5 is not an option", "kcv", "--alg", "tdes", "--key", K16, K16)]
    [DataRow("unknown crypto subcommand 'hash'", "hash")]
    [DataRow("--iv is for --mode cbc", "encrypt", "--alg", "tdes", "--key", K16, "--data", "0000000000000000", "--iv", "0000000000000000")]
    [DataRow("--iv is 8 bytes; aes CBC takes a 16-byte IV", "encrypt", "--alg", "aes", "--mode", "cbc", "--key", K16, "--data", K16, "--iv", "0000000000000000")]
    [DataRow("crypto encrypt takes either --data HEX or --ascii TEXT", "encrypt", "--alg", "aes", "--key", K16, "--data", K16, "--ascii", "x")]
    [DataRow("--length is 1 to 8 bytes for tdes", "kcv", "--alg", "tdes", "--key", K16, "--length", "9")]
    [DataRow("--padding is for --method x919 and alg1", "mac", "--method", "cup", "--key", "2222222222222222", "--data", "00", "--padding", "2")]
    [DataRow("--padding is 1, 2 or 3", "mac", "--method", "alg1", "--key", "2222222222222222", "--data", "00", "--padding", "4")]
    [DataRow("--method is one of cup, cup-sm4, x919, alg1, cmac", "mac", "--method", "hmac", "--key", K16, "--data", "00")]
    // PIN blocks
    [DataRow("--pin is 4 to 12 digits", "pinblock", "--format", "0", "--pin", "123", "--pan", "4012345678909")]
    [DataRow("--pin is 4 to 12 digits", "pinblock", "--format", "0", "--pin", "12a4", "--pan", "4012345678909")]
    [DataRow("format 0 needs --pan", "pinblock", "--format", "0", "--pin", "1234")]
    [DataRow("format 1 does not use the PAN", "pinblock", "--format", "1", "--pin", "1234", "--pan", "4012345678909")]
    [DataRow("--pan is 8 to 19 digits", "pinblock", "--format", "0", "--pin", "1234", "--pan", "4012345")]
    [DataRow("--format is 0, 1, 2, 3 or 4", "pinblock", "--format", "5", "--pin", "1234")]
    [DataRow("--random is for formats 1, 3 and 4", "pinblock", "--format", "0", "--pin", "1234", "--pan", "4012345678909", "--random", "0011223344556677")]
    [DataRow("--random: format 3 draws 16 random bytes, not 8", "pinblock", "--format", "3", "--pin", "1234", "--pan", "4012345678909", "--random", "0011223344556677")]
    [DataRow("--alg is one of aes, sm4", "pinblock", "--format", "4", "--pin", "1234", "--pan", "4111111111111111", "--key", K16, "--alg", "tdes")]
    [DataRow("--block is 16 bytes; format 0 under tdes is 8 bytes", "pinblock", "--decrypt", "--format", "0", "--key", K16, "--pan", "4012345678909", "--block", K16)]
    [DataRow("--decrypt finds the PIN: leave out --pin", "pinblock", "--decrypt", "--format", "0", "--pin", "1234", "--pan", "4012345678909", "--block", "041274EDCBA9876F")]
    // DUKPT
    [DataRow("TDES DUKPT takes a 10-byte KSN (20 hex digits): for AES DUKPT add --aes", "dukpt", "--bdk", K16, "--ksn", "123456789012345600000001")]
    [DataRow("AES DUKPT takes a 12-byte KSN", "dukpt", "--aes", "--bdk", K16, "--ksn", "FFFF9876543210E00001")]
    [DataRow("either --bdk (host side) or --ipek", "dukpt", "--bdk", K16, "--ipek", K16, "--ksn", "FFFF9876543210E00001")]
    [DataRow("KSN counter 1FFFFF has more than 10 one-bits", "dukpt", "--bdk", K16, "--ksn", "FFFF9876543210FFFFFF")]
    [DataRow("KSN counter 0 is the initial KSN", "dukpt", "--bdk", K16, "--ksn", "FFFF9876543210E00000", "--variant", "pin")]
    [DataRow("--variant is one of none, pin, mac-request", "dukpt", "--bdk", K16, "--ksn", "FFFF9876543210E00001", "--variant", "kek")]
    [DataRow("--variant is for TDES DUKPT", "dukpt", "--aes", "--bdk", K16, "--ksn", "123456789012345600000001", "--variant", "pin")]
    [DataRow("--usage and --type are for AES DUKPT", "dukpt", "--bdk", K16, "--ksn", "FFFF9876543210E00001", "--usage", "pin")]
    [DataRow("--type goes with --usage", "dukpt", "--aes", "--bdk", K16, "--ksn", "123456789012345600000001", "--type", "aes128")]
    [DataRow("--type aes256 is stronger than the AES-128 initial key", "dukpt", "--aes", "--bdk", K16, "--ksn", "123456789012345600000001", "--usage", "pin", "--type", "aes256")]
    // track
    [DataRow("--track: character 1 is not a digit or '='", "track", "--key", K16, "--track", ";1234567890123456789=0508?")]
    [DataRow("--cup and --dukpt are two conventions", "track", "--cup", "--dukpt", "--key", K16, "--track", "1234")]
    [DataRow("crypto track needs --track", "track", "--key", K16)]
    public async Task UsageErrors_Exit2_OneLineMessage_NoKeyEchoed(string message, params string[] args)
    {
        (int code, string output, string error) = await Crypto(args);
        Assert.AreEqual(2, code, output + error);
        Assert.AreEqual("", output);
        Assert.AreEqual(1, error.TrimEnd().Split('\n').Length, error);
        StringAssert.StartsWith(error, "error: ");
        StringAssert.Contains(error, message);
        Assert.IsFalse(error.Contains(K16), "key material in the message");
        Assert.IsFalse(error.Contains("01G23456789ABCDEF"), "key material in the message");
    }
}
