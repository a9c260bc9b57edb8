using System;
using System.Net.Sockets;
using PosTerminal.Hal;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// A connected nanoFramework socket as the core's <see cref="IByteLink"/>. Reads wait with Socket.Poll, so a
    /// read timeout never breaks the connection; writes are bounded by SendTimeout. Owns the socket.
    /// </summary>
    /// <remarks>
    /// API: nanoframework/System.Net nanoFramework.System.Net/Sockets/Socket.cs at tag v1.11.54: Poll(int microSeconds,
    /// SelectMode), Receive(byte[], int, int, SocketFlags) (returns 0 when the peer closed), Send(byte[], int, int,
    /// SocketFlags), SendTimeout/ReceiveTimeout (milliseconds, 0 means infinite), Close(); Dispose() is an explicit
    /// interface implementation there, so this class calls Close(). A send or receive timeout throws SocketException
    /// with ErrorCode 10060 (nf-interpreter sys_net_native_System_Net_Sockets_NativeSocket.cpp, SendRecvHelper).
    /// </remarks>
    public sealed class SocketByteLink : IByteLink
    {
        // Poll takes an int of microseconds: cap waits at about 35 minutes.
        private const int MaxWaitMs = int.MaxValue / 1000;

        private readonly Socket _socket;

        /// <summary>Wraps <paramref name="socket"/>, which must be connected; this link owns and closes it.</summary>
        public SocketByteLink(Socket socket)
        {
            if (socket == null) throw new ArgumentNullException();
            _socket = socket;
        }

        /// <inheritdoc />
        public LinkStatus Write(byte[] buffer, int offset, int count, int timeoutMs)
        {
            try
            {
                _socket.SendTimeout = Clamp(timeoutMs);
                int sent = 0;
                while (sent < count)
                {
                    int n = _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
                    if (n <= 0) return LinkStatus.Closed;
                    sent += n;
                }
                return LinkStatus.Ok;
            }
            catch (SocketException e)
            {
                // Send's timeout is thrown with SOCK_ETIMEDOUT (10060) directly; anything else means the connection is gone.
                return e.ErrorCode == (int)SocketError.TimedOut ? LinkStatus.Timeout : LinkStatus.Closed;
            }
            catch (ObjectDisposedException)
            {
                return LinkStatus.Closed;
            }
        }

        /// <inheritdoc />
        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMs, out int read)
        {
            read = 0;
            try
            {
                int waitMs = Clamp(timeoutMs);
                if (!_socket.Poll(waitMs * 1000, SelectMode.SelectRead)) return LinkStatus.Timeout;
                _socket.ReceiveTimeout = waitMs;                 // data is waiting: Receive returns at once
                int n = _socket.Receive(buffer, offset, count, SocketFlags.None);
                if (n == 0) return LinkStatus.Closed;            // orderly close by the peer
                read = n;
                return LinkStatus.Ok;
            }
            catch (SocketException)
            {
                // Poll throws when the socket is in the exception state (reset, network down); its ErrorCode is the
                // firmware's global last error, so it is not consulted. Poll's own timeout returns false instead.
                return LinkStatus.Closed;
            }
            catch (ObjectDisposedException)
            {
                return LinkStatus.Closed;
            }
        }

        /// <summary>Closes the connection.</summary>
        public void Dispose()
        {
            _socket.Close();
        }

        private static int Clamp(int timeoutMs)
        {
            if (timeoutMs < 1) return 1;
            return timeoutMs > MaxWaitMs ? MaxWaitMs : timeoutMs;
        }
    }
}
