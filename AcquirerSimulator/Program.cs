using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using AcquirerSimulator;
using AcquirerSimulator.Security;
using PosTerminal.Security;
using PosTerminal.Txn;

// AcquirerSimulator [--listen ADDR:PORT] [--profile cup|iso87ascii] [--rule MATCH:ACTION]... [--no-default-rules]
SimulatorOptions options = new() { Log = line => Console.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {line}") };
bool defaults = true;
// keys are registered after every option is read: their algorithm follows --security and --profile, in any order
System.Collections.Generic.List<(string Option, string Tid, byte[] Key)> keyOptions = [];
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
            case "--security":
                options.Security = SecuritySettings.Named(Next()) ?? throw new ArgumentException("--security is one of " + SecuritySettings.Names);
                break;
            case "--tmk":
            case "--bdk":
                (string tid, byte[] key) = KeyOption(Next(), a);
                keyOptions.Add((a, tid, key));
                break;
            case "--pin":
                string pv = Next();
                int eq = pv.IndexOf('=');
                if (eq < 12 || pv.Length - eq - 1 is < 4 or > 12) throw new ArgumentException("--pin takes PAN=PIN (PIN 4-12 digits)");
                options.CardPins[pv[..eq]] = pv[(eq + 1)..];
                break;
            case "--fee":
                options.Fees.Parse(Next());
                break;
            case "--credit-bin":
                string bin = Next();
                if (bin.Length is < 1 or > 11 || !bin.All(char.IsAsciiDigit)) throw new ArgumentException("--credit-bin takes the leading digits of credit card numbers");
                options.CreditBins.Add(bin);
                break;
            case "--header-requirement":
                string nib = Next();
                if (!int.TryParse(nib, NumberStyles.None, CultureInfo.InvariantCulture, out int req) || req > 15)
                    throw new ArgumentException("--header-requirement takes 0..15 (3 = sign on again)");
                options.ProcessingRequirement = req;
                break;
            case "--wrong-response-mac":
                options.WrongResponseMac = true;
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
                      --security NAME         cup (default for cup), cup-x919, cup-tdk, cup-sm4, dukpt-tdes (default for
                                              iso87ascii) or dukpt-aes
                      --tmk [TID=]HEX         a terminal's master key (TMK), for sign-on (every terminal when TID is left out)
                      --bdk [TID=]HEX         the base derivation key of DUKPT terminals
                      --pin PAN=PIN           the PIN on file for a card (a PIN for other cards is accepted once it decodes)
                      --wrong-response-mac    MAC every response wrongly (exercises the terminal's A0 path)
                      --fee MCC:TYPE=PERCENT  merchant fee rate for the settlement report; MCC is 4 digits or *, TYPE
                                              debit, credit or qr; repeatable (defaults *:debit=0.50 *:credit=0.60 *:qr=0.38)
                      --credit-bin DIGITS     card numbers starting so are credit cards (for fees); repeatable
                      --header-requirement N  processing requirement in every response header (3 = sign on again)
                    Keys given here are for testing: the simulator shows only their check values.
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

try
{
    foreach ((string option, string tid, byte[] key) in keyOptions)
    {
        AddKey(options, option, tid, key);
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
finally
{
    foreach ((_, _, byte[] key) in keyOptions) Array.Clear(key);
}

await using AcquirerHost host = new(options);
foreach (string tid in options.Keys.TerminalIds)
{
    using TerminalKeyState k = options.Keys.Get(tid);
    Console.WriteLine($"keys on file for {(tid == TerminalKeys.AnyTerminal ? "every terminal" : "terminal " + tid)}: {k}");
}
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
Console.WriteLine($"stopping: {host.Connections} connections, {host.Frames} requests, {host.BadFrames} dropped, {count} approved (net {total} minor units), "
    + $"{host.Ledger.Reversals} reversed, {host.Ledger.DuplicateReversals} duplicate reversals, {host.Ledger.Settlements.Count} settlements");
return 0;

// A --tmk or --bdk key for the security mode chosen: a TMK is TDES (16/24 bytes) or SM4 (16), a BDK TDES or AES.
static void AddKey(SimulatorOptions options, string option, string tid, byte[] key)
{
    if (option == "--tmk")
    {
        bool sm4 = options.Security.Sm4;
        if (options.Security.Scheme is KeyScheme.DukptTdes or KeyScheme.DukptAes)
            throw new ArgumentException("--tmk is for master/session security (cup, cup-x919, cup-tdk, cup-sm4); DUKPT security takes --bdk");
        HostCipherAlgorithm alg = sm4 ? HostCipherAlgorithm.Sm4 : HostCipherAlgorithm.Tdes;
        if (!HostCipher.IsValidKeyLength(alg, key.Length)) throw new ArgumentException("--tmk: a TDES master key is 16 or 24 bytes, an SM4 one 16");
        options.Keys.SetMasterKey(tid, new HostKey(alg, key));
        return;
    }
    bool aes = options.Security.Scheme == KeyScheme.DukptAes;
    if (!aes && options.Security.Scheme != KeyScheme.DukptTdes)
        throw new ArgumentException("--bdk is for DUKPT security (--security dukpt-tdes or dukpt-aes)");
    options.Keys.SetBdk(tid, new HostKey(aes ? HostCipherAlgorithm.Aes : HostCipherAlgorithm.Tdes, key), aes ? TerminalKeyScheme.DukptAes : TerminalKeyScheme.DukptTdes);
}

// "[TID=]HEX": the terminal id (every terminal when left out) and the key bytes.
static (string TerminalId, byte[] Key) KeyOption(string value, string option)
{
    int eq = value.IndexOf('=');
    string tid = eq < 0 ? TerminalKeys.AnyTerminal : value[..eq];
    try
    {
        return (tid, Convert.FromHexString(value[(eq + 1)..]));
    }
    catch (FormatException)
    {
        throw new ArgumentException(option + " takes [TID=]HEX");
    }
}
