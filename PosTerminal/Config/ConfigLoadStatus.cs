namespace PosTerminal.Config
{
    /// <summary>Which configuration <see cref="ConfigStore.Load"/> came back with.</summary>
    public enum ConfigLoadStatus : byte
    {
        /// <summary>The last saved configuration, intact.</summary>
        Loaded = 0,
        /// <summary>
        /// One copy was unusable (see <see cref="ConfigLoadResult.Fault"/>: a save cut short, a damaged medium, or content
        /// that fails the checks) and the other copy was loaded: possibly the configuration before the last save.
        /// </summary>
        LoadedOtherCopy = 1,
        /// <summary>No configuration was ever saved: factory defaults.</summary>
        DefaultsMissing = 2,
        /// <summary>A configuration exists but no copy of it is usable (see <see cref="ConfigLoadResult.Fault"/>): factory defaults.</summary>
        DefaultsCorrupt = 3
    }
}
