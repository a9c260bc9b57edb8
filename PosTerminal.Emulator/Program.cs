using System;
using System.Threading.Tasks;
using PosTerminal.Emulator;
using PosTerminal.Emulator.Board;

return await Cli.Run(args, Console.Out, Console.Error);

namespace PosTerminal.Emulator
{
    /// <summary>The emulator's command line.</summary>
    public static class Cli
    {
        private const string Usage = """
            PosTerminal emulator: the firmware core on a PC, with a virtual board and host adapters.

            usage: PosTerminal.Emulator <command> [options]
              demo     two sales against the built-in acquirer simulator (or a given host): a test card swiped
                       past the virtual head, then a payment code under the virtual scanner; then it settles
              run      the terminal as a device: boots from its data directory, with its technician console (on this
                       terminal, a pty or a serial device) and the virtual board (sale, void, refund,
                       balance, swipe CARD, scan CODE, settle, ...)
              cards    list the test cards of the virtual board
              codes    list the test payment codes (and non-codes) the virtual scanner can scan
              crypto   payment crypto calculator: encrypt/decrypt, kcv, mac, pinblock, dukpt, track (see: crypto --help)

            run options:
              --pty                      the console on a new pty (printed: attach picocom, minicom, screen to it);
                                         this terminal keeps the board prompt
              --pty-link PATH            also make a symbolic link PATH to the pty
              --serial DEVICE            the console on a serial device, e.g. /dev/ttyUSB0 (8N1)
              --baud N                   its speed (default 115200)
              --data DIR                 the terminal's non-volatile data: configuration, keys, counters
                                         (default ~/.posterminal/emulator); a new directory boots not configured
              --simulator on|off         start the built-in acquirer simulator (default on)
              --simulator-port N         its port on 127.0.0.1 (default 5800; 0 = any free port)
              --amount 123.45            the first sale's amount
              --no-pin                   sales without PIN
              --no-trace                 do not print the frames
            without --pty or --serial the console is on this terminal and the board commands are console commands

            demo options:
              --profile cup|iso87ascii   acquirer profile (default cup)
              --host ADDR --port N       use this acquirer instead of the built-in simulator
              --backup ADDR:PORT         a backup host (repeatable, up to 3)
              --show-failover            primary = a closed port, backup = the built-in simulator
              --amount 123.45            sale amount (default 123.45)
              --card NAME                test card (default cup-debit; see: cards)
              --code NAME|TEXT           what the scanner scans for the second sale (default alipay; see: codes)
              --no-code                  no payment-code sale
              --connect-timeout MS       default 3000
              --response-timeout MS      default 10000
              --tpdu HEX                 TPDU (cup default 6000030000: ID 60, destination NII, source NII)
              --header HEX               header after the TPDU (cup default 603100000001)
              --data-dir DIR, --data DIR the terminal's non-volatile data (default ~/.posterminal/emulator)
              --no-trace                 do not print the frames

            exit codes (demo): 0 every sale approved, 3 a sale declined, 4 a sale not completed (no host, no
            response, refused, nothing read), 2 usage error; run exits 0 (1 when the console's line or the data directory cannot be opened)
            """;

        /// <summary>Runs a command; returns the process exit code.</summary>
        public static async Task<int> Run(string[] args, System.IO.TextWriter output, System.IO.TextWriter error)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                output.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            try
            {
                switch (args[0])
                {
                    case "demo":
                        if (Array.IndexOf(args, "--help") > 0) { output.WriteLine(Usage); return 0; }
                        return await Demo.Run(DemoOptions.Parse(args, 1), output);
                    case "crypto":
                        return CryptoCalculator.Run(args, 1, output, error);
                    case "run":
                        if (Array.IndexOf(args, "--help") > 0) { output.WriteLine(Usage); return 0; }
                        return Interactive.Run(RunOptions.Parse(args, 1), Console.In, output);
                    case "cards":
                        foreach (TestCard c in TestCard.All) output.WriteLine($"{c.Name,-12} {c.Description}");
                        return 0;
                    case "codes":
                        foreach (TestCode c in TestCode.All) output.WriteLine($"{c.Name,-12} {c.Description}");
                        return 0;
                    default:
                        error.WriteLine($"unknown command '{args[0]}'");
                        error.WriteLine(Usage);
                        return 2;
                }
            }
            catch (ArgumentException e)
            {
                error.WriteLine("error: " + e.Message);
                return 2;
            }
        }
    }
}
