namespace PosTerminal.Txn
{
    /// <summary>How an echo test (回响测试) ended.</summary>
    public enum EchoResult : byte
    {
        /// <summary>The host answered with F39 00.</summary>
        Ok = 0,
        /// <summary>The host answered with another response code (see <see cref="EchoOutcome.ResponseCode"/>).</summary>
        Declined = 1,
        /// <summary>No connection could be opened (see <see cref="EchoOutcome.ConnectStatus"/>).</summary>
        NotConnected = 2,
        /// <summary>Connected and sent, but no matching answer came within the response timeout.</summary>
        NoResponse = 3,
        /// <summary>The connection failed while sending or broke before a matching answer.</summary>
        LinkFailed = 4,
        /// <summary>The terminal could not run the test (the trace number could not be saved, or another fault).</summary>
        Fault = 5
    }
}
