using System;

namespace PosTerminal.Hal
{
    /// <summary>
    /// An open byte stream to the acquirer (a TCP connection). Implemented by System.Net.Sockets on the device
    /// and in the emulator. Implementations catch their socket exceptions and return <see cref="LinkStatus"/>.
    /// Dispose closes the connection.
    /// </summary>
    public interface IByteLink : IDisposable
    {
        /// <summary>Sends all <paramref name="count"/> bytes or reports why not, within <paramref name="timeoutMs"/> milliseconds.</summary>
        LinkStatus Write(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>
        /// Receives between 1 and <paramref name="count"/> bytes into the buffer, waiting at most
        /// <paramref name="timeoutMs"/> milliseconds (at least 1). <paramref name="read"/> is 0 unless the status is Ok.
        /// </summary>
        LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMs, out int read);
    }
}
