namespace PosTerminal.TechConsole
{
    /// <summary>
    /// Where the console's role passwords are kept: per role an opaque blob of at most
    /// <see cref="PosTerminal.Crypto.PasswordHash.MaxEncodedLength"/> (64) bytes (an encoded PasswordHash) and a
    /// "must change at first login" flag. Implemented by the configuration store; the console never sees a clear
    /// password stored.
    /// </summary>
    public interface IPasswordStore
    {
        /// <summary>
        /// Copies the blob of <paramref name="role"/> to <paramref name="blob"/> at <paramref name="offset"/> (room for 64
        /// bytes) and returns its length; 0 when the role has none yet (factory state: the factory default password
        /// applies and must be changed).
        /// </summary>
        int ReadPassword(ConsoleRole role, byte[] blob, int offset, out bool mustChange);

        /// <summary>Replaces the blob and the flag of <paramref name="role"/>; false when the medium failed.</summary>
        bool WritePassword(ConsoleRole role, byte[] blob, int offset, int count, bool mustChange);
    }
}
