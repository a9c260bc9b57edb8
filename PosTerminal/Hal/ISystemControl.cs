namespace PosTerminal.Hal
{
    /// <summary>
    /// Control of the whole system: on the ESP32 a restart of the device (nanoFramework.Runtime.Native
    /// <c>Power.RebootDevice()</c>); in the emulator a restart of the emulated terminal.
    /// </summary>
    public interface ISystemControl
    {
        /// <summary>Restarts the terminal: boots again from the non-volatile store. On the device it does not return.</summary>
        void Reboot();
    }
}
