using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PosTerminal.Link;
using PosTerminal.Txn;

namespace PosTerminal.Emulator;

/// <summary>Options of the emulator's demo command, parsed from the command line.</summary>
public sealed class DemoOptions
{
    /// <summary>Acquirer profile.</summary>
    public AcquirerProfile Profile { get; set; } = AcquirerProfile.Cup;

    /// <summary>Primary host; null = start the built-in simulator on 127.0.0.1 (ephemeral port).</summary>
    public HostEndpoint Primary { get; set; }

    /// <summary>Backup hosts in order.</summary>
    public List<HostEndpoint> Backups { get; } = new();

    /// <summary>Make the primary a closed loopback port so the sale falls over to the built-in simulator as backup.</summary>
    public bool ShowFailover { get; set; }

    /// <summary>Amount in minor units.</summary>
    public long AmountMinor { get; set; } = 12345;

    /// <summary>Test card name.</summary>
    public string Card { get; set; } = "cup-debit";

    /// <summary>Where the terminal keeps its non-volatile data.</summary>
    public string DataDir { get; set; } = RunOptions.DefaultDataDir;

    /// <summary>Connect timeout in ms.</summary>
    public int ConnectTimeoutMs { get; set; } = 3000;

    /// <summary>Response timeout in ms.</summary>
    public int ResponseTimeoutMs { get; set; } = 10000;

    /// <summary>TPDU to send (5 bytes, ID 60), or null for the profile's default.</summary>
    public byte[] Tpdu { get; set; }

    /// <summary>Header after the TPDU, or null for the profile's default.</summary>
    public byte[] Header { get; set; }

    /// <summary>Security configuration (see SecuritySettings.Named); null = the profile's default.</summary>
    public PosTerminal.Security.SecuritySettings Security { get; set; }

    /// <summary>The PIN to enter: null = the test card's PIN on file, "" = no PIN (a sale without PIN).</summary>
    public string Pin { get; set; }

    /// <summary>Make the built-in simulator send wrong response MACs.</summary>
    public bool WrongResponseMac { get; set; }

    /// <summary>
    /// What the scanner scans for the demo's second sale: a test code's symbol (see <c>codes</c>) or any text; null = no
    /// code sale.
    /// </summary>
    public string Code { get; set; } = Board.TestCode.Find("alipay").Symbol;

    /// <summary>Print the frame trace.</summary>
    public bool Trace { get; set; } = true;

    /// <summary>Parses the options after "demo"; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static DemoOptions Parse(string[] args, int start)
    {
        DemoOptions o = new();
        string host = null;
        int port = -1;
        for (int i = start; i < args.Length; i++)
        {
            string a = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(a + " needs a value");
            switch (a)
            {
                case "--profile": o.Profile = AcquirerProfile.Find(Next()) ?? throw new ArgumentException("--profile is cup or iso87ascii"); break;
                case "--host": host = Next(); break;
                case "--port": port = ParsePort(Next()); break;
                case "--backup": o.Backups.Add(ParseEndpoint(Next())); break;
                case "--show-failover": o.ShowFailover = true; break;
                case "--amount": o.AmountMinor = ParseAmount(Next(), o.Profile); break;
                case "--card": o.Card = Next(); break;
                case "--data":
                case "--data-dir": o.DataDir = Next(); break;
                case "--connect-timeout": o.ConnectTimeoutMs = ParseMs(Next()); break;
                case "--response-timeout": o.ResponseTimeoutMs = ParseMs(Next()); break;
                case "--tpdu": o.Tpdu = ParseHex(Next(), "--tpdu", 5, 5); break;
                case "--header": o.Header = ParseHex(Next(), "--header", 0, 32); break;
                case "--no-trace": o.Trace = false; break;
                case "--security": o.Security = PosTerminal.Security.SecuritySettings.Named(Next()) ?? throw new ArgumentException("--security is one of " + PosTerminal.Security.SecuritySettings.Names); break;
                case "--pin": o.Pin = ParsePin(Next()); break;
                case "--no-pin": o.Pin = ""; break;
                case "--wrong-response-mac": o.WrongResponseMac = true; break;
                case "--code": o.Code = ParseCode(Next()); break;
                case "--no-code": o.Code = null; break;
                default: throw new ArgumentException("unknown option " + a + " (try: demo --help)");
            }
        }
        if ((host == null) != (port < 0)) throw new ArgumentException("--host and --port go together");
        if (host != null) o.Primary = new HostEndpoint(host, port);
        if (o.Primary != null && o.ShowFailover) throw new ArgumentException("--show-failover uses the built-in simulator; leave out --host/--port");
        if (o.Backups.Count > 3) throw new ArgumentException("at most 3 backup hosts");
        o.Security ??= o.Profile.DefaultSecurity;
        if ((o.Profile == AcquirerProfile.Cup) == o.Security.IsDukpt)
            throw new ArgumentException("--security: cup takes cup, cup-x919, cup-tdk or cup-sm4; iso87ascii takes dukpt-tdes or dukpt-aes");
        if (o.Tpdu != null && o.Tpdu[0] != PosTerminal.Link.FrameFormat.TpduId) throw new ArgumentException("a TPDU starts with 60 (ID), then destination and source NII, e.g. 6000030000");
        return o;
    }

    /// <summary>The frame format: the profile's, with the TPDU and header replaced where given.</summary>
    public FrameFormat Frame()
    {
        FrameFormat d = Profile.DefaultFrame;
        if (Tpdu == null && Header == null) return d;
        return new FrameFormat(d.LengthHeader, Tpdu ?? d.Tpdu, Header ?? d.Header, d.MaxFrameLength);
    }

    private static byte[] ParseHex(string s, string option, int min, int max)
    {
        byte[] b;
        try
        {
            b = PosTerminal.Util.Hex.Decode(s);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException(option + " takes hex digits, e.g. 6000030000");
        }
        if (b.Length < min || b.Length > max) throw new ArgumentException($"{option} takes {min}-{max} bytes of hex");
        return b;
    }

    // A PIN as typed on the PIN pad: 4 to 12 digits (ISO 9564-1).
    private static string ParsePin(string s) =>
        s.Length is >= 4 and <= 12 && s.All(char.IsAsciiDigit) ? s : throw new ArgumentException("--pin takes 4 to 12 digits");

    private static int ParsePort(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p >= 1 && p <= 65535 ? p : throw new ArgumentException("a port is 1-65535");

    private static int ParseMs(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= 100 && v <= 300000 ? v : throw new ArgumentException("a timeout is 100-300000 ms");

    private static HostEndpoint ParseEndpoint(string s)
    {
        int colon = s.LastIndexOf(':');
        if (colon <= 0) throw new ArgumentException("--backup takes HOST:PORT");
        return new HostEndpoint(s[..colon], ParsePort(s[(colon + 1)..]));
    }

    // A test code's name, or the text to scan as it is (printable ASCII, at most 200 characters).
    private static string ParseCode(string s)
    {
        Board.TestCode named = Board.TestCode.Find(s);
        if (named != null) return named.Symbol;
        if (s.Length is 0 or > 200 || !s.All(c => c is >= ' ' and <= '~')) throw new ArgumentException("--code takes a test code's name (see: codes) or printable text to scan");
        return s;
    }

    /// <summary>"123.45" in minor units of the terminal's currency (CNY, 2 decimals); throws ArgumentException with a message.</summary>
    public static long ParseAmount(string s, AcquirerProfile profile)
    {
        int exp = Currency.Exponent("156");
        string[] parts = s.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && (parts[1].Length == 0 || parts[1].Length > exp)))
            throw new ArgumentException("an amount is like 123.45");
        string digits = parts[0] + (parts.Length == 2 ? parts[1].PadRight(exp, '0') : new string('0', exp));
        if (digits.Length > 12 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long minor) || minor < 1)
            throw new ArgumentException("an amount is between 0.01 and 9999999999.99");
        return minor;
    }
}
