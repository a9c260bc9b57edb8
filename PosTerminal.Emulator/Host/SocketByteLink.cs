using System;
using System.Net.Sockets;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Host;

/// <summary>An open TCP connection as the core's <see cref="IByteLink"/>; waits with Socket.Poll so a timeout never breaks the socket.</summary>
public sealed class SocketByteLink : IByteLink
{
    private readonly Socket _socket;

    /// <summary>Wraps a connected socket, which this link owns.</summary>
    public SocketByteLink(Socket socket) => _socket = socket;

    /// <inheritdoc />
    public LinkStatus Write(byte[] buffer, int offset, int count, int timeoutMs)
    {
        try
        {
            _socket.SendTimeout = Math.Max(1, timeoutMs);
            int sent = 0;
            while (sent < count) sent += _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
            return LinkStatus.Ok;
        }
        catch (SocketException e)
        {
            return SocketConnector.Map(e.SocketErrorCode) == LinkStatus.Timeout ? LinkStatus.Timeout : LinkStatus.Closed;
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
            long micros = Math.Min((long)Math.Max(1, timeoutMs) * 1000, int.MaxValue);
            if (!_socket.Poll((int)micros, SelectMode.SelectRead)) return LinkStatus.Timeout;
            int n = _socket.Receive(buffer, offset, count, SocketFlags.None);
            if (n == 0) return LinkStatus.Closed;
            read = n;
            return LinkStatus.Ok;
        }
        catch (SocketException e)
        {
            return SocketConnector.Map(e.SocketErrorCode) == LinkStatus.Timeout ? LinkStatus.Timeout : LinkStatus.Closed;
        }
        catch (ObjectDisposedException)
        {
            return LinkStatus.Closed;
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _socket.Dispose();
}
