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
    private readonly RequestHandler _handler;
    private Task _acceptLoop;
    private long _connections, _frames, _badFrames;

    /// <summary>A host with <paramref name="options"/>; call <see cref="Start"/> to listen.</summary>
    public AcquirerHost(SimulatorOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _listener = new TcpListener(options.Address, options.Port);
        _handler = new RequestHandler(options, Ledger);
    }

    /// <summary>The books.</summary>
    public Ledger Ledger { get; } = new();

    /// <summary>The options the host was made with.</summary>
    public SimulatorOptions Options => _options;

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
        using (client)
        {
            try
            {
                await ServeStream(client.GetStream(), peer).ConfigureAwait(false);
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
        }
    }

    /// <summary>
    /// Serves one terminal connection over <paramref name="stream"/> until the peer closes it, goes idle, sends a frame
    /// that has to be dropped, or the host stops: reads framed requests, answers them, writes the replies. This is the
    /// whole per-client handler of the TCP server, exposed so that it can be driven over an in-memory stream (fuzzing).
    /// Returns normally on every outcome decided by the bytes; anything it throws other than the stream's own I/O or
    /// cancellation exceptions is a defect.
    /// </summary>
    public async Task ServeStream(Stream stream, string peer)
    {
        FrameFormat frame = _options.Profile.DefaultFrame;
        int lengthBytes = frame.LengthHeader == LengthHeader.Ascii4 ? 4 : 2;
        int overhead = (frame.HasTpdu ? FrameFormat.TpduLength : 0) + frame.HeaderLength;
        byte[] buf = new byte[lengthBytes + _options.MaxFrameLength];
        byte[] reply = new byte[lengthBytes + _options.MaxFrameLength];
        PosTerminal.Iso8583.MessageSpec spec = _options.Profile.SpecFor(_options.Security);
        IsoMessage request = new(spec);
        IsoMessage response = new(spec);
        using CancellationTokenSource idle = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
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
                Answer answer = _handler.Handle(peer, request, buf, msgAt, lengthBytes + len - msgAt, response);
                request.Clear();
                if (answer.Action == RuleAction.NoReply)
                {
                    response.Clear();
                    Array.Clear(buf, lengthBytes, len);
                    continue;
                }
                if (answer.Action == RuleAction.Delay) await Task.Delay(answer.DelayMs, _stop.Token).ConfigureAwait(false);
                int n = WriteReply(buf, reply, lengthBytes, overhead, response, answer.Signer);
                response.Clear();
                Array.Clear(buf, lengthBytes, len);   // the request frame is no longer needed (it held F2/F35)
                await stream.WriteAsync(reply.AsMemory(0, n), _stop.Token).ConfigureAwait(false);
                Array.Clear(reply, 0, n);
            }
        }
        finally
        {
            Array.Clear(buf);
            Array.Clear(reply);
            request.Clear();
            response.Clear();
        }
    }

    // [length][TPDU with source and destination swapped][request header][response message]
    private int WriteReply(byte[] requestFrame, byte[] reply, int lengthBytes, int overhead, IsoMessage response, Func<byte[], int, int, byte[]> signer)
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
        // The host's processing requirement (payments.md §2.1): low nibble of header byte 3, on every answer but a sign-on's.
        int headerAt = lengthBytes + (overhead >= FrameFormat.TpduLength && requestFrame[lengthBytes] == FrameFormat.TpduId ? FrameFormat.TpduLength : 0);
        if (_options.ProcessingRequirement != 0 && lengthBytes + overhead - headerAt >= 3 && response.Mti != 810)
            reply[headerAt + 2] = (byte)((reply[headerAt + 2] & 0xF0) | (_options.ProcessingRequirement & 0x0F));
        int at = lengthBytes + overhead;
        if (signer != null && !_options.OmitResponseMac)
        {
            // F64 over the reply's MAC element block: pack with a zero MAC to fix the layout, MAC, pack again.
            response.SetBytes(IsoField.Mac, new byte[8], 0, 8);
            IsoCodec.Pack(response, reply, at);
            byte[] mac = signer(reply, at, response.WireOffset(IsoField.Mac));
            if (_options.WrongResponseMac) mac[0] ^= 0x01;
            response.SetBytes(IsoField.Mac, mac, 0, mac.Length);
        }
        int len = overhead + IsoCodec.Pack(response, reply, at);
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

    private static async Task<bool> ReadExactly(Stream s, byte[] buf, int offset, int count, CancellationToken ct)
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
