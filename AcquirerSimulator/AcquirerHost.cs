using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Txn;

namespace AcquirerSimulator;

/// <summary>
/// A simulated acquirer host: a TCP server that serves many terminal connections at once, reads framed
/// ISO 8583 requests ([length][TPDU][header][message], framing parsed here independently of the terminal's
/// FrameCodec), answers financial requests by its rule table with F37 RRN and F38 auth code, books them in
/// its <see cref="Ledger"/>, and logs masked one-line summaries. A client that sends a malformed frame is
/// logged and dropped; everyone else keeps being served.
/// </summary>
public sealed class AcquirerHost : IAsyncDisposable
{
    private readonly SimulatorOptions _options;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = new();
    private Task _acceptLoop;
    private int _rrnSerial;
    private int _authSerial;
    private long _connections, _frames, _badFrames;

    /// <summary>A host with <paramref name="options"/>; call <see cref="Start"/> to listen.</summary>
    public AcquirerHost(SimulatorOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _listener = new TcpListener(options.Address, options.Port);
    }

    /// <summary>The books.</summary>
    public Ledger Ledger { get; } = new();

    /// <summary>The port listened on (after <see cref="Start"/>).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Frames received and decoded.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Frames rejected (their clients were dropped).</summary>
    public long BadFrames => Interlocked.Read(ref _badFrames);

    /// <summary>Starts listening and accepting.</summary>
    public void Start()
    {
        _listener.Start(512);
        _options.Log($"listening on {_options.Address}:{Port} profile={_options.Profile.Name} rules=[{string.Join(", ", _options.Rules)}]");
        _acceptLoop = Task.Run(AcceptLoop);
    }

    /// <summary>Stops listening and closes every client.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        if (_acceptLoop != null) await _acceptLoop.ConfigureAwait(false);
        Task[] clients;
        lock (_clients) clients = _clients.ToArray();
        await Task.WhenAll(clients).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { break; }
            catch (ObjectDisposedException) { break; }
            catch (SocketException) when (_stop.IsCancellationRequested) { break; }
            Interlocked.Increment(ref _connections);
            Task t = Task.Run(() => Serve(client));
            lock (_clients)
            {
                _clients.RemoveAll(x => x.IsCompleted);
                _clients.Add(t);
            }
        }
    }

    private async Task Serve(TcpClient client)
    {
        string peer = client.Client.RemoteEndPoint?.ToString() ?? "?";
        FrameFormat frame = _options.Profile.DefaultFrame;
        int lengthBytes = frame.LengthHeader == LengthHeader.Ascii4 ? 4 : 2;
        int overhead = (frame.HasTpdu ? FrameFormat.TpduLength : 0) + frame.HeaderLength;
        byte[] buf = new byte[lengthBytes + _options.MaxFrameLength];
        byte[] reply = new byte[lengthBytes + _options.MaxFrameLength];
        IsoMessage request = new(_options.Profile.Spec);
        IsoMessage response = new(_options.Profile.Spec);
        using (client)
        using (CancellationTokenSource idle = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
        {
            NetworkStream stream = client.GetStream();
            try
            {
                while (true)
                {
                    idle.CancelAfter(_options.IdleTimeout);
                    if (!await ReadExactly(stream, buf, 0, lengthBytes, idle.Token).ConfigureAwait(false)) return;
                    int len = lengthBytes == 2 ? (buf[0] << 8) | buf[1] : ParseDigits(buf, 0, 4);
                    if (len == 0) continue;   // keep-alive
                    if (len < 0 || len <= overhead + 2 || len > _options.MaxFrameLength)
                    {
                        Drop(peer, $"frame length {len} outside {overhead + 3}..{_options.MaxFrameLength}");
                        return;
                    }
                    if (!await ReadExactly(stream, buf, lengthBytes, len, idle.Token).ConfigureAwait(false))
                    {
                        Drop(peer, $"connection closed inside a frame of {len} bytes");
                        return;
                    }
                    if (frame.HasTpdu && buf[lengthBytes] != FrameFormat.TpduId)
                    {
                        Drop(peer, $"TPDU id {buf[lengthBytes]:X2} is not 60");
                        return;
                    }
                    int msgAt = lengthBytes + overhead;
                    try
                    {
                        IsoCodec.Unpack(buf, msgAt, lengthBytes + len - msgAt, request);
                    }
                    catch (IsoFormatException e)
                    {
                        Drop(peer, $"undecodable message: {e.Error} at field {e.Field}, offset {e.Offset}");
                        return;
                    }
                    Interlocked.Increment(ref _frames);
                    if (!IsRequestMti(request.Mti))
                    {
                        Drop(peer, $"MTI {request.Mti:D4} is not a request or advice");
                        return;
                    }
                    Answer answer = Handle(peer, request, response);
                    request.Clear();
                    if (answer.Action == RuleAction.NoReply)
                    {
                        response.Clear();
                        Array.Clear(buf, lengthBytes, len);
                        continue;
                    }
                    if (answer.Action == RuleAction.Delay) await Task.Delay(answer.DelayMs, _stop.Token).ConfigureAwait(false);
                    int n = WriteReply(buf, reply, lengthBytes, overhead, response);
                    response.Clear();
                    Array.Clear(buf, lengthBytes, len);   // the request frame is no longer needed (it held F2/F35)
                    await stream.WriteAsync(reply.AsMemory(0, n), _stop.Token).ConfigureAwait(false);
                    Array.Clear(reply, 0, n);
                }
            }
            catch (OperationCanceledException) { }
            catch (IOException) { }
            catch (SocketException) { }
            catch (Exception e)
            {
                // Anything else is a defect of the simulator: the client is dropped and logged (type only), the
                // server goes on serving the others.
                Drop(peer, "internal error " + e.GetType().Name);
            }
            finally
            {
                Array.Clear(buf);
                Array.Clear(reply);
                request.Clear();
                response.Clear();
            }
        }
    }

    // [length][TPDU with source and destination swapped][request header][response message]
    private static int WriteReply(byte[] requestFrame, byte[] reply, int lengthBytes, int overhead, IsoMessage response)
    {
        int p = lengthBytes;
        if (overhead >= FrameFormat.TpduLength && requestFrame[p] == FrameFormat.TpduId)
        {
            reply[p] = requestFrame[p];
            reply[p + 1] = requestFrame[p + 3];
            reply[p + 2] = requestFrame[p + 4];
            reply[p + 3] = requestFrame[p + 1];
            reply[p + 4] = requestFrame[p + 2];
            Array.Copy(requestFrame, p + 5, reply, p + 5, overhead - FrameFormat.TpduLength);
        }
        else
        {
            Array.Copy(requestFrame, p, reply, p, overhead);
        }
        int len = overhead + IsoCodec.Pack(response, reply, lengthBytes + overhead);
        if (lengthBytes == 2)
        {
            reply[0] = (byte)(len >> 8);
            reply[1] = (byte)len;
        }
        else
        {
            string digits = len.ToString("D4", CultureInfo.InvariantCulture);
            for (int i = 0; i < 4; i++) reply[i] = (byte)digits[i];
        }
        return lengthBytes + len;
    }

    private readonly record struct Answer(RuleAction Action, int DelayMs);

    private Answer Handle(string peer, IsoMessage rq, IsoMessage rs)
    {
        int mti = rq.Mti;
        rs.Mti = mti + 10;
        foreach (int f in new[] { IsoField.Pan, IsoField.ProcessingCode, IsoField.Amount, IsoField.Stan, IsoField.Expiry,
                     IsoField.EntryMode, IsoField.CardSequence, IsoField.ConditionCode, IsoField.TerminalId,
                     IsoField.MerchantId, IsoField.Currency, IsoField.Reserved60 })
        {
            if (rq.Has(f)) rs.CopyField(f, rq);
        }
        DateTime now = DateTime.Now;
        rs.Set(IsoField.LocalTime, now.ToString("HHmmss", CultureInfo.InvariantCulture));
        rs.Set(IsoField.LocalDate, now.ToString("MMdd", CultureInfo.InvariantCulture));
        rs.Set(IsoField.SettlementDate, now.ToString("MMdd", CultureInfo.InvariantCulture));
        rs.Set(IsoField.AcquirerId, _options.AcquirerId);

        bool isSale = mti == 200 && rq.ValueEquals(IsoField.ProcessingCode, TransactionType.Sale.ProcessingCode);
        if (!isSale)
        {
            rs.Set(IsoField.ResponseCode, "40");
            _options.Log($"[{peer}] {mti:D4} F3={rq.GetString(IsoField.ProcessingCode)} not supported -> 40");
            return new Answer(RuleAction.Respond, 0);
        }

        string tid = rq.GetString(IsoField.TerminalId);
        string amount = rq.GetString(IsoField.Amount);
        string masked = MaskedPan(rq);
        int stan = (int)rq.GetNumber(IsoField.Stan);
        int batch = Batch(rq);
        if (tid == null || amount == null || stan < 0 || masked == null || !rq.Has(IsoField.MerchantId))
        {
            rs.Set(IsoField.ResponseCode, "30");
            _options.Log($"[{peer}] 0200 SALE missing a required field -> 30");
            return new Answer(RuleAction.Respond, 0);
        }

        LedgerEntry known = Ledger.Find(tid, batch, stan);
        if (known != null)
        {
            Fill(rs, known.ResponseCode, known.Rrn, known.AuthCode);
            _options.Log($"[{peer}] 0200 SALE tid={tid} batch={batch:D6} stan={stan:D6} repeated -> {known.ResponseCode} (booked once)");
            return new Answer(RuleAction.Respond, 0);
        }

        string pan = PanDigits(rq);
        SaleRule rule = _options.Rules.Find(r => r.Matches(amount, pan));
        if (rule != null && rule.Action == RuleAction.NoReply)
        {
            _options.Log($"[{peer}] 0200 SALE tid={tid} stan={stan:D6} pan={masked} amount={amount} -> no reply ({rule})");
            return new Answer(RuleAction.NoReply, 0);
        }
        string rc = rule != null && rule.Action == RuleAction.Respond ? rule.ResponseCode : "00";
        string rrn = now.ToString("HHmmss", CultureInfo.InvariantCulture) + (Interlocked.Increment(ref _rrnSerial) % 1000000).ToString("D6", CultureInfo.InvariantCulture);
        string auth = rc == "00" ? (Interlocked.Increment(ref _authSerial) % 1000000).ToString("D6", CultureInfo.InvariantCulture) : null;
        LedgerEntry booked = Ledger.Book(new LedgerEntry(tid, rq.GetString(IsoField.MerchantId), stan, batch, masked,
            long.Parse(amount, CultureInfo.InvariantCulture), rc, rrn, auth, now));
        Fill(rs, booked.ResponseCode, booked.Rrn, booked.AuthCode);
        _options.Log($"[{peer}] 0200 SALE tid={tid} batch={batch:D6} stan={stan:D6} pan={masked} amount={amount} -> {rc} rrn={rrn}" + (auth != null ? " auth=" + auth : ""));
        return rule != null && rule.Action == RuleAction.Delay ? new Answer(RuleAction.Delay, rule.DelayMs) : new Answer(RuleAction.Respond, 0);
    }

    private void Fill(IsoMessage rs, string rc, string rrn, string auth)
    {
        rs.Set(IsoField.Rrn, rrn);
        if (auth != null) rs.Set(IsoField.AuthCode, auth);
        rs.Set(IsoField.ResponseCode, rc);
        if (_options.Profile == AcquirerProfile.Cup)
        {
            // F44: issuer and acquirer institution ids, 11 characters each, space-filled (as in captured 0210s);
            // F63: card organisation code.
            rs.Set(IsoField.AdditionalResponse, _options.AcquirerId.PadRight(11) + _options.AcquirerId.PadRight(11));
            rs.Set(IsoField.Reserved63, "CUP");
        }
    }

    private static int Batch(IsoMessage rq)
    {
        string f60 = rq.GetString(IsoField.Reserved60);
        return f60 != null && f60.Length >= 8 && int.TryParse(f60.AsSpan(2, 6), NumberStyles.None, CultureInfo.InvariantCulture, out int b) ? b : 0;
    }

    // PAN digits from F2, or from F35 up to the separator.
    private static string PanDigits(IsoMessage rq)
    {
        string pan = rq.GetString(IsoField.Pan);
        if (pan != null) return pan;
        string t2 = rq.GetString(IsoField.Track2);
        if (t2 == null) return null;
        int sep = t2.IndexOf('=');
        return sep > 0 ? t2[..sep] : null;
    }

    private static string MaskedPan(IsoMessage rq)
    {
        string pan = PanDigits(rq);
        if (pan == null) return null;
        byte[] b = new byte[pan.Length];
        for (int i = 0; i < pan.Length; i++) b[i] = (byte)pan[i];
        string masked = PosTerminal.Util.Mask.Pan(b, 0, b.Length);
        Array.Clear(b);
        return masked;
    }

    // ISO 8583:1987 MTI position 3 (function): 0 request, 2 advice. Responses (1, 3) and notifications are not answered.
    private static bool IsRequestMti(int mti) => (mti / 10 % 10) is 0 or 2;

    private void Drop(string peer, string why)
    {
        Interlocked.Increment(ref _badFrames);
        _options.Log($"[{peer}] dropped: {why}");
    }

    private static int ParseDigits(byte[] b, int at, int count)
    {
        int v = 0;
        for (int i = 0; i < count; i++)
        {
            int d = b[at + i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    private static async Task<bool> ReadExactly(NetworkStream s, byte[] buf, int offset, int count, CancellationToken ct)
    {
        int got = 0;
        while (got < count)
        {
            int n = await s.ReadAsync(buf.AsMemory(offset + got, count - got), ct).ConfigureAwait(false);
            if (n == 0) return false;
            got += n;
        }
        return true;
    }
}
