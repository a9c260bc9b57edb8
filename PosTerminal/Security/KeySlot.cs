namespace PosTerminal.Security
{
    /// <summary>The typed slots of the terminal's key store.</summary>
    public enum KeySlot : byte
    {
        /// <summary>Terminal master key: decrypts the working keys of a sign-on (loaded by components).</summary>
        MasterKey = 1,
        /// <summary>PIN working key (PIK/TPK): encrypts F52.</summary>
        PinKey = 2,
        /// <summary>MAC working key (MAK/TAK): computes F64.</summary>
        MacKey = 3,
        /// <summary>Track data key (TDK): encrypts F35/F36 when the profile enables track encryption.</summary>
        TrackKey = 4,
        /// <summary>
        /// Legacy, no longer used: older firmware kept the DUKPT initial key (IPEK / AES initial key) here. DUKPT now
        /// keeps only future keys, in <see cref="DukptState"/>; a key found here is erased at boot
        /// (<see cref="DukptState.EraseLegacyInitialKey"/>).
        /// </summary>
        DukptInitialKey = 5
    }
}
