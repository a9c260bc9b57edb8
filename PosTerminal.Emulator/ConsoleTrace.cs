using System.IO;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Util;

namespace PosTerminal.Emulator;

/// <summary>
/// Prints the link's traffic to a writer: connect attempts, then each frame's length, TPDU and header and a
/// field-by-field listing with sensitive fields masked (<see cref="MessageDump"/>). Never prints a raw frame.
/// </summary>
public sealed class ConsoleTrace(TextWriter output, System.Func<FrameFormat> frameFormat) : ILinkObserver
{
    /// <summary>A trace of a link whose settings are <paramref name="settings"/>.</summary>
    public ConsoleTrace(TextWriter output, LinkSettings settings) : this(output, () => settings.Frame)
    {
    }

    /// <inheritdoc />
    public void OnConnect(int index, HostEndpoint host, LinkStatus status) =>
        output.WriteLine($"-- connect {LinkSettings.HostRole(index)} {host}: {Describe(status)}");

    /// <inheritdoc />
    public void OnSent(IsoMessage message, byte[] frame, int messageOffset, int frameLength)
    {
        output.WriteLine($">> sent {frameLength} bytes {Envelope(frame, messageOffset)}");
        output.Write(MessageDump.Describe(message, frame, messageOffset));
    }

    /// <inheritdoc />
    public void OnReceived(IsoMessage message, byte[] frame, int messageOffset, int frameLength, bool matched)
    {
        output.WriteLine($"<< received {frameLength} bytes {Envelope(frame, messageOffset)}{(matched ? "" : "  (does not answer the request: ignored)")}");
        output.Write(MessageDump.Describe(message, frame, messageOffset));
    }

    /// <inheritdoc />
    public void OnFormatError(IsoFormatException error, int frameLength) =>
        output.WriteLine($"<< received {frameLength} bytes that do not decode: {error.Error} at field {error.Field}, offset {error.Offset} (dropped)");

    private string Envelope(byte[] frame, int messageOffset)
    {
        FrameFormat f = frameFormat();
        int p = f.LengthBytes;
        string s = "[LEN " + Hex.Encode(frame, 0, p) + "]";
        if (f.HasTpdu)
        {
            s += " [TPDU " + Hex.Encode(frame, p, FrameFormat.TpduLength) + "]";
            p += FrameFormat.TpduLength;
        }
        if (f.HeaderLength > 0) s += " [HEADER " + Hex.Encode(frame, p, f.HeaderLength) + "]";
        return s;
    }

    internal static string Describe(LinkStatus s) => s switch
    {
        LinkStatus.Ok => "connected",
        LinkStatus.Refused => "refused",
        LinkStatus.Timeout => "timed out",
        LinkStatus.Unreachable => "unreachable",
        LinkStatus.Closed => "closed",
        _ => s.ToString(),
    };
}
