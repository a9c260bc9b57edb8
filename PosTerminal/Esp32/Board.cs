using nanoFramework.Hardware.Esp32;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// Pin map of the reference board: a classic ESP32 DevKitC (ESP32-WROOM-32, or ESP32-WROVER-E for PSRAM).
    /// The same map works on both modules; hardware/README.md has the wiring table. All signals are 3.3 V LVTTL
    /// (ESP32 GPIOs are not 5 V tolerant).
    /// </summary>
    /// <remarks>
    /// Pin choice (ESP32 datasheet, "Pin Description" and "Strapping Pins"; ESP32-DevKitC V4 user guide):
    /// <list type="bullet">
    /// <item>Avoided: GPIO1/3 (UART0 = COM1, owned by the nanoFramework debugger/deployment Wire Protocol),
    /// GPIO6-11 (SPI flash), GPIO16/17 (PSRAM clock/chip select on ESP32-WROVER modules; the usual UART2 pins on
    /// WROOM-only boards, which is why nf-interpreter targets/ESP32/_common/ESP32_DeviceMapping.cpp leaves COM2 and
    /// COM3 unassigned: "the default pins can be shared with serial flash and PSRAM"), strapping pins GPIO0, 2,
    /// 5, 12, 15, and GPIO34-39 (input only, no pull-up).</item>
    /// <item>Kept free for later peripherals: GPIO18/19/23 (VSPI, e.g. the PN532), GPIO21/22 (I2C),
    /// GPIO13/14/4/25 (GPIO, RMT pulse capture for a raw magstripe head).</item>
    /// <item>Console on COM2 (ESP32 UART1) at GPIO32 RX / GPIO33 TX, reader on COM3 (ESP32 UART2) at GPIO27 RX /
    /// GPIO26 TX: general-purpose pins that have internal pull-ups (ESP-IDF's uart_set_pin, called by nanoFramework's
    /// SerialPort on open, pulls RX up, so an unplugged line idles instead of producing noise; GPIO34-39 could not),
    /// adjacent on the DevKitC header J2, free on WROOM and WROVER alike.
    /// GPIO32/33 are the 32 kHz crystal pins, which the DevKitC does not populate.</item>
    /// </list>
    /// API: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/Configuration.cs
    /// (<c>public static void SetPinFunction(int pin, DeviceFunction value)</c>) and DeviceTypePins.cs
    /// (<c>DeviceFunction.COM2_RX</c> ...), tag v1.6.40. COMn is ESP32 UART n-1.
    /// </remarks>
    public static class Board
    {
        /// <summary>Serial port of the technician/operator console (ESP32 UART1).</summary>
        public const string ConsolePort = "COM2";

        /// <summary>Console speed, bit/s (8N1).</summary>
        public const int ConsoleBaudRate = 115200;

        /// <summary>GPIO receiving from the console adapter's TX.</summary>
        public const int ConsoleRxPin = 32;

        /// <summary>GPIO sending to the console adapter's RX.</summary>
        public const int ConsoleTxPin = 33;

        /// <summary>Serial port of the magstripe reader module with decoded-track UART output (ESP32 UART2).</summary>
        public const string ReaderPort = "COM3";

        /// <summary>Reader speed, bit/s (8N1); 9600 is the usual factory setting of decoded-output reader modules.</summary>
        public const int ReaderBaudRate = 9600;

        /// <summary>GPIO receiving the reader's decoded track lines (reader TX).</summary>
        public const int ReaderRxPin = 27;

        /// <summary>GPIO sending to the reader's RX (commands, for modules that take them; may stay unconnected).</summary>
        public const int ReaderTxPin = 26;

        /// <summary>
        /// Routes the UART signals to their pins through the ESP32 GPIO matrix. Call once at boot, before any
        /// <see cref="UartLine"/> is opened.
        /// </summary>
        public static void ConfigurePins()
        {
            Configuration.SetPinFunction(ConsoleRxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(ConsoleTxPin, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(ReaderRxPin, DeviceFunction.COM3_RX);
            Configuration.SetPinFunction(ReaderTxPin, DeviceFunction.COM3_TX);
        }
    }
}
