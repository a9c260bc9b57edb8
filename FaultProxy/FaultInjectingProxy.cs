using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FaultProxy;

/// <summary>
/// A TCP proxy between terminals and their acquirer that injects faults. Each terminal connection gets its own upstream
/// connection; traffic is read as frames [length:2, big-endian][length bytes] in both directions, so faults act on
/// whole requests and responses (see <see cref="FaultKind"/>). What happens to connection n and request n depends only
/// on the plan's seed and n. Every fault is counted in <see cref="Stats"/>, kept in <see cref="Events"/> and logged as
/// one line of kinds and numbers (frame contents never). A connection that fails ends alone; the proxy goes on.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable, IDisposable
{
    // Attempts to listen again on the same port after a refusal window, and the pause between them.
    private const int RelistenAttempts = 40;
    private const int RelistenPauseMs = 50;
    private const int ListenBacklog = 128;
    // Longest wait for the connections to end when the proxy is disposed.
    private const int DisposeWaitMs = 5000;

    private readonly ProxyOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _sync = new();
    private readonly List<FaultEvent> _events = new();
    private readonly List<Task> _connections = new();
    private Socket _listener;
    private Task _acceptLoop;
    private int _port;
    private int _open;
    private long _connectionNumber;
    private long _requestNumber;
    private int _disposed;

    /// <summary>A proxy with <paramref name="options"/> (read now; do not change them afterwards). Call <see cref="Start"/> to listen.</summary>
    public FaultInjectingProxy(ProxyOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
    }

    /// <summary>Counters of traffic and faults.</summary>
    public ProxyStats Stats { get; } = new();

    /// <summary>The port listened on (after <see cref="Start"/>; it stays the same across refusal windows).</summary>
    public int Port => _port;

    /// <summary>Where terminals connect (after <see cref="Start"/>).</summary>
    public IPEndPoint Endpoint => new(_options.ListenAddress, _port);

    /// <summary>False while a <see cref="FaultKind.Refuse"/> window lasts (and before start, after dispose).</summary>
    public bool IsListening
    {
        get
        {
            lock (_sync) return _listener != null;
        }
    }

    /// <summary>The faults injected so far, in order (up to <see cref="ProxyOptions.MaxEvents"/>).</summary>
    public IReadOnlyList<FaultEvent> Events
    {
        get
        {
            lock (_sync) return _events.ToArray();
        }
    }

    internal bool Stopping => _stop.IsCancellationRequested;

    /// <summary>Starts listening (and, if connection 1 is to be refused, starts with a refusal window).</summary>
    public void Start()
    {
        if (_acceptLoop != null || _disposed != 0) throw new InvalidOperationException();
        Listen(_options.ListenPort);
        Note($"listening on {Endpoint}, upstream {_options.Upstream}, seed {_options.Plan.Seed}");
        FaultKind first = DecideNextConnection();
        _acceptLoop = Task.Run(() => AcceptLoop(first));
    }

    /// <summary>Stops listening, ends every connection and waits for them (bounded). Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop.Cancel();
        CloseListener();
        Task[] all;
        lock (_sync)
        {
            all = new Task[_connections.Count + (_acceptLoop == null ? 0 : 1)];
            _connections.CopyTo(all);
            if (_acceptLoop != null) all[^1] = _acceptLoop;
        }
        await Task.WhenAny(Task.WhenAll(all), Task.Delay(DisposeWaitMs)).ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>As <see cref="DisposeAsync"/>, blocking.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal long NextRequest() => Interlocked.Increment(ref _requestNumber);

    internal void Record(FaultEvent e)
    {
        Stats.Fault(e.Kind);
        lock (_sync)
        {
            if (_events.Count < _options.MaxEvents) _events.Add(e);
        }
        Log(e.ToString());
    }

    internal void Note(string line) => Log(line);

    private void Log(string line)
    {
        try
        {
            _options.Log?.Invoke(line);
        }
        catch (Exception)
        {
            // a failing log sink must not take the proxy down
        }
    }

    // The fault of the next connection slot; a refusal closes the listener at once, so the refused connect meets no one.
    private FaultKind DecideNextConnection()
    {
        long n = ++_connectionNumber;
        FaultKind kind = _options.Plan.Decide(FaultScope.Connection, n, out _);
        if (kind == FaultKind.Refuse)
        {
            CloseListener();
            Record(new FaultEvent(kind, n, 0, 0, $"not listening for {_options.RefuseWindowMs} ms"));
        }
        return kind;
    }

    private async Task AcceptLoop(FaultKind next)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (next == FaultKind.Refuse)
                {
                    await Task.Delay(_options.RefuseWindowMs, _stop.Token).ConfigureAwait(false);
                    if (!await Relisten().ConfigureAwait(false)) return;
                    next = DecideNextConnection();
                    continue;
                }
                Socket listener;
                lock (_sync) listener = _listener;
                if (listener == null) return;
                Socket client = await listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
                long number = _connectionNumber;
                FaultKind kind = next;
                next = DecideNextConnection();
                Serve(client, number, kind);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // An accept that failed (e.g. the client reset before it was taken): keep accepting.
                Stats.Error();
                Note("accept failed: " + e.GetType().Name);
            }
        }
    }

    private void Serve(Socket client, long number, FaultKind kind)
    {
        Stats.Connection();
        if (kind == FaultKind.CloseAtOnce)
        {
            Record(new FaultEvent(kind, number, 0, 0, "closed before reading"));
            CloseAtOnce(client);
            return;
        }
        if (Interlocked.Increment(ref _open) > _options.MaxConnections)
        {
            Interlocked.Decrement(ref _open);
            Stats.Overload();
            Note($"conn={number} closed: {_options.MaxConnections} connections open");
            CloseAtOnce(client);
            return;
        }
        client.NoDelay = true;
        ProxyConnection c = new(this, _options, client, number, _stop.Token);
        Task t = Task.Run(async () =>
        {
            try
            {
                await c.RunAsync().ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
        });
        lock (_sync)
        {
            _connections.RemoveAll(x => x.IsCompleted);
            _connections.Add(t);
        }
    }

    private static void CloseAtOnce(Socket client)
    {
        try
        {
            client.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // the client already left
        }
        client.Dispose();
    }

    private void Listen(int port)
    {
        Socket s = new(_options.ListenAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Rebinding the same port after a refusal window must not wait for connections in TIME_WAIT.
            s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            s.Bind(new IPEndPoint(_options.ListenAddress, port));
            s.Listen(ListenBacklog);
        }
        catch
        {
            s.Dispose();
            throw;
        }
        lock (_sync)
        {
            if (_stop.IsCancellationRequested)
            {
                s.Dispose();
                return;
            }
            _listener = s;
            _port = ((IPEndPoint)s.LocalEndPoint).Port;
        }
    }

    private async Task<bool> Relisten()
    {
        for (int i = 0; i < RelistenAttempts; i++)
        {
            try
            {
                Listen(_port);
                return !_stop.IsCancellationRequested;
            }
            catch (SocketException)
            {
                await Task.Delay(RelistenPauseMs, _stop.Token).ConfigureAwait(false);
            }
        }
        Stats.Error();
        Note($"cannot listen on port {_port} again: the proxy stops accepting");
        return false;
    }

    private void CloseListener()
    {
        Socket s;
        lock (_sync)
        {
            s = _listener;
            _listener = null;
        }
        s?.Dispose();
    }
}
