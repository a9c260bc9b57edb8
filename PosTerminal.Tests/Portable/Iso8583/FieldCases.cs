using PosTerminal.Iso8583;

namespace PosTerminal.Tests.Iso8583
{
    /// <summary>
    /// Field layouts used by the codec tables, by number, so that [DataRow] rows (which take only constants) can
    /// name them. Each case puts its field at number 2 of a one-field message: MTI BCD 0100, binary bitmap
    /// 4000000000000000, then the field.
    /// </summary>
    public static class FieldCases
    {
        /// <summary>The layout of case <paramref name="id"/>.</summary>
        public static FieldSpec Field(int id)
        {
            switch (id)
            {
                case 1: return FieldSpec.Fixed(6, FieldType.Numeric, FieldEncoding.Bcd, "n6 bcd");
                case 2: return FieldSpec.Fixed(3, FieldType.Numeric, FieldEncoding.Bcd, "n3 bcd right-aligned");
                case 3: return FieldSpec.Fixed(3, FieldType.Numeric, FieldEncoding.Bcd, "n3 bcd left-aligned 0").WithPad(BcdPad.RightZero);
                case 4: return FieldSpec.Fixed(3, FieldType.Numeric, FieldEncoding.Bcd, "n3 bcd left-aligned F").WithPad(BcdPad.RightF);
                case 5: return FieldSpec.Var(LengthKind.LL, LengthEncoding.Bcd, 19, FieldType.Numeric, FieldEncoding.Bcd, "n..19 LL bcd").WithPad(BcdPad.RightZero);
                case 6: return FieldSpec.Var(LengthKind.LL, LengthEncoding.Bcd, 19, FieldType.Numeric, FieldEncoding.Bcd, "n..19 LL bcd F").WithPad(BcdPad.RightF);
                case 7: return FieldSpec.Var(LengthKind.LL, LengthEncoding.Ascii, 19, FieldType.Numeric, FieldEncoding.Ascii, "n..19 LL ascii");
                case 8: return FieldSpec.Var(LengthKind.LLL, LengthEncoding.Bcd, 999, FieldType.Numeric, FieldEncoding.Bcd, "n...999 LLL bcd").WithPad(BcdPad.RightZero);
                case 9: return FieldSpec.Var(LengthKind.LLL, LengthEncoding.Ascii, 999, FieldType.Numeric, FieldEncoding.Ascii, "n...999 LLL ascii");
                case 10: return FieldSpec.Var(LengthKind.LL, LengthEncoding.Binary, 99, FieldType.Numeric, FieldEncoding.Bcd, "n..99 LL binary");
                case 11: return FieldSpec.Var(LengthKind.LLL, LengthEncoding.Binary, 999, FieldType.Numeric, FieldEncoding.Bcd, "n...999 LLL binary");
                case 12: return FieldSpec.Fixed(12, FieldType.Numeric, FieldEncoding.Ascii, "n12 ascii");
                case 13: return FieldSpec.Fixed(2, FieldType.AlphaNumeric, FieldEncoding.Ascii, "an2");
                case 14: return FieldSpec.Fixed(8, FieldType.AlphaNumericSpecial, FieldEncoding.Ascii, "ans8");
                case 15: return FieldSpec.Var(LengthKind.LLL, LengthEncoding.Bcd, 163, FieldType.AlphaNumericSpecial, FieldEncoding.Ascii, "ans...163 LLL bcd");
                case 16: return FieldSpec.Fixed(8, FieldType.Binary, FieldEncoding.Binary, "b8");
                case 17: return FieldSpec.Var(LengthKind.LLL, LengthEncoding.Bcd, 512, FieldType.Binary, FieldEncoding.Binary, "b...512 LLL bcd");
                case 18: return FieldSpec.Var(LengthKind.LL, LengthEncoding.Binary, 99, FieldType.Binary, FieldEncoding.Binary, "b..99 LL binary");
                case 19: return FieldSpec.Fixed(8, FieldType.Binary, FieldEncoding.HexAscii, "b8 hex");
                case 20: return FieldSpec.Var(LengthKind.LLL, LengthEncoding.Ascii, 999, FieldType.Binary, FieldEncoding.HexAscii, "b...999 LLL ascii hex");
                case 21: return FieldSpec.Var(LengthKind.LL, LengthEncoding.Bcd, 37, FieldType.Track, FieldEncoding.Bcd, "z..37 LL bcd").WithPad(BcdPad.RightZero);
                case 22: return FieldSpec.Var(LengthKind.LL, LengthEncoding.Ascii, 37, FieldType.Track, FieldEncoding.Ascii, "z..37 LL ascii");
                case 23: return FieldSpec.Var(LengthKind.LL, LengthEncoding.Bcd, 37, FieldType.Track, FieldEncoding.Bcd, "z..37 LL bcd F").WithPad(BcdPad.RightF);
                case 24: return FieldSpec.Fixed(3, FieldType.Alpha, FieldEncoding.Ascii, "a3");
                case 25: return FieldSpec.Var(LengthKind.LL, LengthEncoding.Ascii, 25, FieldType.AlphaNumeric, FieldEncoding.Ascii, "an..25 LL ascii");
                case 26: return FieldSpec.Var(LengthKind.LL, LengthEncoding.Binary, 99, FieldType.AlphaNumericSpecial, FieldEncoding.Ascii, "ans..99 LL binary");
                case 27: return FieldSpec.Fixed(4, FieldType.Track, FieldEncoding.Bcd, "z4 bcd");
                default: return null;
            }
        }

        /// <summary>Case number standing for the whole ASCII ISO 8583:1987 profile.</summary>
        public const int AsciiProfile = 100;

        /// <summary>
        /// A message layout (BCD MTI, binary bitmap, 64 fields) holding case <paramref name="id"/> as field 2;
        /// <see cref="AsciiProfile"/> gives the ASCII profile itself.
        /// </summary>
        public static MessageSpec Spec(int id)
        {
            if (id == AsciiProfile) return PosTerminal.Iso8583.Profiles.Iso87AsciiSpec.Spec;
            FieldSpec[] f = new FieldSpec[65];
            f[2] = Field(id);
            return new MessageSpec("case" + id.ToString(), FieldEncoding.Bcd, FieldEncoding.Binary, f);
        }

        /// <summary>MTI 0100 in BCD and a bitmap with only field 2.</summary>
        public const string Prefix = "0100" + "4000000000000000";
    }
}
