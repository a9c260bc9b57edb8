using System;
using PosTerminal.Hal;
using PosTerminal.Link;
using PosTerminal.Storage;
using PosTerminal.Txn;

namespace PosTerminal.Config
{
    /// <summary>
    /// The boot sequence the device (Program.cs) and the emulator share: load the configuration from the non-volatile
    /// store (with its fall-backs: the other copy, then factory defaults), and build the <see cref="Terminal"/> over it.
    /// A device with no or an incomplete configuration still boots: its terminal is marked not configured and refuses
    /// sales, so the technician console can be used to configure it.
    /// </summary>
    public static class Boot
    {
        // Placeholder identity and host of a terminal that is not configured. They only exist because a Terminal needs
        // settings; Terminal.SetNotConfigured makes it refuse every use of them. 192.0.2.1 is in TEST-NET-1, a block
        // reserved for documentation (RFC 5737 §3), so even a stray connect could not reach a real acquirer.
        private const string PlaceholderHost = "192.0.2.1";
        private const int PlaceholderPort = 1;
        private const string PlaceholderTerminalId = "        ";
        private const string PlaceholderMerchantId = "               ";

        /// <summary>
        /// Loads the configuration from <paramref name="store"/> and builds the terminal (which loads its counters and
        /// keys from the same store). <paramref name="observer"/> may be null. Writes nothing but what the terminal's own
        /// construction writes (the DUKPT boot step).
        /// </summary>
        public static BootResult Start(INonVolatileStore store, ILinkConnector connector, IClock clock, IRandom random, ILinkObserver observer)
        {
            if (store == null || connector == null || clock == null || random == null) throw new ArgumentNullException();
            RecordStore records = new RecordStore(store);
            ConfigStore configStore = new ConfigStore(records);
            ConfigLoadResult load = configStore.Load();
            ConfigEditor editor = new ConfigEditor(configStore, load.Config);
            TerminalSettings settings;
            bool complete = load.Config.ToSettings(out settings) == ConfigStatus.Ok;
            if (!complete) settings = Placeholder(load.Config);
            Terminal terminal = new Terminal(settings, connector, clock, store, observer, random);
            if (!complete) terminal.SetNotConfigured();
            return new BootResult(terminal, editor, load, records);
        }

        // Settings for a terminal that is not configured: the configuration's profile, security, framing and timeouts,
        // its primary host if set, blank ids.
        private static TerminalSettings Placeholder(TerminalConfig config)
        {
            AcquirerProfile profile = AcquirerProfile.Find(config.ProfileName);
            HostEndpoint primary = config.Host(0);
            if (primary == null) primary = new HostEndpoint(PlaceholderHost, PlaceholderPort);
            LinkSettings link = new LinkSettings(new HostEndpoint[] { primary }, config.ConnectTimeoutSeconds * 1000,
                config.ResponseTimeoutSeconds * 1000, profile.DefaultFrame);
            return new TerminalSettings(profile, PlaceholderTerminalId, PlaceholderMerchantId, config.MerchantName, config.Currency, link);
        }
    }
}
