using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FaultProxy;

/// <summary>
/// One terminal connection and its upstream connection: a request pump (terminal to host) and a response pump (host to
/// terminal), each reading whole frames [length:2, big-endian][length bytes] and applying the plan's faults to them.
/// The connection ends when either side closes or breaks, when a frame is over the maximum, when nothing moved for the
/// idle timeout, or when a fault ends it. Every exception ends only this connection.
/// </summary>
internal sealed class ProxyConnection
{
    private const int LengthBytes = 2;   // [LEN:2 BE], the framing of both profiles (jPOS NACChannel)

    private readonly FaultInjectingProxy _proxy;
    private readonly ProxyOptions _options;
    private readonly Socket _down;
    private readonly Socket _up;
    private readonly CancellationTokenSource _cts;
    private readonly SemaphoreSlim _downWrite = new(1, 1);
    private readonly Queue<long> _awaiting = new();         // request numbers forwarded and not yet answered, in order
    private readonly List<Task> _timers = new();
    private readonly byte[] _previous;                       // the last response delivered unchanged (StaleResponse)
    private int _previousLength;
    private byte[] _late;                                    // a response set aside by LateReply (taken with Interlocked)
    private long _lateRequest;
    private volatile string _endReason;
    private volatile bool _quietEnd;
    private volatile bool _peerGone;
    private bool _resetDown;

    public ProxyConnection(FaultInjectingProxy proxy, ProxyOptions options, Socket down, long number, CancellationToken stop)
    {
        _proxy = proxy;
        _options = options;
        _down = down;
        Number = number;
        _up = new Socket(options.Upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _cts = CancellationTokenSource.CreateLinkedTokenSource(stop);
        _previous = new byte[LengthBytes + options.MaxFrameLength];
    }

    /// <summary>Connection number (1 = the first).</summary>
    public long Number { get; }

    /// <summary>Serves the connection to its end; never throws.</summary>
    public async Task RunAsync()
    {
        try
        {
            if (!await ConnectUpstream().ConfigureAwait(false)) return;
            _cts.CancelAfter(_options.IdleTimeoutMs);
            Task requests = Pump(toHost: true);
            Task responses = Pump(toHost: false);
            await Task.WhenAny(requests, responses).ConfigureAwait(false);
            _cts.Cancel();
            await Task.WhenAll(requests, responses).ConfigureAwait(false);
            Task[] timers;
            lock (_timers) timers = _timers.ToArray();
            await Task.WhenAll(timers).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A defect of the proxy: only this connection is lost (type only: no frame bytes in the log).
            Fail("internal error " + e.GetType().Name);
        }
        finally
        {
            Close();
        }
    }

    private async Task<bool> ConnectUpstream()
    {
        using CancellationTokenSource t = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        t.CancelAfter(_options.ConnectTimeoutMs);
        try
        {
            await _up.ConnectAsync(_options.Upstream, t.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            if (_cts.IsCancellationRequested) return false;
            _proxy.Stats.UpstreamFailure();
            string why = e is SocketException s ? s.SocketErrorCode.ToString() : "timeout";
            End($"upstream {_options.Upstream} unreachable ({why})");
            return false;
        }
    }

    // One direction. Returns when its source closes, the connection ends, or a frame or fault ends it.
    private async Task Pump(bool toHost)
    {
        Socket from = toHost ? _down : _up;
        byte[] frame = new byte[LengthBytes + _options.MaxFrameLength];
        try
        {
            while (true)
            {
                int length = await ReadFrame(from, frame).ConfigureAwait(false);
                if (length < 0)
                {
                    _peerGone = true;
                    return;
                }
                _cts.CancelAfter(_options.IdleTimeoutMs);   // a whole frame moved: the idle clock starts again
                if (length == 0)
                {
                    _proxy.Stats.KeepAlive();
                    if (toHost) await Send(_up, frame, 0, LengthBytes).ConfigureAwait(false);
                    else await SendDown(frame, 0, LengthBytes).ConfigureAwait(false);
                    continue;
                }
                bool goOn = toHost ? await OnRequest(frame, length).ConfigureAwait(false) : await OnResponse(frame, length).ConfigureAwait(false);
                Array.Clear(frame, 0, LengthBytes + length);
                if (!goOn) return;
            }
        }
        catch (OperationCanceledException)
        {
            // the connection ended (the other pump, a fault, the idle clock or the proxy stopping)
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or System.IO.IOException)
        {
            _peerGone = true;   // the peer went away: an ordinary end
        }
        catch (Exception e)
        {
            Fail("internal error " + e.GetType().Name);
        }
        finally
        {
            Array.Clear(frame);
        }
    }

    // Request number n: forwarded, or dropped, or truncated. Returns false when the connection must end.
    private async Task<bool> OnRequest(byte[] frame, int length)
    {
        long n = _proxy.NextRequest();
        _proxy.Stats.Request();
        FaultKind kind = _options.Plan.Decide(FaultScope.Request, n, out DecisionRandom random);
        switch (kind)
        {
            case FaultKind.DropRequest:
                Record(kind, n, length, null);
                return true;
            case FaultKind.TruncateRequest:
                int part = LengthBytes + length / 2;
                Record(kind, n, length, $"sent {part} of {LengthBytes + length} bytes, then closed");
                await Send(_up, frame, 0, part).ConfigureAwait(false);
                End("truncated request", quiet: true);
                return false;
            default:
                lock (_awaiting) _awaiting.Enqueue(n);
                await Send(_up, frame, 0, LengthBytes + length).ConfigureAwait(false);
                _proxy.Stats.Forwarded();
                return true;
        }
    }

    // A response: matched in order to the oldest request awaiting one on this connection (none: unsolicited, passed on).
    private async Task<bool> OnResponse(byte[] frame, int length)
    {
        _proxy.Stats.Response();
        long n = 0;
        lock (_awaiting)
        {
            if (_awaiting.Count > 0) n = _awaiting.Dequeue();
        }
        DecisionRandom random = default;
        FaultKind kind = n > 0 ? _options.Plan.Decide(FaultScope.Response, n, out random) : FaultKind.None;
        await DeliverLate("before the next response").ConfigureAwait(false);
        int total = LengthBytes + length;
        switch (kind)
        {
            case FaultKind.Reset:
                Record(kind, n, length, "response replaced by a reset (RST)");
                _resetDown = true;
                End("reset", quiet: true);
                return false;
            case FaultKind.DropResponse:
                Record(kind, n, length, null);
                return true;
            case FaultKind.DelayResponse:
                Record(kind, n, length, $"held {_options.DelayMs} ms");
                await Task.Delay(_options.DelayMs, _cts.Token).ConfigureAwait(false);
                await Deliver(frame, total).ConfigureAwait(false);
                return true;
            case FaultKind.LateReply:
                Record(kind, n, length, $"set aside for {_options.LateMs} ms or until the next response");
                SetAside(frame, total, n);
                return true;
            case FaultKind.TruncateResponse:
                int part = LengthBytes + length / 2;
                Record(kind, n, length, $"sent {part} of {total} bytes, then closed");
                await SendDown(frame, 0, part).ConfigureAwait(false);
                End("truncated response", quiet: true);
                return false;
            case FaultKind.CorruptMessage:
                Record(kind, n, length, CorruptMessage(frame, length, ref random));
                await SendDown(frame, 0, total).ConfigureAwait(false);
                return true;
            case FaultKind.CorruptLength:
                int bit = random.Next(16);
                frame[bit / 8] ^= (byte)(1 << (bit % 8));
                Record(kind, n, length, $"bit {bit} flipped: length {length} announced as {(frame[0] << 8) | frame[1]}");
                await SendDown(frame, 0, total).ConfigureAwait(false);
                return true;
            case FaultKind.Garbage:
                byte[] junk = new byte[random.Between(1, _options.MaxGarbageLength)];
                random.Fill(junk, 0, junk.Length);
                Record(kind, n, length, $"{junk.Length} random bytes instead");
                await SendDown(junk, 0, junk.Length).ConfigureAwait(false);
                return true;
            case FaultKind.DuplicateResponse:
                Record(kind, n, length, "sent twice");
                await Deliver(frame, total, frame, total).ConfigureAwait(false);
                return true;
            case FaultKind.StaleResponse:
                if (_previousLength == 0)
                {
                    // Nothing answered on this connection yet: nothing stale to send, no fault.
                    await Deliver(frame, total).ConfigureAwait(false);
                    return true;
                }
                Record(kind, n, length, $"previous response ({_previousLength - LengthBytes} bytes) sent again first");
                await Deliver(_previous, _previousLength, frame, total).ConfigureAwait(false);
                return true;
            default:
                await Deliver(frame, total).ConfigureAwait(false);
                return true;
        }
    }

    // XORs 1..MaxCorruptBytes distinct bytes of the message (after MessageOffset; the whole body when the frame is shorter).
    private string CorruptMessage(byte[] frame, int length, ref DecisionRandom random)
    {
        int from = LengthBytes + (_options.MessageOffset < length ? _options.MessageOffset : 0);
        int span = LengthBytes + length - from;
        int count = Math.Min(random.Between(1, _options.MaxCorruptBytes), span);
        int[] at = new int[count];
        for (int i = 0; i < count; i++)
        {
            int p;
            do p = from + random.Next(span);
            while (Array.IndexOf(at, p, 0, i) >= 0);
            at[i] = p;
            frame[p] ^= (byte)random.Between(1, 255);
        }
        Array.Sort(at);
        return $"{count} byte(s) changed at frame offset(s) {string.Join(",", at)}";
    }

    // An unchanged response to the terminal; remembered for StaleResponse.
    private async Task Deliver(byte[] frame, int total)
    {
        await SendDown(frame, 0, total).ConfigureAwait(false);
        _proxy.Stats.Delivered();
        Remember(frame, total);
    }

    // Two unchanged frames in one write, so that the terminal finds both whatever it does after reading the first.
    private async Task Deliver(byte[] first, int firstLength, byte[] frame, int total)
    {
        byte[] both = new byte[firstLength + total];
        Array.Copy(first, both, firstLength);
        Array.Copy(frame, 0, both, firstLength, total);
        try
        {
            await SendDown(both, 0, both.Length).ConfigureAwait(false);
        }
        finally
        {
            Array.Clear(both);
        }
        _proxy.Stats.Delivered();
        _proxy.Stats.Delivered();
        Remember(frame, total);
    }

    private void Remember(byte[] frame, int total)
    {
        if (frame != _previous) Array.Copy(frame, _previous, total);
        _previousLength = total;
    }

    private void SetAside(byte[] frame, int total, long request)
    {
        byte[] copy = new byte[total];
        Array.Copy(frame, copy, total);
        byte[] older = Interlocked.Exchange(ref _late, copy);
        if (older != null) Array.Clear(older);
        _lateRequest = request;
        Task timer = DeliverLateAfterDelay();
        lock (_timers)
        {
            _timers.RemoveAll(t => t.IsCompleted);
            _timers.Add(timer);
        }
    }

    private async Task DeliverLateAfterDelay()
    {
        try
        {
            await Task.Delay(_options.LateMs, _cts.Token).ConfigureAwait(false);
            await DeliverLate($"after {_options.LateMs} ms").ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or System.IO.IOException)
        {
            // the connection ended first: Close() reports the reply as discarded
        }
    }

    // Sends the set-aside reply, if there is one (exactly once, whoever comes first: the timer or the next response).
    private async Task DeliverLate(string when)
    {
        byte[] late = Interlocked.Exchange(ref _late, null);
        if (late == null) return;
        try
        {
            await SendDown(late, 0, late.Length).ConfigureAwait(false);
            _proxy.Stats.Delivered();
            _proxy.Note($"conn={Number} late reply to req={_lateRequest} sent {when}");
        }
        finally
        {
            Array.Clear(late);
        }
    }

    // Reads one frame into buffer: returns the length field (0 = keep-alive), or -1 when the connection is to end.
    private async Task<int> ReadFrame(Socket from, byte[] buffer)
    {
        if (!await ReadExactly(from, buffer, 0, LengthBytes, true).ConfigureAwait(false)) return -1;
        int length = (buffer[0] << 8) | buffer[1];
        if (length > _options.MaxFrameLength)
        {
            // Never read (or allocate) by a length from the wire beyond the bound.
            _proxy.Stats.ProtocolError();
            End($"frame length {length} over {_options.MaxFrameLength} from the {(from == _down ? "terminal" : "host")}");
            return -1;
        }
        if (length > 0 && !await ReadExactly(from, buffer, LengthBytes, length, false).ConfigureAwait(false)) return -1;
        return length;
    }

    private async Task<bool> ReadExactly(Socket from, byte[] buffer, int offset, int count, bool atBoundary)
    {
        while (count > 0)
        {
            int n = await from.ReceiveAsync(buffer.AsMemory(offset, count), SocketFlags.None, _cts.Token).ConfigureAwait(false);
            if (n == 0)
            {
                if (!atBoundary)
                {
                    _proxy.Stats.ProtocolError();
                    End($"the {(from == _down ? "terminal" : "host")} closed inside a frame");
                }
                return false;
            }
            offset += n;
            count -= n;
            atBoundary = false;
        }
        return true;
    }

    private async Task SendDown(byte[] buffer, int offset, int count)
    {
        await _downWrite.WaitAsync(_cts.Token).ConfigureAwait(false);
        try
        {
            await Send(_down, buffer, offset, count).ConfigureAwait(false);
        }
        finally
        {
            _downWrite.Release();
        }
    }

    private async Task Send(Socket to, byte[] buffer, int offset, int count)
    {
        using CancellationTokenSource t = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        t.CancelAfter(_options.WriteTimeoutMs);
        while (count > 0)
        {
            int n = await to.SendAsync(buffer.AsMemory(offset, count), SocketFlags.None, t.Token).ConfigureAwait(false);
            offset += n;
            count -= n;
        }
    }

    private void Record(FaultKind kind, long request, int length, string detail)
    {
        _proxy.Record(new FaultEvent(kind, Number, request, length, detail));
    }

    // Ends the connection; the reason gets a log line unless a fault event already tells it (quiet).
    private void End(string reason, bool quiet = false)
    {
        if (_endReason == null)
        {
            _endReason = reason;
            _quietEnd = quiet;
        }
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already closed
        }
    }

    private void Fail(string reason)
    {
        _proxy.Stats.Error();
        _proxy.Note($"conn={Number} closed: {reason}");
        End(reason, quiet: true);
    }

    private void Close()
    {
        byte[] late = Interlocked.Exchange(ref _late, null);
        if (late != null)
        {
            Array.Clear(late);
            _proxy.Note($"conn={Number} late reply to req={_lateRequest} discarded: the connection ended first");
        }
        if (_endReason == null && !_peerGone && !_proxy.Stopping)
        {
            // Nobody ended it and no side closed: the idle clock ran out.
            _proxy.Stats.ProtocolError();
            _proxy.Note($"conn={Number} closed: nothing moved for {_options.IdleTimeoutMs} ms");
        }
        else if (_endReason != null && !_quietEnd)
        {
            _proxy.Note($"conn={Number} closed: {_endReason}");
        }
        try
        {
            if (_resetDown) _down.LingerState = new LingerOption(true, 0);   // close() then sends RST, not FIN
            else _down.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // the peer is already gone
        }
        _down.Dispose();
        _up.Dispose();
        _cts.Dispose();
        _downWrite.Dispose();
        Array.Clear(_previous);
    }
}
