using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Host;

/// <summary>Opens TCP connections with System.Net.Sockets; the emulator's implementation of the link HAL.</summary>
public sealed class SocketConnector : ILinkConnector
{
    /// <inheritdoc />
    public LinkStatus Connect(string host, int port, int timeoutMs, out IByteLink link)
    {
        link = null;
        IPAddress address;
        if (!IPAddress.TryParse(host, out address))
        {
            try
            {
                IPAddress[] all = Dns.GetHostAddresses(host);
                if (all.Length == 0) return LinkStatus.Unreachable;
                address = all[0];
            }
            catch (SocketException)
            {
                return LinkStatus.Unreachable;
            }
        }
        Socket socket = new(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using CancellationTokenSource cts = new(timeoutMs);
            socket.ConnectAsync(new IPEndPoint(address, port), cts.Token).AsTask().GetAwaiter().GetResult();
            link = new SocketByteLink(socket);
            return LinkStatus.Ok;
        }
        catch (OperationCanceledException)
        {
            socket.Dispose();
            return LinkStatus.Timeout;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return Map(e.SocketErrorCode);
        }
    }

    internal static LinkStatus Map(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => LinkStatus.Refused,
        SocketError.TimedOut or SocketError.WouldBlock => LinkStatus.Timeout,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected => LinkStatus.Closed,
        _ => LinkStatus.Unreachable,
    };
}
