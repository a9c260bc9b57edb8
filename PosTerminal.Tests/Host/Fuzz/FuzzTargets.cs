using System;
using System.IO;
using AcquirerSimulator;
using AcquirerSimulator.Security;
using PosTerminal.Emulator.Board;
using PosTerminal.Emv;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Iso8583.Profiles;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Tests.Emv;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// The fuzz targets, shared by the CI harnesses (<see cref="FuzzRun"/>) and by the SharpFuzz/AFL++ program
/// (fuzz/PosTerminal.Fuzz, which compiles this file): each takes one input and returns normally, throws one of the typed
/// errors its harness allows (see <see cref="TypedError"/>), or throws anything else, which is a finding. Each also checks
/// properties beyond "no crash" and throws <see cref="FuzzFindingException"/> when one fails. Where a target has
/// variants, the first input byte selects one, so that one byte string always means the same run (AFL files and
/// fuzz/regressions/*.hex replay exactly).
/// </summary>
public static class FuzzTargets
{
    /// <summary>Target names, as the fuzz program's argument and the prefix of regression fixture files.</summary>
    public static readonly string[] Names = ["iso", "tlv", "frame", "simulator", "console"];

    /// <summary>The target called <paramref name="name"/>.</summary>
    public static Action<byte[]> ByName(string name) => name switch
    {
        "iso" => Iso,
        "tlv" => Tlv,
        "frame" => Frame,
        "simulator" => Simulator,
        "console" => ConsoleFuzz.Run,
        _ => throw new ArgumentException("no fuzz target " + name),
    };

    /// <summary>
    /// The label of an exception its target is allowed to throw (the typed errors: IsoFormatException with its code,
    /// TlvFormatException with its code), or null when the exception is a finding.
    /// </summary>
    public static string TypedError(Exception e) => e switch
    {
        IsoFormatException iso => "IsoFormatException." + iso.Error,
        TlvFormatException tlv => "TlvFormatException." + tlv.Error,
        _ => null,
    };

    // ----- (a) IsoCodec.Unpack -------------------------------------------------------------------------------------

    // Tables built on first use, never by the type initializer: under AFL, instrumented code must not run before
    // SharpFuzz has mapped its coverage memory, and the program names a target (FuzzTargets.Names) before that.
    private static MessageSpec[] s_isoSpecs;
    private static FrameFormat[] s_frameFormats;
    private static (AcquirerProfile, string)[] s_simulatorSetups;

    /// <summary>The message layouts of both profiles with their security variants (AcquirerProfile.SpecFor), by selector.</summary>
    public static MessageSpec[] IsoSpecs => s_isoSpecs ??=
    [
        CupSpec.Variant(false, false), CupSpec.Variant(true, false), CupSpec.Variant(false, true), CupSpec.Variant(true, true),
        Iso87AsciiSpec.Variant(false), Iso87AsciiSpec.Variant(true),
    ];

    /// <summary>Names of <see cref="IsoSpecs"/>: profile and the security settings that select the variant.</summary>
    public static readonly string[] IsoSpecNames = ["cup", "cup-sm4", "cup-tdk", "cup-sm4+tdk", "iso87ascii", "iso87ascii-aespin"];

    [ThreadStatic] private static IsoScratch[] t_iso;

    private sealed class IsoScratch(MessageSpec spec)
    {
        public readonly IsoMessage First = new(spec), Second = new(spec);
        public readonly byte[] Packed = new byte[IsoMessage.DefaultCapacity * 3], Repacked = new byte[IsoMessage.DefaultCapacity * 3];
        public readonly TlvReader Reader = new();
    }

    /// <summary>[spec selector: byte % 6][ISO 8583 message]: see <see cref="IsoMessage"/>.</summary>
    public static void Iso(byte[] input)
    {
        if (input.Length == 0) return;
        IsoMessageBytes(input[0] % IsoSpecs.Length, input, 1, input.Length - 1);
    }

    /// <summary>
    /// Unpacks the message with spec <paramref name="specIndex"/> (IsoFormatException allowed, with an offset inside
    /// the input). What decodes must describe itself (masked dump), pack again, decode again, and pack to the same bytes;
    /// its F55 and F62 are walked as TLV (TlvFormatException allowed).
    /// </summary>
    public static void IsoMessageBytes(int specIndex, byte[] b, int offset, int count)
    {
        t_iso ??= new IsoScratch[6];
        IsoScratch s = t_iso[specIndex] ??= new IsoScratch(IsoSpecs[specIndex]);
        try
        {
            IsoCodec.Unpack(b, offset, count, s.First);
        }
        catch (IsoFormatException e)
        {
            if (e.Offset < 0 || e.Offset > count || e.Field < 0 || e.Field > 128)
                throw new FuzzFindingException($"IsoFormatException {e.Error} with field {e.Field} offset {e.Offset} outside a {count}-byte message");
            throw;
        }
        MessageDump.Summary(s.First);
        MessageDump.Describe(s.First, b, offset);
        int n1, n2;
        try
        {
            n1 = IsoCodec.Pack(s.First, s.Packed, 0);
            IsoCodec.Unpack(s.Packed, 0, n1, s.Second);
            n2 = IsoCodec.Pack(s.Second, s.Repacked, 0);
        }
        catch (IsoFormatException e)
        {
            throw new FuzzFindingException($"a decoded message does not survive pack/unpack: {e.Error} field {e.Field} offset {e.Offset}");
        }
        if (n1 != n2 || !s.Packed.AsSpan(0, n1).SequenceEqual(s.Repacked.AsSpan(0, n2)))
            throw new FuzzFindingException("pack(unpack(pack(m))) differs from pack(m)");
        WalkField(s, IsoField.IccData);
        WalkField(s, IsoField.Reserved62);
    }

    private static void WalkField(IsoScratch s, int field)
    {
        if (!s.First.Has(field)) return;
        byte[] v = new byte[s.First.Length(field)];
        s.First.CopyTo(field, v, 0);
        s.Reader.Reset(v, 0, v.Length);
        try
        {
            while (s.Reader.Walk())
            {
            }
        }
        catch (TlvFormatException)
        {
            // not TLV: allowed (F62 also carries keys and text)
        }
    }

    // ----- (b) the TLV reader and writer ---------------------------------------------------------------------------

    [ThreadStatic] private static TlvReader t_reader;
    [ThreadStatic] private static TlvWriter t_writer;

    /// <summary>
    /// Walks the input as BER-TLV (TlvFormatException allowed). The throwing walk and Validate agree; the same bytes
    /// inside a larger buffer, between hostile bytes, give the same result (nothing outside the range is read); what
    /// is well-formed is rebuilt by the writer into no more bytes, reads back as the same tree, equals the input
    /// byte for byte when it has the same length, and Find finds its last tag.
    /// </summary>
    public static void Tlv(byte[] input)
    {
        TlvReader r = t_reader ??= new TlvReader();
        TlvWriter w = t_writer ??= new TlvWriter();
        r.Reset(input, 0, input.Length);
        TlvOutcome exact = Trace(r, input, 0, input.Length);

        r.Reset(input, 0, input.Length);
        TlvError validated = r.Validate();
        if (validated != exact.Error || (validated != TlvError.None && (r.ErrorTag != exact.ErrorTag || r.ErrorOffset != exact.ErrorOffset)))
            throw new FuzzFindingException($"Validate says {validated} tag {r.ErrorTag:X} at {r.ErrorOffset}, the walk {exact}");

        const int before = 5, after = 7;
        byte[] padded = new byte[before + input.Length + after];
        padded.AsSpan(0, before).Fill(0x82);          // a long-form length announcing 2 bytes
        padded.AsSpan(before + input.Length).Fill(0x81);
        input.CopyTo(padded, before);
        r.Reset(padded, before, input.Length);
        TlvOutcome embedded = Trace(r, padded, before, input.Length);
        if (!embedded.Equals(exact)) throw new FuzzFindingException($"reads outside its range: alone {exact}, embedded {embedded}");

        if (exact.Error != TlvError.None) throw new TlvFormatException(exact.Error, exact.ErrorTag, exact.ErrorOffset);
        byte[] rebuilt = new byte[input.Length];
        int n;
        try
        {
            w.Reset(rebuilt, 0, rebuilt.Length);
            n = TlvText.Rebuild(input, 0, input.Length, r, w);
        }
        catch (TlvFormatException e)
        {
            throw new FuzzFindingException($"well-formed TLV does not rebuild into its own size: {e.Error} tag {e.Tag:X} at {e.Offset}");
        }
        r.Reset(rebuilt, 0, n);
        TlvOutcome again = Trace(r, rebuilt, 0, n);
        if (again.Error != TlvError.None || again.Shape != exact.Shape || again.Elements != exact.Elements)
            throw new FuzzFindingException($"rebuilt TLV reads differently: {again} vs {exact}");
        if (n == input.Length && !rebuilt.AsSpan().SequenceEqual(input))
            throw new FuzzFindingException("rebuilt TLV of the same length differs from the input");
        if (exact.Elements > 0)
        {
            r.Reset(input, 0, input.Length);
            if (!r.Find(exact.LastTag)) throw new FuzzFindingException($"Find({exact.LastTag:X}) missed a tag the walk saw");
        }
    }

    /// <summary>What a walk saw: a hash of the tree's shape (tags, lengths, depths), the same with offsets, and the error.</summary>
    private readonly record struct TlvOutcome(long Shape, long Offsets, int Elements, int LastTag, TlvError Error, int ErrorTag, int ErrorOffset);

    private static TlvOutcome Trace(TlvReader r, byte[] b, int origin, int count)
    {
        long shape = 17, offsets = 17;
        int elements = 0, last = 0;
        try
        {
            while (r.Walk())
            {
                if (r.ValueOffset < origin || r.ValueLength < 0 || r.EndOffset > origin + count || r.TagOffset < origin || r.TagOffset >= r.ValueOffset)
                    throw new FuzzFindingException($"element {r.Tag:X} at {r.TagOffset} value {r.ValueOffset}+{r.ValueLength} outside {origin}+{count}");
                // A constructed element's length is left out: 00 padding inside it is dropped by a rebuild.
                shape = shape * 1_000_003 + r.Tag * 31L + (r.IsConstructed ? -1 : r.ValueLength) * 7L + r.Depth;
                offsets = offsets * 1_000_003 + (r.TagOffset - origin) * 131L + (r.ValueOffset - origin);
                elements++;
                last = r.Tag;
            }
            return new TlvOutcome(shape, offsets, elements, last, TlvError.None, 0, 0);
        }
        catch (TlvFormatException e)
        {
            if (e.Offset < 0 || e.Offset >= Math.Max(count, 1))
                throw new FuzzFindingException($"TlvFormatException {e.Error} offset {e.Offset} outside {count} bytes");
            return new TlvOutcome(shape, offsets, elements, last, e.Error, e.Tag, e.Offset);
        }
    }

    // ----- (c) the frame reader ------------------------------------------------------------------------------------

    /// <summary>The frame layouts read: cup (binary length, TPDU, header), iso87ascii (binary length only), ASCII lengths.</summary>
    public static FrameFormat[] FrameFormats => s_frameFormats ??=
    [
        AcquirerProfile.Cup.DefaultFrame,
        AcquirerProfile.Iso87Ascii.DefaultFrame,
        new FrameFormat(LengthHeader.Ascii4, [0x60, 0x00, 0x03, 0x00, 0x00], null, 9999),
        new FrameFormat(LengthHeader.Ascii4, null, [0x60, 0x31, 0x00, 0x00, 0x00, 0x01], 512),
    ];

    /// <summary>
    /// [selector][bytes the peer sends]. Selector bits 1-0: frame format; 3-2: receive buffer (the largest frame, 64,
    /// 300, or 40 bytes); 4: the peer closes (else goes silent) when done; 6-5: delivery (all at once, byte by byte,
    /// pseudo-random chunks, chunks with stalls). Frames are read until a status other than Ok or KeepAlive; each
    /// status must be consistent with what was delivered, and no read may go past the buffer or past the deadline.
    /// </summary>
    public static void Frame(byte[] input)
    {
        if (input.Length == 0) return;
        int sel = input[0];
        FrameFormat format = FrameFormats[sel & 3];
        int lengthBytes = format.LengthBytes;
        int bufferSize = ((sel >> 2) & 3) switch { 0 => lengthBytes + format.MaxFrameLength, 1 => 64, 2 => 300, _ => 40 };
        ManualClock clock = new();
        FuzzLink link = new(clock, input, 1, input.Length - 1, (sel >> 5) & 3, (sel & 0x10) != 0);
        FrameCodec codec = new(format, clock);
        byte[] buf = new byte[bufferSize];
        link.Buffer = buf;
        for (int frames = 0; frames < 256; frames++)
        {
            long consumedBefore = link.Consumed;
            Deadline deadline = Deadline.In(clock, 30_000);
            LinkStatus st = codec.ReadFrame(link, buf, deadline, out int len);
            long consumed = link.Consumed - consumedBefore;
            switch (st)
            {
                case LinkStatus.Ok:
                    int announced = lengthBytes == 2 ? (buf[0] << 8) | buf[1] : AsciiLength(buf);
                    if (len != lengthBytes + announced || len > buf.Length || announced > format.MaxFrameLength
                        || announced < format.MessageOffset - lengthBytes + 1 || consumed != len)
                        throw new FuzzFindingException($"Ok frame of {len} bytes: announced {announced}, consumed {consumed}, buffer {buf.Length}");
                    continue;
                case LinkStatus.KeepAlive:
                    if (consumed != lengthBytes || len != 0) throw new FuzzFindingException($"keep-alive consumed {consumed}");
                    continue;
                case LinkStatus.ProtocolError:
                    if (consumed != lengthBytes || len != 0) throw new FuzzFindingException($"protocol error after {consumed} bytes: the body was read");
                    return;
                case LinkStatus.Timeout:
                    if (!deadline.IsExpired(clock)) throw new FuzzFindingException("timeout before the deadline");
                    return;
                case LinkStatus.Closed:
                    if (!link.Exhausted || !link.CloseWhenEmpty) throw new FuzzFindingException("closed while the peer still had bytes");
                    return;
                default:
                    throw new FuzzFindingException("unexpected status " + st);
            }
        }
    }

    private static int AsciiLength(byte[] b)
    {
        int v = 0;
        for (int i = 0; i < 4; i++) v = v * 10 + (b[i] - '0');
        return v;
    }

    /// <summary>
    /// An in-memory peer for <see cref="Frame"/>: delivers the input in chunks chosen by a generator seeded from the
    /// input itself (so a byte string always replays the same way), may stall (advancing the manual clock, up to the
    /// whole timeout, then Timeout), and checks that every read stays inside the reader's buffer.
    /// </summary>
    private sealed class FuzzLink(ManualClock clock, byte[] data, int offset, int count, int delivery, bool closeWhenEmpty) : IByteLink
    {
        private readonly Random _random = new(HashOf(data, offset, count));
        private readonly int _start = offset;
        private int _at = offset;
        private readonly int _end = offset + count;

        public byte[] Buffer;
        public bool CloseWhenEmpty => closeWhenEmpty;
        public bool Exhausted => _at == _end;
        public long Consumed => _at - _start;

        public LinkStatus Write(byte[] buffer, int off, int n, int timeoutMs) => LinkStatus.Ok;

        public LinkStatus Read(byte[] buffer, int off, int n, int timeoutMs, out int read)
        {
            read = 0;
            if (buffer != Buffer || off < 0 || n <= 0 || off + n > buffer.Length)
                throw new FuzzFindingException($"read of {n} bytes at {off} into a buffer of {buffer.Length}");
            if (timeoutMs <= 0) throw new FuzzFindingException("read with no time left");
            if (delivery == 3 && _random.Next(4) == 0)
            {
                int stall = _random.Next(2) == 0 ? timeoutMs : _random.Next(1, 20_000);
                if (stall >= timeoutMs)
                {
                    clock.Advance(timeoutMs);
                    return LinkStatus.Timeout;
                }
                clock.Advance(stall);   // a slow peer: the bytes come late, and the deadline moves closer
            }
            if (_at == _end)
            {
                if (closeWhenEmpty) return LinkStatus.Closed;
                clock.Advance(timeoutMs);
                return LinkStatus.Timeout;
            }
            int chunk = delivery switch { 0 => n, 1 => 1, _ => 1 + _random.Next(17) };
            read = Math.Min(Math.Min(chunk, n), _end - _at);
            Array.Copy(data, _at, buffer, off, read);
            _at += read;
            return LinkStatus.Ok;
        }

        public void Dispose()
        {
        }
    }

    /// <summary>A stable 32-bit hash of bytes (FNV-1a), for seeding per-input generators.</summary>
    public static int HashOf(byte[] data, int offset, int count)
    {
        uint h = 2166136261;
        for (int i = offset; i < offset + count; i++) h = (h ^ data[i]) * 16777619;
        return (int)h;
    }

    // ----- (d) the simulator's per-client handler ------------------------------------------------------------------

    /// <summary>The simulator set-ups the AFL target uses, by selector: (profile, security name).</summary>
    public static (AcquirerProfile Profile, string Security)[] SimulatorSetups => s_simulatorSetups ??=
    [
        (AcquirerProfile.Cup, null), (AcquirerProfile.Cup, "cup"), (AcquirerProfile.Iso87Ascii, null), (AcquirerProfile.Iso87Ascii, "dukpt-tdes"),
    ];

    private static readonly AcquirerHost[] s_hosts = new AcquirerHost[4];

    /// <summary>
    /// [set-up selector: byte % 4][bytes a terminal sends]: served by a simulator of that set-up (built once per process:
    /// demo keys on file for every terminal, security null = the profile's scheme without MAC), see <see cref="Serve"/>.
    /// </summary>
    public static void Simulator(byte[] input)
    {
        if (input.Length == 0) return;
        int which = input[0] % SimulatorSetups.Length;
        AcquirerHost host;
        lock (s_hosts)
        {
            host = s_hosts[which] ??= NewSimulator(SimulatorSetups[which].Profile,
                SimulatorSetups[which].Security == null ? null : SecuritySettings.Named(SimulatorSetups[which].Security), _ => { });
        }
        Serve(host, input, 1, input.Length - 1);
    }

    /// <summary>
    /// A simulator (not listening) for <paramref name="profile"/> with <paramref name="security"/> (null: the profile's key
    /// scheme without MAC), the demo keys registered for every terminal id, the test cards' PINs on file, and the default
    /// rules without the delaying one.
    /// </summary>
    public static AcquirerHost NewSimulator(AcquirerProfile profile, SecuritySettings security, Action<string> log)
    {
        security ??= SecuritySettings.UnsafeWithoutMac(profile.DefaultSecurity.Scheme);
        SimulatorOptions o = new() { Port = 0, Profile = profile, Security = security, Log = log };
        o.Rules.RemoveAll(r => r.Action == RuleAction.Delay);   // a configured wait is not a hang
        DemoKeys.Register(o.Keys, TerminalKeys.AnyTerminal, security);
        foreach (TestCard c in TestCard.All) o.CardPins[c.Pan] = c.Pin;
        return new AcquirerHost(o);
    }

    /// <summary>
    /// Runs the simulator's per-client handler (<see cref="AcquirerHost.ServeStream"/>) over an in-memory connection that
    /// delivers <paramref name="count"/> bytes and then closes. It must return (answer or drop; nothing it throws is
    /// allowed), and everything it writes must be whole reply frames whose messages decode with the profile's layout and
    /// are responses.
    /// </summary>
    public static void Serve(AcquirerHost host, byte[] data, int offset, int count)
    {
        using MemoryDuplexStream stream = new(data, offset, count);
        host.ServeStream(stream, "fuzz").GetAwaiter().GetResult();
        SimulatorOptions o = host.Options;
        CheckReplies(o.Profile.DefaultFrame, o.Profile.SpecFor(o.Security), stream.Written());
    }

    [ThreadStatic] private static IsoMessage[] t_replies;

    private static void CheckReplies(FrameFormat format, MessageSpec spec, byte[] written)
    {
        int lengthBytes = format.LengthBytes;
        int specIndex = Array.IndexOf(IsoSpecs, spec);
        t_replies ??= new IsoMessage[6];
        IsoMessage m = specIndex >= 0 ? t_replies[specIndex] ??= new IsoMessage(spec) : new IsoMessage(spec);
        for (int p = 0; p < written.Length;)
        {
            if (written.Length - p < lengthBytes) throw new FuzzFindingException("a reply ends inside its length field");
            int len = lengthBytes == 2 ? (written[p] << 8) | written[p + 1] : AsciiLength(written.AsSpan(p, 4).ToArray());
            int body = format.MessageOffset - lengthBytes;
            if (len <= body || p + lengthBytes + len > written.Length) throw new FuzzFindingException($"a reply frame of length {len} does not fit");
            try
            {
                IsoCodec.Unpack(written, p + format.MessageOffset, len - body, m);
            }
            catch (IsoFormatException e)
            {
                throw new FuzzFindingException($"a reply does not decode: {e.Error} field {e.Field} offset {e.Offset}");
            }
            if (m.Mti / 10 % 2 != 1) throw new FuzzFindingException($"a reply with MTI {m.Mti:D4} is not a response");
            p += lengthBytes + len;
        }
    }
}
