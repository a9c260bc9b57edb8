using System;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using AcquirerSimulator;
using PosTerminal.Txn;

// AcquirerSimulator [--listen ADDR:PORT] [--profile cup|iso87ascii] [--rule MATCH:ACTION]... [--no-default-rules]
SimulatorOptions options = new() { Log = line => Console.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {line}") };
bool defaults = true;
for (int i = 0; i < args.Length; i++)
{
    string a = args[i];
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(a + " needs a value");
    try
    {
        switch (a)
        {
            case "--listen":
                string v = Next();
                int colon = v.LastIndexOf(':');
                if (colon <= 0 || !IPAddress.TryParse(v[..colon], out IPAddress addr) || !int.TryParse(v[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
                    throw new ArgumentException("--listen takes ADDRESS:PORT, e.g. 127.0.0.1:5800");
                options.Address = addr;
                options.Port = port;
                break;
            case "--profile":
                options.Profile = AcquirerProfile.Find(Next()) ?? throw new ArgumentException("--profile is cup or iso87ascii");
                break;
            case "--rule":
                if (defaults) { options.Rules.Clear(); defaults = false; }
                options.Rules.Add(SaleRule.Parse(Next()));
                break;
            case "--no-default-rules":
                options.Rules.Clear();
                defaults = false;
                break;
            case "-h":
            case "--help":
                Console.WriteLine("""
                    AcquirerSimulator: a simulated acquirer host for PosTerminal (ISO 8583 over TCP).
                      --listen ADDR:PORT      where to listen (default 127.0.0.1:5800)
                      --profile NAME          cup (default) or iso87ascii
                      --rule MATCH:ACTION     replaces the default rules; repeatable. MATCH: amount=<minor units>,
                                              suffix=<last digits of F4> or pan=<leading digits>; ACTION: rc=<2 chars>,
                                              noreply or delay=<ms>. Default rules: amount=99999:noreply,
                                              amount=88888:delay=3000, suffix=51:rc=51, suffix=61:rc=61
                      --no-default-rules      approve everything
                    """);
                return 0;
            default:
                throw new ArgumentException("unknown option " + a + " (try --help)");
        }
    }
    catch (Exception e) when (e is ArgumentException or FormatException)
    {
        Console.Error.WriteLine("error: " + e.Message);
        return 2;
    }
}

await using AcquirerHost host = new(options);
try
{
    host.Start();
}
catch (System.Net.Sockets.SocketException e)
{
    Console.Error.WriteLine($"error: cannot listen on {options.Address}:{options.Port}: {e.SocketErrorCode}");
    return 1;
}
using ManualResetEventSlim stop = new();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Set(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Set();
stop.Wait();
(int count, long total) = host.Ledger.ApprovedTotals();
Console.WriteLine($"stopping: {host.Connections} connections, {host.Frames} requests, {host.BadFrames} dropped, {count} approved totalling {total} minor units");
return 0;
