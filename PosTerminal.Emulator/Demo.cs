using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using AcquirerSimulator;
using PosTerminal.Cards;
using PosTerminal.Emulator.Board;
using PosTerminal.Emulator.Host;
using PosTerminal.Link;
using PosTerminal.Txn;

namespace PosTerminal.Emulator;

/// <summary>
/// The demo: composes the core <see cref="Terminal"/> with host adapters and the virtual board (as Program.cs
/// does on the ESP32 with device adapters), points it at the built-in acquirer simulator or at a given host,
/// swipes a test card and runs one sale, printing the masked frame trace and the receipt.
/// </summary>
public static class Demo
{
    /// <summary>Exit code: approved.</summary>
    public const int Approved = 0;
    /// <summary>Exit code: declined by the host.</summary>
    public const int Declined = 3;
    /// <summary>Exit code: no answer (not sent, no response, link failed) or refused by the terminal.</summary>
    public const int NotCompleted = 4;

    /// <summary>Runs the demo; returns an exit code.</summary>
    public static async Task<int> Run(DemoOptions o, TextWriter output)
    {
        AcquirerHost simulator = null;
        try
        {
            HostEndpoint primary = o.Primary;
            int simulatorPort = -1;
            if (primary == null)
            {
                SimulatorOptions so = new() { Port = 0, Profile = o.Profile, Log = line => output.WriteLine("   [acquirer] " + line) };
                simulator = new AcquirerHost(so);
                simulator.Start();
                simulatorPort = simulator.Port;
                primary = new HostEndpoint("127.0.0.1", simulatorPort);
            }
            var hosts = new System.Collections.Generic.List<HostEndpoint>();
            if (o.ShowFailover)
            {
                hosts.Add(new HostEndpoint("127.0.0.1", ClosedLoopbackPort()));
                hosts.Add(primary);
            }
            else
            {
                hosts.Add(primary);
            }
            hosts.AddRange(o.Backups);
            if (hosts.Count > 4) throw new ArgumentException("at most 4 hosts in all");

            LinkSettings link = new(hosts.ToArray(), o.ConnectTimeoutMs, o.ResponseTimeoutMs, o.Frame());
            TerminalSettings settings = new(o.Profile, "88880001", "898310048990001", "POSTERMINAL DEMO SHOP", "156", link);
            FileStore store = new(o.DataDir);
            ConsoleTrace trace = o.Trace ? new ConsoleTrace(output, link) : null;
            Terminal terminal = new(settings, new SocketConnector(), new SystemClock(), store, trace);

            output.WriteLine($"PosTerminal emulator - profile {o.Profile.Name}, terminal {settings.TerminalId}, merchant {settings.MerchantId}");
            for (int i = 0; i < link.HostCount; i++)
            {
                string note = link.Host(i).Port == simulatorPort ? " (built-in acquirer simulator)" : "";
                output.WriteLine($"   {LinkSettings.HostRole(i),-9} {link.Host(i)}{note}");
            }
            output.WriteLine($"   timeouts: connect {link.ConnectTimeoutMs} ms, response {link.ResponseTimeoutMs} ms; data in {store.DirectoryPath}");

            TestCard card = TestCard.Find(o.Card) ?? throw new ArgumentException($"unknown card '{o.Card}' (see: cards)");
            Track2Status read = new VirtualMagstripeReader().Swipe(card, out CardData data);
            if (read != Track2Status.Ok)
            {
                output.WriteLine($"card {card.Name}: swipe rejected ({read}); nothing was sent");
                return NotCompleted;
            }
            using (data)
            {
                output.WriteLine($"card swiped: {data.MaskedPan} ({card.Description}); sale of {Currency.Format(o.AmountMinor, settings.Currency)}");
                output.WriteLine();
                TxnOutcome outcome = terminal.Sale(data, o.AmountMinor);
                output.WriteLine();
                if (outcome.Receipt != null) output.Write(outcome.Receipt);
                output.WriteLine();
                output.WriteLine(Summary(outcome));
                return outcome.Result switch
                {
                    TxnResult.Approved => Approved,
                    TxnResult.Declined => Declined,
                    _ => NotCompleted,
                };
            }
        }
        finally
        {
            if (simulator != null) await simulator.DisposeAsync();
        }
    }

    /// <summary>One line for the end of the demo, e.g. "RESULT approved (00) via primary 127.0.0.1:4711, STAN 000007, 3 ms".</summary>
    public static string Summary(TxnOutcome o)
    {
        string via = o.HostIndex >= 0 ? $" via {LinkSettings.HostRole(o.HostIndex)} {o.Host}" : "";
        return o.Result switch
        {
            TxnResult.Approved or TxnResult.Declined =>
                $"RESULT {(o.IsApproved ? "approved" : "declined")} ({o.ResponseCode} {ResponseCodes.Describe(o.ResponseCode)}){via}, STAN {o.Stan:D6}, RRN {o.Rrn?.Trim()}, {o.RoundTripMs} ms"
                + (o.IsApproved && o.ApprovedAmountMinor != o.AmountMinor ? $", partial: {o.ApprovedAmountMinor} of {o.AmountMinor}" : ""),
            TxnResult.Refused => $"RESULT refused by the terminal: {o.Refusal}",
            _ => $"RESULT {o.Result}{via}, STAN {o.Stan:D6}" + (o.Result is TxnResult.NoResponse or TxnResult.LinkFailed or TxnResult.Fault ? " (unanswered: the host may hold the request)" : ""),
        };
    }

    // A loopback port with nothing listening: bind one, note it, close it.
    private static int ClosedLoopbackPort()
    {
        using Socket s = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint).Port;
    }
}
