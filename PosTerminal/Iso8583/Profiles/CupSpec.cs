namespace PosTerminal.Iso8583.Profiles
{
    /// <summary>
    /// China UnionPay-style POS layout (中国银联 POS 终端消息域说明, 2002; as implemented by UnionPay POS
    /// terminals): MTI 2 bytes BCD, binary bitmap (64 fields), numerics BCD, LLVAR indicator 1 byte BCD,
    /// LLLVAR indicator 2 bytes BCD, a/an/ans as ASCII, b as raw bytes. Variable numerics and F22 are
    /// left-aligned with a trailing 0 nibble ("021" is sent as 02 10); fixed numerics are right-aligned
    /// (F23 "001" is sent as 00 01). Alignment per the spec's field descriptions (左靠/右靠 BCD); the 0 pad
    /// nibble is what every captured frame uses (e.g. the 0200 at q.cnblogs.com/q/128930).
    /// </summary>
    public static class CupSpec
    {
        private static readonly object s_lock = new object();
        private static readonly MessageSpec[] s_variants = new MessageSpec[4];

        /// <summary>
        /// The layout, built on first use. (Not a static field initialiser reading other types: nanoCLR runs static
        /// constructors at boot in metadata order, so one type's initialiser must not depend on another's.)
        /// </summary>
        public static MessageSpec Spec
        {
            get { return Variant(false, false); }
        }

        /// <summary>
        /// The layout for a security configuration: <paramref name="sm4PinBlock"/> makes F52 16 bytes (an SM4-encrypted
        /// PIN block, 国密); <paramref name="encryptedTracks"/> lets F35/F36 carry any hex nibble (TDK-encrypted tracks
        /// keep their digit count, doc.xrtinfo.com 磁道加密算法 4.4).
        /// </summary>
        public static MessageSpec Variant(bool sm4PinBlock, bool encryptedTracks)
        {
            int i = (sm4PinBlock ? 1 : 0) + (encryptedTracks ? 2 : 0);
            lock (s_lock)
            {
                if (s_variants[i] == null) s_variants[i] = Build(sm4PinBlock, encryptedTracks);
                return s_variants[i];
            }
        }

        private static MessageSpec Build(bool sm4PinBlock, bool encryptedTracks)
        {
            FieldType track = encryptedTracks ? FieldType.HexDigits : FieldType.Track;
            const FieldType N = FieldType.Numeric;
            const FieldType Ans = FieldType.AlphaNumericSpecial;
            const FieldType An = FieldType.AlphaNumeric;
            const FieldType B = FieldType.Binary;
            const FieldEncoding Bcd = FieldEncoding.Bcd;
            const FieldEncoding Asc = FieldEncoding.Ascii;
            const FieldEncoding Bin = FieldEncoding.Binary;
            const LengthEncoding L = LengthEncoding.Bcd;

            FieldSpec[] f = new FieldSpec[65];
            f[2] = FieldSpec.Var(LengthKind.LL, L, 19, N, Bcd, "Primary account number").WithPad(BcdPad.RightZero).AsSensitive();
            f[3] = FieldSpec.Fixed(6, N, Bcd, "Processing code");
            f[4] = FieldSpec.Fixed(12, N, Bcd, "Amount, transaction");
            f[11] = FieldSpec.Fixed(6, N, Bcd, "System trace audit number");
            f[12] = FieldSpec.Fixed(6, N, Bcd, "Time, local transaction");
            f[13] = FieldSpec.Fixed(4, N, Bcd, "Date, local transaction");
            f[14] = FieldSpec.Fixed(4, N, Bcd, "Date, expiration").AsSensitive();
            f[15] = FieldSpec.Fixed(4, N, Bcd, "Date, settlement");
            f[22] = FieldSpec.Fixed(3, N, Bcd, "POS entry mode").WithPad(BcdPad.RightZero);
            f[23] = FieldSpec.Fixed(3, N, Bcd, "Card sequence number");
            f[25] = FieldSpec.Fixed(2, N, Bcd, "POS condition code");
            f[26] = FieldSpec.Fixed(2, N, Bcd, "POS PIN capture code");
            f[32] = FieldSpec.Var(LengthKind.LL, L, 11, N, Bcd, "Acquiring institution id").WithPad(BcdPad.RightZero);
            f[35] = FieldSpec.Var(LengthKind.LL, L, 37, track, Bcd, "Track 2 data").WithPad(BcdPad.RightZero).AsSensitive();
            f[36] = FieldSpec.Var(LengthKind.LLL, L, 104, track, Bcd, "Track 3 data").WithPad(BcdPad.RightZero).AsSensitive();
            f[37] = FieldSpec.Fixed(12, An, Asc, "Retrieval reference number");
            f[38] = FieldSpec.Fixed(6, An, Asc, "Authorization id response");
            f[39] = FieldSpec.Fixed(2, An, Asc, "Response code");
            f[41] = FieldSpec.Fixed(8, Ans, Asc, "Card acceptor terminal id");
            f[42] = FieldSpec.Fixed(15, Ans, Asc, "Card acceptor id code");
            f[44] = FieldSpec.Var(LengthKind.LL, L, 25, Ans, Asc, "Additional response data");
            f[48] = FieldSpec.Var(LengthKind.LLL, L, 322, N, Bcd, "Additional data, private").WithPad(BcdPad.RightZero);
            f[49] = FieldSpec.Fixed(3, An, Asc, "Currency code, transaction");
            f[52] = FieldSpec.Fixed(sm4PinBlock ? 16 : 8, B, Bin, "PIN data").AsSensitive();
            f[53] = FieldSpec.Fixed(16, N, Bcd, "Security control information");
            f[54] = FieldSpec.Var(LengthKind.LLL, L, 20, Ans, Asc, "Additional amounts");
            f[55] = FieldSpec.Var(LengthKind.LLL, L, 255, B, Bin, "ICC system related data").AsSensitive();
            f[58] = FieldSpec.Var(LengthKind.LLL, L, 100, Ans, Asc, "IC (PBOC) electronic data");
            f[59] = FieldSpec.Var(LengthKind.LLL, L, 600, Ans, Asc, "Reserved (acquirer data)");
            f[60] = FieldSpec.Var(LengthKind.LLL, L, 19, N, Bcd, "Reserved private (type, batch)").WithPad(BcdPad.RightZero);   // n...019 in the newer spec text (at most 10 bytes)
            f[61] = FieldSpec.Var(LengthKind.LLL, L, 29, N, Bcd, "Original message").WithPad(BcdPad.RightZero);
            f[62] = FieldSpec.Var(LengthKind.LLL, L, 512, B, Bin, "Reserved private (keys, codes)").AsSensitive();
            f[63] = FieldSpec.Var(LengthKind.LLL, L, 163, Ans, Asc, "Reserved private (operator, org)");
            f[64] = FieldSpec.Fixed(8, B, Bin, "Message authentication code");
            string name = "cup" + (sm4PinBlock ? "-sm4" : "") + (encryptedTracks ? "-tdk" : "");
            return new MessageSpec(name, Bcd, Bin, f);
        }
    }
}
