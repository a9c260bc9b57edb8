using PosTerminal.Config;
using PosTerminal.Hal;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.TechConsole
{
    /// <summary>
    /// The sentences of the terminal's console commands: the core's status numbers (configuration checks, loading,
    /// link, sign-on, key loading) turned into text. The only place besides the commands that builds them.
    /// </summary>
    public static class ConsoleMessages
    {
        /// <summary>Why a configuration value was refused (Ok gives "ok").</summary>
        public static string Config(ConfigStatus status)
        {
            switch (status)
            {
                case ConfigStatus.Ok: return "ok";
                case ConfigStatus.NotIPv4Address: return "not an IPv4 address (four numbers 0-255 without leading zeros, e.g. 192.168.1.10)";
                case ConfigStatus.AddressNotUsable: return "address not usable (0.x.x.x, multicast 224-239.x.x.x and 240-255.x.x.x incl. 255.255.255.255 are not allowed)";
                case ConfigStatus.HostNamesOff: return "host names are off (set dns on first, or give an IPv4 address)";
                case ConfigStatus.BadHostName: return "not a host name (letters, digits, '-' and '.', 64 characters at most)";
                case ConfigStatus.BadEndpoint: return "expected address:port, e.g. 192.168.1.10:5800";
                case ConfigStatus.PortOutOfRange: return "port must be 1-65535";
                case ConfigStatus.OutOfRange: return "value out of range";
                case ConfigStatus.NotANumber: return "not a decimal number";
                case ConfigStatus.BadHex: return "not hex (pairs of 0-9, A-F)";
                case ConfigStatus.BadTpdu: return "a TPDU is 5 bytes starting with 60, e.g. 6000030000 (or none)";
                case ConfigStatus.HeaderTooLong: return "a header has at most " + ConfigValidator.MaxHeaderLength.ToString() + " bytes";
                case ConfigStatus.BadTerminalId: return "a terminal id is 8 letters or digits";
                case ConfigStatus.BadMerchantId: return "a merchant id is 15 letters or digits";
                case ConfigStatus.BadMerchantName: return "a merchant name is at most " + ConfigValidator.MaxMerchantNameLength.ToString() + " printable characters";
                case ConfigStatus.BadCurrency: return "a currency is 3 digits (ISO 4217 numeric, e.g. 156)";
                case ConfigStatus.UnknownCurrency: return "currency not known to this terminal";
                case ConfigStatus.UnknownProfile: return "unknown profile (cup, iso87ascii)";
                case ConfigStatus.UnknownSecurity: return "unknown security mode (" + SecuritySettings.Names + ")";
                case ConfigStatus.SecurityNotForProfile: return "security mode does not go with the profile (cup: cup-*, iso87ascii: dukpt-*)";
                case ConfigStatus.BadChoice: return "not one of the allowed words";
                case ConfigStatus.HostIndexOutOfRange: return "no such host";
                case ConfigStatus.PrimaryRequired: return "the primary host can be replaced but not removed";
                case ConfigStatus.HostNamesInUse: return "a host is given by name: replace it by an address before turning dns off";
                case ConfigStatus.PasswordTooLong: return "password hash too long";
                case ConfigStatus.NotEditableAsText: return "this field cannot be set from the console";
                case ConfigStatus.Incomplete: return "configuration incomplete (primary host, tid and mid are needed)";
                case ConfigStatus.StorageFailed: return "the configuration could not be written; nothing changed";
                default: return "refused (" + ((int)status).ToString() + ")";
            }
        }

        /// <summary>The words a field accepts, for its error line and help.</summary>
        public static string Accepted(ConfigField field)
        {
            switch (field)
            {
                case ConfigField.PrimaryHost: return "address:port";
                case ConfigField.Backup1Host:
                case ConfigField.Backup2Host:
                case ConfigField.Backup3Host: return "address:port or none";
                case ConfigField.ConnectTimeout: return "seconds " + ConfigValidator.MinConnectTimeout.ToString() + "-" + ConfigValidator.MaxConnectTimeout.ToString();
                case ConfigField.ResponseTimeout: return "seconds " + ConfigValidator.MinResponseTimeout.ToString() + "-" + ConfigValidator.MaxResponseTimeout.ToString();
                case ConfigField.ConnectionMode: return ConfigFields.PerTransactionText + " or " + ConfigFields.KeptText;
                case ConfigField.EchoInterval: return "seconds: 0 (off) or " + ConfigValidator.MinEchoInterval.ToString() + "-" + ConfigValidator.MaxEchoInterval.ToString();
                case ConfigField.ReversalRetries: return "0-" + ConfigValidator.MaxReversalRetries.ToString();
                case ConfigField.Tls:
                case ConfigField.AllowHostNames: return "on or off";
                case ConfigField.Tpdu: return "10 hex digits starting 60, or none";
                case ConfigField.Header: return "hex, up to " + ConfigValidator.MaxHeaderLength.ToString() + " bytes, or none";
                case ConfigField.Profile: return "cup or iso87ascii";
                case ConfigField.Security: return SecuritySettings.Names;
                case ConfigField.TerminalId: return "8 letters or digits";
                case ConfigField.MerchantId: return "15 letters or digits";
                case ConfigField.MerchantName: return "up to " + ConfigValidator.MaxMerchantNameLength.ToString() + " characters";
                case ConfigField.Currency: return "3 digits, e.g. 156";
                default: return "";
            }
        }

        /// <summary>How the configuration was loaded at boot, as a warning line; null for a clean load.</summary>
        public static string LoadWarning(ConfigLoadResult load)
        {
            string why = load.Fault == ConfigFault.None ? "" : " (" + Fault(load.Fault, load.Field) + ")";
            switch (load.Status)
            {
                case ConfigLoadStatus.Loaded: return null;
                case ConfigLoadStatus.LoadedOtherCopy:
                    return "warning: configuration loaded from its other copy" + why + ": check it (show config) and save";
                case ConfigLoadStatus.DefaultsMissing:
                    return "warning: no configuration saved yet: factory defaults in use";
                default:
                    return "warning: no usable configuration" + why + ": factory defaults in use";
            }
        }

        private static string Fault(ConfigFault fault, ConfigField field)
        {
            string name = ConfigFields.Name(field);
            switch (fault)
            {
                case ConfigFault.Damaged: return "the newest copy is damaged: a save cut short or a bad medium";
                case ConfigFault.UnknownVersion: return "the newest copy was saved by other firmware";
                case ConfigFault.BadLayout: return "the newest copy is malformed";
                case ConfigFault.InvalidValue: return "the newest copy has an invalid " + (name == null ? "field" : name);
                case ConfigFault.Inconsistent: return "the newest copy's " + (name == null ? "fields" : name) + " does not fit the rest";
                default: return "fault " + ((int)fault).ToString();
            }
        }

        /// <summary>A connect result in words.</summary>
        public static string Link(LinkStatus status)
        {
            switch (status)
            {
                case LinkStatus.Ok: return "ok";
                case LinkStatus.Timeout: return "connect timed out";
                case LinkStatus.Closed: return "connection closed";
                case LinkStatus.Refused: return "connection refused";
                case LinkStatus.Unreachable: return "host unreachable";
                case LinkStatus.ProtocolError: return "protocol error";
                case LinkStatus.NotSupported: return "TLS is on but this link has no TLS";
                default: return "link status " + ((int)status).ToString();
            }
        }

        /// <summary>One echo test's outcome (without the host's name).</summary>
        public static string Echo(EchoOutcome o)
        {
            switch (o.Result)
            {
                case EchoResult.Ok:
                    return "ok, answered in " + o.RoundTripMs.ToString() + " ms (rc 00, stan " + Stan(o.Stan) + ")";
                case EchoResult.Declined:
                    return "answered in " + o.RoundTripMs.ToString() + " ms but declined, rc " + o.ResponseCode;
                case EchoResult.NotConnected: return "not connected: " + Link(o.ConnectStatus);
                case EchoResult.NoResponse: return "connected, no answer after " + o.RoundTripMs.ToString() + " ms";
                case EchoResult.LinkFailed: return "connection failed during the exchange";
                default: return "test failed (the trace number could not be saved)";
            }
        }

        /// <summary>Why a transaction was refused.</summary>
        public static string Refusal(RefusalReason reason)
        {
            switch (reason)
            {
                case RefusalReason.InvalidAmount: return "invalid amount";
                case RefusalReason.NoCard: return "no card data";
                case RefusalReason.StorageFailure: return "trace number not saved";
                case RefusalReason.BuildFailed: return "request could not be built";
                case RefusalReason.UseChip: return "chip card swiped: insert it";
                case RefusalReason.NotSignedOn: return "not signed on";
                case RefusalReason.NoDukptKey: return "no DUKPT key";
                case RefusalReason.BadPin: return "bad PIN";
                case RefusalReason.KeysUnsuitable: return "keys do not fit the security mode";
                case RefusalReason.NotConfigured: return "not configured";
                case RefusalReason.BatchFull: return "batch full: settle first";
                case RefusalReason.ReversalPending: return "a reversal is still owed to the host";
                case RefusalReason.OriginalNotFound: return "original sale not in the batch";
                case RefusalReason.AlreadyVoided: return "original sale already voided";
                case RefusalReason.InvalidReference: return "bad original reference";
                case RefusalReason.SignOnFailed: return "the sign-on the host asked for failed";
                default: return "refused";
            }
        }

        /// <summary>A transaction result in words.</summary>
        public static string Result(TxnResult result)
        {
            switch (result)
            {
                case TxnResult.Approved: return "approved";
                case TxnResult.Declined: return "declined";
                case TxnResult.NoResponse: return "no response";
                case TxnResult.NotSent: return "not sent";
                case TxnResult.LinkFailed: return "link failed";
                case TxnResult.Refused: return "refused";
                case TxnResult.MacFailed: return "MAC failed";
                default: return "fault";
            }
        }

        /// <summary>Why a sign-on failed.</summary>
        public static string SignOn(SignOnOutcome o)
        {
            switch (o.Result)
            {
                case SignOnResult.Declined: return "the host declined the sign-on, rc " + o.ResponseCode;
                case SignOnResult.KeysRejected: return "the working keys were rejected (" + Key(o.KeyStatus) + "); the old keys stay";
                case SignOnResult.NoMasterKey: return "no master key: a supervisor loads it with key-load tmk";
                case SignOnResult.NotSent: return "no host could be reached (try link test)";
                case SignOnResult.NoResponse: return "no answer from the host";
                case SignOnResult.LinkFailed: return "the connection failed";
                case SignOnResult.NotApplicable: return "the security mode is DUKPT: there is no sign-on";
                case SignOnResult.NotConfigured: return NotConfigured;
                default: return "sign-on failed (trace number not saved, or an internal fault)";
            }
        }

        /// <summary>A key loading result in words.</summary>
        public static string Key(KeyLoadStatus status)
        {
            switch (status)
            {
                case KeyLoadStatus.Ok: return "ok";
                case KeyLoadStatus.WrongLength: return "wrong length";
                case KeyLoadStatus.TooManyComponents: return "too many components";
                case KeyLoadStatus.MissingComponents: return "components missing";
                case KeyLoadStatus.CheckValueMismatch: return "check value does not match";
                case KeyLoadStatus.WeakKey: return "all zeros, or a component entered twice";
                case KeyLoadStatus.StorageFailure: return "the key store could not be written";
                case KeyLoadStatus.NoMasterKey: return "no master key";
                default: return "bad key layout";
            }
        }

        /// <summary>
        /// A pending reversal, masked: type, card (first 6 / last 4), amount, trace number, reason, attempts; "reversal
        /// failed - kept" once its last allowed attempt failed.
        /// </summary>
        public static string Reversal(PendingReversal r)
        {
            string s = (r.Type == null ? "?" : r.Type.Name) + ", card " + r.MaskedPan + ", amount " + r.AmountMinor.ToString()
                + " (minor units), stan " + Stan(r.Stan) + ", reason " + r.Reason + " (" + ReversalReason(r.Reason) + "), attempts "
                + r.Attempts.ToString();
            return r.Failed ? s + " - reversal failed - kept (reversal send retries it; call support)" : s + " - goes before the next transaction";
        }

        // F39 of a 0400 (LiaoYang_POS trancomm.c): 98 no response, A0 response MAC error, 06 other.
        private static string ReversalReason(string code)
        {
            if (code == "98") return "no response";
            if (code == "A0") return "MAC error";
            return "other";
        }

        /// <summary>The end of one reversal round (<see cref="Terminal.SendPendingReversal"/>).</summary>
        public static string ReversalRound(ReversalStatus s)
        {
            switch (s)
            {
                case ReversalStatus.None: return "no reversal pending";
                case ReversalStatus.Done: return "reversed (the host answered the 0400)";
                case ReversalStatus.Pending: return "reversal not sent, still pending";
                default: return "reversal failed - kept";
            }
        }

        /// <summary>Batch totals: debit and credit counts and amounts in minor units.</summary>
        public static string Totals(BatchTotals t)
        {
            return t.DebitCount.ToString() + " debit(s) " + t.DebitAmountMinor.ToString() + ", " + t.CreditCount.ToString()
                + " credit(s) " + t.CreditAmountMinor.ToString() + " (minor units)";
        }

        /// <summary>Why a settlement did not settle.</summary>
        public static string Settlement(SettlementOutcome o)
        {
            switch (o.Result)
            {
                case SettlementResult.ReversalPending: return "a pending reversal could not be delivered first";
                case SettlementResult.NotSignedOn: return "not signed on (sign-on first)";
                case SettlementResult.NotSent: return "no host could be reached";
                case SettlementResult.NoResponse: return "no answer from the host";
                case SettlementResult.LinkFailed: return "the connection failed";
                case SettlementResult.MacFailed: return "the answer's MAC was wrong";
                case SettlementResult.Declined: return "the host declined, rc " + o.ResponseCode;
                case SettlementResult.UploadFailed: return "the host refused the batch upload, rc " + o.ResponseCode;
                case SettlementResult.StorageFailure: return "the journal could not be written";
                case SettlementResult.NotConfigured: return NotConfigured;
                default: return "an internal fault";
            }
        }

        /// <summary>The error of a command that needs a configured terminal.</summary>
        public const string NotConfigured = "not configured: set host, tid and mid, then save";

        /// <summary>A trace or batch number as 6 digits.</summary>
        public static string Stan(int value)
        {
            return PosTerminal.Util.Ascii.Number(value, 6);
        }
    }
}
