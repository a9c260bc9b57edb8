namespace PosTerminal.Config
{
    /// <summary>
    /// The configuration fields in record order, with the short names the console uses for them ("host", "backup1",
    /// "connect-timeout", ...) and the words their text forms use.
    /// </summary>
    public static class ConfigFields
    {
        /// <summary>Text of "no value" (a removed backup host, no TPDU, no header).</summary>
        public const string NoneText = "none";

        /// <summary>Text of a switch that is on.</summary>
        public const string OnText = "on";

        /// <summary>Text of a switch that is off.</summary>
        public const string OffText = "off";

        /// <summary>Text of <see cref="PosTerminal.Link.ConnectionMode.PerTransaction"/>.</summary>
        public const string PerTransactionText = "per-transaction";

        /// <summary>Text of <see cref="PosTerminal.Link.ConnectionMode.Kept"/>.</summary>
        public const string KeptText = "kept";

        /// <summary>Shown for a password hash that is set (never its bytes).</summary>
        public const string SetText = "set";

        /// <summary>Shown for a password hash that is not set.</summary>
        public const string NotSetText = "not set";

        // Record order (the order of the stored record's fields) and names, index for index.
        private static readonly ConfigField[] s_all =
        {
            ConfigField.PrimaryHost, ConfigField.Backup1Host, ConfigField.Backup2Host, ConfigField.Backup3Host,
            ConfigField.ConnectTimeout, ConfigField.ResponseTimeout, ConfigField.ConnectionMode, ConfigField.EchoInterval,
            ConfigField.ReversalRetries, ConfigField.Tls, ConfigField.AllowHostNames,
            ConfigField.Tpdu, ConfigField.Header, ConfigField.Profile, ConfigField.Security,
            ConfigField.TerminalId, ConfigField.MerchantId, ConfigField.MerchantName, ConfigField.Currency,
            ConfigField.TechnicianPassword, ConfigField.SupervisorPassword, ConfigField.TechnicianMustChange,
            ConfigField.SupervisorMustChange
        };

        private static readonly string[] s_names =
        {
            "host", "backup1", "backup2", "backup3",
            "connect-timeout", "response-timeout", "connection", "echo-interval",
            "reversal-retries", "tls", "dns",
            "tpdu", "header", "profile", "security",
            "tid", "mid", "merchant-name", "currency",
            "technician-password", "supervisor-password", "technician-must-change",
            "supervisor-must-change"
        };

        /// <summary>Number of fields.</summary>
        public static int Count
        {
            get { return s_all.Length; }
        }

        /// <summary>Field <paramref name="index"/> in record order (0..<see cref="Count"/>-1).</summary>
        public static ConfigField At(int index)
        {
            return s_all[index];
        }

        /// <summary>A copy of every field, in record order.</summary>
        public static ConfigField[] All()
        {
            ConfigField[] copy = new ConfigField[s_all.Length];
            for (int i = 0; i < copy.Length; i++) copy[i] = s_all[i];
            return copy;
        }

        /// <summary>The console name of <paramref name="field"/> (e.g. "connect-timeout"), or null for None or an unknown value.</summary>
        public static string Name(ConfigField field)
        {
            int i = IndexOf(field);
            return i < 0 ? null : s_names[i];
        }

        /// <summary>The field called <paramref name="name"/>; false (and None) when there is none.</summary>
        public static bool Find(string name, out ConfigField field)
        {
            for (int i = 0; i < s_names.Length; i++)
            {
                if (s_names[i] == name)
                {
                    field = s_all[i];
                    return true;
                }
            }
            field = ConfigField.None;
            return false;
        }

        /// <summary>Position of <paramref name="field"/> in record order, or -1.</summary>
        public static int IndexOf(ConfigField field)
        {
            for (int i = 0; i < s_all.Length; i++)
            {
                if (s_all[i] == field) return i;
            }
            return -1;
        }

        /// <summary>The host index (0 = primary, 1..3 = backups) a host field stands for, or -1 for other fields.</summary>
        public static int HostIndex(ConfigField field)
        {
            int i = (int)field - (int)ConfigField.PrimaryHost;
            return i >= 0 && i < TerminalConfig.MaxHosts ? i : -1;
        }

        /// <summary>The host field for index <paramref name="index"/> (0..3).</summary>
        public static ConfigField HostField(int index)
        {
            return (ConfigField)((int)ConfigField.PrimaryHost + index);
        }

        /// <summary>True for the fields that hold a secret (password hashes): they are shown only as set / not set.</summary>
        public static bool IsSecret(ConfigField field)
        {
            return field == ConfigField.TechnicianPassword || field == ConfigField.SupervisorPassword;
        }
    }
}
