namespace PosTerminal.Txn
{
    /// <summary>How a sign-on ended.</summary>
    public enum SignOnResult : byte
    {
        /// <summary>Working keys installed (check values matched), batch number taken.</summary>
        Ok = 0,
        /// <summary>The host answered with a response code other than 00.</summary>
        Declined = 1,
        /// <summary>The host answered 00 but the keys were rejected (see <see cref="SignOnOutcome.KeyStatus"/>); the old keys stay.</summary>
        KeysRejected = 2,
        /// <summary>No terminal master key is loaded.</summary>
        NoMasterKey = 3,
        /// <summary>No host could be reached.</summary>
        NotSent = 4,
        /// <summary>No answer in time.</summary>
        NoResponse = 5,
        /// <summary>The connection failed.</summary>
        LinkFailed = 6,
        /// <summary>The terminal uses DUKPT: there is nothing to sign on for.</summary>
        NotApplicable = 7,
        /// <summary>The trace number could not be saved, or an internal fault.</summary>
        Fault = 8,
        /// <summary>The configuration lacks the primary host, terminal id or merchant id: nothing was sent.</summary>
        NotConfigured = 9
    }
}
