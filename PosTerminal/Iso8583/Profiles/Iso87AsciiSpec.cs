namespace PosTerminal.Iso8583.Profiles
{
    /// <summary>
    /// ISO 8583:1987 in ASCII, field definitions as in jPOS's iso87ascii packager (jpos/jPOS
    /// jpos/src/dist/cfg/packager/iso87ascii.xml): MTI 4 ASCII digits, bitmaps as 16 hex characters
    /// each (secondary bitmap for fields 65-128), numerics as ASCII digits, LL/LLL indicators as ASCII
    /// digits, b fields as hex characters (IFA_BINARY).
    /// </summary>
    public static class Iso87AsciiSpec
    {
        private static readonly object s_lock = new object();
        private static readonly MessageSpec[] s_variants = new MessageSpec[2];

        /// <summary>
        /// The layout, built on first use. (Not a static field initialiser reading other types: nanoCLR runs static
        /// constructors at boot in metadata order, so one type's initialiser must not depend on another's.)
        /// </summary>
        public static MessageSpec Spec
        {
            get { return Variant(false); }
        }

        /// <summary>The layout with F52 of 16 bytes (32 hex characters) for an ISO 9564-1 format 4 (AES) PIN block.</summary>
        public static MessageSpec Variant(bool aesPinBlock)
        {
            int i = aesPinBlock ? 1 : 0;
            lock (s_lock)
            {
                if (s_variants[i] == null) s_variants[i] = Build(aesPinBlock);
                return s_variants[i];
            }
        }

        private static MessageSpec Build(bool aesPinBlock)
        {
            const FieldType N = FieldType.Numeric;
            const FieldType Ans = FieldType.AlphaNumericSpecial;
            const FieldType An = FieldType.AlphaNumeric;
            const FieldType B = FieldType.Binary;
            const FieldEncoding Asc = FieldEncoding.Ascii;
            const FieldEncoding HexA = FieldEncoding.HexAscii;
            const LengthEncoding L = LengthEncoding.Ascii;

            FieldSpec[] f = new FieldSpec[129];
            f[2] = FieldSpec.Var(LengthKind.LL, L, 19, N, Asc, "Primary account number").AsSensitive();
            f[3] = FieldSpec.Fixed(6, N, Asc, "Processing code");
            f[4] = FieldSpec.Fixed(12, N, Asc, "Amount, transaction");
            f[7] = FieldSpec.Fixed(10, N, Asc, "Transmission date and time");
            f[11] = FieldSpec.Fixed(6, N, Asc, "System trace audit number");
            f[12] = FieldSpec.Fixed(6, N, Asc, "Time, local transaction");
            f[13] = FieldSpec.Fixed(4, N, Asc, "Date, local transaction");
            f[14] = FieldSpec.Fixed(4, N, Asc, "Date, expiration").AsSensitive();
            f[15] = FieldSpec.Fixed(4, N, Asc, "Date, settlement");
            f[18] = FieldSpec.Fixed(4, N, Asc, "Merchant type");
            f[22] = FieldSpec.Fixed(3, N, Asc, "POS entry mode");
            f[23] = FieldSpec.Fixed(3, N, Asc, "Card sequence number");
            f[25] = FieldSpec.Fixed(2, N, Asc, "POS condition code");
            f[32] = FieldSpec.Var(LengthKind.LL, L, 11, N, Asc, "Acquiring institution id");
            f[35] = FieldSpec.Var(LengthKind.LL, L, 37, FieldType.Track, Asc, "Track 2 data").AsSensitive();
            f[37] = FieldSpec.Fixed(12, An, Asc, "Retrieval reference number");
            f[38] = FieldSpec.Fixed(6, An, Asc, "Authorization id response");
            f[39] = FieldSpec.Fixed(2, An, Asc, "Response code");
            f[41] = FieldSpec.Fixed(8, Ans, Asc, "Card acceptor terminal id");
            f[42] = FieldSpec.Fixed(15, Ans, Asc, "Card acceptor id code");
            f[43] = FieldSpec.Fixed(40, Ans, Asc, "Card acceptor name/location");
            f[44] = FieldSpec.Var(LengthKind.LL, L, 25, Ans, Asc, "Additional response data");
            f[48] = FieldSpec.Var(LengthKind.LLL, L, 999, Ans, Asc, "Additional data, private");
            f[49] = FieldSpec.Fixed(3, An, Asc, "Currency code, transaction");
            f[52] = FieldSpec.Fixed(aesPinBlock ? 16 : 8, B, HexA, "PIN data").AsSensitive();
            f[53] = FieldSpec.Fixed(16, N, Asc, "Security control information");
            f[54] = FieldSpec.Var(LengthKind.LLL, L, 120, Ans, Asc, "Additional amounts");
            f[55] = FieldSpec.Var(LengthKind.LLL, L, 999, B, HexA, "ICC system related data").AsSensitive();
            f[60] = FieldSpec.Var(LengthKind.LLL, L, 999, Ans, Asc, "Reserved national");
            f[61] = FieldSpec.Var(LengthKind.LLL, L, 999, Ans, Asc, "Reserved private");
            f[62] = FieldSpec.Var(LengthKind.LLL, L, 999, Ans, Asc, "Reserved private");
            f[63] = FieldSpec.Var(LengthKind.LLL, L, 999, Ans, Asc, "Reserved private");
            f[64] = FieldSpec.Fixed(8, B, HexA, "Message authentication code");
            f[70] = FieldSpec.Fixed(3, N, Asc, "Network management information code");
            f[90] = FieldSpec.Fixed(42, N, Asc, "Original data elements");
            f[128] = FieldSpec.Fixed(8, B, HexA, "Message authentication code");
            return new MessageSpec(aesPinBlock ? "iso87ascii-pin4" : "iso87ascii", Asc, FieldEncoding.HexAscii, f);
        }
    }
}
