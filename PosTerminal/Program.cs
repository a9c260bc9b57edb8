using System;
using System.Diagnostics;
using System.Threading;
using PosTerminal.Cards.Readers;
using PosTerminal.Cards.Scanner;
using PosTerminal.Config;
using PosTerminal.Esp32;
using PosTerminal.Security;
using PosTerminal.TechConsole;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal
{
    /// <summary>
    /// The device's composition root (ESP32 board -> core <see cref="Terminal"/>), the counterpart of the emulator's:
    /// pins, the shared <see cref="Boot.Start"/> over the flash store (configuration, counters, keys), the technician
    /// console on COM2 on its own thread, Wi-Fi, then the terminal's idle loop (keep-alive echoes of a kept connection)
    /// on the main thread. The attended sale (<see cref="PresentSaleLoop"/>: amount, then swipe or payment code) is the
    /// console's <c>sale</c> command, since the console UART is the board's only operator line. Holds no business logic
    /// and never prints card data: failures are reported by exception type name, never by message.
    /// </summary>
    public class Program
    {
        // Pause after an unexpected failure, so a persistent fault cannot spin the CPU, in milliseconds.
        private const int FaultPauseMs = 1000;

        // How often the idle loop offers the terminal a keep-alive echo (cheap when none is due), in milliseconds.
        private const int IdlePollMs = 1000;

        // The console's wait per poll, in milliseconds (it returns sooner when a line arrives).
        private const int ConsolePollMs = 1000;

        private static TechnicianConsole s_console;
        private static PresentSaleLoop s_saleLoop;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Board.ConfigurePins();
            Esp32Clock clock = new Esp32Clock(DeviceDefaults.UtcOffsetMinutes);
            FlashStore store = new FlashStore(DeviceDefaults.DataDirectory);
            HardwareRandom random = new HardwareRandom();
            BootResult boot = Boot.Start(store, new SocketConnector(), clock, random, null);
            Terminal terminal = boot.Terminal;
            Debug.WriteLine("config " + boot.Load.Status.ToString() + (boot.Configured ? "" : ", not configured"));

            UartLine consoleLine = new UartLine(Board.ConsolePort, Board.ConsoleBaudRate, clock);
            UartLine scannerLine = new UartLine(Board.ScannerPort, Board.ScannerBaudRate, clock);
            consoleLine.Open();
            scannerLine.Open();
#if POS_DEVELOPMENT_KEYS
            if (!terminal.Keys.Has(KeySlot.MasterKey)) LoadDevelopmentMasterKey(terminal, consoleLine);
#endif
            CardWait wait = new CardWait(clock, new ICardReader[]
            {
                new SwipeReader(Board.CreateMagstripeReader(clock)),
                new ScanReader(new PaymentCodeScanner(scannerLine, clock))
            });
            s_saleLoop = new PresentSaleLoop(terminal, clock, consoleLine, wait, DeviceDefaults.PresentTimeoutMs);

            // The first Wi-Fi attempt starts the radio, the entropy source of the hardware RNG (HardwareRandom), before
            // the console can draw password salts from it.
            bool online = WifiLink.Connect(DeviceDefaults.WifiSsid, DeviceDefaults.WifiPassword, DeviceDefaults.WifiTimeoutMs);
            s_console = new TechnicianConsole(consoleLine, clock, random, store, boot, new DeviceSystemControl());
            s_console.Session.Commands.Add(new ConsoleCommand("sale", "sale", "attended sale: amount, then swipe or payment code",
                "asks for the amount in minor units, waits for a swipe or a scanned payment code (ESC, C or Ctrl-C\n"
                + "cancels), runs the sale and prints the masked receipt", ConsoleRole.Technician, Sale));
            new Thread(RunConsole).Start();

            while (!online)
            {
                Debug.WriteLine("network not ready (" + WifiLink.LastStatus.ToString() + "), retrying");
                Thread.Sleep(DeviceDefaults.WifiRetryDelayMs);
                online = WifiLink.Connect(DeviceDefaults.WifiSsid, DeviceDefaults.WifiPassword, DeviceDefaults.WifiTimeoutMs);
            }
            if (terminal.IsConfigured && !terminal.Settings.Security.IsDukpt)
            {
                SignOnOutcome signOn = terminal.SignOn();
                Debug.WriteLine("sign-on " + signOn.Result.ToString());
            }
            while (true)
            {
                try
                {
                    terminal.KeepAlive();
                }
                catch (Exception e)
                {
                    Debug.WriteLine("idle loop fault: " + e.GetType().FullName);
                    Thread.Sleep(FaultPauseMs);
                }
                Thread.Sleep(IdlePollMs);
            }
        }

        // The console thread: polls forever; a fault in the console never ends it (nor the terminal).
        private static void RunConsole()
        {
            while (true)
            {
                try
                {
                    s_console.Poll(ConsolePollMs);
                }
                catch (Exception e)
                {
                    Debug.WriteLine("console fault: " + e.GetType().FullName);
                    Thread.Sleep(FaultPauseMs);
                }
            }
        }

        // The console's "sale" command: one round of the attended sale on the console line (the console does not read
        // the line while a command runs).
        private static CommandStatus Sale(ConsoleSession session, string[] args)
        {
            if (args.Length != 0) return CommandStatus.Usage;
            TxnOutcome o = s_saleLoop.RunOnce(DeviceDefaults.AmountTimeoutMs);
            if (o == null) session.WriteLine("no sale");
            return CommandStatus.Done;
        }

#if POS_DEVELOPMENT_KEYS
        // The development master key (built only with POS_DEVELOPMENT_KEYS, the Debug configuration), combined from
        // its two components as custodians would enter them; only its check value is shown.
        private static void LoadDevelopmentMasterKey(Terminal terminal, UartLine console)
        {
            KeyComponentLoader loader = new KeyComponentLoader(KeyAlgorithm.Tdes, 16, 2);
            try
            {
                string kcv;
                byte[] c = Hex.Decode(DeviceDefaults.DevelopmentTmkComponent1);
                loader.AddComponent(c, 0, c.Length, out kcv);
                Array.Clear(c, 0, c.Length);
                c = Hex.Decode(DeviceDefaults.DevelopmentTmkComponent2);
                loader.AddComponent(c, 0, c.Length, out kcv);
                Array.Clear(c, 0, c.Length);
                SecretKey tmk;
                KeyLoadStatus status = loader.Complete(DeviceDefaults.DevelopmentTmkCheckValue, out tmk);
                bool stored = status == KeyLoadStatus.Ok && terminal.Keys.Put(KeySlot.MasterKey, tmk);
                Say(console, stored ? "DEVELOPMENT MASTER KEY LOADED - KCV " + tmk.CheckValue + "\r\n" : "MASTER KEY NOT LOADED\r\n");
            }
            finally
            {
                loader.Dispose();
            }
        }

        // Status text to the console line before the console starts; a line that fails must not stop the terminal.
        private static void Say(UartLine line, string text)
        {
            try
            {
                byte[] b = Ascii.GetBytes(text);
                line.Write(b, 0, b.Length);
            }
            catch (Exception)
            {
                Debug.WriteLine("console write failed");
            }
        }
#endif
    }
}
