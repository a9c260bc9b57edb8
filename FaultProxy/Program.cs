using System;
using System.Globalization;
using System.Net;
using System.Threading;
using FaultProxy;

// FaultProxy --listen ADDR:PORT --upstream ADDR:PORT [--seed N] [--rate P] [--faults all|none|KIND[=P],...] [timings]
ProxyOptions options = new() { ListenPort = 5900 };
long seed = 1;
double rate = 0.1;
string faults = "all";
for (int i = 0; i < args.Length; i++)
{
    string a = args[i];
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(a + " needs a value");
    int Number(int min, int max)
    {
        string v = Next();
        if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            throw new ArgumentException($"{a} takes a whole number from {min} to {max}");
        return n;
    }
    try
    {
        switch (a)
        {
            case "--listen":
                IPEndPoint l = Endpoint(Next(), a);
                options.ListenAddress = l.Address;
                options.ListenPort = l.Port;
                break;
            case "--upstream":
                options.Upstream = Endpoint(Next(), a);
                break;
            case "--seed":
                if (!long.TryParse(Next(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed)) throw new ArgumentException("--seed takes a whole number");
                break;
            case "--rate":
                if (!double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out rate) || !(rate >= 0 && rate <= 1)) throw new ArgumentException("--rate is between 0 and 1");
                break;
            case "--faults":
                faults = Next();
                break;
            case "--message-offset":
                options.MessageOffset = Number(0, 64);
                break;
            case "--max-frame":
                options.MaxFrameLength = Number(1, 65535);
                break;
            case "--delay-ms":
                options.DelayMs = Number(0, 600000);
                break;
            case "--late-ms":
                options.LateMs = Number(0, 600000);
                break;
            case "--refuse-ms":
                options.RefuseWindowMs = Number(0, 600000);
                break;
            case "--idle-ms":
                options.IdleTimeoutMs = Number(1, 86400000);
                break;
            case "-h":
            case "--help":
                Console.WriteLine($"""
                    FaultProxy: a fault-injecting TCP proxy between PosTerminal terminals and their acquirer.
                    Frames are [2-byte big-endian length][body]; faults act per connection, request and response.
                      --listen ADDR:PORT      where terminals connect (default 127.0.0.1:5900; port 0 picks one)
                      --upstream ADDR:PORT    the acquirer host (required), e.g. the AcquirerSimulator
                      --seed N                seed of every draw (default 1): same seed + same traffic = same faults
                      --rate P                chance that a connection, a request or a response meets a fault of
                                              a listed kind of its scope (default 0.1)
                      --faults LIST           all (default), none, or kinds separated by commas, each optionally
                                              with its own chance: dropresponse,reset=0.02
                                              kinds: {string.Join(", ", FaultKinds.All)}
                      --message-offset N      bytes between length and ISO message (cup: 11; default 0)
                      --max-frame N           largest frame body accepted (default 4096)
                      --delay-ms N            DelayResponse hold (default 2000)
                      --late-ms N             LateReply hold at most (default 2000)
                      --refuse-ms N           Refuse window without a listener (default 1000)
                      --idle-ms N             a connection idle this long is closed (default 60000)
                    Prints one line per injected fault (kind, connection, request, frame length; never frame bytes)
                    and the counters on exit (Ctrl+C or SIGTERM).
                    """);
                return 0;
            default:
                throw new ArgumentException("unknown option " + a + " (see --help)");
        }
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
}
if (options.Upstream == null)
{
    Console.Error.WriteLine("--upstream ADDR:PORT is required (see --help)");
    return 2;
}
try
{
    options.Plan = FaultPlan.Parse(faults, rate, seed);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
options.Log = line => Console.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {line}");

using ManualResetEventSlim quit = new();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    quit.Set();
};
// SIGTERM (kill, a test harness) ends it the same way: counters printed, connections closed.
using System.Runtime.InteropServices.PosixSignalRegistration term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
    {
        c.Cancel = true;
        quit.Set();
    });
await using (FaultInjectingProxy proxy = new(options))
{
    try
    {
        proxy.Start();
    }
    catch (System.Net.Sockets.SocketException e)
    {
        Console.Error.WriteLine($"cannot listen on {options.ListenAddress}:{options.ListenPort}: {e.SocketErrorCode}");
        return 1;
    }
    quit.Wait();
    Console.WriteLine(proxy.Stats);
}
return 0;

static IPEndPoint Endpoint(string v, string option)
{
    int colon = v.LastIndexOf(':');
    if (colon <= 0 || !IPAddress.TryParse(v[..colon], out IPAddress address)
        || !int.TryParse(v[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        throw new ArgumentException(option + " takes ADDRESS:PORT, e.g. 127.0.0.1:5800");
    return new IPEndPoint(address, port);
}
