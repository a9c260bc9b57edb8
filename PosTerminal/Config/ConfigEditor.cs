using System;
using PosTerminal.Link;

namespace PosTerminal.Config
{
    /// <summary>
    /// Changes to the configuration, staged until saved: each <c>Set</c> checks its input and, only when it passes,
    /// changes the staged configuration (on any other result nothing changes, staged or current); <see cref="Save"/>
    /// writes the whole staged configuration and makes it current; <see cref="Revert"/> drops the staged changes.
    /// User input never throws: the result is a <see cref="ConfigStatus"/>. The saved configuration reaches the terminal
    /// through <see cref="TerminalConfig.ApplyTo"/>. Not thread-safe: one console session edits at a time.
    /// </summary>
    public sealed class ConfigEditor
    {
        private readonly ConfigStore _store;
        private TerminalConfig _current;
        private TerminalConfig _staged;

        /// <summary>An editor of <paramref name="current"/> (the configuration in force, e.g. <see cref="ConfigLoadResult.Config"/>), saving to <paramref name="store"/>.</summary>
        public ConfigEditor(ConfigStore store, TerminalConfig current)
        {
            if (store == null || current == null) throw new ArgumentNullException();
            _store = store;
            _current = current.Clone();
            _staged = current.Clone();
        }

        /// <summary>The configuration in force (last saved). Treat it as read-only; it is replaced, never changed, by a save.</summary>
        public TerminalConfig Current
        {
            get { return _current; }
        }

        /// <summary>The configuration with the staged changes (a copy: later changes do not show in it).</summary>
        public TerminalConfig Staged
        {
            get { return _staged.Clone(); }
        }

        /// <summary>True when some field of the staged configuration differs from the current one.</summary>
        public bool HasChanges
        {
            get { return !_staged.ContentEquals(_current); }
        }

        /// <summary>The fields whose staged value differs from the current one, in record order (empty when none).</summary>
        public ConfigField[] PendingChanges()
        {
            int n = 0;
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                if (!_staged.SameValue(ConfigFields.At(i), _current)) n++;
            }
            ConfigField[] pending = new ConfigField[n];
            n = 0;
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                ConfigField f = ConfigFields.At(i);
                if (!_staged.SameValue(f, _current)) pending[n++] = f;
            }
            return pending;
        }

        /// <summary>
        /// Writes the whole staged configuration and makes it current. <see cref="ConfigStatus.StorageFailed"/> when the
        /// medium failed: the current configuration stays, and the changes stay staged. Saving without changes writes nothing.
        /// </summary>
        public ConfigStatus Save()
        {
            if (!HasChanges) return ConfigStatus.Ok;
            if (!_store.Save(_staged)) return ConfigStatus.StorageFailed;
            _current = _staged.Clone();
            return ConfigStatus.Ok;
        }

        /// <summary>
        /// Factory reset of the configuration: saves <see cref="TerminalConfig.Defaults"/> (no hosts or ids, no password hashes,
        /// both passwords to be changed at the next login) as the configuration in force, dropping staged changes.
        /// <see cref="ConfigStatus.StorageFailed"/> leaves everything as it was.
        /// </summary>
        public ConfigStatus ResetToDefaults()
        {
            TerminalConfig defaults = TerminalConfig.Defaults();
            if (!_store.Save(defaults)) return ConfigStatus.StorageFailed;
            _current = defaults;
            _staged = defaults.Clone();
            return ConfigStatus.Ok;
        }

        /// <summary>Drops the staged changes: the staged configuration is the current one again.</summary>
        public void Revert()
        {
            _staged = _current.Clone();
        }

        /// <summary>
        /// Sets host <paramref name="index"/> (0 = primary, 1..3 = backups): an IPv4 address, or a host name when host names
        /// are allowed (<see cref="ConfigValidator.CheckHost"/>), and a port 1..65535.
        /// </summary>
        public ConfigStatus SetHost(int index, string host, int port)
        {
            if (index < 0 || index >= TerminalConfig.MaxHosts) return ConfigStatus.HostIndexOutOfRange;
            ConfigStatus s = ConfigValidator.CheckHost(host, _staged.AllowHostNames);
            if (s == ConfigStatus.Ok) s = ConfigValidator.CheckPort(port);
            if (s != ConfigStatus.Ok) return s;
            _staged.SetHost(index, host, port);
            return ConfigStatus.Ok;
        }

        /// <summary>Sets host <paramref name="index"/> from "host:port" text (<see cref="ConfigValidator.ParseEndpoint"/>).</summary>
        public ConfigStatus SetHost(int index, string endpoint)
        {
            if (index < 0 || index >= TerminalConfig.MaxHosts) return ConfigStatus.HostIndexOutOfRange;
            string host;
            int port;
            ConfigStatus s = ConfigValidator.ParseEndpoint(endpoint, _staged.AllowHostNames, out host, out port);
            if (s != ConfigStatus.Ok) return s;
            _staged.SetHost(index, host, port);
            return ConfigStatus.Ok;
        }

        /// <summary>Removes backup host <paramref name="index"/> (1..3); the primary cannot be removed (<see cref="ConfigStatus.PrimaryRequired"/>).</summary>
        public ConfigStatus ClearHost(int index)
        {
            if (index < 0 || index >= TerminalConfig.MaxHosts) return ConfigStatus.HostIndexOutOfRange;
            if (index == 0) return ConfigStatus.PrimaryRequired;
            _staged.SetHost(index, null, 0);
            return ConfigStatus.Ok;
        }

        /// <summary>Connect timeout per host, seconds (<see cref="ConfigValidator.CheckConnectTimeout"/>).</summary>
        public ConfigStatus SetConnectTimeout(int seconds)
        {
            ConfigStatus s = ConfigValidator.CheckConnectTimeout(seconds);
            if (s == ConfigStatus.Ok) _staged.ConnectTimeoutSeconds = seconds;
            return s;
        }

        /// <summary>Response timeout, seconds (<see cref="ConfigValidator.CheckResponseTimeout"/>).</summary>
        public ConfigStatus SetResponseTimeout(int seconds)
        {
            ConfigStatus s = ConfigValidator.CheckResponseTimeout(seconds);
            if (s == ConfigStatus.Ok) _staged.ResponseTimeoutSeconds = seconds;
            return s;
        }

        /// <summary>Connection per transaction, or kept (with echo tests every <see cref="TerminalConfig.EchoIntervalSeconds"/>).</summary>
        public ConfigStatus SetConnectionMode(ConnectionMode mode)
        {
            if (mode != ConnectionMode.PerTransaction && mode != ConnectionMode.Kept) return ConfigStatus.BadChoice;
            _staged.Mode = mode;
            return ConfigStatus.Ok;
        }

        /// <summary>Echo interval of a kept connection, seconds: 0 (no echo) or 10..3600.</summary>
        public ConfigStatus SetEchoInterval(int seconds)
        {
            ConfigStatus s = ConfigValidator.CheckEchoInterval(seconds);
            if (s == ConfigStatus.Ok) _staged.EchoIntervalSeconds = seconds;
            return s;
        }

        /// <summary>Times a pending reversal is resent: 0..9.</summary>
        public ConfigStatus SetReversalRetries(int retries)
        {
            ConfigStatus s = ConfigValidator.CheckReversalRetries(retries);
            if (s == ConfigStatus.Ok) _staged.ReversalRetries = retries;
            return s;
        }

        /// <summary>
        /// TLS on the link. Stored and carried to <see cref="LinkSettings.Tls"/>; a connector without TLS then refuses to
        /// connect (<see cref="PosTerminal.Hal.LinkStatus.NotSupported"/>) rather than fall back to plain TCP.
        /// </summary>
        public ConfigStatus SetTls(bool on)
        {
            _staged.Tls = on;
            return ConfigStatus.Ok;
        }

        /// <summary>
        /// Allows host names (resolved by DNS) besides IPv4 addresses. Turning it off while a host is a name is
        /// <see cref="ConfigStatus.HostNamesInUse"/>.
        /// </summary>
        public ConfigStatus SetAllowHostNames(bool on)
        {
            if (!on)
            {
                for (int i = 0; i < TerminalConfig.MaxHosts; i++)
                {
                    string h = _staged.HostText(i);
                    if (h != null && !ConfigValidator.IsAddressForm(h)) return ConfigStatus.HostNamesInUse;
                }
            }
            _staged.AllowHostNames = on;
            return ConfigStatus.Ok;
        }

        /// <summary>The TPDU: 5 bytes starting with 60, or null/empty for none (<see cref="ConfigValidator.CheckTpdu"/>).</summary>
        public ConfigStatus SetTpdu(byte[] tpdu)
        {
            ConfigStatus s = ConfigValidator.CheckTpdu(tpdu);
            if (s == ConfigStatus.Ok) _staged.SetTpdu(tpdu);
            return s;
        }

        /// <summary>The header after the TPDU: 0..32 bytes, null/empty for none.</summary>
        public ConfigStatus SetHeader(byte[] header)
        {
            ConfigStatus s = ConfigValidator.CheckHeader(header);
            if (s == ConfigStatus.Ok) _staged.SetHeader(header);
            return s;
        }

        /// <summary>
        /// The acquirer profile. The security mode stays when it goes with the new profile, otherwise it becomes the profile's
        /// default (cup; dukpt-tdes). When the profile actually changes, the TPDU and header become the new profile's
        /// defaults. Every field so changed shows in <see cref="PendingChanges"/>.
        /// </summary>
        public ConfigStatus SetProfile(string profile)
        {
            ConfigStatus s = ConfigValidator.CheckProfile(profile);
            if (s != ConfigStatus.Ok) return s;
            string security = ConfigValidator.CheckSecurity(profile, _staged.SecurityName) == ConfigStatus.Ok
                ? _staged.SecurityName : ConfigValidator.DefaultSecurity(profile);
            return SetProfile(profile, security);
        }

        /// <summary>
        /// The acquirer profile and security mode together (<see cref="ConfigValidator.CheckSecurity"/>); a change of profile
        /// also resets the TPDU and header to the new profile's defaults.
        /// </summary>
        public ConfigStatus SetProfile(string profile, string security)
        {
            ConfigStatus s = ConfigValidator.CheckProfile(profile);
            if (s == ConfigStatus.Ok) s = ConfigValidator.CheckSecurity(profile, security);
            if (s != ConfigStatus.Ok) return s;
            if (profile != _staged.ProfileName) _staged.SetFraming(PosTerminal.Txn.AcquirerProfile.Find(profile).DefaultFrame);
            _staged.ProfileName = profile;
            _staged.SecurityName = security;
            return ConfigStatus.Ok;
        }

        /// <summary>The security mode, which must go with the staged profile (cup: cup-*; iso87ascii: dukpt-*).</summary>
        public ConfigStatus SetSecurity(string security)
        {
            ConfigStatus s = ConfigValidator.CheckSecurity(_staged.ProfileName, security);
            if (s == ConfigStatus.Ok) _staged.SecurityName = security;
            return s;
        }

        /// <summary>Terminal id, F41: 8 letters or digits.</summary>
        public ConfigStatus SetTerminalId(string terminalId)
        {
            ConfigStatus s = ConfigValidator.CheckTerminalId(terminalId);
            if (s == ConfigStatus.Ok) _staged.TerminalId = terminalId;
            return s;
        }

        /// <summary>Merchant id, F42: 15 letters or digits (right-padded with spaces).</summary>
        public ConfigStatus SetMerchantId(string merchantId)
        {
            ConfigStatus s = ConfigValidator.CheckMerchantId(merchantId);
            if (s == ConfigStatus.Ok) _staged.MerchantId = merchantId;
            return s;
        }

        /// <summary>Merchant name for receipts: 0..40 printable ASCII characters.</summary>
        public ConfigStatus SetMerchantName(string name)
        {
            ConfigStatus s = ConfigValidator.CheckMerchantName(name);
            if (s == ConfigStatus.Ok) _staged.MerchantName = name;
            return s;
        }

        /// <summary>Currency, F49: 3 digits of a currency the terminal knows.</summary>
        public ConfigStatus SetCurrency(string currency)
        {
            ConfigStatus s = ConfigValidator.CheckCurrency(currency);
            if (s == ConfigStatus.Ok) _staged.Currency = currency;
            return s;
        }

        /// <summary>
        /// Stages the password hash of <paramref name="slot"/> (0..64 bytes, copied; 0 = none; more is
        /// <see cref="ConfigStatus.PasswordTooLong"/>). Its content is the console's business; it is stored as given and shown
        /// only as set / not set. A range outside <paramref name="hash"/> throws <see cref="ArgumentException"/>.
        /// </summary>
        public ConfigStatus SetPasswordHash(PasswordSlot slot, byte[] hash, int offset, int count)
        {
            ConfigStatus s = CheckHash(slot, hash, offset, count);
            if (s == ConfigStatus.Ok) _staged.SetPasswordHash(slot, hash, offset, count);
            return s;
        }

        /// <summary>Stages whether the user of <paramref name="slot"/> must change the password at the next login.</summary>
        public ConfigStatus SetMustChangePassword(PasswordSlot slot, bool mustChange)
        {
            if (slot != PasswordSlot.Technician && slot != PasswordSlot.Supervisor) return ConfigStatus.BadChoice;
            _staged.SetMustChange(slot, mustChange);
            return ConfigStatus.Ok;
        }

        /// <summary>
        /// Saves a new password hash for <paramref name="slot"/> and its must-change flag at once, without the other staged
        /// changes (a password change at login must not commit half-edited link settings): the current configuration with
        /// just this change is written, then the change is applied to the staged configuration as well.
        /// </summary>
        public ConfigStatus SavePassword(PasswordSlot slot, byte[] hash, int offset, int count, bool mustChange)
        {
            ConfigStatus s = CheckHash(slot, hash, offset, count);
            if (s != ConfigStatus.Ok) return s;
            TerminalConfig next = _current.Clone();
            next.SetPasswordHash(slot, hash, offset, count);
            next.SetMustChange(slot, mustChange);
            if (!_store.Save(next)) return ConfigStatus.StorageFailed;
            _current = next;
            _staged.SetPasswordHash(slot, hash, offset, count);
            _staged.SetMustChange(slot, mustChange);
            return ConfigStatus.Ok;
        }

        /// <summary>
        /// Sets <paramref name="field"/> from its text form (as <see cref="TerminalConfig.ValueText"/> shows it): "host:port",
        /// or "none" to remove a backup; decimal numbers; "on"/"off"; "per-transaction"/"kept"; hex or "none"; names and ids as
        /// they are. Password hashes have no text form (<see cref="ConfigStatus.NotEditableAsText"/>).
        /// </summary>
        public ConfigStatus SetText(ConfigField field, string text)
        {
            if (text == null) return ConfigStatus.BadChoice;
            int host = ConfigFields.HostIndex(field);
            if (host >= 0) return text == ConfigFields.NoneText ? ClearHost(host) : SetHost(host, text);
            int n;
            ConfigStatus s;
            byte[] bytes;
            bool on;
            switch (field)
            {
                case ConfigField.ConnectTimeout:
                    s = ConfigValidator.ParseNumber(text, out n);
                    return s != ConfigStatus.Ok ? s : SetConnectTimeout(n);
                case ConfigField.ResponseTimeout:
                    s = ConfigValidator.ParseNumber(text, out n);
                    return s != ConfigStatus.Ok ? s : SetResponseTimeout(n);
                case ConfigField.EchoInterval:
                    s = ConfigValidator.ParseNumber(text, out n);
                    return s != ConfigStatus.Ok ? s : SetEchoInterval(n);
                case ConfigField.ReversalRetries:
                    s = ConfigValidator.ParseNumber(text, out n);
                    return s != ConfigStatus.Ok ? s : SetReversalRetries(n);
                case ConfigField.ConnectionMode:
                    if (text == ConfigFields.PerTransactionText) return SetConnectionMode(ConnectionMode.PerTransaction);
                    if (text == ConfigFields.KeptText) return SetConnectionMode(ConnectionMode.Kept);
                    return ConfigStatus.BadChoice;
                case ConfigField.Tls:
                    s = ParseOnOff(text, out on);
                    return s != ConfigStatus.Ok ? s : SetTls(on);
                case ConfigField.AllowHostNames:
                    s = ParseOnOff(text, out on);
                    return s != ConfigStatus.Ok ? s : SetAllowHostNames(on);
                case ConfigField.TechnicianMustChange:
                    s = ParseOnOff(text, out on);
                    return s != ConfigStatus.Ok ? s : SetMustChangePassword(PasswordSlot.Technician, on);
                case ConfigField.SupervisorMustChange:
                    s = ParseOnOff(text, out on);
                    return s != ConfigStatus.Ok ? s : SetMustChangePassword(PasswordSlot.Supervisor, on);
                case ConfigField.Tpdu:
                    s = ConfigValidator.ParseHex(text, out bytes);
                    return s != ConfigStatus.Ok ? s : SetTpdu(bytes);
                case ConfigField.Header:
                    s = ConfigValidator.ParseHex(text, out bytes);
                    return s != ConfigStatus.Ok ? s : SetHeader(bytes);
                case ConfigField.Profile: return SetProfile(text);
                case ConfigField.Security: return SetSecurity(text);
                case ConfigField.TerminalId: return SetTerminalId(text);
                case ConfigField.MerchantId: return SetMerchantId(text);
                case ConfigField.MerchantName: return SetMerchantName(text);
                case ConfigField.Currency: return SetCurrency(text);
                default: return ConfigStatus.NotEditableAsText;
            }
        }

        private static ConfigStatus CheckHash(PasswordSlot slot, byte[] hash, int offset, int count)
        {
            if (slot != PasswordSlot.Technician && slot != PasswordSlot.Supervisor) return ConfigStatus.BadChoice;
            // The hash comes from the console's code, not from the user: a wrong range is a programmer error.
            if (count < 0 || (count > 0 && (hash == null || offset < 0 || offset > hash.Length - count))) throw new ArgumentException();
            return ConfigValidator.CheckPasswordHash(count);
        }

        private static ConfigStatus ParseOnOff(string text, out bool on)
        {
            on = text == ConfigFields.OnText;
            return on || text == ConfigFields.OffText ? ConfigStatus.Ok : ConfigStatus.BadChoice;
        }
    }
}
