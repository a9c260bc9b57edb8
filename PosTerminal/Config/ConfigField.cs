namespace PosTerminal.Config
{
    /// <summary>
    /// The parameters of a <see cref="TerminalConfig"/>. Each value is also the field's tag in the stored record
    /// (see <see cref="TerminalConfig"/> for the layout), so the numbers never change; a new field takes a new number.
    /// </summary>
    public enum ConfigField : byte
    {
        /// <summary>No field (a result that names none).</summary>
        None = 0,
        /// <summary>Primary acquirer host and port.</summary>
        PrimaryHost = 0x01,
        /// <summary>First backup host and port (optional).</summary>
        Backup1Host = 0x02,
        /// <summary>Second backup host and port (optional).</summary>
        Backup2Host = 0x03,
        /// <summary>Third backup host and port (optional).</summary>
        Backup3Host = 0x04,
        /// <summary>TCP connect timeout per host, seconds.</summary>
        ConnectTimeout = 0x10,
        /// <summary>Response timeout, seconds.</summary>
        ResponseTimeout = 0x11,
        /// <summary>Connection per transaction, or kept.</summary>
        ConnectionMode = 0x12,
        /// <summary>Echo interval of a kept connection, seconds (0 = none).</summary>
        EchoInterval = 0x13,
        /// <summary>Times a pending reversal is resent.</summary>
        ReversalRetries = 0x14,
        /// <summary>TLS on the link.</summary>
        Tls = 0x15,
        /// <summary>Host names (resolved by DNS) allowed, not only IPv4 addresses.</summary>
        AllowHostNames = 0x16,
        /// <summary>TPDU (5 bytes, ID 60) or none.</summary>
        Tpdu = 0x20,
        /// <summary>Header after the TPDU, 0..32 bytes.</summary>
        Header = 0x21,
        /// <summary>Acquirer profile name (cup, iso87ascii).</summary>
        Profile = 0x22,
        /// <summary>Security mode name (see PosTerminal.Security.SecuritySettings.Named).</summary>
        Security = 0x23,
        /// <summary>Terminal id, F41 (8 characters).</summary>
        TerminalId = 0x30,
        /// <summary>Merchant id, F42 (15 characters).</summary>
        MerchantId = 0x31,
        /// <summary>Merchant name printed on receipts.</summary>
        MerchantName = 0x32,
        /// <summary>Transaction currency, F49 (ISO 4217 numeric).</summary>
        Currency = 0x33,
        /// <summary>The technician's password hash (opaque to the configuration).</summary>
        TechnicianPassword = 0x40,
        /// <summary>The supervisor's password hash (opaque to the configuration).</summary>
        SupervisorPassword = 0x41,
        /// <summary>The technician must change the password at the next login.</summary>
        TechnicianMustChange = 0x42,
        /// <summary>The supervisor must change the password at the next login.</summary>
        SupervisorMustChange = 0x43
    }
}
