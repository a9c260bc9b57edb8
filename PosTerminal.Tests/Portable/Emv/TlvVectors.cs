namespace PosTerminal.Tests.Emv
{
    /// <summary>
    /// BER-TLV known answers, each with its source: the parse, build and reject cases of ../shared/vectors/tlv.json
    /// (copied here because the device test runner cannot read files; Host/TlvSharedVectorTests checks the copy
    /// against the shared file), and the ICC data of a published UnionPay contactless sale.
    /// </summary>
    public static class TlvVectors
    {
        /// <summary>node-tlv README "parse GPO response" (EMV Book 3 format-2 GPO: AIP 82, AFL 94).</summary>
        public const string GpoResponse = "770E8202580094080801010010010301";

        /// <summary>node-tlv README "build PPSE FCI" (EMV Contactless Book B Table 3-2 layout).</summary>
        public const string PpseFci =
            "6F2C840E325041592E5359532E4444463031A51ABF0C1761154F07A0000000031010500A56495341435245444954";

        /// <summary>node-tlv README "build PSE record" (EMV 4.3 Book 1 Tables 46/47).</summary>
        public const string PseRecord =
            "702861264F07A0000000041010870101500A4D4153544552434152449F120B43495449204D4153544552";

        /// <summary>node-tlv tests/issue.js parseList (two primitives, 2-byte tag).</summary>
        public const string TwoPrimitives = "4F07A00000000310105F2403221231";

        /// <summary>node-tlv tests/tlv.js "example 3" (3-byte tag DF8107), its length byte corrected from 42 to 40.</summary>
        public const string ThreeByteTag =
            "DF810740000000000001000000000001005600000000000978090419001234876536DAC000000000000000000000001159594D"
            + "6173746572436172642D57617465726C6F";

        /// <summary>The same as published: DF8107 declares 0x42 bytes but 0x40 follow (a reject case).</summary>
        public const string ThreeByteTagAsPublished =
            "DF810742000000000001000000000001005600000000000978090419001234876536DAC000000000000000000000001159594D"
            + "6173746572436172642D57617465726C6F";

        /// <summary>
        /// F55 of <see cref="PosTerminal.Tests.Iso8583.GoldenFrames.CsdnContactlessSale0200"/>: 139 bytes, 19 primitive
        /// elements (9F26 ARQC, 9F27 CID, 9F10 IAD, ..., 84 DF name A000000333010102 = UnionPay debit, 9F41 sequence counter).
        /// </summary>
        public const string CsdnContactlessF55 =
            "9F260895BBE372271DDA7C9F2701809F101307010103A00000010A010000000000ED538FE49F37047F9F349E9F36020157950500"
            + "000000009A031908309C01009F02060000000000015F2A02015682027C009F1A0201569F03060000000000009F3303E0E1C89F35"
            + "01229F1E0831303030303031398408A0000003330101029F0902008C9F410400000403";

        /// <summary>The tags of <see cref="CsdnContactlessF55"/>, in order.</summary>
        public const string CsdnContactlessF55Tags =
            "9F26 9F27 9F10 9F37 9F36 95 9A 9C 9F02 5F2A 82 9F1A 9F03 9F33 9F35 9F1E 84 9F09 9F41";

        /// <summary>
        /// ISO/IEC 8825-1 §8.1.3.5 long form: a 144-byte value gets the length 81 90 (tlv.json build case; the value is
        /// 144 zero bytes).
        /// </summary>
        public static string LongForm81()
        {
            return "9F468190" + Repeat("00", 144);
        }

        /// <summary>ISO/IEC 8825-1 §8.1.3.5 long form: a 300-byte value gets 82 01 2C (tlv.json build case; 300 bytes AB).</summary>
        public static string LongForm82()
        {
            return "DF0182012C" + Repeat("AB", 300);
        }

        /// <summary><paramref name="unit"/> repeated <paramref name="times"/> times.</summary>
        public static string Repeat(string unit, int times)
        {
            string s = "";
            for (int i = 0; i < times; i++) s += unit;
            return s;
        }
    }
}
