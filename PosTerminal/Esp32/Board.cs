using nanoFramework.Hardware.Esp32;
using PosTerminal.Cards.Magstripe;
using PosTerminal.Hal;

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
    /// 5, 12, 15; GPIO34-39 (input only, no pull-up) only for the magstripe inputs.</item>
    /// <item>Kept free for later peripherals: GPIO18/19/23 (VSPI, e.g. the PN532), GPIO21/22 (I2C),
    /// GPIO13/14/4 (the contact card interface).</item>
    /// <item>Console on COM2 (ESP32 UART1) at GPIO32 RX / GPIO33 TX, payment-code scanner on COM3 (ESP32 UART2) at
    /// GPIO27 RX / GPIO26 TX: general-purpose pins that have internal pull-ups (ESP-IDF's uart_set_pin, called by
    /// nanoFramework's SerialPort on open, pulls RX up, so an unplugged line idles instead of producing noise;
    /// GPIO34-39 could not), adjacent on the DevKitC header J2, free on WROOM and WROVER alike.
    /// GPIO32/33 are the 32 kHz crystal pins, which the DevKitC does not populate.</item>
    /// <item>Magstripe (PosTerminal/Cards/Magstripe/README.md, "ESP32 wiring"): every signal is an input, so they take
    /// the input-only GPIO34/35/36/39, with external pull-ups. Raw head: track 2 comparator on GPIO34, RMT receive
    /// channel 0 with 5 memory blocks (channels 1-4 lend it their memory, so no other RMT channel may use them). TTL
    /// module instead: CP GPIO39, track 2 STROBE GPIO34 / DATA GPIO35, track 1 STROBE GPIO25 / DATA GPIO36. A board has
    /// one or the other (<see cref="DeviceDefaults.MagstripeTtlModule"/>).</item>
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

        /// <summary>Serial port of the payment-code scanner (GM65 class; ESP32 UART2); Cards/Scanner/README.md.</summary>
        public const string ScannerPort = "COM3";

        /// <summary>Scanner speed, bit/s (8N1): the module's factory setting.</summary>
        public const int ScannerBaudRate = 9600;

        /// <summary>GPIO receiving the scanner's code lines (module TXD).</summary>
        public const int ScannerRxPin = 27;

        /// <summary>GPIO sending to the scanner's RXD (optional; the driver sends nothing).</summary>
        public const int ScannerTxPin = 26;

        /// <summary>Raw magnetic head, track 2: the comparator output.</summary>
        public const int RawHeadTrack2Pin = 34;

        /// <summary>RMT receive channel of the track 2 raw head (channel 0: the only one that can take 5 memory blocks).</summary>
        public const int RawHeadTrack2RmtChannel = 0;

        /// <summary>TTL module: CP (card present), shared by both tracks.</summary>
        public const int TtlCardPresentPin = 39;

        /// <summary>TTL module: track 2 STROBE.</summary>
        public const int TtlTrack2StrobePin = 34;

        /// <summary>TTL module: track 2 DATA.</summary>
        public const int TtlTrack2DataPin = 35;

        /// <summary>TTL module (two-track): track 1 STROBE.</summary>
        public const int TtlTrack1StrobePin = 25;

        /// <summary>TTL module (two-track): track 1 DATA.</summary>
        public const int TtlTrack1DataPin = 36;

        /// <summary>
        /// Routes the UART signals to their pins through the ESP32 GPIO matrix. Call once at boot, before any
        /// <see cref="UartLine"/> is opened. (The RMT channel and the GPIO inputs take their pins when they are made.)
        /// </summary>
        public static void ConfigurePins()
        {
            Configuration.SetPinFunction(ConsoleRxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(ConsoleTxPin, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(ScannerRxPin, DeviceFunction.COM3_RX);
            Configuration.SetPinFunction(ScannerTxPin, DeviceFunction.COM3_TX);
        }

        /// <summary>
        /// The track 2 magstripe driver on this board's stripe hardware: the raw head on the RMT, or the TTL module's
        /// lines when <see cref="DeviceDefaults.MagstripeTtlModule"/> is set. Claims the RMT channel or the GPIO inputs.
        /// </summary>
        public static MagstripeReader CreateMagstripeReader(IClock clock)
        {
            return DeviceDefaults.MagstripeTtlModule
                ? new MagstripeReader(new GpioTtlCapture(TtlCardPresentPin, TtlTrack2StrobePin, TtlTrack2DataPin,
                    MagstripeReader.MaxEvents(MagstripeTrack.Track2), clock), MagstripeTrack.Track2)
                : new MagstripeReader(new RmtFluxCapture(RawHeadTrack2Pin, RawHeadTrack2RmtChannel,
                    RmtFluxCapture.MemoryBlocksFor(MagstripeReader.MaxIntervals(MagstripeTrack.Track2)), clock), MagstripeTrack.Track2);
        }
    }
}
