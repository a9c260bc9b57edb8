namespace PosTerminal.Txn
{
    /// <summary>The result of a sign-on (签到): outcome, response code, and the check values of the keys now in force.</summary>
    public sealed class SignOnOutcome
    {
        /// <summary>Outcome.</summary>
        public SignOnResult Result { get; internal set; }

        /// <summary>F39 from the host, or null.</summary>
        public string ResponseCode { get; internal set; }

        /// <summary>Why the keys were rejected (when <see cref="Result"/> is KeysRejected).</summary>
        public PosTerminal.Security.KeyLoadStatus KeyStatus { get; internal set; }

        /// <summary>Batch number from F60.2 of the answer (0 when none).</summary>
        public int Batch { get; internal set; }

        /// <summary>STAN of the 0800.</summary>
        public int Stan { get; internal set; }

        /// <summary>Check value of the PIN key in force (8 hex digits), or null.</summary>
        public string PinKeyCheck { get; internal set; }

        /// <summary>Check value of the MAC key in force, or null.</summary>
        public string MacKeyCheck { get; internal set; }

        /// <summary>Check value of the track key in force, or null.</summary>
        public string TrackKeyCheck { get; internal set; }

        /// <summary>Host that served, or -1.</summary>
        public int HostIndex { get; internal set; }
    }
}
