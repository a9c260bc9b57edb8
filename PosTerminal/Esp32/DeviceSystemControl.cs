using System.Threading;
using nanoFramework.Runtime.Native;
using PosTerminal.Hal;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// The device's <see cref="ISystemControl"/>: a restart of the ESP32 through nanoFramework's power API.
    /// </summary>
    /// <remarks>
    /// API: nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/Power.cs at tag v1.7.11 (commit
    /// e70ef6920ca811b0403d667036fcbdc605d0e66e, the release built against CoreLibrary 1.17.11):
    /// <c>public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot)</c>, which raises
    /// <c>OnRebootEvent</c> and then calls the native reboot; it does not return.
    /// </remarks>
    public sealed class DeviceSystemControl : ISystemControl
    {
        /// <summary>Pause before the reboot, in milliseconds, so the console's last line leaves the UART (115200 bit/s: ~11 bytes/ms).</summary>
        public const int FlushDelayMs = 200;

        /// <summary>Reboots the ESP32 (normal reboot: the bootloader, then nanoCLR and this application again).</summary>
        public void Reboot()
        {
            Thread.Sleep(FlushDelayMs);
            Power.RebootDevice();
        }
    }
}
