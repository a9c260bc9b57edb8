using PosTerminal.Storage;
using PosTerminal.Txn;

namespace PosTerminal.Config
{
    /// <summary>What <see cref="Boot.Start"/> built: the terminal, the configuration editor, and how the configuration was loaded.</summary>
    public sealed class BootResult
    {
        internal BootResult(Terminal terminal, ConfigEditor config, ConfigLoadResult load, RecordStore records)
        {
            Terminal = terminal;
            Config = config;
            Load = load;
            Records = records;
        }

        /// <summary>The terminal, working with the loaded configuration (or not configured, see <see cref="Configured"/>).</summary>
        public Terminal Terminal { get; }

        /// <summary>The configuration in force and the console's staged changes to it (one editor per terminal).</summary>
        public ConfigEditor Config { get; }

        /// <summary>Which copy the configuration came from (or defaults) and why; the console warns unless Loaded.</summary>
        public ConfigLoadResult Load { get; }

        /// <summary>The records of the non-volatile store the configuration lives in.</summary>
        public RecordStore Records { get; }

        /// <summary>
        /// True when the configuration had what transactions need (primary host, terminal id, merchant id) at boot; false:
        /// the terminal refuses sales with <see cref="RefusalReason.NotConfigured"/> until a complete configuration is
        /// saved (the console's save applies it).
        /// </summary>
        public bool Configured
        {
            get { return Terminal.IsConfigured; }
        }
    }
}
