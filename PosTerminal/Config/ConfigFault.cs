namespace PosTerminal.Config
{
    /// <summary>Why a stored copy of the configuration was not used.</summary>
    public enum ConfigFault : byte
    {
        /// <summary>Nothing wrong.</summary>
        None = 0,
        /// <summary>A copy's bytes fail the record check (CRC-32 or header): a write cut short by a power loss, or a damaged medium.</summary>
        Damaged = 1,
        /// <summary>The copy was saved with a record version this firmware does not know (e.g. by newer firmware).</summary>
        UnknownVersion = 2,
        /// <summary>The fields are not laid out as the version says (missing, out of order, wrong length, trailing bytes).</summary>
        BadLayout = 3,
        /// <summary>A field's value fails its check (<see cref="ConfigLoadResult.Field"/> says which).</summary>
        InvalidValue = 4,
        /// <summary>
        /// Fields fail a check between them (<see cref="ConfigLoadResult.Field"/>: Security = the security mode does not go
        /// with the profile; a host = named while host names are off).
        /// </summary>
        Inconsistent = 5
    }
}
