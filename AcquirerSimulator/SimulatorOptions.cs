using System;
using System.Collections.Generic;
using System.Net;
using AcquirerSimulator.Security;
using PosTerminal.Txn;

namespace AcquirerSimulator;

/// <summary>How the simulated acquirer listens and answers.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Default TCP port of the command-line simulator.</summary>
    public const int DefaultPort = 5800;

    /// <summary>Address to listen on (loopback by default).</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free ephemeral port (read it back from <see cref="AcquirerHost.Port"/>).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Acquirer profile of the terminals it serves ("cup" or "iso87ascii").</summary>
    public AcquirerProfile Profile { get; set; } = AcquirerProfile.Cup;

    /// <summary>Rules tried in order for each financial request; none matching means approve (00).</summary>
    public List<SaleRule> Rules { get; } = new(SaleRule.Defaults());

    /// <summary>Acquiring institution id returned in F32.</summary>
    public string AcquirerId { get; set; } = "48020000";

    /// <summary>Largest frame accepted (bytes after the length field); longer ones drop the client.</summary>
    public int MaxFrameLength { get; set; } = 4096;

    /// <summary>A client silent for this long is dropped.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Security the terminals use (MAC method, key scheme, PIN format, SM4, track encryption); the profile's default unless set.</summary>
    public PosTerminal.Security.SecuritySettings Security
    {
        get => _security ?? Profile.DefaultSecurity;
        set => _security = value;
    }

    private PosTerminal.Security.SecuritySettings _security;

    /// <summary>The terminals' master keys / BDKs, the working keys issued at sign-on, and their batch numbers.</summary>
    public TerminalKeys Keys { get; } = new();

    /// <summary>PIN on file per PAN; a PIN block for a PAN not listed here is accepted once it decodes.</summary>
    public Dictionary<string, string> CardPins { get; } = new();

    /// <summary>Damage the last check value of every sign-on's F62 (to exercise the terminal's key rejection).</summary>
    public bool CorruptSignOnCheckValue { get; set; }

    /// <summary>Send every response without its MAC (a man in the middle stripping F64 must not make an approval).</summary>
    public bool OmitResponseMac { get; set; }

    /// <summary>Send every response MAC wrong (to exercise the terminal's A0 path).</summary>
    public bool WrongResponseMac { get; set; }

    /// <summary>Merchant fee rates per MCC and card type, for the settlement report (example defaults).</summary>
    public FeeTable Fees { get; } = FeeTable.Defaults();

    /// <summary>PAN prefixes of credit cards (for fees); every other card is a debit card.</summary>
    public List<string> CreditBins { get; } = new();

    /// <summary>Balance per PAN returned by a balance inquiry (F54), minor units.</summary>
    public Dictionary<string, long> Balances { get; } = new();

    /// <summary>Balance returned for a card not in <see cref="Balances"/>, minor units.</summary>
    public long DefaultBalanceMinor { get; set; } = 1_000_000;

    /// <summary>
    /// Processing-requirement nibble put in the header of every response other than a sign-on's (low nibble of header
    /// byte 3; payments.md §2.1: 3 = sign on again, 6 = TMS parameters ...); 0 = none. Profiles without a header ignore it.
    /// </summary>
    public int ProcessingRequirement { get; set; }

    /// <summary>Where masked log lines go (never a PAN, track, PIN block or key).</summary>
    public Action<string> Log { get; set; } = _ => { };
}
