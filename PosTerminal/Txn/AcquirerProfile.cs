using PosTerminal.Cards;
using PosTerminal.Iso8583;
using PosTerminal.Iso8583.Profiles;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// What differs between acquirers, bundled: message layout, default framing, the F22 entry-mode codes,
    /// and which optional fields a request carries. Two ship: <see cref="Cup"/> and <see cref="Iso87Ascii"/>.
    /// </summary>
    public sealed class AcquirerProfile
    {
        private static readonly object s_lock = new object();
        private static AcquirerProfile s_cup;
        private static AcquirerProfile s_iso87Ascii;

        /// <summary>
        /// UnionPay-style POS: <see cref="CupSpec"/>, 2-byte length + TPDU 60 0003 0000 + header 60 31 00 00 00 01
        /// (application type 60, spec version 31, status 00, sub-version 000001: Centerm EPOS BusinessConfig),
        /// F60 (60.1 type, 60.2 batch, 60.3 000, 60.4 read capability, 60.5 IC condition), F22 codes 02 swipe /
        /// 05 chip / 07 contactless / 03 scan / 01 manual with third digit 1 = PIN included, 2 = none
        /// (teddy-lee/AIAUnionPay ConstantUtils). A payment-code sale goes as in the captured QR sale
        /// (https://q.cnblogs.com/q/128930): F22 030, F25 99, F60.1 26, the code in F62 as TLV 5F01.
        /// Built on first use (see <see cref="CupSpec.Spec"/>).
        /// </summary>
        public static AcquirerProfile Cup
        {
            get
            {
                lock (s_lock)
                {
                    if (s_cup == null)
                    {
                        s_cup = new AcquirerProfile(
                            "cup", CupSpec.Spec,
                            new FrameFormat(LengthHeader.Binary2, Hex.Decode("6000030000"), Hex.Decode("603100000001"), 2048),
                            true, false,
                            new string[] { "02", "05", "07", "03", "01", "02" },
                            new string[] { "00", "10", "11", "A2", "A4", "A5", "A6" },
                            SecuritySettings.CupDefault(),
                            TransactionType.CodeSale, IsoField.Reserved62, 0x5F01, CupEchoMti);
                        s_cup.Void = TransactionType.Void;
                        s_cup.Refund = TransactionType.Refund;
                        s_cup.Balance = TransactionType.Balance;
                    }
                    return s_cup;
                }
            }
        }

        /// <summary>
        /// International ISO 8583:1987 in ASCII: <see cref="Iso87AsciiSpec"/>, 2-byte length, no TPDU or header,
        /// F7 (GMT) and F12/F13 (local) from the terminal clock, F22 codes 90 swipe / 05 chip / 07 contactless /
        /// 03 bar code / 01 manual / 80 fallback with third digit 1 = PIN entry capable, 2 = not. A payment-code sale is
        /// an ordinary sale with F22 030 and the code in F48 (additional data, private); F62 carries the DUKPT KSN.
        /// </summary>
        public static AcquirerProfile Iso87Ascii
        {
            get
            {
                lock (s_lock)
                {
                    if (s_iso87Ascii == null)
                    {
                        s_iso87Ascii = new AcquirerProfile(
                            "iso87ascii", Iso87AsciiSpec.Spec,
                            new FrameFormat(LengthHeader.Binary2, null, null, 4096),
                            false, true,
                            new string[] { "90", "05", "07", "03", "01", "80" },
                            new string[] { "00", "08", "10", "11" },
                            new SecuritySettings(KeyScheme.DukptTdes, MacMethod.X919, 0, false, false),
                            TransactionType.Sale, IsoField.AdditionalData, 0, NetworkManagementRequestMti);
                        s_iso87Ascii.Void = TransactionType.IsoVoid;
                        s_iso87Ascii.Refund = TransactionType.IsoRefund;
                        s_iso87Ascii.Balance = TransactionType.IsoBalance;
                    }
                    return s_iso87Ascii;
                }
            }
        }

        // 0820: network management advice, the MTI of the UnionPay echo test (回响测试; teddy-lee/AIAUnionPay
        // CUPMessageType.java TRAN_TESTING), answered by 0830.
        private const int CupEchoMti = 820;

        // 0800: network management request (ISO 8583:1987), answered by 0810.
        private const int NetworkManagementRequestMti = 800;

        private readonly string[] _entryCodes;
        private readonly string[] _approvals;

        private AcquirerProfile(string name, MessageSpec spec, FrameFormat frame, bool usesField60, bool sendsLocalTime,
            string[] entryCodes, string[] approvals, SecuritySettings security, TransactionType codeSale, int codeField, int codeTag,
            int echoMti)
        {
            EchoMti = echoMti;
            CodeSale = codeSale;
            CodeField = codeField;
            CodeTag = codeTag;
            DefaultSecurity = security;
            _approvals = approvals;
            Name = name;
            Spec = spec;
            DefaultFrame = frame;
            UsesField60 = usesField60;
            SendsLocalTime = sendsLocalTime;
            _entryCodes = entryCodes;
        }

        /// <summary>
        /// Security a terminal of this profile starts with: cup = TMK + working keys from sign-on, CUP ECB MAC, PIN
        /// format 0; iso87ascii = TDES DUKPT, X9.19 MAC, PIN format 0.
        /// </summary>
        public SecuritySettings DefaultSecurity { get; }

        /// <summary>
        /// MTI of the echo test: cup 0820 with F60.3 301 (UnionPay 回响测试), iso87ascii 0800 with F70 301 (ISO 8583:1987
        /// network management information code 301, echo test). The answer is this + 10.
        /// </summary>
        public int EchoMti { get; }

        /// <summary>MTI, F3, F25 and F60.1 of a void of a sale (cup: 0200 200000 00 23; iso87ascii: 0200 020000).</summary>
        public TransactionType Void { get; private set; }

        /// <summary>MTI, F3, F25 and F60.1 of a refund (cup: 0220 200000 00 25; iso87ascii: 0220 200000).</summary>
        public TransactionType Refund { get; private set; }

        /// <summary>MTI, F3, F25 and F60.1 of a balance inquiry (cup: 0200 310000 00 01; iso87ascii: 0100 310000).</summary>
        public TransactionType Balance { get; private set; }

        /// <summary>MTI of a reversal (冲正): 0400, answered by 0410 (ISO 8583:1987 class 4; UnionPay 0400, payments.md §1.2).</summary>
        public const int ReversalMti = 400;

        /// <summary>MTI of a settlement (批结算) request: 0500, answered by 0510 (payments.md §1.2).</summary>
        public const int SettlementMti = 500;

        /// <summary>MTI of a batch upload and of the batch end: 0320, answered by 0330 (payments.md §1.2, §2.3).</summary>
        public const int BatchUploadMti = 320;

        /// <summary>MTI, F3, F25 and F60.1 of a sale paid with a payment code.</summary>
        public TransactionType CodeSale { get; }

        /// <summary>The field a payment code travels in (cup: 62, iso87ascii: 48).</summary>
        public int CodeField { get; }

        /// <summary>The 2-byte TLV tag the code is wrapped in within <see cref="CodeField"/> (cup: 5F01), 0 for the bare digits.</summary>
        public int CodeTag { get; }

        /// <summary>Profile name used in configuration ("cup", "iso87ascii").</summary>
        public string Name { get; }

        /// <summary>Message layout.</summary>
        public MessageSpec Spec { get; }

        /// <summary>Frame layout used unless the configuration overrides TPDU or header.</summary>
        public FrameFormat DefaultFrame { get; }

        /// <summary>True when requests carry F60 (CUP: 60.1 type code, 60.2 batch, 60.3 network code).</summary>
        public bool UsesField60 { get; }

        /// <summary>True when requests carry F7, F12 and F13 from the terminal's clock.</summary>
        public bool SendsLocalTime { get; }

        /// <summary>
        /// The message layout a terminal with <paramref name="security"/> uses: the profile's own, with F52 widened for
        /// 16-byte PIN blocks (SM4, ISO format 4) and F35/F36 opened to hex nibbles for TDK-encrypted tracks.
        /// </summary>
        public MessageSpec SpecFor(SecuritySettings security)
        {
            if (this == Cup) return CupSpec.Variant(security.Sm4, security.EncryptTracks);
            return Iso87AsciiSpec.Variant(security.PinFormat == 4);
        }

        /// <summary>The profile called <paramref name="name"/>, or null.</summary>
        public static AcquirerProfile Find(string name)
        {
            if (name == Cup.Name) return Cup;
            if (name == Iso87Ascii.Name) return Iso87Ascii;
            return null;
        }

        /// <summary>
        /// True when F39 <paramref name="code"/> means the host approved (charged) the transaction. ISO 8583:1987:
        /// 00 approved, 08 honour with identification, 10 partial approval, 11 VIP approval; UnionPay adds A2, A4,
        /// A5, A6 ("有缺陷的成功": approved, with a condition for the terminal to act on).
        /// </summary>
        public bool IsApproval(string code)
        {
            for (int i = 0; i < _approvals.Length; i++)
            {
                if (_approvals[i] == code) return true;
            }
            return false;
        }

        /// <summary>
        /// F22 for a card read by <paramref name="entry"/>, with or without a PIN. A scanned payment code has third
        /// digit 0 (unspecified: the wallet app, not the terminal, authenticates the customer), as in the captured
        /// UnionPay QR sale's "030".
        /// </summary>
        public string EntryMode(EntryMethod entry, bool withPin)
        {
            if (entry == EntryMethod.Scan) return _entryCodes[(int)entry - 1] + "0";
            return _entryCodes[(int)entry - 1] + (withPin ? "1" : "2");
        }
    }
}
