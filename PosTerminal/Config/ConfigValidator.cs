using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Config
{
    /// <summary>
    /// The checks every configuration value goes through, whether typed at the console, set by the editor or read
    /// back from the store. Pure functions of their arguments: Ok, or the <see cref="ConfigStatus"/> that says why not.
    /// </summary>
    public static class ConfigValidator
    {
        /// <summary>Longest host text stored: 64 characters (RFC 1123 allows 253; acquirer host names are far shorter, and the record stays small).</summary>
        public const int MaxHostLength = 64;

        /// <summary>Connect timeout range, seconds: 1..60 (CUP terminal default 10 s, payments.md §4.1).</summary>
        public const int MinConnectTimeout = 1;

        /// <summary>Longest connect timeout, seconds.</summary>
        public const int MaxConnectTimeout = 60;

        /// <summary>Response timeout range, seconds: 5..120 (CUP default 60 s; Topwise 60 s; CUP F62 code 12 is n2 seconds).</summary>
        public const int MinResponseTimeout = 5;

        /// <summary>Longest response timeout, seconds.</summary>
        public const int MaxResponseTimeout = 120;

        /// <summary>Shortest echo interval when echo is on, seconds (0 turns echo off).</summary>
        public const int MinEchoInterval = 10;

        /// <summary>Longest echo interval, seconds (one hour).</summary>
        public const int MaxEchoInterval = 3600;

        /// <summary>Most reversal retries.</summary>
        public const int MaxReversalRetries = TerminalSettings.MaxReversalRetries;

        /// <summary>Longest header after the TPDU, bytes (<see cref="FrameFormat"/>).</summary>
        public const int MaxHeaderLength = 32;

        /// <summary>Longest merchant name, characters (one receipt line).</summary>
        public const int MaxMerchantNameLength = 40;

        /// <summary>Longest password hash blob, bytes.</summary>
        public const int MaxPasswordHashLength = 64;

        /// <summary>Length of a terminal id (F41, ans 8).</summary>
        public const int TerminalIdLength = 8;

        /// <summary>Length of a merchant id (F42, ans 15).</summary>
        public const int MerchantIdLength = 15;

        // RFC 1123 §2.1 / RFC 1035 §2.3.4: at most 63 characters per label.
        private const int MaxLabelLength = 63;

        /// <summary>
        /// A dotted-quad IPv4 address a terminal can connect to: four decimal parts 0..255 without leading zeros ("010" is
        /// refused: some resolvers read it as octal), and not 0.x.x.x ("this network", RFC 1122 §3.2.1.3), multicast
        /// 224..239 (RFC 5771; TCP is unicast) or 240..255 (reserved, RFC 1112 §4, with 255.255.255.255 the limited
        /// broadcast, RFC 919). Loopback 127.x.x.x is accepted (emulator, local simulator).
        /// </summary>
        public static ConfigStatus CheckIPv4(string text)
        {
            if (text == null || text.Length == 0 || text.Length > 15) return ConfigStatus.NotIPv4Address;
            int part = 0;
            int digits = 0;
            int value = 0;
            int first = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '.')
                {
                    if (digits == 0) return ConfigStatus.NotIPv4Address;
                    if (part == 0) first = value;
                    part++;
                    digits = 0;
                    value = 0;
                    continue;
                }
                char c = text[i];
                if (!Ascii.IsDigit(c)) return ConfigStatus.NotIPv4Address;
                if (digits == 1 && value == 0) return ConfigStatus.NotIPv4Address;   // a leading zero
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) return ConfigStatus.NotIPv4Address;
            }
            if (part != 4) return ConfigStatus.NotIPv4Address;
            if (first == 0 || first >= 224) return ConfigStatus.AddressNotUsable;
            return ConfigStatus.Ok;
        }

        /// <summary>
        /// A host name by RFC 1123 §2.1: dot-separated labels of 1..63 letters, digits and hyphens, none starting or
        /// ending with a hyphen; at most <see cref="MaxHostLength"/> characters; no trailing dot. A name whose last label is
        /// all digits is refused: RFC 1123 keeps that form for dotted-decimal addresses (check it with <see cref="CheckIPv4"/>).
        /// </summary>
        public static ConfigStatus CheckHostName(string text)
        {
            if (text == null || text.Length == 0 || text.Length > MaxHostLength) return ConfigStatus.BadHostName;
            int labelStart = 0;
            bool allDigits = true;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '.')
                {
                    int length = i - labelStart;
                    if (length == 0 || length > MaxLabelLength) return ConfigStatus.BadHostName;
                    if (text[labelStart] == '-' || text[i - 1] == '-') return ConfigStatus.BadHostName;
                    if (i == text.Length && allDigits) return ConfigStatus.BadHostName;
                    labelStart = i + 1;
                    allDigits = true;
                    continue;
                }
                char c = text[i];
                bool digit = Ascii.IsDigit(c);
                if (!digit) allDigits = false;
                if (!digit && c != '-' && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) return ConfigStatus.BadHostName;
            }
            return ConfigStatus.Ok;
        }

        /// <summary>
        /// True when <paramref name="text"/> is meant as an IPv4 address rather than a name: only digits and dots, or a
        /// last label of digits (RFC 1123 §2.1: a host name never has that form).
        /// </summary>
        public static bool IsAddressForm(string text)
        {
            if (text == null || text.Length == 0) return false;
            int last = text.LastIndexOf('.');
            string tail = last < 0 ? text : text.Substring(last + 1);
            if (Ascii.IsDigits(tail)) return true;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] != '.' && !Ascii.IsDigit(text[i])) return false;
            }
            return true;
        }

        /// <summary>
        /// A host as configured: an IPv4 address (<see cref="CheckIPv4"/>), or, when <paramref name="allowNames"/>, a host
        /// name (<see cref="CheckHostName"/>). A well-formed name with names off is <see cref="ConfigStatus.HostNamesOff"/>.
        /// </summary>
        public static ConfigStatus CheckHost(string text, bool allowNames)
        {
            if (IsAddressForm(text)) return CheckIPv4(text);
            ConfigStatus s = CheckHostName(text);
            if (s != ConfigStatus.Ok) return s;
            return allowNames ? ConfigStatus.Ok : ConfigStatus.HostNamesOff;
        }

        /// <summary>A TCP port: 1..65535.</summary>
        public static ConfigStatus CheckPort(int port)
        {
            return port >= 1 && port <= 65535 ? ConfigStatus.Ok : ConfigStatus.PortOutOfRange;
        }

        /// <summary>
        /// Splits "host:port" (the last colon separates) and checks both parts; on Ok, <paramref name="host"/> and
        /// <paramref name="port"/> hold them, otherwise null and -1.
        /// </summary>
        public static ConfigStatus ParseEndpoint(string text, bool allowNames, out string host, out int port)
        {
            host = null;
            port = -1;
            if (text == null) return ConfigStatus.BadEndpoint;
            int colon = text.LastIndexOf(':');
            if (colon <= 0 || colon == text.Length - 1) return ConfigStatus.BadEndpoint;
            string h = text.Substring(0, colon);
            string p = text.Substring(colon + 1);
            long n = Ascii.ParseNumber(p);
            if (n < 0) return ConfigStatus.BadEndpoint;
            ConfigStatus s = CheckHost(h, allowNames);
            if (s != ConfigStatus.Ok) return s;
            if (n > 65535) return ConfigStatus.PortOutOfRange;
            s = CheckPort((int)n);
            if (s != ConfigStatus.Ok) return s;
            host = h;
            port = (int)n;
            return ConfigStatus.Ok;
        }

        /// <summary>Connect timeout in seconds: <see cref="MinConnectTimeout"/>..<see cref="MaxConnectTimeout"/>.</summary>
        public static ConfigStatus CheckConnectTimeout(int seconds)
        {
            return InRange(seconds, MinConnectTimeout, MaxConnectTimeout);
        }

        /// <summary>Response timeout in seconds: <see cref="MinResponseTimeout"/>..<see cref="MaxResponseTimeout"/>.</summary>
        public static ConfigStatus CheckResponseTimeout(int seconds)
        {
            return InRange(seconds, MinResponseTimeout, MaxResponseTimeout);
        }

        /// <summary>Echo interval in seconds: 0 (no echo) or <see cref="MinEchoInterval"/>..<see cref="MaxEchoInterval"/>.</summary>
        public static ConfigStatus CheckEchoInterval(int seconds)
        {
            return seconds == 0 ? ConfigStatus.Ok : InRange(seconds, MinEchoInterval, MaxEchoInterval);
        }

        /// <summary>Reversal retries: 0..<see cref="MaxReversalRetries"/>.</summary>
        public static ConfigStatus CheckReversalRetries(int retries)
        {
            return InRange(retries, 0, MaxReversalRetries);
        }

        /// <summary>A STAN or batch number: 1..999999 (n6, F11 and F60.2).</summary>
        public static ConfigStatus CheckCounter(int value)
        {
            return TerminalCounters.IsValid(value) ? ConfigStatus.Ok : ConfigStatus.OutOfRange;
        }

        /// <summary>
        /// A TPDU: none (null or empty), or 5 bytes starting with the transaction TPDU ID 60, then the destination and
        /// source NII (payments.md §2.1).
        /// </summary>
        public static ConfigStatus CheckTpdu(byte[] tpdu)
        {
            if (tpdu == null || tpdu.Length == 0) return ConfigStatus.Ok;
            return tpdu.Length == FrameFormat.TpduLength && tpdu[0] == FrameFormat.TpduId ? ConfigStatus.Ok : ConfigStatus.BadTpdu;
        }

        /// <summary>A header after the TPDU: none, or up to <see cref="MaxHeaderLength"/> bytes (UnionPay uses 6).</summary>
        public static ConfigStatus CheckHeader(byte[] header)
        {
            return header == null || header.Length <= MaxHeaderLength ? ConfigStatus.Ok : ConfigStatus.HeaderTooLong;
        }

        /// <summary>
        /// Hex text to bytes: pairs of hex digits, spaces allowed between them; "" and "none" are no bytes. On Ok
        /// <paramref name="bytes"/> is the result (empty for none); otherwise null.
        /// </summary>
        public static ConfigStatus ParseHex(string text, out byte[] bytes)
        {
            bytes = null;
            if (text == null) return ConfigStatus.BadHex;
            if (text.Length == 0 || text == ConfigFields.NoneText)
            {
                bytes = new byte[0];
                return ConfigStatus.Ok;
            }
            int digits = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ') continue;
                if (Hex.NibbleOf(c) < 0) return ConfigStatus.BadHex;
                digits++;
            }
            if (digits == 0 || (digits & 1) != 0) return ConfigStatus.BadHex;
            bytes = Hex.Decode(text);
            return ConfigStatus.Ok;
        }

        /// <summary>A terminal id (F41): exactly 8 letters or digits, as acquirers issue them (ISO 8583 allows ans; this catches typos).</summary>
        public static ConfigStatus CheckTerminalId(string text)
        {
            if (text == null || text.Length != TerminalIdLength) return ConfigStatus.BadTerminalId;
            for (int i = 0; i < text.Length; i++)
            {
                if (!IsAlphanumeric(text[i])) return ConfigStatus.BadTerminalId;
            }
            return ConfigStatus.Ok;
        }

        /// <summary>
        /// A merchant id (F42): exactly 15 characters, letters or digits, starting with one; a shorter id is right-padded
        /// with spaces (ISO 8583 an/ans: left-justified, trailing spaces).
        /// </summary>
        public static ConfigStatus CheckMerchantId(string text)
        {
            if (text == null || text.Length != MerchantIdLength || !IsAlphanumeric(text[0])) return ConfigStatus.BadMerchantId;
            bool padding = false;
            for (int i = 1; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ')
                {
                    padding = true;
                    continue;
                }
                if (padding || !IsAlphanumeric(c)) return ConfigStatus.BadMerchantId;
            }
            return ConfigStatus.Ok;
        }

        /// <summary>A merchant name: 0..40 printable ASCII characters (0x20..0x7E), one receipt line.</summary>
        public static ConfigStatus CheckMerchantName(string text)
        {
            if (text == null || text.Length > MaxMerchantNameLength) return ConfigStatus.BadMerchantName;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < 0x20 || text[i] > 0x7E) return ConfigStatus.BadMerchantName;
            }
            return ConfigStatus.Ok;
        }

        /// <summary>A currency: 3 digits (ISO 4217 numeric, F49) that <see cref="PosTerminal.Txn.Currency"/> knows.</summary>
        public static ConfigStatus CheckCurrency(string text)
        {
            if (text == null || text.Length != 3 || !Ascii.IsDigits(text)) return ConfigStatus.BadCurrency;
            return PosTerminal.Txn.Currency.IsKnown(text) ? ConfigStatus.Ok : ConfigStatus.UnknownCurrency;
        }

        /// <summary>An acquirer profile name: "cup" or "iso87ascii" (<see cref="AcquirerProfile.Find"/>).</summary>
        public static ConfigStatus CheckProfile(string name)
        {
            return name != null && AcquirerProfile.Find(name) != null ? ConfigStatus.Ok : ConfigStatus.UnknownProfile;
        }

        /// <summary>
        /// A security mode name (<see cref="SecuritySettings.Named"/>) for <paramref name="profile"/>: cup takes the
        /// master/session modes (cup, cup-x919, cup-tdk, cup-sm4), iso87ascii the DUKPT ones (dukpt-tdes, dukpt-aes).
        /// </summary>
        public static ConfigStatus CheckSecurity(string profile, string security)
        {
            AcquirerProfile p = profile == null ? null : AcquirerProfile.Find(profile);
            if (p == null) return ConfigStatus.UnknownProfile;
            SecuritySettings s = security == null ? null : SecuritySettings.Named(security);
            if (s == null) return ConfigStatus.UnknownSecurity;
            return (p == AcquirerProfile.Cup) != s.IsDukpt ? ConfigStatus.Ok : ConfigStatus.SecurityNotForProfile;
        }

        /// <summary>The security mode a terminal of <paramref name="profile"/> starts with: "cup" for cup, "dukpt-tdes" for iso87ascii.</summary>
        public static string DefaultSecurity(string profile)
        {
            return profile == "iso87ascii" ? "dukpt-tdes" : "cup";
        }

        /// <summary>A password hash blob: 0..<see cref="MaxPasswordHashLength"/> bytes.</summary>
        public static ConfigStatus CheckPasswordHash(int length)
        {
            return length >= 0 && length <= MaxPasswordHashLength ? ConfigStatus.Ok : ConfigStatus.PasswordTooLong;
        }

        /// <summary>Decimal text to a number: digits only (at most 9); on Ok <paramref name="value"/> holds it, else -1.</summary>
        public static ConfigStatus ParseNumber(string text, out int value)
        {
            value = -1;
            if (text == null || text.Length == 0 || text.Length > 9 || !Ascii.IsDigits(text)) return ConfigStatus.NotANumber;
            value = (int)Ascii.ParseNumber(text);
            return ConfigStatus.Ok;
        }

        private static ConfigStatus InRange(int value, int min, int max)
        {
            return value >= min && value <= max ? ConfigStatus.Ok : ConfigStatus.OutOfRange;
        }

        private static bool IsAlphanumeric(char c)
        {
            return Ascii.IsDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
    }
}
