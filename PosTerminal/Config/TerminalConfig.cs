using System;
using PosTerminal.Crypto;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Config
{
    /// <summary>
    /// Every link and terminal parameter a technician sets: hosts, timeouts, connection mode, framing, profile and
    /// security mode, identity, currency, TLS and DNS switches, and the console's two password hashes. Read-only to
    /// everyone but <see cref="ConfigEditor"/> (which validates every change) and <see cref="ConfigStore"/> (which
    /// validates every field it loads), so an instance always holds valid values. The STAN and batch number live in
    /// <see cref="TerminalCounters"/>, not here.
    /// <para>
    /// Stored as record "config" (<see cref="ConfigStore"/>), version 1: the fields in the fixed order of
    /// <see cref="ConfigFields"/>, each as <c>[tag u8 = ConfigField][length u8][value]</c>, nothing before, between or
    /// after them. Values (integers big-endian, text ASCII):
    /// hosts 0x01..0x04: empty (not set) or [port u16][host 1..64];
    /// 0x10 connect timeout, 0x11 response timeout (seconds u8); 0x12 connection mode (u8: 0 per transaction, 1 kept);
    /// 0x13 echo interval (seconds u16); 0x14 reversal retries (u8); 0x15 TLS, 0x16 host names allowed (u8 0/1);
    /// 0x20 TPDU (0 or 5 bytes); 0x21 header (0..32 bytes); 0x22 profile, 0x23 security mode (names, 1..16);
    /// 0x30 terminal id (empty or 8), 0x31 merchant id (empty or 15), 0x32 merchant name (0..40), 0x33 currency (3);
    /// 0x40, 0x41 technician and supervisor password hashes (0..64 bytes, opaque); 0x42, 0x43 their must-change flags
    /// (u8 0/1). A change of layout is a new version.
    /// </para>
    /// </summary>
    public sealed class TerminalConfig
    {
        /// <summary>Primary host plus up to 3 backups.</summary>
        public const int MaxHosts = 4;

        /// <summary>Default connect timeout, seconds (CUP terminal default NET_CONNECT_TIMEOUT 10 s).</summary>
        public const int DefaultConnectTimeout = 10;

        /// <summary>Default response timeout, seconds (CUP terminal default NET_RESP_TIMEOUT 60 s).</summary>
        public const int DefaultResponseTimeout = 60;

        /// <summary>Default echo interval of a kept connection, seconds.</summary>
        public const int DefaultEchoInterval = 60;

        /// <summary>Default currency: 156, CNY.</summary>
        public const string DefaultCurrency = "156";

        /// <summary>Default profile.</summary>
        public const string DefaultProfile = "cup";

        /// <summary>Record bytes at most: every field at its longest.</summary>
        public const int MaxEncodedLength =
            MaxHosts * (2 + 2 + ConfigValidator.MaxHostLength)
            + 8 * (2 + 1) + (2 + 2)
            + (2 + FrameFormat.TpduLength) + (2 + ConfigValidator.MaxHeaderLength) + 2 * (2 + MaxNameLength)
            + (2 + ConfigValidator.TerminalIdLength) + (2 + ConfigValidator.MerchantIdLength)
            + (2 + ConfigValidator.MaxMerchantNameLength) + (2 + 3)
            + 2 * (2 + ConfigValidator.MaxPasswordHashLength);

        // Longest profile or security mode name in the record.
        private const int MaxNameLength = 16;

        // Longest value of any one field (a host: port + 64 characters).
        private const int MaxValueLength = 2 + ConfigValidator.MaxHostLength;

        private readonly string[] _hosts = new string[MaxHosts];
        private readonly int[] _ports = new int[MaxHosts];
        private byte[] _tpdu = new byte[0];
        private byte[] _header = new byte[0];
        private byte[] _technicianHash = new byte[0];
        private byte[] _supervisorHash = new byte[0];

        private TerminalConfig()
        {
        }

        /// <summary>
        /// Factory defaults: no hosts, terminal id or merchant id yet (<see cref="MissingField"/> says what a transaction
        /// still needs); connect 10 s, response 60 s, a connection per transaction, echo 60 s when kept, 3 reversal
        /// retries; profile cup with security cup and the profile's TPDU and header; TLS and host names off; currency 156
        /// (CNY); no merchant name; no password hashes, both to be changed at the first login.
        /// </summary>
        public static TerminalConfig Defaults()
        {
            TerminalConfig c = new TerminalConfig();
            c.ConnectTimeoutSeconds = DefaultConnectTimeout;
            c.ResponseTimeoutSeconds = DefaultResponseTimeout;
            c.Mode = ConnectionMode.PerTransaction;
            c.EchoIntervalSeconds = DefaultEchoInterval;
            c.ReversalRetries = TerminalSettings.DefaultReversalRetries;
            c.ProfileName = DefaultProfile;
            c.SecurityName = ConfigValidator.DefaultSecurity(DefaultProfile);
            c.SetFraming(AcquirerProfile.Cup.DefaultFrame);
            c.TerminalId = "";
            c.MerchantId = "";
            c.MerchantName = "";
            c.Currency = DefaultCurrency;
            c.TechnicianMustChange = true;
            c.SupervisorMustChange = true;
            return c;
        }

        /// <summary>The host <paramref name="index"/> (0 = primary, 1..3 = backups), or null when not set.</summary>
        public HostEndpoint Host(int index)
        {
            if (index < 0 || index >= MaxHosts) throw new ArgumentOutOfRangeException();
            return _hosts[index] == null ? null : new HostEndpoint(_hosts[index], _ports[index]);
        }

        /// <summary>Connect timeout per host, seconds.</summary>
        public int ConnectTimeoutSeconds { get; internal set; }

        /// <summary>Response timeout, seconds.</summary>
        public int ResponseTimeoutSeconds { get; internal set; }

        /// <summary>Connection per transaction, or kept.</summary>
        public ConnectionMode Mode { get; internal set; }

        /// <summary>Echo interval of a kept connection, seconds (0 = no echo); unused per transaction.</summary>
        public int EchoIntervalSeconds { get; internal set; }

        /// <summary>Times a pending reversal is resent.</summary>
        public int ReversalRetries { get; internal set; }

        /// <summary>TLS on the link.</summary>
        public bool Tls { get; internal set; }

        /// <summary>Hosts may be given by name (resolved by DNS), not only as IPv4 addresses.</summary>
        public bool AllowHostNames { get; internal set; }

        /// <summary>A copy of the TPDU (empty: frames carry none).</summary>
        public byte[] Tpdu
        {
            get { return (byte[])_tpdu.Clone(); }
        }

        /// <summary>A copy of the header after the TPDU (empty: none).</summary>
        public byte[] Header
        {
            get { return (byte[])_header.Clone(); }
        }

        /// <summary>Acquirer profile name ("cup", "iso87ascii").</summary>
        public string ProfileName { get; internal set; }

        /// <summary>Security mode name (see <see cref="SecuritySettings.Named"/>).</summary>
        public string SecurityName { get; internal set; }

        /// <summary>Terminal id, F41 ("" until set).</summary>
        public string TerminalId { get; internal set; }

        /// <summary>Merchant id, F42 ("" until set).</summary>
        public string MerchantId { get; internal set; }

        /// <summary>Merchant name for receipts (may be "").</summary>
        public string MerchantName { get; internal set; }

        /// <summary>Currency, F49, ISO 4217 numeric.</summary>
        public string Currency { get; internal set; }

        internal bool TechnicianMustChange { get; set; }

        internal bool SupervisorMustChange { get; set; }

        /// <summary>Length of the password hash of <paramref name="slot"/> (0 = none set).</summary>
        public int PasswordHashLength(PasswordSlot slot)
        {
            return HashOf(slot).Length;
        }

        /// <summary>Copies the password hash of <paramref name="slot"/> into <paramref name="dst"/>; returns its length.</summary>
        public int CopyPasswordHash(PasswordSlot slot, byte[] dst, int offset)
        {
            byte[] h = HashOf(slot);
            Array.Copy(h, 0, dst, offset, h.Length);
            return h.Length;
        }

        /// <summary>True when <paramref name="hash"/>[offset..offset+count) is the stored hash of <paramref name="slot"/> (compared in constant time).</summary>
        public bool PasswordHashEquals(PasswordSlot slot, byte[] hash, int offset, int count)
        {
            byte[] h = HashOf(slot);
            if (hash == null || count != h.Length || h.Length == 0) return false;
            return ConstantTime.AreEqual(h, 0, hash, offset, count);
        }

        /// <summary>True when the user of <paramref name="slot"/> must change the password at the next login.</summary>
        public bool MustChangePassword(PasswordSlot slot)
        {
            return slot == PasswordSlot.Technician ? TechnicianMustChange : SupervisorMustChange;
        }

        /// <summary>
        /// The first field a transaction needs that is not set (the primary host, the terminal id, the merchant id), or
        /// None when the configuration is complete.
        /// </summary>
        public ConfigField MissingField()
        {
            if (_hosts[0] == null) return ConfigField.PrimaryHost;
            if (TerminalId.Length == 0) return ConfigField.TerminalId;
            if (MerchantId.Length == 0) return ConfigField.MerchantId;
            return ConfigField.None;
        }

        /// <summary>
        /// The core's settings for this configuration: hosts in order (primary, then the backups that are set), timeouts
        /// in milliseconds, the profile's frame with this TPDU and header, the connection mode and echo interval, TLS, the
        /// security mode, the reversal retries; F60.4 read capability "2" (<see cref="ApplyTo"/> keeps the terminal's).
        /// <see cref="ConfigStatus.Incomplete"/> (and null) when <see cref="MissingField"/> names a field.
        /// </summary>
        public ConfigStatus ToSettings(out TerminalSettings settings)
        {
            settings = null;
            if (MissingField() != ConfigField.None) return ConfigStatus.Incomplete;
            AcquirerProfile profile = AcquirerProfile.Find(ProfileName);
            int count = 0;
            for (int i = 0; i < MaxHosts; i++)
            {
                if (_hosts[i] != null) count++;
            }
            HostEndpoint[] hosts = new HostEndpoint[count];
            count = 0;
            for (int i = 0; i < MaxHosts; i++)
            {
                if (_hosts[i] != null) hosts[count++] = new HostEndpoint(_hosts[i], _ports[i]);
            }
            FrameFormat d = profile.DefaultFrame;
            FrameFormat frame = new FrameFormat(d.LengthHeader, _tpdu.Length == 0 ? null : _tpdu, _header.Length == 0 ? null : _header, d.MaxFrameLength);
            int echoMs = Mode == ConnectionMode.Kept ? EchoIntervalSeconds * 1000 : 0;
            LinkSettings link = new LinkSettings(hosts, ConnectTimeoutSeconds * 1000, ResponseTimeoutSeconds * 1000, frame)
                .WithConnection(Mode, echoMs)
                .WithTls(Tls);
            settings = new TerminalSettings(profile, TerminalId, MerchantId, MerchantName, Currency, link)
                .WithSecurity(SecuritySettings.Named(SecurityName))
                .WithReversalRetries(ReversalRetries);
            return ConfigStatus.Ok;
        }

        /// <summary>
        /// Makes this the configuration <paramref name="terminal"/> works with, from its next transaction on (one in progress
        /// finishes with the settings it started with), keeping the terminal's F60.4 read capability (a board property).
        /// <see cref="ConfigStatus.Incomplete"/> when the configuration cannot run transactions; the terminal is then unchanged.
        /// </summary>
        public ConfigStatus ApplyTo(Terminal terminal)
        {
            if (terminal == null) throw new ArgumentNullException();
            TerminalSettings s;
            ConfigStatus status = ToSettings(out s);
            if (status != ConfigStatus.Ok) return status;
            terminal.Settings = s.WithReadCapability(terminal.Settings.ReadCapability);
            return ConfigStatus.Ok;
        }

        /// <summary>
        /// The value of <paramref name="field"/> as text, in the form <see cref="ConfigEditor.SetText"/> takes: "host:port"
        /// or "none"; numbers in decimal; "on"/"off"; "per-transaction"/"kept"; hex or "none"; names as they are ("" for an
        /// identity not set). Password hashes show only "set" or "not set".
        /// </summary>
        public string ValueText(ConfigField field)
        {
            int host = ConfigFields.HostIndex(field);
            if (host >= 0) return _hosts[host] == null ? ConfigFields.NoneText : _hosts[host] + ":" + _ports[host].ToString();
            switch (field)
            {
                case ConfigField.ConnectTimeout: return ConnectTimeoutSeconds.ToString();
                case ConfigField.ResponseTimeout: return ResponseTimeoutSeconds.ToString();
                case ConfigField.ConnectionMode: return Mode == ConnectionMode.Kept ? ConfigFields.KeptText : ConfigFields.PerTransactionText;
                case ConfigField.EchoInterval: return EchoIntervalSeconds.ToString();
                case ConfigField.ReversalRetries: return ReversalRetries.ToString();
                case ConfigField.Tls: return OnOff(Tls);
                case ConfigField.AllowHostNames: return OnOff(AllowHostNames);
                case ConfigField.Tpdu: return _tpdu.Length == 0 ? ConfigFields.NoneText : Hex.Encode(_tpdu);
                case ConfigField.Header: return _header.Length == 0 ? ConfigFields.NoneText : Hex.Encode(_header);
                case ConfigField.Profile: return ProfileName;
                case ConfigField.Security: return SecurityName;
                case ConfigField.TerminalId: return TerminalId;
                case ConfigField.MerchantId: return MerchantId;
                case ConfigField.MerchantName: return MerchantName;
                case ConfigField.Currency: return Currency;
                case ConfigField.TechnicianPassword: return _technicianHash.Length == 0 ? ConfigFields.NotSetText : ConfigFields.SetText;
                case ConfigField.SupervisorPassword: return _supervisorHash.Length == 0 ? ConfigFields.NotSetText : ConfigFields.SetText;
                case ConfigField.TechnicianMustChange: return OnOff(TechnicianMustChange);
                case ConfigField.SupervisorMustChange: return OnOff(SupervisorMustChange);
                default: throw new ArgumentException();
            }
        }

        /// <summary>True when <paramref name="field"/> has the same value here and in <paramref name="other"/>.</summary>
        public bool SameValue(ConfigField field, TerminalConfig other)
        {
            byte[] a = new byte[MaxValueLength];
            byte[] b = new byte[MaxValueLength];
            int na = EncodeValue(field, a, 0);
            int nb = other.EncodeValue(field, b, 0);
            bool same = na == nb && Bytes.Equal(a, 0, b, 0, na);
            Array.Clear(a, 0, a.Length);
            Array.Clear(b, 0, b.Length);
            return same;
        }

        /// <summary>True when every field has the same value in <paramref name="other"/>.</summary>
        public bool ContentEquals(TerminalConfig other)
        {
            if (other == null) return false;
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                if (!SameValue(ConfigFields.At(i), other)) return false;
            }
            return true;
        }

        /// <summary>Writes the record payload (layout in the class summary) into <paramref name="dst"/>; returns its length (at most <see cref="MaxEncodedLength"/>).</summary>
        public int Encode(byte[] dst, int offset)
        {
            int at = offset;
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                ConfigField f = ConfigFields.At(i);
                dst[at] = (byte)f;
                int n = EncodeValue(f, dst, at + 2);
                dst[at + 1] = (byte)n;
                at += 2 + n;
            }
            return at - offset;
        }

        /// <summary>
        /// Reads a record payload of version 1 and checks every field as the editor would. On None,
        /// <paramref name="config"/> is the configuration; otherwise it is null and <paramref name="field"/> names the field
        /// at fault (None for a layout fault).
        /// </summary>
        public static ConfigFault Decode(byte[] src, int offset, int count, out TerminalConfig config, out ConfigField field)
        {
            config = null;
            TerminalConfig c = Defaults();
            int at = offset;
            int end = offset + count;
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                field = ConfigFields.At(i);
                if (at + 2 > end || src[at] != (byte)field) return Fail(out field, ConfigField.None, ConfigFault.BadLayout);
                int length = src[at + 1];
                if (at + 2 + length > end) return Fail(out field, ConfigField.None, ConfigFault.BadLayout);
                ConfigFault fault = c.DecodeValue(field, src, at + 2, length);
                if (fault != ConfigFault.None) return fault;
                at += 2 + length;
            }
            if (at != end) return Fail(out field, ConfigField.None, ConfigFault.BadLayout);
            field = c.InconsistentField();
            if (field != ConfigField.None) return ConfigFault.Inconsistent;
            config = c;
            return ConfigFault.None;
        }

        /// <summary>A configuration with no password hash bytes shown: the field names and values of everything else.</summary>
        public override string ToString()
        {
            string s = "";
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                ConfigField f = ConfigFields.At(i);
                s = s + (i == 0 ? "" : ", ") + ConfigFields.Name(f) + "=" + ValueText(f);
            }
            return s;
        }

        internal TerminalConfig Clone()
        {
            TerminalConfig c = new TerminalConfig();
            for (int i = 0; i < MaxHosts; i++)
            {
                c._hosts[i] = _hosts[i];
                c._ports[i] = _ports[i];
            }
            c.ConnectTimeoutSeconds = ConnectTimeoutSeconds;
            c.ResponseTimeoutSeconds = ResponseTimeoutSeconds;
            c.Mode = Mode;
            c.EchoIntervalSeconds = EchoIntervalSeconds;
            c.ReversalRetries = ReversalRetries;
            c.Tls = Tls;
            c.AllowHostNames = AllowHostNames;
            c._tpdu = (byte[])_tpdu.Clone();
            c._header = (byte[])_header.Clone();
            c.ProfileName = ProfileName;
            c.SecurityName = SecurityName;
            c.TerminalId = TerminalId;
            c.MerchantId = MerchantId;
            c.MerchantName = MerchantName;
            c.Currency = Currency;
            c._technicianHash = (byte[])_technicianHash.Clone();
            c._supervisorHash = (byte[])_supervisorHash.Clone();
            c.TechnicianMustChange = TechnicianMustChange;
            c.SupervisorMustChange = SupervisorMustChange;
            return c;
        }

        // Host text and port of index, or null (unset); values already checked.
        internal void SetHost(int index, string host, int port)
        {
            _hosts[index] = host;
            _ports[index] = host == null ? 0 : port;
        }

        internal string HostText(int index)
        {
            return _hosts[index];
        }

        internal void SetTpdu(byte[] tpdu)
        {
            _tpdu = tpdu == null ? new byte[0] : (byte[])tpdu.Clone();
        }

        internal void SetHeader(byte[] header)
        {
            _header = header == null ? new byte[0] : (byte[])header.Clone();
        }

        // The TPDU and header a profile frames with by default.
        internal void SetFraming(FrameFormat frame)
        {
            byte[] t = frame.Tpdu;
            byte[] h = frame.Header;
            SetTpdu(t);
            SetHeader(h);
        }

        internal void SetPasswordHash(PasswordSlot slot, byte[] hash, int offset, int count)
        {
            byte[] copy = new byte[count];
            if (count > 0) Array.Copy(hash, offset, copy, 0, count);
            byte[] old = HashOf(slot);
            Array.Clear(old, 0, old.Length);
            if (slot == PasswordSlot.Technician) _technicianHash = copy;
            else _supervisorHash = copy;
        }

        internal void SetMustChange(PasswordSlot slot, bool mustChange)
        {
            if (slot == PasswordSlot.Technician) TechnicianMustChange = mustChange;
            else SupervisorMustChange = mustChange;
        }

        // The first field that breaks a rule between fields: the security mode must go with the profile; a host given
        // by name needs host names allowed. None when all hold.
        internal ConfigField InconsistentField()
        {
            if (ConfigValidator.CheckSecurity(ProfileName, SecurityName) != ConfigStatus.Ok) return ConfigField.Security;
            if (!AllowHostNames)
            {
                for (int i = 0; i < MaxHosts; i++)
                {
                    if (_hosts[i] != null && !ConfigValidator.IsAddressForm(_hosts[i])) return ConfigFields.HostField(i);
                }
            }
            return ConfigField.None;
        }

        private byte[] HashOf(PasswordSlot slot)
        {
            return slot == PasswordSlot.Technician ? _technicianHash : _supervisorHash;
        }

        private int EncodeValue(ConfigField f, byte[] dst, int at)
        {
            int host = ConfigFields.HostIndex(f);
            if (host >= 0)
            {
                if (_hosts[host] == null) return 0;
                Bytes.WriteUInt16BE(_ports[host], dst, at);
                return 2 + Ascii.Write(_hosts[host], dst, at + 2);
            }
            switch (f)
            {
                case ConfigField.ConnectTimeout: return Byte(ConnectTimeoutSeconds, dst, at);
                case ConfigField.ResponseTimeout: return Byte(ResponseTimeoutSeconds, dst, at);
                case ConfigField.ConnectionMode: return Byte((int)Mode, dst, at);
                case ConfigField.EchoInterval:
                    Bytes.WriteUInt16BE(EchoIntervalSeconds, dst, at);
                    return 2;
                case ConfigField.ReversalRetries: return Byte(ReversalRetries, dst, at);
                case ConfigField.Tls: return Byte(Tls ? 1 : 0, dst, at);
                case ConfigField.AllowHostNames: return Byte(AllowHostNames ? 1 : 0, dst, at);
                case ConfigField.Tpdu: return Copy(_tpdu, dst, at);
                case ConfigField.Header: return Copy(_header, dst, at);
                case ConfigField.Profile: return Ascii.Write(ProfileName, dst, at);
                case ConfigField.Security: return Ascii.Write(SecurityName, dst, at);
                case ConfigField.TerminalId: return Ascii.Write(TerminalId, dst, at);
                case ConfigField.MerchantId: return Ascii.Write(MerchantId, dst, at);
                case ConfigField.MerchantName: return Ascii.Write(MerchantName, dst, at);
                case ConfigField.Currency: return Ascii.Write(Currency, dst, at);
                case ConfigField.TechnicianPassword: return Copy(_technicianHash, dst, at);
                case ConfigField.SupervisorPassword: return Copy(_supervisorHash, dst, at);
                case ConfigField.TechnicianMustChange: return Byte(TechnicianMustChange ? 1 : 0, dst, at);
                case ConfigField.SupervisorMustChange: return Byte(SupervisorMustChange ? 1 : 0, dst, at);
                default: throw new ArgumentException();
            }
        }

        // Checks and takes one field's value; the rules between fields are checked once all are read.
        private ConfigFault DecodeValue(ConfigField f, byte[] src, int at, int length)
        {
            int host = ConfigFields.HostIndex(f);
            if (host >= 0)
            {
                if (length == 0)
                {
                    SetHost(host, null, 0);   // not set (a fresh terminal has no primary host yet)
                    return ConfigFault.None;
                }
                if (length < 3 || length > 2 + ConfigValidator.MaxHostLength) return ConfigFault.InvalidValue;
                int port = Bytes.ReadUInt16BE(src, at);
                string name = Ascii.GetString(src, at + 2, length - 2);
                if (ConfigValidator.CheckPort(port) != ConfigStatus.Ok || ConfigValidator.CheckHost(name, true) != ConfigStatus.Ok) return ConfigFault.InvalidValue;
                SetHost(host, name, port);
                return ConfigFault.None;
            }
            switch (f)
            {
                case ConfigField.EchoInterval:
                    if (length != 2) return ConfigFault.InvalidValue;
                    EchoIntervalSeconds = Bytes.ReadUInt16BE(src, at);
                    return Valid(ConfigValidator.CheckEchoInterval(EchoIntervalSeconds));
                case ConfigField.Tpdu:
                    SetTpdu(Bytes.Copy(src, at, length));
                    return Valid(ConfigValidator.CheckTpdu(_tpdu));
                case ConfigField.Header:
                    SetHeader(Bytes.Copy(src, at, length));
                    return Valid(ConfigValidator.CheckHeader(_header));
                case ConfigField.TechnicianPassword:
                case ConfigField.SupervisorPassword:
                    if (ConfigValidator.CheckPasswordHash(length) != ConfigStatus.Ok) return ConfigFault.InvalidValue;
                    SetPasswordHash(f == ConfigField.TechnicianPassword ? PasswordSlot.Technician : PasswordSlot.Supervisor, src, at, length);
                    return ConfigFault.None;
            }
            if (IsByteField(f))
            {
                if (length != 1) return ConfigFault.InvalidValue;
                return DecodeByte(f, src[at]);
            }
            if (length > ConfigValidator.MaxMerchantNameLength || (IsName(f) && (length == 0 || length > MaxNameLength))) return ConfigFault.InvalidValue;
            string text = Ascii.GetString(src, at, length);
            switch (f)
            {
                case ConfigField.Profile:
                    ProfileName = text;
                    return Valid(ConfigValidator.CheckProfile(text));
                case ConfigField.Security:
                    // Whether it goes with the profile is a rule between fields (Inconsistent), checked last.
                    SecurityName = text;
                    return SecuritySettings.Named(text) == null ? ConfigFault.InvalidValue : ConfigFault.None;
                case ConfigField.TerminalId:
                    TerminalId = text;
                    return length == 0 ? ConfigFault.None : Valid(ConfigValidator.CheckTerminalId(text));
                case ConfigField.MerchantId:
                    MerchantId = text;
                    return length == 0 ? ConfigFault.None : Valid(ConfigValidator.CheckMerchantId(text));
                case ConfigField.MerchantName:
                    MerchantName = text;
                    return Valid(ConfigValidator.CheckMerchantName(text));
                case ConfigField.Currency:
                    Currency = text;
                    return Valid(ConfigValidator.CheckCurrency(text));
                default:
                    return ConfigFault.InvalidValue;
            }
        }

        private static bool IsName(ConfigField f)
        {
            return f == ConfigField.Profile || f == ConfigField.Security;
        }

        private static bool IsByteField(ConfigField f)
        {
            switch (f)
            {
                case ConfigField.ConnectTimeout:
                case ConfigField.ResponseTimeout:
                case ConfigField.ConnectionMode:
                case ConfigField.ReversalRetries:
                case ConfigField.Tls:
                case ConfigField.AllowHostNames:
                case ConfigField.TechnicianMustChange:
                case ConfigField.SupervisorMustChange:
                    return true;
                default:
                    return false;
            }
        }

        private ConfigFault DecodeByte(ConfigField f, int v)
        {
            switch (f)
            {
                case ConfigField.ConnectTimeout:
                    ConnectTimeoutSeconds = v;
                    return Valid(ConfigValidator.CheckConnectTimeout(v));
                case ConfigField.ResponseTimeout:
                    ResponseTimeoutSeconds = v;
                    return Valid(ConfigValidator.CheckResponseTimeout(v));
                case ConfigField.ConnectionMode:
                    if (v > (int)ConnectionMode.Kept) return ConfigFault.InvalidValue;
                    Mode = (ConnectionMode)v;
                    return ConfigFault.None;
                case ConfigField.ReversalRetries:
                    ReversalRetries = v;
                    return Valid(ConfigValidator.CheckReversalRetries(v));
            }
            if (v > 1) return ConfigFault.InvalidValue;
            bool on = v == 1;
            switch (f)
            {
                case ConfigField.Tls: Tls = on; break;
                case ConfigField.AllowHostNames: AllowHostNames = on; break;
                case ConfigField.TechnicianMustChange: TechnicianMustChange = on; break;
                default: SupervisorMustChange = on; break;
            }
            return ConfigFault.None;
        }

        private static ConfigFault Valid(ConfigStatus status)
        {
            return status == ConfigStatus.Ok ? ConfigFault.None : ConfigFault.InvalidValue;
        }

        private static ConfigFault Fail(out ConfigField field, ConfigField value, ConfigFault fault)
        {
            field = value;
            return fault;
        }

        private static int Byte(int value, byte[] dst, int at)
        {
            dst[at] = (byte)value;
            return 1;
        }

        private static int Copy(byte[] value, byte[] dst, int at)
        {
            Array.Copy(value, 0, dst, at, value.Length);
            return value.Length;
        }

        private static string OnOff(bool on)
        {
            return on ? ConfigFields.OnText : ConfigFields.OffText;
        }
    }
}
