namespace PosTerminal.Security
{
    /// <summary>Outcome of loading a key by components or of installing working keys.</summary>
    public enum KeyLoadStatus : byte
    {
        /// <summary>Done.</summary>
        Ok = 0,
        /// <summary>A component or key has the wrong length for the algorithm.</summary>
        WrongLength = 1,
        /// <summary>More components than announced.</summary>
        TooManyComponents = 2,
        /// <summary>Fewer components than announced.</summary>
        MissingComponents = 3,
        /// <summary>A check value does not match: the key (or key set) is rejected.</summary>
        CheckValueMismatch = 4,
        /// <summary>The result is all zero bytes (for example the same component entered twice).</summary>
        WeakKey = 5,
        /// <summary>The slot's key could not be saved.</summary>
        StorageFailure = 6,
        /// <summary>No master key to decrypt the working keys with.</summary>
        NoMasterKey = 7,
        /// <summary>F62 has a length the key layout does not define.</summary>
        BadLayout = 8
    }
}
