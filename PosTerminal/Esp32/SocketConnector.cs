using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using PosTerminal.Hal;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// Opens TCP connections with nanoFramework System.Net sockets; the device's implementation of the link HAL.
    /// A host is dotted-quad IPv4 text or a DNS name (resolved before the connect timeout starts; lwIP's own DNS
    /// timeout bounds it). Failures come back as <see cref="LinkStatus"/>, never as exceptions.
    /// </summary>
    /// <remarks>
    /// API: nanoframework/System.Net nanoFramework.System.Net/Sockets/Socket.cs (Socket(AddressFamily, SocketType,
    /// ProtocolType), Connect(EndPoint), Close()), IPAddress.cs (Parse, AddressFamily), IPEndPoint.cs, DNS.cs
    /// (Dns.GetHostEntry), SocketException.cs (ErrorCode), Sockets/SocketErrors.cs, at tag v1.11.54.
    /// <para>
    /// Connect timeout: Socket.Connect on nanoFramework always waits with Poll(-1, SelectWrite) and ignores
    /// SendTimeout/ReceiveTimeout, and there is no Blocking property or ConnectAsync. So the connect runs on a
    /// short-lived worker thread; the caller joins it for <c>timeoutMs</c> and on expiry closes the socket, which
    /// wakes the worker (nf-interpreter src/DeviceInterfaces/System.Net/sys_net_native_System_Net_Sockets_NativeSocket.cpp:
    /// close sets the socket event and the rescheduled poll finds the disposed handle and throws).
    /// </para>
    /// <para>
    /// Error mapping: after a failed connect the firmware reports the global last error (nf-interpreter
    /// src/PAL/Lwip/lwIP_Sockets.cpp), which the connect itself has just set to EINPROGRESS (10035), so
    /// ErrorCode usually does not say why. Only an explicit ConnectionRefused (10061) is reported as
    /// <see cref="LinkStatus.Refused"/>; every other failure is <see cref="LinkStatus.Unreachable"/>.
    /// </para>
    /// </remarks>
    public sealed class SocketConnector : ILinkConnector
    {
        // How long to wait for the worker to leave Connect after its socket was closed (it should be immediate).
        private const int AbortGraceMs = 2000;

        /// <inheritdoc />
        public LinkStatus Connect(string host, int port, int timeoutMs, out IByteLink link)
        {
            link = null;
            if (host == null || host.Length == 0 || port < 1 || port > IPEndPoint.MaxPort) return LinkStatus.Unreachable;
            if (timeoutMs < 1) timeoutMs = 1;

            IPAddress address = Resolve(host);
            if (address == null) return LinkStatus.Unreachable;

            Socket socket;
            try
            {
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            }
            catch (SocketException)
            {
                return LinkStatus.Unreachable;                  // no free socket or no network interface
            }

            ConnectAttempt attempt = new ConnectAttempt(socket, new IPEndPoint(address, port));
            Thread worker = new Thread(new ThreadStart(attempt.Run));
            worker.Start();
            if (!worker.Join(timeoutMs))
            {
                socket.Close();                                  // wakes the worker's pending poll
                worker.Join(AbortGraceMs);
                return LinkStatus.Timeout;
            }
            if (!attempt.Connected)
            {
                socket.Close();
                return attempt.ErrorCode == (int)SocketError.ConnectionRefused ? LinkStatus.Refused : LinkStatus.Unreachable;
            }
            link = new SocketByteLink(socket);
            return LinkStatus.Ok;
        }

        // Dotted-quad text is parsed locally (IPAddress has no TryParse on nanoFramework); anything else is a name.
        private static IPAddress Resolve(string host)
        {
            if (LooksNumeric(host))
            {
                if (!IsDottedQuad(host)) return null;
                try
                {
                    return IPAddress.Parse(host);
                }
                catch (Exception)
                {
                    return null;
                }
            }
            try
            {
                IPHostEntry entry = Dns.GetHostEntry(host);
                IPAddress[] all = entry.AddressList;
                for (int i = 0; i < all.Length; i++)
                {
                    if (all[i] != null && all[i].AddressFamily == AddressFamily.InterNetwork) return all[i];
                }
                return null;
            }
            catch (Exception)
            {
                return null;                                     // SocketException HostNotFound (11001) and friends
            }
        }

        // Only digits and dots: meant as an address, never sent to DNS.
        private static bool LooksNumeric(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c != '.' && (c < '0' || c > '9')) return false;
            }
            return true;
        }

        // Four decimal fields of 1 to 3 digits, each 0..255.
        private static bool IsDottedQuad(string s)
        {
            int fields = 0;
            int digits = 0;
            int value = 0;
            for (int i = 0; i <= s.Length; i++)
            {
                if (i == s.Length || s[i] == '.')
                {
                    if (digits == 0 || value > 255) return false;
                    fields++;
                    digits = 0;
                    value = 0;
                    continue;
                }
                if (++digits > 3) return false;
                value = value * 10 + (s[i] - '0');
            }
            return fields == 4;
        }

        // The state one worker thread shares with its caller; read only after Join returned true.
        private sealed class ConnectAttempt
        {
            private readonly Socket _socket;
            private readonly EndPoint _remote;

            internal ConnectAttempt(Socket socket, EndPoint remote)
            {
                _socket = socket;
                _remote = remote;
            }

            internal bool Connected { get; private set; }

            internal int ErrorCode { get; private set; }

            internal void Run()
            {
                try
                {
                    _socket.Connect(_remote);
                    Connected = true;
                }
                catch (SocketException e)
                {
                    ErrorCode = e.ErrorCode;
                }
                catch (Exception)
                {
                    ErrorCode = (int)SocketError.SocketError;    // ObjectDisposedException after Close(), etc.
                }
            }
        }
    }
}
