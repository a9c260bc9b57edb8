namespace PosTerminal.Esp32
{
    /// <summary>
    /// Build-time settings of the device: the Wi-Fi network, the clock's offset, the data directory, timeouts and the
    /// board's stripe hardware. The acquirer hosts, terminal and merchant ids and everything else a technician sets live
    /// in the configuration (PosTerminal/Config, set from the technician console). The values marked CHANGE-ME are
    /// placeholders: every developer edits them before flashing (see hardware/README.md). Never commit real Wi-Fi
    /// credentials.
    /// </summary>
    public static class DeviceDefaults
    {
        /// <summary>Wi-Fi network name. Placeholder: set your own.</summary>
        public const string WifiSsid = "CHANGE-ME-SSID";

        /// <summary>Wi-Fi WPA2 passphrase. Placeholder: set your own.</summary>
        public const string WifiPassword = "CHANGE-ME-PASSWORD";

        /// <summary>Time allowed for Wi-Fi association, DHCP and the first SNTP time, in milliseconds.</summary>
        public const int WifiTimeoutMs = 60000;

        /// <summary>Pause between two Wi-Fi attempts, in milliseconds (each attempt writes the network configuration to flash).</summary>
        public const int WifiRetryDelayMs = 30000;

        /// <summary>Local time offset from UTC in minutes (480 = UTC+08:00, China Standard Time).</summary>
        public const int UtcOffsetMinutes = 480;

        /// <summary>Directory of the terminal's records on the internal flash drive.</summary>
        public const string DataDirectory = "I:\\pos";

        /// <summary>How long the sale loop waits for an amount before prompting again, in milliseconds.</summary>
        public const int AmountTimeoutMs = 60000;

        /// <summary>How long the sale loop waits for a card or a payment code after the amount, in milliseconds.</summary>
        public const int PresentTimeoutMs = 60000;

        /// <summary>
        /// The board's magnetic stripe hardware: false for a raw read head on the RMT (the reference board), true for a
        /// TTL reader module (CP/STROBE/DATA) on GPIO inputs. See <see cref="Board.CreateMagstripeReader"/>.
        /// </summary>
        public const bool MagstripeTtlModule = false;

        /// <summary>
        /// Development TDES master key, component 1 — the same test key as the emulator demo, so that the
        /// AcquirerSimulator started with --tmk 99DDAC669617030F062377330F101111 signs this board on. Loaded only by
        /// a build with POS_DEVELOPMENT_KEYS defined (the Debug configuration of PosTerminal.nfproj) into a board
        /// without a master key; a Release image never does. Never for real cards.
        /// </summary>
        public const string DevelopmentTmkComponent1 = "3D1F4A6E8C2B5D7097A1C3E5F7092B4D";

        /// <summary>Development TDES master key, component 2.</summary>
        public const string DevelopmentTmkComponent2 = "A4C2E6081A3C5E7F9182B4D6F8193A5C";

        /// <summary>Check value of the combined development master key.</summary>
        public const string DevelopmentTmkCheckValue = "09906C";
    }
}
