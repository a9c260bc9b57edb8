using System;
using System.Collections.Generic;
using PosTerminal.Cards;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Tests.Emv;
using PosTerminal.Tests.Iso8583;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// Valid inputs for the fuzz targets, in their input formats (selector byte first where the target has one): the
/// published golden frames, the TLV vectors, and frames real terminals send, recorded from the firmware talking to the
/// simulator. Used by the CI harnesses and written as the AFL seed corpora (fuzz/corpus/&lt;target&gt;/).
/// </summary>
public static class FuzzSeeds
{
    // (hex, offset of the message in the frame, profile) of every golden frame
    private static readonly (string Hex, int MessageOffset, bool Cup)[] s_golden =
    [
        (GoldenFrames.CsdnContactlessSale0200, 13, true),
        (GoldenFrames.CnblogsQrSale0200, 13, true),
        (GoldenFrames.CsdnSignOn0800, 13, true),
        (GoldenFrames.CsdnCapkQuery0830, 0, true),
        (GoldenFrames.BlogspotResponse0210, 0, false),
        (GoldenFrames.ReadmeRequest0200, 0, false),
    ];

    /// <summary>The golden messages (no framing) of the cup profile, or of iso87ascii.</summary>
    public static List<byte[]> GoldenMessages(bool cup)
    {
        List<byte[]> list = new();
        foreach ((string hex, int at, bool isCup) in s_golden)
        {
            if (isCup != cup) continue;
            byte[] b = isCup ? Hex.Decode(hex) : Ascii.GetBytes(hex);
            list.Add(b[at..]);
        }
        return list;
    }

    /// <summary>Inputs of the iso target: every golden message and <paramref name="extra"/> message, under each spec of its profile.</summary>
    public static List<byte[]> Iso(IEnumerable<(byte[] Message, bool Cup)> extra = null)
    {
        List<(byte[], bool)> messages = new();
        foreach (byte[] m in GoldenMessages(true)) messages.Add((m, true));
        foreach (byte[] m in GoldenMessages(false)) messages.Add((m, false));
        if (extra != null) messages.AddRange(extra);
        List<byte[]> list = new();
        foreach ((byte[] m, bool cup) in messages)
        {
            for (int spec = 0; spec < FuzzTargets.IsoSpecs.Length; spec++)
            {
                if (FuzzTargets.IsoSpecNames[spec].StartsWith("cup", StringComparison.Ordinal) == cup) list.Add(Prefixed((byte)spec, m));
            }
        }
        return list;
    }

    /// <summary>Inputs of the tlv target: the tlv.json vectors, the golden F55, and the F62 TLVs of the golden frames.</summary>
    public static List<byte[]> Tlv()
    {
        List<byte[]> list =
        [
            Hex.Decode(TlvVectors.GpoResponse), Hex.Decode(TlvVectors.PpseFci), Hex.Decode(TlvVectors.PseRecord),
            Hex.Decode(TlvVectors.TwoPrimitives), Hex.Decode(TlvVectors.ThreeByteTag), Hex.Decode(TlvVectors.LongForm81()),
            Hex.Decode(TlvVectors.LongForm82()), Hex.Decode(TlvVectors.CsdnContactlessF55),
            Hex.Decode(TlvVectors.PpseFci + TlvVectors.CsdnContactlessF55),
        ];
        IsoMessage m = new(FuzzTargets.IsoSpecs[0]);
        foreach (byte[] message in GoldenMessages(true))
        {
            IsoCodec.Unpack(message, 0, message.Length, m);
            if (!m.Has(IsoField.Reserved62)) continue;
            byte[] f62 = new byte[m.Length(IsoField.Reserved62)];
            m.CopyTo(IsoField.Reserved62, f62, 0);
            list.Add(f62[0] == '1' ? f62[1..] : f62);   // the CAPK list starts with a status byte
        }
        return list;
    }

    /// <summary>
    /// Inputs of the frame target: each golden cup frame for the cup format under each buffer and delivery choice, the
    /// iso87ascii messages framed with a binary length, a keep-alive followed by a frame, and two frames back to back.
    /// </summary>
    public static List<byte[]> Frame()
    {
        List<byte[]> list = new();
        List<byte[]> cupFrames = new();
        foreach ((string hex, int at, bool cup) in s_golden)
        {
            if (cup && at == 13) cupFrames.Add(Hex.Decode(hex));
        }
        foreach (byte[] f in cupFrames)
        {
            // format 0 (cup): each receive buffer, closing or silent peer, each delivery
            foreach (byte sel in new byte[] { 0x00, 0x04, 0x08, 0x0C, 0x10, 0x20, 0x40, 0x60 }) list.Add(Prefixed(sel, f));
        }
        foreach (byte[] m in GoldenMessages(false))
        {
            list.Add(Prefixed(0x01, Framed(m, 2)));
            list.Add(Prefixed(0x61, Framed(m, 2)));
        }
        list.Add(Prefixed(0x00, [0x00, 0x00, .. cupFrames[0]]));
        list.Add(Prefixed(0x20, [.. cupFrames[1], .. cupFrames[2]]));
        byte[] ascii = Ascii.GetBytes((cupFrames[2].Length - 2).ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        list.Add(Prefixed(0x02, [.. ascii, .. cupFrames[2][2..]]));   // the sign-on frame with an ASCII length
        return list;
    }

    /// <summary>Inputs of the simulator target for set-up <paramref name="setup"/>: the given request streams, prefixed.</summary>
    public static List<byte[]> Simulator(int setup, IEnumerable<byte[]> streams)
    {
        List<byte[]> list = new();
        foreach (byte[] s in streams) list.Add(Prefixed((byte)setup, s));
        return list;
    }

    /// <summary>
    /// The golden cup requests (sale, QR sale, sign-on) as whole frames, one per stream and all in one stream: what a
    /// cup simulator should answer (or refuse, for MACs it cannot check).
    /// </summary>
    public static List<byte[]> GoldenCupRequestStreams()
    {
        List<byte[]> list = new();
        List<byte> all = new();
        foreach ((string hex, int at, bool cup) in s_golden)
        {
            if (!cup || at != 13) continue;
            byte[] f = Hex.Decode(hex);
            list.Add(f);
            all.AddRange(f);
        }
        list.Add(all.ToArray());
        return list;
    }

    /// <summary>
    /// Records the request frames a terminal of the fixture's profile and security sends: sign-on (unless DUKPT), a swiped
    /// sale, a sale with PIN, a payment-code sale, a balance inquiry, a void of the PIN sale, a refund of the first sale, a
    /// sale the simulator leaves unanswered (amount 99999) and its reversal (0400), and a settlement (0500, 0320); returned
    /// one frame per stream plus the whole session as one stream. The requests are answered by the fixture's simulator, so
    /// MACs and DUKPT counters are valid for that simulator.
    /// </summary>
    public static List<byte[]> RecordTerminalSession(SimulatorFixture sim)
    {
        FrameRecorder rec = new();
        sim.Observer = rec;
        Terminal t = sim.Terminal(400, terminalId: "88880077");
        if (!sim.Security.IsDukpt) t.SignOn();
        TxnOutcome first, withPin;
        using (CardData card = SimulatorFixture.Card()) first = t.Sale(card, 1234);
        using (CardData card = SimulatorFixture.Card())
        using (PosTerminal.Security.PinEntry pin = SimulatorFixture.Pin("123456")) withPin = t.Sale(card, 2500, pin);
        byte[] code = Ascii.GetBytes("134526838612345678");
        if (PaymentCode.TryCreate(code, 0, code.Length, out PaymentCode wechat) == PaymentCodeStatus.Ok)
        {
            using (wechat) t.Sale(wechat, 999);
        }
        using (CardData card = SimulatorFixture.Card()) t.Balance(card, null);
        if (withPin.IsApproved)
        {
            using CardData card = SimulatorFixture.Card();
            t.Void(card, withPin.Stan);
        }
        if (first.IsApproved && first.Rrn != null)
        {
            using CardData card = SimulatorFixture.Card();
            t.Refund(card, 100, first.Rrn, first.Time.ToString("MMdd", System.Globalization.CultureInfo.InvariantCulture));
        }
        using (CardData card = SimulatorFixture.Card()) t.Sale(card, 99999);   // the noreply rule: a reversal is due
        t.SendPendingReversal();
        t.Settle();
        sim.Observer = null;
        List<byte[]> list = new(rec.Frames);
        List<byte> all = new();
        foreach (byte[] f in rec.Frames) all.AddRange(f);
        list.Add(all.ToArray());
        return list;
    }

    /// <summary>The message framed with a length field of <paramref name="lengthBytes"/> bytes (binary 2 or ASCII 4).</summary>
    public static byte[] Framed(byte[] message, int lengthBytes)
    {
        byte[] f = new byte[lengthBytes + message.Length];
        if (lengthBytes == 2)
        {
            f[0] = (byte)(message.Length >> 8);
            f[1] = (byte)message.Length;
        }
        else
        {
            Ascii.WriteNumber(message.Length, 4, f, 0);
        }
        message.CopyTo(f, lengthBytes);
        return f;
    }

    /// <summary>
    /// Inputs of the console target: what a technician types (commands with arguments, a dialog with a secret, editing
    /// keys, history arrows, escape sequences of common terminals, Ctrl-C, UTF-8, telnet NUL padding), each under every
    /// selector that matters: editor with echo and history or without echo, session, each delivery.
    /// </summary>
    public static List<byte[]> ConsoleLines()
    {
        string[] typed =
        [
            "help\r", "help set\r", "whoami\r", "set amount 100\rset host 127.0.0.1\rshow\r", "set x\r",
            "ask\rterminal 1\rs3cr3t\r", "passwd\rwrong\r", "nosuch arg\r", "boom\r", "logout\rtech\r",
            "abc\bd\u007Fe\u0015fgh\r\n", "one\rtwo\r\x1B[A\x1B[A\x1B[B\r", "x\x1BOA\x1BOB\x1B[1;5C\x1B[[A\x1B[3~y\r",
            "\x1B", "partial\x03help\r", "\xC3\xA9t\xE2\x82\xAC\r", "line\r\0\nnext\n", new string('a', 300) + "\r",
        ];
        List<byte[]> list = new();
        foreach (string t in typed)
        {
            byte[] b = new byte[t.Length];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)t[i];
            foreach (byte sel in new byte[] { 0x90, 0x98, 0x02, 0x44, 0xF6, 0x01, 0x03, 0x05, 0x07 }) list.Add(Prefixed(sel, b));
        }
        return list;
    }

    /// <summary>
    /// A repair for mutated [selector][binary-length frame] inputs: rewrites the 2-byte length after the selector to what
    /// follows it, so that most mutants pass the length check and reach the decoder.
    /// </summary>
    public static byte[] FixFrameLength(Random rnd, byte[] b)
    {
        if (b.Length < 3) return b;
        int len = b.Length - 3;
        b[1] = (byte)(len >> 8);
        b[2] = (byte)len;
        return b;
    }

    private static byte[] Prefixed(byte selector, byte[] body)
    {
        byte[] b = new byte[1 + body.Length];
        b[0] = selector;
        body.CopyTo(b, 1);
        return b;
    }

    /// <summary>Keeps a copy of every request frame a terminal sends.</summary>
    private sealed class FrameRecorder : ILinkObserver
    {
        public readonly List<byte[]> Frames = new();

        public void OnConnect(int index, HostEndpoint host, LinkStatus status)
        {
        }

        public void OnSent(IsoMessage message, byte[] frame, int messageOffset, int frameLength)
        {
            lock (Frames) Frames.Add(frame[..frameLength]);
        }

        public void OnReceived(IsoMessage message, byte[] frame, int messageOffset, int frameLength, bool matched)
        {
        }

        public void OnFormatError(IsoFormatException error, int frameLength)
        {
        }
    }
}
