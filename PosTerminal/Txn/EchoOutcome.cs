using PosTerminal.Hal;
using PosTerminal.Link;

namespace PosTerminal.Txn
{
    /// <summary>
    /// The result of one echo test, for one host in a link test (<see cref="Terminal.LinkTest"/>) or for the kept
    /// connection (<see cref="Terminal.KeepAlive"/>). Carries no card data.
    /// </summary>
    public sealed class EchoOutcome
    {
        /// <summary>Outcome class.</summary>
        public EchoResult Result { get; internal set; }

        /// <summary>Host tested or that served (0 = primary), or -1 when none took the connection.</summary>
        public int HostIndex { get; internal set; }

        /// <summary>The host tested or that served, or null.</summary>
        public HostEndpoint Host { get; internal set; }

        /// <summary>
        /// Result of the last connect attempt (Ok when connected; Refused, Unreachable, Timeout, or NotSupported when
        /// TLS is asked of a connector without it). Ok as well when a kept connection was reused.
        /// </summary>
        public LinkStatus ConnectStatus { get; internal set; }

        /// <summary>True when the echo went over the kept connection without a new connect.</summary>
        public bool Reused { get; internal set; }

        /// <summary>Milliseconds from sending the echo to the answer (or to giving up); 0 when nothing was sent.</summary>
        public int RoundTripMs { get; internal set; }

        /// <summary>F39 of the answer, or null when none arrived.</summary>
        public string ResponseCode { get; internal set; }

        /// <summary>F11 the echo carried (0 when none was assigned).</summary>
        public int Stan { get; internal set; }

        /// <summary>True when the host answered (whatever the response code).</summary>
        public bool Answered
        {
            get { return Result == EchoResult.Ok || Result == EchoResult.Declined; }
        }
    }
}
