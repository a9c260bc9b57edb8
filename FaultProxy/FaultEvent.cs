namespace FaultProxy;

/// <summary>
/// One injected fault: its kind, the connection (1 = the first accepted or refused), the request it hit (0 for a
/// connection fault), the length of the frame it hit (0 when none) and a detail made of numbers only. It never holds
/// frame bytes.
/// </summary>
public sealed record FaultEvent(FaultKind Kind, long Connection, long Request, int FrameLength, string Detail)
{
    /// <summary>True when the host received the whole request (see <see cref="FaultKinds.HostGotRequest"/>).</summary>
    public bool HostGotRequest => FaultKinds.HostGotRequest(Kind);

    /// <summary>"fault DropResponse conn=3 req=5 len=87 ..." (the proxy's log line).</summary>
    public override string ToString()
    {
        string s = $"fault {Kind} conn={Connection}";
        if (Request > 0) s += $" req={Request}";
        if (FrameLength > 0) s += $" len={FrameLength}";
        return string.IsNullOrEmpty(Detail) ? s : s + " " + Detail;
    }
}
