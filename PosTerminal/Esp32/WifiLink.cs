using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// Brings the ESP32's Wi-Fi station up with DHCP and waits for a valid system time from SNTP (the terminal
    /// needs it for F12/F13 and receipts). No business logic; the composition root decides what to do on failure.
    /// </summary>
    /// <remarks>
    /// API: nanoframework/System.Device.Wifi System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs at tag v1.5.147
    /// (<c>public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind =
    /// Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default)</c>; with the
    /// default token it waits forever, so a CancellationTokenSource(int millisecondsDelay) from
    /// nanoframework/System.Threading nanoFramework.System.Threading/Threading/CancellationTokenSource.cs bounds it).
    /// WifiReconnectionKind is in System.Device.Wifi/WifiReconnectionKind.cs; NetworkHelperStatus in
    /// nanoframework/System.Net nanoFramework.System.Net/NetworkHelper/NetworkHelperStatus.cs.
    /// Each call stores the SSID and password in the device's network configuration (a flash write), so callers
    /// should not retry in a tight loop.
    /// </remarks>
    public static class WifiLink
    {
        /// <summary>
        /// Connects to <paramref name="ssid"/> and waits up to <paramref name="timeoutMs"/> milliseconds for an IP
        /// address and a valid clock. True when the network is ready; the station then reconnects by itself after
        /// drops. On false, <see cref="LastStatus"/> says where it stopped.
        /// </summary>
        public static bool Connect(string ssid, string password, int timeoutMs)
        {
            using (CancellationTokenSource cts = new CancellationTokenSource(timeoutMs))
            {
                return WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, true, 0, cts.Token);
            }
        }

        /// <summary>
        /// Where the last <see cref="Connect"/> stopped, as the number of nanoFramework's NetworkHelperStatus
        /// (2 = ready, 4 = no IP address in time, 5 = no SNTP time in time, 7 = exception).
        /// </summary>
        public static int LastStatus
        {
            get { return (int)WifiNetworkHelper.Status; }
        }
    }
}
