namespace PosTerminal.Security
{
    /// <summary>Where the terminal's transaction keys come from.</summary>
    public enum KeyScheme : byte
    {
        /// <summary>Master/session: a terminal master key loaded by components, working keys from each sign-on (UnionPay).</summary>
        MasterSession = 1,
        /// <summary>TDES DUKPT (ANSI X9.24-1): a key per transaction from the IPEK and the KSN counter.</summary>
        DukptTdes = 2,
        /// <summary>AES DUKPT (ANSI X9.24-3): a key per transaction from the initial key and the KSN counter.</summary>
        DukptAes = 3
    }
}
