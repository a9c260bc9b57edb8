#nullable enable
using System;
using System.IO;
using System.Text.Json.Nodes;

namespace PosTerminal.Tests.Host.SimulatorCrypto;

/// <summary>
/// Copies of the published vector files ../shared/vectors/{crypto,mac,pinblock,dukpt}.json (the project's shared vector
/// set, outside this repository, so a clean clone cannot reach it). Each case keeps its "source" field naming where the
/// value is published. The copies are verbatim; <see cref="SharedVectorCopyTests"/> checks they still equal the shared
/// files whenever those are present.
/// </summary>
internal static class SharedVectors
{
    /// <summary>The parsed copy of ../shared/vectors/<paramref name="name"/>.json.</summary>
    public static JsonNode Load(string name) => JsonNode.Parse(name switch
    {
        "crypto" => CryptoJson,
        "mac" => MacJson,
        "pinblock" => PinblockJson,
        "dukpt" => DukptJson,
        _ => throw new ArgumentException(name),
    })!;

    /// <summary>The shared vectors folder (a "shared/vectors" folder beside or above the test binaries), or null.</summary>
    public static string? FindSharedFolder()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "shared", "vectors");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Verbatim copy of ../shared/vectors/crypto.json.</summary>
    public const string CryptoJson = """""
        {
          "_about": "Published block-cipher / hash vectors used by crypto.js --selftest. All hex. 'source' names where the value is published.",
          "cipher": [
            {"source": "GB/T 32907-2016 (SM4) Appendix A, example 1", "alg": "sm4", "mode": "ecb",
             "key": "0123456789ABCDEFFEDCBA9876543210", "pt": "0123456789ABCDEFFEDCBA9876543210", "ct": "681EDF34D206965E86B3E94F536E4246"},
            {"source": "draft-ribose-cfrg-sm4 A.2.1.1 (SM4-ECB example 1)", "alg": "sm4", "mode": "ecb",
             "key": "0123456789ABCDEFFEDCBA9876543210", "pt": "AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDDEEEEEEEEFFFFFFFFAAAAAAAABBBBBBBB", "ct": "5EC8143DE509CFF7B5179F8F474B86192F1D305A7FB17DF985F81C8482192304"},
            {"source": "draft-ribose-cfrg-sm4 A.2.1.2 (SM4-ECB example 2)", "alg": "sm4", "mode": "ecb",
             "key": "FEDCBA98765432100123456789ABCDEF", "pt": "AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDDEEEEEEEEFFFFFFFFAAAAAAAABBBBBBBB", "ct": "C5876897E4A59BBBA72A10C83872245B12DD90BC2D200692B529A4155AC9E600"},
            {"source": "draft-ribose-cfrg-sm4 A.2.2.1 (SM4-CBC example 1)", "alg": "sm4", "mode": "cbc", "iv": "000102030405060708090A0B0C0D0E0F",
             "key": "0123456789ABCDEFFEDCBA9876543210", "pt": "AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDDEEEEEEEEFFFFFFFFAAAAAAAABBBBBBBB", "ct": "78EBB11CC40B0A48312AAEB2040244CB4CB7016951909226979B0D15DC6A8F6D"},
            {"source": "draft-ribose-cfrg-sm4 A.2.2.2 (SM4-CBC example 2)", "alg": "sm4", "mode": "cbc", "iv": "000102030405060708090A0B0C0D0E0F",
             "key": "FEDCBA98765432100123456789ABCDEF", "pt": "AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDDEEEEEEEEFFFFFFFFAAAAAAAABBBBBBBB", "ct": "0D3A6DDC2D21C698857215587B7BB59A91F2C147911A4144665E1FA1D40BAE38"},
            {"source": "FIPS 197 Appendix C.1 (AES-128)", "alg": "aes", "mode": "ecb",
             "key": "000102030405060708090A0B0C0D0E0F", "pt": "00112233445566778899AABBCCDDEEFF", "ct": "69C4E0D86A7B0430D8CDB78070B4C55A"},
            {"source": "FIPS 197 Appendix C.3 (AES-256)", "alg": "aes", "mode": "ecb",
             "key": "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "pt": "00112233445566778899AABBCCDDEEFF", "ct": "8EA2B7CA516745BFEAFC49904B496089"},
            {"source": "NIST SP 800-38A F.1.1 (ECB-AES128.Encrypt)", "alg": "aes", "mode": "ecb",
             "key": "2B7E151628AED2A6ABF7158809CF4F3C",
             "pt": "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710",
             "ct": "3AD77BB40D7A3660A89ECAF32466EF97F5D3D58503B9699DE785895A96FDBAAF43B1CD7F598ECE23881B00E3ED0306887B0C785E27E8AD3F8223207104725DD4"},
            {"source": "NIST SP 800-38A F.2.1 (CBC-AES128.Encrypt)", "alg": "aes", "mode": "cbc", "iv": "000102030405060708090A0B0C0D0E0F",
             "key": "2B7E151628AED2A6ABF7158809CF4F3C",
             "pt": "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710",
             "ct": "7649ABAC8119B246CEE98E9B12E9197D5086CB9B507219EE95DB113A917678B273BED6B8E3C1743B7116E69E222295163FF1CAA1681FAC09120ECA307586E1A7"},
            {"source": "FIPS 81 Appendix B, Table B1 (DES ECB, 'Now is the time for all ')", "alg": "des", "mode": "ecb",
             "key": "0123456789ABCDEF", "pt": "4E6F77206973207468652074696D6520666F7220616C6C20", "ct": "3FA40E8A984D48156A271787AB8883F9893D51EC4B563B53"},
            {"source": "FIPS 81 Appendix C, Table C1 (DES CBC, IV 1234567890ABCDEF)", "alg": "des", "mode": "cbc", "iv": "1234567890ABCDEF",
             "key": "0123456789ABCDEF", "pt": "4E6F77206973207468652074696D6520666F7220616C6C20", "ct": "E5C7CDDE872BF27C43E934008C389C0F683788499A7C05F6"},
            {"source": "NIST SP 800-67 Appendix B (3-key TDEA ECB, 'The qufck brown fox jump')", "alg": "tdes", "mode": "ecb",
             "key": "0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123", "pt": "54686520717566636B2062726F776E20666F78206A756D70", "ct": "A826FD8CE53B855FCCE21C8112256FE668D5C05DD9B6B900"},
            {"source": "PyCryptodome SelfTest 'Two-key 3DES' (double-length key = K1,K2,K1)", "alg": "tdes", "mode": "ecb",
             "key": "9B397EBF81B1181E282F4BB8ADBADC6B", "pt": "21E81B7ADE88A259", "ct": "5C577D4D9B20C0F8"},
            {"source": "ANSI X9.24-1:2009 A.4 (KSN ...E00001 PIN key encrypting formatted PIN block 041274EDCBA9876F)", "alg": "tdes", "mode": "ecb",
             "key": "042666B49184CF5C68DE9628D0397B36", "pt": "041274EDCBA9876F", "ct": "1B9C1845EB993A7A"}
          ],
          "iterated": [
            {"source": "GB/T 32907-2016 (SM4) Appendix A, example 2: encrypt 1,000,000 times", "alg": "sm4",
             "key": "0123456789ABCDEFFEDCBA9876543210", "pt": "0123456789ABCDEFFEDCBA9876543210", "iterations": 1000000, "ct": "595298C7C6FD271F0402F804C33D3F66"}
          ],
          "sm3": [
            {"source": "GB/T 32905-2016 (SM3) Appendix A.1, 'abc'", "msg": "616263", "digest": "66C7F0F462EEEDD9D1F2D46BDC10E4E24167C4875CF2F7A2297DA02B8F4BA8E0"},
            {"source": "GB/T 32905-2016 (SM3) Appendix A.2, 'abcd' x 16", "msg": "61626364616263646162636461626364616263646162636461626364616263646162636461626364616263646162636461626364616263646162636461626364", "digest": "DEBE9FF92275B8A138604889C18E5A4D6FDB70E5387E5765293DCBA39C0C5732"}
          ],
          "kcv": [
            {"source": "ANSI X9.24-1 DUKPT IPEK; its KCV (TDES, encrypt 8 zero bytes, leftmost 3 bytes) as printed by terminal vendors' key-loading examples", "alg": "tdes", "key": "6AC292FAA1315B4D858AB3A3D7D5933A", "kcv": "AF8C07"}
          ]
        }
        """"";

    /// <summary>Verbatim copy of ../shared/vectors/mac.json.</summary>
    public const string MacJson = """""
        {
         "_about": "Published MAC vectors for mac.js --selftest. 'mac' may be a leftmost prefix of the full final block (published truncated MACs). 'ascii' data is taken byte-for-byte; 'data' is hex.",
         "cases": [
          {
           "source": "ISO/IEC 9797-1:1999 Annex B example (as tabulated in GB/T 15852.1-2008 Annex, 32-bit MAC): MAC alg 1, DES, pad m1, 'Now is the time for all '",
           "kind": "alg1",
           "cipher": "des",
           "key": "0123456789ABCDEF",
           "ascii": "Now is the time for all ",
           "pad": "m1",
           "mac": "70A30640"
          },
          {
           "source": "ISO/IEC 9797-1:1999 Annex B example (as tabulated in GB/T 15852.1-2008 Annex, 32-bit MAC): MAC alg 1, DES, pad m2, 'Now is the time for all '",
           "kind": "alg1",
           "cipher": "des",
           "key": "0123456789ABCDEF",
           "ascii": "Now is the time for all ",
           "pad": "m2",
           "mac": "10E1F0F1"
          },
          {
           "source": "ISO/IEC 9797-1:1999 Annex B example (as tabulated in GB/T 15852.1-2008 Annex, 32-bit MAC): MAC alg 1, DES, pad m3, 'Now is the time for all '",
           "kind": "alg1",
           "cipher": "des",
           "key": "0123456789ABCDEF",
           "ascii": "Now is the time for all ",
           "pad": "m3",
           "mac": "2C58FB8F"
          },
          {
           "source": "ISO/IEC 9797-1:1999 Annex B example (as tabulated in GB/T 15852.1-2008 Annex, 32-bit MAC): MAC alg 1, DES, pad m1, 'Now is the time for it'",
           "kind": "alg1",
           "cipher": "des",
           "key": "0123456789ABCDEF",
           "ascii": "Now is the time for it",
           "pad": "m1",
           "mac": "E45B3AD2"
          },
          {
           "source": "ISO/IEC 9797-1:1999 Annex B example (as tabulated in GB/T 15852.1-2008 Annex, 32-bit MAC): MAC alg 1, DES, pad m2, 'Now is the time for it'",
           "kind": "alg1",
           "cipher": "des",
           "key": "0123456789ABCDEF",
           "ascii": "Now is the time for it",
           "pad": "m2",
           "mac": "A924C721"
          },
          {
           "source": "ISO/IEC 9797-1:1999 Annex B example (as tabulated in GB/T 15852.1-2008 Annex, 32-bit MAC): MAC alg 1, DES, pad m3, 'Now is the time for it'",
           "kind": "alg1",
           "cipher": "des",
           "key": "0123456789ABCDEF",
           "ascii": "Now is the time for it",
           "pad": "m3",
           "mac": "B1ECD6FC"
          },
          {
           "source": "ISO/IEC 9797-1:1999 Annex B example (as tabulated in GB/T 15852.1-2008 Annex, 32-bit MAC): MAC alg 3, K'=FEDCBA9876543210, pad m2, 'Now is the time for all '",
           "kind": "alg3",
           "cipher": "des",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "Now is the time for all ",
           "pad": "m2",
           "mac": "E9086230"
          },
          {
           "source": "ISO/IEC 9797-1:1999 Annex B example (as tabulated in GB/T 15852.1-2008 Annex, 32-bit MAC): MAC alg 3, K'=FEDCBA9876543210, pad m3, 'Now is the time for all '",
           "kind": "alg3",
           "cipher": "des",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "Now is the time for all ",
           "pad": "m3",
           "mac": "AB059463"
          },
          {
           "source": "ISO/IEC 9797-1:1999 Annex B example (as tabulated in GB/T 15852.1-2008 Annex, 32-bit MAC): MAC alg 3, K'=FEDCBA9876543210, pad m2, 'Now is the time for it'",
           "kind": "alg3",
           "cipher": "des",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "Now is the time for it",
           "pad": "m2",
           "mac": "5A692CE6"
          },
          {
           "source": "ISO/IEC 9797-1:1999 Annex B example (as tabulated in GB/T 15852.1-2008 Annex, 32-bit MAC): MAC alg 3, K'=FEDCBA9876543210, pad m3, 'Now is the time for it'",
           "kind": "alg3",
           "cipher": "des",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "Now is the time for it",
           "pad": "m3",
           "mac": "C59F7EED"
          },
          {
           "source": "ISO/IEC 9797-1:2011 B.4 (retail MAC / X9.19), as quoted in the RustCrypto retail-mac crate docs: pad m1, 'Now is the time for all '",
           "kind": "alg3",
           "cipher": "des",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "Now is the time for all ",
           "pad": "m1",
           "mac": "A1C72E74EA3FA9B6"
          },
          {
           "source": "ISO/IEC 9797-1:2011 B.4 (retail MAC / X9.19), as quoted in the RustCrypto retail-mac crate docs: pad m1, 'Now is the time for it'",
           "kind": "alg3",
           "cipher": "des",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "Now is the time for it",
           "pad": "m1",
           "mac": "2E2B1428CC78254F"
          },
          {
           "source": "FIPS 113 / ANSI X9.9 DAC example (BouncyCastle MacTest): DES CBC-MAC, zero pad, '7654321 Now is the time for '",
           "kind": "alg1",
           "cipher": "des",
           "key": "0123456789ABCDEF",
           "data": "37363534333231204E6F77206973207468652074696D6520666F7220",
           "pad": "m1",
           "mac": "F1D30F68"
          },
          {
           "source": "BouncyCastle MacTest (FIPS 81/113 vectors): same with IV 1234567890ABCDEF",
           "kind": "alg1",
           "cipher": "des",
           "key": "0123456789ABCDEF",
           "data": "37363534333231204E6F77206973207468652074696D6520666F7220",
           "pad": "m1",
           "iv": "1234567890ABCDEF",
           "mac": "58D2E77E"
          },
          {
           "source": "BouncyCastle MacTest: ISO9797ALG3 (DESede key), 'Hello World !!!!'",
           "kind": "alg3",
           "cipher": "des",
           "key": "7CA110454A1A6E570131D9619DC1376E",
           "ascii": "Hello World !!!!",
           "pad": "m1",
           "mac": "F09B856213BAB83B"
          },
          {
           "source": "BouncyCastle MacTest: DESEDE64 (ISO 9797-1 alg 1 over TDES), 'Hello World !!!!'",
           "kind": "alg1",
           "cipher": "tdes",
           "key": "7CA110454A1A6E570131D9619DC1376E",
           "ascii": "Hello World !!!!",
           "pad": "m1",
           "mac": "862304D33AF01096"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 1, SM4, pad m1, 'This is the test message for mac'",
           "kind": "alg1",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "This is the test message for mac",
           "pad": "m1",
           "mac": "16E02904EFB765B7"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 1, SM4, pad m2, 'This is the test message for mac'",
           "kind": "alg1",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "This is the test message for mac",
           "pad": "m2",
           "mac": "4B6553AF3C4E2744"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 1, SM4, pad m3, 'This is the test message for mac'",
           "kind": "alg1",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "This is the test message for mac",
           "pad": "m3",
           "mac": "71AF7E4553404CBC"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 1, SM4, pad m1, 'This is the test message '",
           "kind": "alg1",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "This is the test message ",
           "pad": "m1",
           "mac": "BA89E45FE8ABF242"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 1, SM4, pad m2, 'This is the test message '",
           "kind": "alg1",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "This is the test message ",
           "pad": "m2",
           "mac": "421AD1690AA152E2"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 1, SM4, pad m3, 'This is the test message '",
           "kind": "alg1",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "This is the test message ",
           "pad": "m3",
           "mac": "6A4A86F5B5E468DA"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 3, SM4, K'=4149D2ADED9456681EC8B511D9E7EE04, pad m1, 'This is the test message for mac'",
           "kind": "alg3",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA98765432104149D2ADED9456681EC8B511D9E7EE04",
           "ascii": "This is the test message for mac",
           "pad": "m1",
           "mac": "2763211B2BCAF719"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 3, SM4, K'=4149D2ADED9456681EC8B511D9E7EE04, pad m2, 'This is the test message for mac'",
           "kind": "alg3",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA98765432104149D2ADED9456681EC8B511D9E7EE04",
           "ascii": "This is the test message for mac",
           "pad": "m2",
           "mac": "51E9928C2238330C"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 3, SM4, K'=4149D2ADED9456681EC8B511D9E7EE04, pad m3, 'This is the test message for mac'",
           "kind": "alg3",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA98765432104149D2ADED9456681EC8B511D9E7EE04",
           "ascii": "This is the test message for mac",
           "pad": "m3",
           "mac": "7CD48C4242E45575"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 3, SM4, K'=4149D2ADED9456681EC8B511D9E7EE04, pad m1, 'This is the test message '",
           "kind": "alg3",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA98765432104149D2ADED9456681EC8B511D9E7EE04",
           "ascii": "This is the test message ",
           "pad": "m1",
           "mac": "E32D99A689C05259"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 3, SM4, K'=4149D2ADED9456681EC8B511D9E7EE04, pad m2, 'This is the test message '",
           "kind": "alg3",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA98765432104149D2ADED9456681EC8B511D9E7EE04",
           "ascii": "This is the test message ",
           "pad": "m2",
           "mac": "197247229CE9D7B6"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 3, SM4, K'=4149D2ADED9456681EC8B511D9E7EE04, pad m3, 'This is the test message '",
           "kind": "alg3",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA98765432104149D2ADED9456681EC8B511D9E7EE04",
           "ascii": "This is the test message ",
           "pad": "m3",
           "mac": "3C430F1EA43B540C"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 5 (CMAC), SM4, 'This is the test message for mac'",
           "kind": "cmac",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "This is the test message for mac",
           "mac": "692C437100F3B5EE"
          },
          {
           "source": "GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 5 (CMAC), SM4, 'This is the test message '",
           "kind": "cmac",
           "cipher": "sm4",
           "key": "0123456789ABCDEFFEDCBA9876543210",
           "ascii": "This is the test message ",
           "mac": "4738A6C760B280FC"
          },
          {
           "source": "RFC 4493 / NIST SP 800-38B AES-128 CMAC example, 0-byte message",
           "kind": "cmac",
           "cipher": "aes",
           "key": "2B7E151628AED2A6ABF7158809CF4F3C",
           "data": "",
           "mac": "BB1D6929E95937287FA37D129B756746"
          },
          {
           "source": "RFC 4493 / NIST SP 800-38B AES-128 CMAC example, 16-byte message",
           "kind": "cmac",
           "cipher": "aes",
           "key": "2B7E151628AED2A6ABF7158809CF4F3C",
           "data": "6BC1BEE22E409F96E93D7E117393172A",
           "mac": "070A16B46B4D4144F79BDD9DD04A287C"
          },
          {
           "source": "RFC 4493 / NIST SP 800-38B AES-128 CMAC example, 40-byte message",
           "kind": "cmac",
           "cipher": "aes",
           "key": "2B7E151628AED2A6ABF7158809CF4F3C",
           "data": "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411",
           "mac": "DFA66747DE9AE63030CA32611497C827"
          },
          {
           "source": "RFC 4493 / NIST SP 800-38B AES-128 CMAC example, 64-byte message",
           "kind": "cmac",
           "cipher": "aes",
           "key": "2B7E151628AED2A6ABF7158809CF4F3C",
           "data": "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710",
           "mac": "51F0BEBF7E3B9D92FC49741779363CFE"
          }
         ]
        }
        """"";

    /// <summary>Verbatim copy of ../shared/vectors/pinblock.json.</summary>
    public const string PinblockJson = """""
        {
         "_about": "Published ISO 9564-1 PIN block vectors for pinblock.js --selftest (all hex).",
         "encode": [
          {
           "source": "ANSI X9.24-1:2009 A.4 DUKPT test data: formatted PIN block (PIN 1234, PAN 4012345678909)",
           "format": 0,
           "pin": "1234",
           "pan": "4012345678909",
           "block": "041274EDCBA9876F"
          },
          {
           "source": "moov-io/pinblock ISO-0 test (PIN 1234, PAN 5432101234567891)",
           "format": 0,
           "pin": "1234",
           "pan": "5432101234567891",
           "block": "041215FEDCBA9876"
          },
          {
           "source": "Thales payShield Host Programmer's Manual example, as cited by openemv/pinblock (format 2, PIN 34567)",
           "format": 2,
           "pin": "34567",
           "block": "2534567FFFFFFFFF"
          },
          {
           "source": "ANSI X9.24-3:2017 Supplement (AES PIN block format 4, p.31): PIN field and PAN field",
           "format": 4,
           "pin": "1234",
           "pan": "4111111111111111",
           "random": "2F69ADDE2E9E7ACE",
           "pin_field": "441234AAAAAAAAAA2F69ADDE2E9E7ACE",
           "pan_field": "44111111111111111000000000000000"
          },
          {
           "source": "psec (pinblock.encode_pin_field_iso_4 doctest)",
           "format": 4,
           "pin": "1234",
           "random": "548ED7FD65495950",
           "pin_field": "441234AAAAAAAAAA548ED7FD65495950"
          }
         ],
         "pan_field4": [
          {
           "source": "psec (pinblock.encode_pan_field_iso_4 doctest), 18-digit PAN",
           "pan": "112233445566778899",
           "pan_field": "61122334455667788990000000000000"
          },
          {
           "source": "openemv/pinblock format 4 test: 15-digit PAN",
           "pan": "411111111111111",
           "pan_field": "34111111111111110000000000000000"
          },
          {
           "source": "openemv/pinblock format 4 test: short (9-digit) PAN is left-zero-filled to 12",
           "pan": "123456789",
           "pan_field": "00001234567890000000000000000000"
          }
         ],
         "decode": [
          {
           "source": "psec (decode_pinblock_iso_0 doctest)",
           "format": 0,
           "block": "041277CDDEEFF669",
           "pan": "5544332211009966",
           "pin": "1234"
          },
          {
           "source": "psec (decode_pinblock_iso_3 doctest)",
           "format": 3,
           "block": "341277EEEFCCB43C",
           "pan": "5544332211009966",
           "pin": "1234"
          },
          {
           "source": "psec (decode_pinblock_iso_2 doctest)",
           "format": 2,
           "block": "2C123456789012FF",
           "pin": "123456789012"
          }
         ],
         "encrypt": [
          {
           "source": "ANSI X9.24-1:2009 A.4.2 KSN FFFF9876543210E00001: PIN key 042666B49184CF5C68DE9628D0397B36 (TDES)",
           "format": 0,
           "key": "042666B49184CF5C68DE9628D0397B36",
           "pin": "1234",
           "pan": "4012345678909",
           "encrypted": "1B9C1845EB993A7A"
          },
          {
           "source": "ANSI X9.24-1:2009 A.4.2 KSN FFFF9876543210E00002: PIN key C46551CEF9FD244FAA9AD834130D3B38 (TDES)",
           "format": 0,
           "key": "C46551CEF9FD244FAA9AD834130D3B38",
           "pin": "1234",
           "pan": "4012345678909",
           "encrypted": "10A01C8D02C69107"
          },
          {
           "source": "ANSI X9.24-3:2017 Supplement, AES-128 BDK, KSN 123456789012345600000001: AES PIN key -> format 4 block (p.31)",
           "format": 4,
           "key": "AF8CB133A78F8DC2D1359F18527593FB",
           "pin": "1234",
           "pan": "4111111111111111",
           "random": "2F69ADDE2E9E7ACE",
           "encrypted": "A912150391AB65A67E52883D81CE2D15"
          },
          {
           "source": "ANSI X9.24-3:2017 Supplement, AES-128 BDK, KSN 123456789012345600000002: AES PIN key -> format 4 block (p.31)",
           "format": 4,
           "key": "D30BDC73EC9714B000BEC66BDB7B6D09",
           "pin": "1234",
           "pan": "4111111111111111",
           "random": "2F69ADDE2E9E7ACE",
           "encrypted": "52A00503BD34BA1383F6A7EE9FE2547F"
          },
          {
           "source": "ANSI X9.24-3:2017 Supplement, AES-128 BDK, KSN 123456789012345600000003: AES PIN key -> format 4 block (p.31)",
           "format": 4,
           "key": "7D69F01F3B45449F62C7816ECE723268",
           "pin": "1234",
           "pan": "4111111111111111",
           "random": "2F69ADDE2E9E7ACE",
           "encrypted": "A5A27E82B43A9A866A93D7ABE89CEF93"
          },
          {
           "source": "ANSI X9.24-3:2017 Supplement, AES-128 BDK, KSN 123456789012345600000004: AES PIN key -> format 4 block (p.31)",
           "format": 4,
           "key": "91A0588318EC2673214271F70137896E",
           "pin": "1234",
           "pan": "4111111111111111",
           "random": "2F69ADDE2E9E7ACE",
           "encrypted": "71B3D0528669498777555A8BE6698E44"
          },
          {
           "source": "ANSI X9.24-3:2017 Supplement, AES-128 BDK, KSN 123456789012345600000005: AES PIN key -> format 4 block (p.31)",
           "format": 4,
           "key": "35A43BC9EFEB09C756204B57E3FB7D4D",
           "pin": "1234",
           "pan": "4111111111111111",
           "random": "2F69ADDE2E9E7ACE",
           "encrypted": "881A7F77A2E04E5BEA985E342FD0B628"
          },
          {
           "source": "ANSI X9.24-3:2017 Supplement, AES-128 BDK, KSN 123456789012345600000006: AES PIN key -> format 4 block (p.31)",
           "format": 4,
           "key": "02DCC6CD1201A3A2CA7099559C862123",
           "pin": "1234",
           "pan": "4111111111111111",
           "random": "2F69ADDE2E9E7ACE",
           "encrypted": "BDC1C3871AFB0B340AA5B5CEFD08695E"
          },
          {
           "source": "ANSI X9.24-3:2017 Supplement, AES-128 BDK, KSN 123456789012345600000007: AES PIN key -> format 4 block (p.31)",
           "format": 4,
           "key": "6ECF912F3B18CA11A7A27BB60705FD09",
           "pin": "1234",
           "pan": "4111111111111111",
           "random": "2F69ADDE2E9E7ACE",
           "encrypted": "4A8E6B8C7DBEE6CBA6DC774F0CB83396"
          },
          {
           "source": "ANSI X9.24-3:2017 Supplement, AES-128 BDK, KSN 123456789012345600000008: AES PIN key -> format 4 block (p.31)",
           "format": 4,
           "key": "4D9DF3FBEE3448FC3E676D04320A90F5",
           "pin": "1234",
           "pan": "4111111111111111",
           "random": "2F69ADDE2E9E7ACE",
           "encrypted": "8308BB857C17F390369F761F8EB358FA"
          },
          {
           "source": "psec (encipher_pinblock_iso_4 doctest)",
           "format": 4,
           "key": "00112233445566778899AABBCCDDEEFF",
           "pin": "1234",
           "pan": "1234567890123456",
           "random": "1122334455667788",
           "encrypted": "7CDF645C86CAF763AE34637A66997534"
          }
         ],
         "decrypt": [
          {
           "source": "psec (decipher_pinblock_iso_4 doctest)",
           "format": 4,
           "key": "00112233445566778899AABBCCDDEEFF",
           "pan": "1234567890123456",
           "encrypted": "E4BE5B623AF7E006AC319E5B93544564",
           "pin": "1234"
          }
         ]
        }
        """"";

    /// <summary>Verbatim copy of ../shared/vectors/dukpt.json.</summary>
    public const string DukptJson = """""
        {
         "_about": "Published DUKPT vectors for dukpt.js --selftest (hex).",
         "tdes": {
          "bdk": "0123456789ABCDEFFEDCBA9876543210",
          "iksn": "FFFF9876543210E00000",
          "ipek": "6AC292FAA1315B4D858AB3A3D7D5933A",
          "ipek_source": "ANSI X9.24-1:2009 A.4 (and the task brief)",
          "pin": "1234",
          "pan": "4012345678909",
          "pinblock": "041274EDCBA9876F",
          "sequence": [
           {
            "ksn": "FFFF9876543210E00001",
            "txn_key": "042666B49184CFA368DE9628D0397BC9",
            "epb": "1B9C1845EB993A7A",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00002",
            "txn_key": "C46551CEF9FD24B0AA9AD834130D3BC7",
            "epb": "10A01C8D02C69107",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00003",
            "txn_key": "0DF3D9422ACA56E547676D07AD6BADFA",
            "epb": "18DC07B94797B466",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00004",
            "txn_key": "279C0F6AEED0BE652B2C733E1383AE91",
            "epb": "0BC79509D5645DF7",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00005",
            "txn_key": "5F8DC6D2C845C125508DDC048093B83F",
            "epb": "5BC0AF22AD87B327",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00006",
            "txn_key": "5E415CB0BAF9F03CD0C14B63FB62FF43",
            "epb": "A16DF70AE36158D8",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00007",
            "txn_key": "0C8F780B7C8B49D0AE84A9EB2A6CE660",
            "epb": "27711C16CB257F8E",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00008",
            "txn_key": "27F66D5244FF62E1AA6F6120EDEB4280",
            "epb": "50E55547A5027551",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00009",
            "txn_key": "27E31064FDC565698900E2057F658E7E",
            "epb": "536CF7F678ACFC8D",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E0000A",
            "txn_key": "6CF2500A22507C7CC776CEADC1E33014",
            "epb": "EDABBA23221833FE",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E0000B",
            "txn_key": "3E8260BA04B2D620C01482B3819A18B7",
            "epb": "2328981C57B4BDBA",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E0000C",
            "txn_key": "B716E1E11CF53D80726CAEE75C3A624F",
            "epb": "038D03CC926CF286",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E0000D",
            "txn_key": "E072EDF95340535FB6C581C58FBF2533",
            "epb": "6C8AA97088B62C68",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E0000E",
            "txn_key": "A80046087F5B8F245AAD95E18429084F",
            "epb": "F17C9E1D72CD4950",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E0000F",
            "txn_key": "93DD5B956C4878472E453AAEFD32A5AA",
            "epb": "B170F6E7F7F2F64A",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00010",
            "txn_key": "59598DCBD9BD94C094165CE453585F57",
            "epb": "D5D9638559EF53D6",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00011",
            "txn_key": "2B5F01F4F0CC05EA639D523231BF1BA2",
            "epb": "D544F8CDD292C863",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00012",
            "txn_key": "9CF640F279C2AEE615F725EEEAC2CBAF",
            "epb": "7A21BD10F36DC41D",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00013",
            "txn_key": "C3DF489FDF1153B4F03DE97C27DC4C2F",
            "epb": "78649BD17D0DFA60",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00014",
            "txn_key": "658488507721B3F14737FA93F923CBD2",
            "epb": "7E7E16EA0C31AD56",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210E00015",
            "txn_key": "E161D1956A61F6D2F37AFD7F9CC3699A",
            "epb": "72105C22EBC791E6",
            "source": "ANSI X9.24-1:2009 A.4.2 initial sequence"
           },
           {
            "ksn": "FFFF9876543210EFF800",
            "txn_key": "F9CDFEBF4F5B1D9EB3EC12454527E176",
            "epb": "33365F5CC6F23C35",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFF801",
            "txn_key": "5BEE92627E97825C911BF619DF72CA3B",
            "epb": "3A86BF003F835C9D",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFF802",
            "txn_key": "64CA2F8AB93F61B01620B00BF77C7301",
            "epb": "3DB977D05C36DF3F",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFF804",
            "txn_key": "35A168695B3BA83307E871C42021DD37",
            "epb": "BA83243305712099",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFF808",
            "txn_key": "12C380FCB72ED3C26FC6079AF63F4787",
            "epb": "B0DA04AC90A36D85",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFF810",
            "txn_key": "D8007C833A1E3C49C6889B97A68C54FF",
            "epb": "2CF02BD9C309EEDA",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFF820",
            "txn_key": "A9C9FF9B735FDD49591F296B0BF0FD70",
            "epb": "9D1E2F77AEEE81C6",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFF840",
            "txn_key": "0E3E221062CB5E03A384602783A004FA",
            "epb": "40870B0F8BA2011C",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFF880",
            "txn_key": "CA8225C587124DFBB87F279C0BE29727",
            "epb": "22E340D6ABB40981",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFF900",
            "txn_key": "906AAC1751D4971A144D52C76C6E1F97",
            "epb": "1A4C10AFBA03A430",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFFA00",
            "txn_key": "2B9E2CE7C2750337E10B54D2989EA6AF",
            "epb": "849763B43E5F9CFF",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210EFFC00",
            "txn_key": "F9430DF975082491C77BE4EF4FDB91EE",
            "epb": "DEFC6F09F8927B71",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           },
           {
            "ksn": "FFFF9876543210F00000",
            "txn_key": "AA4D58DB653EC74A48C75F2F047DD2B5",
            "epb": "73EC88AD0AC5830E",
            "source": "ANSI X9.24-1:2009 A.4.3 rollover sequence"
           }
          ],
          "data_mac": [
           {
            "ksn": "FFFF9876543210E00001",
            "data_ascii": "4012345678909D987",
            "data_req_enc": "FC0D53B7EA1FDA9EE68AAF2E70D9B9506229BE2AA993F04F",
            "data_resp_enc": "1FCC89AF66222F27B903898BB2BC8589CDBFDE5EC6AFCC25",
            "mac_req": "9CCC78173FC4FB64",
            "mac_resp": "20364223C1FF00FA",
            "source": "moov-io/dukpt test table 'A.4.2 Initial Sequence': data = TDES-CBC (IV 0, zero pad) under the data request/response key; MAC = ANSI X9.19 (ISO 9797-1 alg 3, pad 1) under the MAC request/response key"
           },
           {
            "ksn": "FFFF9876543210E00002",
            "data_ascii": "4012345678909D987",
            "data_req_enc": "A2B4E70F846E63D68775B7215EB4563DFD3037244C61CC13",
            "data_resp_enc": "5B692A6B1FDD5E25B0DEFAFDE1672E402F8011360CFF3508",
            "mac_req": "F608A9BCA6FFC311",
            "mac_resp": "D1FCA6BEF05D24D2",
            "source": "moov-io/dukpt test table 'A.4.2 Initial Sequence': data = TDES-CBC (IV 0, zero pad) under the data request/response key; MAC = ANSI X9.19 (ISO 9797-1 alg 3, pad 1) under the MAC request/response key"
           },
           {
            "ksn": "FFFF9876543210E00003",
            "data_ascii": "4012345678909D987",
            "data_req_enc": "BD751E65F10E75B6C1D5B1D283496A36C2DE21D993C387A7",
            "data_resp_enc": "345992D4163E4926C927BFD8ABD5D76F087A9CE81D5A27B8",
            "mac_req": "20B59A4FEAC937E3",
            "mac_resp": "BAD4CC9CC2AE326C",
            "source": "moov-io/dukpt test table 'A.4.2 Initial Sequence': data = TDES-CBC (IV 0, zero pad) under the data request/response key; MAC = ANSI X9.19 (ISO 9797-1 alg 3, pad 1) under the MAC request/response key"
           },
           {
            "ksn": "FFFF9876543210E00004",
            "data_ascii": "4012345678909D987",
            "data_req_enc": "1118F50947441BBDA3C8C70220021A12EC31CC473F7215F4",
            "data_resp_enc": "418C7413576C0D1819E785D3807AF32334231FDEC23414DB",
            "mac_req": "C7BFA6CC44161828",
            "mac_resp": "1EB08AEECE6FF0C2",
            "source": "moov-io/dukpt test table 'A.4.2 Initial Sequence': data = TDES-CBC (IV 0, zero pad) under the data request/response key; MAC = ANSI X9.19 (ISO 9797-1 alg 3, pad 1) under the MAC request/response key"
           },
           {
            "ksn": "FFFF9876543210E00005",
            "data_ascii": "4012345678909D987",
            "data_req_enc": "9FD7BD1EC28845ACA93367A9DA9317BD555C6B33AE22D365",
            "data_resp_enc": "7D4C109E49E83355A556AE949EED359F4404E7A2F0167C00",
            "mac_req": "0202B96339022058",
            "mac_resp": "5CBE3E81D1D2A0FB",
            "source": "moov-io/dukpt test table 'A.4.2 Initial Sequence': data = TDES-CBC (IV 0, zero pad) under the data request/response key; MAC = ANSI X9.19 (ISO 9797-1 alg 3, pad 1) under the MAC request/response key"
           }
          ]
         },
         "aes": {
          "bdk": "FEDCBA9876543210F1F1F1F1F1F1F1F1",
          "ikid": "1234567890123456",
          "ik": "1273671EA26AC29AFA4D1084127652A1",
          "ik_source": "ANSI X9.24-3:2017 B.1 sample test vectors",
          "bdk256": "FEDCBA9876543210F1F1F1F1F1F1F1F1FEDCBA9876543210F1F1F1F1F1F1F1F1",
          "ik256": "CE9CE0C101D1138F97FB6CAD4DF045A7083D4EAE2D35A31789D01CCF0949550F",
          "ik256_source": "ANSI X9.24-3:2017 Supplement test vectors, AES-256 BDK",
          "sequence": [
           {
            "ksn": "123456789012345600000001",
            "txn_key": "4F21B565BAD9835E112B6465635EAE44",
            "pin_key": "AF8CB133A78F8DC2D1359F18527593FB",
            "mac_gen_key": "A2DC23DE6FDE0824A2BC321E08E4B8B7",
            "data_enc_key": "A35C412EFD41FDB98B69797C02DCD08F",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (p.2)"
           },
           {
            "ksn": "123456789012345600000002",
            "txn_key": "2F34D68DE10F68D38091A73B9E7C437C",
            "pin_key": "D30BDC73EC9714B000BEC66BDB7B6D09",
            "mac_gen_key": "484C3B06E8562704528CD5B46FB12FB6",
            "data_enc_key": "D639514AA33AC43AD9229E433D6D4E5B",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (p.2)"
           },
           {
            "ksn": "123456789012345600000003",
            "txn_key": "031504E530365CF81264238540518318",
            "pin_key": "7D69F01F3B45449F62C7816ECE723268",
            "mac_gen_key": "A5DF7D9D800CA769766F0C77CA4E6E6C",
            "data_enc_key": "EF17F6AB45B4820C93A3DCB21BC491AD",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (p.2)"
           },
           {
            "ksn": "123456789012345600000004",
            "txn_key": "0EEFC7ADA628BA68878DA9165A8A1887",
            "pin_key": "91A0588318EC2673214271F70137896E",
            "mac_gen_key": "E6E4679647D8A9057C1FC15537CB4C4E",
            "data_enc_key": "B3BD44C08BB6BA27C3BB4711D7D70387",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (p.2)"
           },
           {
            "ksn": "123456789012345600000005",
            "txn_key": "C2A7AC328A5DA2D6002D62465BFC028B",
            "pin_key": "35A43BC9EFEB09C756204B57E3FB7D4D",
            "mac_gen_key": "0588185FE1FF8C7E22FAD78C1C61F065",
            "data_enc_key": "CA02DF6F30B39E14BD0B4A30E460920F",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (p.2)"
           },
           {
            "ksn": "123456789012345600000006",
            "txn_key": "D30F7D9351DA58448A2F5E92B4EE3B7D",
            "pin_key": "02DCC6CD1201A3A2CA7099559C862123",
            "mac_gen_key": "7B60F72A5639C0EE7EB2100FA80BB793",
            "data_enc_key": "C9B8A7C4E486180B2229115164F0B293",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (p.2)"
           },
           {
            "ksn": "123456789012345600000007",
            "txn_key": "A8253CEED9AC042C54F75D35C8352278",
            "pin_key": "6ECF912F3B18CA11A7A27BB60705FD09",
            "mac_gen_key": "BAA08CA263C69525BC6B1BA8F4275D69",
            "data_enc_key": "0FA8F1F0A2DD7B1005A862D77CDED698",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (p.2)"
           },
           {
            "ksn": "123456789012345600000008",
            "txn_key": "718EE6CF0B27E53D5F7AF99C4D8146A2",
            "pin_key": "4D9DF3FBEE3448FC3E676D04320A90F5",
            "mac_gen_key": "6FD572E5D59E618875F193484F9178FB",
            "data_enc_key": "650F34204ABD4E57764D61AC3D266FB1",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (p.2)"
           },
           {
            "ksn": "12345678901234560001FFFE",
            "txn_key": "E21E8C8D347F8561A2BE752DAA85A111",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (pp.5-6)"
           },
           {
            "ksn": "123456789012345600020000",
            "txn_key": "F7AE9025468A25D37B7249CFFED224C8",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (pp.5-6)"
           },
           {
            "ksn": "123456789012345600020001",
            "txn_key": "692C8EA4013645135B36497131DF9D2C",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (pp.5-6)"
           },
           {
            "ksn": "1234567890123456FFFE2000",
            "txn_key": "48E585B694EB0B18D5C35443E163C0BA",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (pp.5-6)"
           },
           {
            "ksn": "1234567890123456FFFE4000",
            "txn_key": "396C2C7CA1EA701C03B86B7D41F0C562",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (pp.5-6)"
           },
           {
            "ksn": "1234567890123456FFFE8000",
            "txn_key": "0387625F189B58AE03EF0E8CCA41105E",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (pp.5-6)"
           },
           {
            "ksn": "1234567890123456FFFF0000",
            "txn_key": "F6BA59389BD14A9855BE9727E7C52E3C",
            "source": "ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (pp.5-6)"
           }
          ]
         }
        }
        """"";
}
