namespace PosTerminal.Config
{
    /// <summary>What <see cref="ConfigStore.Load"/> found: the configuration to use (never null) and how it was obtained.</summary>
    public sealed class ConfigLoadResult
    {
        internal ConfigLoadResult(ConfigLoadStatus status, ConfigFault fault, ConfigField field, TerminalConfig config)
        {
            Status = status;
            Fault = fault;
            Field = field;
            Config = config;
        }

        /// <summary>Loaded, loaded from the other copy, or factory defaults (missing or corrupt).</summary>
        public ConfigLoadStatus Status { get; }

        /// <summary>Why a copy was not used (None when <see cref="Status"/> is Loaded or DefaultsMissing).</summary>
        public ConfigFault Fault { get; }

        /// <summary>The field that failed its check (for InvalidValue and Inconsistent), else None.</summary>
        public ConfigField Field { get; }

        /// <summary>The configuration to use.</summary>
        public TerminalConfig Config { get; }

        /// <summary>True when the console should warn: anything but a clean load (a fresh terminal's defaults included).</summary>
        public bool NeedsAttention
        {
            get { return Status != ConfigLoadStatus.Loaded; }
        }
    }
}
