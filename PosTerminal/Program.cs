using System;
using System.Diagnostics;
using System.Threading;
using PosTerminal.Cards.Readers;
using PosTerminal.Cards.Scanner;
using PosTerminal.Esp32;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal
{
    /// <summary>
    /// The device's composition root (ESP32 board -> core <see cref="Terminal"/>), the counterpart of the emulator's
    /// Demo: pins, Wi-Fi, settings from <see cref="DeviceDefaults"/>, the ESP32 adapters, the card readers (magnetic
    /// stripe and payment-code scanner in one <see cref="CardWait"/>), then the attended sale loop
    /// (<see cref="PresentSaleLoop"/>) on the operator console forever. Holds no business logic and never prints card
    /// data: the loop prints only masked data, and failures are reported by exception type name, never by message.
    /// </summary>
    public class Program
    {
        // Pause after an unexpected failure, so a persistent fault cannot spin the CPU, in milliseconds.
        private const int FaultPauseMs = 1000;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Board.ConfigurePins();
            Esp32Clock clock = new Esp32Clock(DeviceDefaults.UtcOffsetMinutes);
            UartLine operatorLine = new UartLine(Board.ConsolePort, Board.ConsoleBaudRate, clock);
            UartLine scannerLine = new UartLine(Board.ScannerPort, Board.ScannerBaudRate, clock);
            operatorLine.Open();
            scannerLine.Open();
            Say(operatorLine, "\r\nPOSTERMINAL - CONNECTING TO " + DeviceDefaults.WifiSsid + "\r\n");

            while (!WifiLink.Connect(DeviceDefaults.WifiSsid, DeviceDefaults.WifiPassword, DeviceDefaults.WifiTimeoutMs))
            {
                Say(operatorLine, "NETWORK NOT READY (" + WifiLink.LastStatus.ToString() + "), RETRYING\r\n");
                Thread.Sleep(DeviceDefaults.WifiRetryDelayMs);
            }

            AcquirerProfile profile = AcquirerProfile.Cup;
            HostEndpoint[] hosts = new HostEndpoint[]
            {
                new HostEndpoint(DeviceDefaults.PrimaryHost, DeviceDefaults.PrimaryPort),
                new HostEndpoint(DeviceDefaults.BackupHost, DeviceDefaults.BackupPort)
            };
            LinkSettings link = new LinkSettings(hosts, DeviceDefaults.ConnectTimeoutMs, DeviceDefaults.ResponseTimeoutMs, profile.DefaultFrame);
            TerminalSettings settings = new TerminalSettings(profile, DeviceDefaults.TerminalId, DeviceDefaults.MerchantId,
                DeviceDefaults.MerchantName, DeviceDefaults.Currency, link);
            Terminal terminal = new Terminal(settings, new SocketConnector(), clock, new FlashStore(DeviceDefaults.DataDirectory), null,
                new HardwareRandom());
#if POS_DEVELOPMENT_KEYS
            if (!terminal.Keys.Has(KeySlot.MasterKey)) LoadDevelopmentMasterKey(terminal, operatorLine);
#endif
            while (true)
            {
                SignOnOutcome signOn = terminal.SignOn();
                Say(operatorLine, "SIGN-ON " + SignOnText(signOn.Result) + (signOn.PinKeyCheck != null
                    ? " - PIK " + signOn.PinKeyCheck + " MAK " + signOn.MacKeyCheck : "") + "\r\n");
                // Only a network problem is worth waiting for; anything else needs a person (keys, host settings).
                bool network = signOn.Result == SignOnResult.NotSent || signOn.Result == SignOnResult.NoResponse
                    || signOn.Result == SignOnResult.LinkFailed;
                if (!network) break;
                Thread.Sleep(DeviceDefaults.WifiRetryDelayMs);
            }
            CardWait wait = new CardWait(clock, new ICardReader[]
            {
                new SwipeReader(Board.CreateMagstripeReader(clock)),
                new ScanReader(new PaymentCodeScanner(scannerLine, clock))
            });
            PresentSaleLoop loop = new PresentSaleLoop(terminal, clock, operatorLine, wait, DeviceDefaults.PresentTimeoutMs);
            Say(operatorLine, "READY - PROFILE " + profile.Name + ", TERMINAL " + settings.TerminalId + "\r\n");

            while (true)
            {
                try
                {
                    loop.RunOnce(DeviceDefaults.AmountTimeoutMs);
                }
                catch (Exception e)
                {
                    // The loop boundary: whatever failed, the terminal keeps serving. The type name only: a message
                    // is never printed, so nothing a lower layer put in it can leak.
                    Debug.WriteLine("sale loop fault: " + e.GetType().FullName);
                    Say(operatorLine, "\r\nSYSTEM ERROR - TRY AGAIN\r\n");
                    Thread.Sleep(FaultPauseMs);
                }
            }
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
#endif

        private static string SignOnText(SignOnResult r)
        {
            switch (r)
            {
                case SignOnResult.Ok: return "OK";
                case SignOnResult.NoMasterKey: return "IMPOSSIBLE: NO MASTER KEY";
                case SignOnResult.KeysRejected: return "REJECTED: KEY CHECK VALUE WRONG";
                case SignOnResult.Declined: return "DECLINED BY HOST";
                case SignOnResult.NotSent: return "HOST NOT REACHABLE";
                case SignOnResult.NoResponse: return "NO RESPONSE";
                default: return "FAILED";
            }
        }

        // Status text to the operator console; a console that fails must not stop the terminal.
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
    }
}
