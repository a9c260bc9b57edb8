using System;
using PosTerminal.Storage;

namespace PosTerminal.Config
{
    /// <summary>
    /// The configuration on non-volatile storage: record "config" of a <see cref="RecordStore"/> (two slots, sequence
    /// number and CRC-32 each, so a power cut during a save leaves the old or the new configuration, never a broken one).
    /// Loading checks every field; a copy that fails falls back to the other copy, then to factory defaults, and the
    /// result says which and why. Not thread-safe: one console edits the configuration at a time.
    /// </summary>
    public sealed class ConfigStore
    {
        /// <summary>Name of the record.</summary>
        public const string RecordName = "config";

        /// <summary>Version of the record layout this firmware writes and reads (see <see cref="TerminalConfig"/>).</summary>
        public const int Version = 1;

        private readonly RecordStore _records;
        private readonly byte[] _buf = new byte[RecordStore.MaxPayload];   // any intact record fits, even a newer version's
        private bool _newestRejected;

        /// <summary>The configuration kept in <paramref name="records"/>. Does no I/O.</summary>
        public ConfigStore(RecordStore records)
        {
            if (records == null) throw new ArgumentNullException();
            _records = records;
        }

        /// <summary>
        /// Reads the configuration: the newest copy when it passes every check (Loaded); else the other copy
        /// (LoadedOtherCopy, with the newest copy's fault); else factory defaults (<see cref="TerminalConfig.Defaults"/>):
        /// DefaultsMissing when nothing was ever saved, DefaultsCorrupt with the fault otherwise. A copy whose bytes fail
        /// the record check counts as Damaged. Writes nothing.
        /// </summary>
        public ConfigLoadResult Load()
        {
            try
            {
                _newestRejected = false;
                int damaged = _records.DamagedSlots(RecordName);
                ConfigField field;
                TerminalConfig config;
                ConfigFault newest = ReadCopy(0, out config, out field);
                if (newest == ConfigFault.None)
                {
                    return damaged == 0
                        ? new ConfigLoadResult(ConfigLoadStatus.Loaded, ConfigFault.None, ConfigField.None, config)
                        : new ConfigLoadResult(ConfigLoadStatus.LoadedOtherCopy, ConfigFault.Damaged, ConfigField.None, config);
                }
                if (newest == NoCopy)
                {
                    return damaged == 0
                        ? new ConfigLoadResult(ConfigLoadStatus.DefaultsMissing, ConfigFault.None, ConfigField.None, TerminalConfig.Defaults())
                        : new ConfigLoadResult(ConfigLoadStatus.DefaultsCorrupt, ConfigFault.Damaged, ConfigField.None, TerminalConfig.Defaults());
                }
                // The newest copy is intact but unusable (newer firmware's version, or content that fails a check): the
                // other copy, if it passes, is the configuration; the newest is then discarded before the next save.
                ConfigField otherField;
                ConfigFault other = ReadCopy(1, out config, out otherField);
                if (other == ConfigFault.None)
                {
                    _newestRejected = true;
                    return new ConfigLoadResult(ConfigLoadStatus.LoadedOtherCopy, newest, field, config);
                }
                return new ConfigLoadResult(ConfigLoadStatus.DefaultsCorrupt, newest, field, TerminalConfig.Defaults());
            }
            finally
            {
                Array.Clear(_buf, 0, _buf.Length);
            }
        }

        /// <summary>
        /// Saves <paramref name="config"/> as the new configuration; the previous one stays readable until this one is
        /// complete. False when the medium failed (the previous configuration is then still the one that loads).
        /// </summary>
        public bool Save(TerminalConfig config)
        {
            if (config == null) throw new ArgumentNullException();
            try
            {
                // A rejected newest copy must not stay "newest": otherwise the save would go over the copy in use,
                // and a power cut during it would leave no usable configuration.
                if (_newestRejected)
                {
                    if (!_records.Discard(RecordName, 0)) return false;
                    _newestRejected = false;
                }
                int n = config.Encode(_buf, 0);
                return _records.Save(RecordName, Version, _buf, 0, n);
            }
            finally
            {
                Array.Clear(_buf, 0, _buf.Length);
            }
        }

        // ReadCopy result when the record has no such valid copy.
        private const ConfigFault NoCopy = (ConfigFault)255;

        // Valid copy `rank` of the record (0 = newest), decoded and checked.
        private ConfigFault ReadCopy(int rank, out TerminalConfig config, out ConfigField field)
        {
            config = null;
            field = ConfigField.None;
            int version;
            int n = _records.LoadCopy(RecordName, rank, _buf, 0, out version);
            if (n < 0) return NoCopy;
            if (version != Version) return ConfigFault.UnknownVersion;
            return TerminalConfig.Decode(_buf, 0, n, out config, out field);
        }
    }
}
