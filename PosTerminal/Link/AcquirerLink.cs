using System;
using PosTerminal.Hal;
using PosTerminal.Iso8583;

namespace PosTerminal.Link
{
    /// <summary>
    /// Request/response exchanges with the acquirer. Per transaction (the default): connect to the primary host,
    /// falling over to each backup when a connect is refused, unreachable or times out; send one frame; wait for the
    /// matching response until the response timeout; close. With a kept connection
    /// (<see cref="LinkSettings.KeepsConnection"/>) a connection that served a matching response stays open for the
    /// next exchange; one found closed is replaced by a new connect (with the same fail-over). Frames that do not
    /// decode are dropped and the link is kept (jPOS rule: a format error drops the message, an I/O error drops the
    /// link); frames that decode but do not match are counted and reported, never taken as the answer.
    /// </summary>
    public sealed class AcquirerLink
    {
        // How long the "is the kept connection still open" probe waits before a new request, in milliseconds.
        private const int ProbeMs = 1;

        private readonly ILinkConnector _connector;
        private readonly IClock _clock;
        private readonly ILinkObserver _observer;
        private readonly object _sync = new object();
        private LinkSettings _settings;
        private byte[] _tx;
        private byte[] _rx;
        private readonly byte[] _macScratch = new byte[16];
        private readonly byte[] _probe = new byte[1];
        private IByteLink _kept;
        private int _keptIndex = -1;
        private long _lastUseMs;

        /// <summary>A link; <paramref name="observer"/> may be null. Opens nothing until the first exchange.</summary>
        public AcquirerLink(ILinkConnector connector, IClock clock, LinkSettings settings, ILinkObserver observer)
        {
            if (connector == null || clock == null || settings == null) throw new ArgumentNullException();
            _connector = connector;
            _clock = clock;
            _observer = observer;
            Settings = settings;
            _lastUseMs = clock.MonotonicMs;
        }

        /// <summary>
        /// Current settings. A new value applies from the next exchange; one in progress keeps its own. A kept
        /// connection is closed when the new settings name other hosts, another mode or another TLS choice.
        /// </summary>
        public LinkSettings Settings
        {
            get { return _settings; }
            set
            {
                if (value == null) throw new ArgumentNullException();
                lock (_sync)
                {
                    if (_settings != null && !value.SameConnection(_settings)) CloseKept();
                    int size = value.Frame.LengthBytes + value.Frame.MaxFrameLength;
                    if (_tx == null || _tx.Length != size)
                    {
                        if (_tx != null)
                        {
                            Array.Clear(_tx, 0, _tx.Length);
                            Array.Clear(_rx, 0, _rx.Length);
                        }
                        _tx = new byte[size];
                        _rx = new byte[size];
                    }
                    _settings = value;
                }
            }
        }

        /// <summary>True while a kept connection is open (it may still turn out closed by the host at the next use).</summary>
        public bool IsConnected
        {
            get
            {
                lock (_sync) return _kept != null;
            }
        }

        /// <summary>Index of the host the kept connection goes to (0 = primary), or -1 when none is open.</summary>
        public int ConnectedHostIndex
        {
            get
            {
                lock (_sync) return _kept == null ? -1 : _keptIndex;
            }
        }

        /// <summary>
        /// Milliseconds since the last exchange ended (answered or not; since construction before the first): what a
        /// kept connection's echo interval is measured against.
        /// </summary>
        public long IdleMs
        {
            get
            {
                lock (_sync) return _clock.MonotonicMs - _lastUseMs;
            }
        }

        /// <summary>Closes the kept connection, if any (shutdown, or before a change of network).</summary>
        public void Close()
        {
            lock (_sync) CloseKept();
        }

        /// <summary>
        /// Sends <paramref name="request"/> and decodes the matching response into <paramref name="response"/>.
        /// Throws <see cref="IsoFormatException"/> only when the request itself cannot be packed. The frame buffers
        /// are wiped before it returns.
        /// </summary>
        public ExchangeResult Exchange(IsoMessage request, IsoMessage response)
        {
            return Run(request, response, null, -1);
        }

        /// <summary>
        /// As <see cref="Exchange(IsoMessage, IsoMessage)"/>, with the request's MAC computed by
        /// <paramref name="mac"/> (when not null) and every matching response that carries a MAC verified with it:
        /// a wrong one ends the exchange as <see cref="ExchangeStatus.MacFailed"/>.
        /// </summary>
        public ExchangeResult Exchange(IsoMessage request, IsoMessage response, IMessageAuthenticator mac)
        {
            return Run(request, response, mac, -1);
        }

        /// <summary>
        /// As <see cref="Exchange(IsoMessage, IsoMessage, IMessageAuthenticator)"/>, but over a new connection to host
        /// <paramref name="hostIndex"/> only (no fail-over), closed afterwards whatever the mode (a link test). A kept
        /// connection is left as it is.
        /// </summary>
        public ExchangeResult ExchangeWith(int hostIndex, IsoMessage request, IsoMessage response, IMessageAuthenticator mac)
        {
            if (hostIndex < 0 || hostIndex >= _settings.HostCount) throw new ArgumentOutOfRangeException();
            return Run(request, response, mac, hostIndex);
        }

        // onlyHost: -1 = the normal exchange (kept connection, fail-over), else one fresh connection to that host.
        private ExchangeResult Run(IsoMessage request, IsoMessage response, IMessageAuthenticator mac, int onlyHost)
        {
            ExchangeResult result = new ExchangeResult();
            lock (_sync)
            {
                result.Reset();
                LinkSettings settings = _settings;
                if (onlyHost >= settings.HostCount) throw new ArgumentOutOfRangeException();
                bool keep = onlyHost < 0 && settings.KeepsConnection;
                if (onlyHost < 0 && !keep) CloseKept();
                IByteLink link = null;
                try
                {
                    FrameCodec codec = new FrameCodec(settings.Frame, _clock);
                    int offset = settings.Frame.MessageOffset;
                    int length = mac == null ? IsoCodec.Pack(request, _tx, offset) : PackSigned(request, mac, offset);
                    int frameLength = codec.Seal(_tx, length);
                    LinkStatus s = LinkStatus.Closed;
                    if (keep)
                    {
                        link = TakeKept(settings, result);
                        if (link != null)
                        {
                            s = link.Write(_tx, 0, frameLength, settings.ResponseTimeoutMs);
                            if (s != LinkStatus.Ok)
                            {
                                // The host dropped the idle connection before the request got through: a new one
                                // carries it (the host never had it, so this is no duplicate).
                                link.Dispose();
                                link = null;
                                result.Reconnecting();
                            }
                        }
                    }
                    if (link == null)
                    {
                        link = Connect(settings, result, onlyHost);
                        if (link == null) return result;
                        s = link.Write(_tx, 0, frameLength, settings.ResponseTimeoutMs);
                    }
                    if (s != LinkStatus.Ok)
                    {
                        result.Status = ExchangeStatus.SendFailed;
                        result.LinkStatus = s;
                        return result;
                    }
                    if (_observer != null) _observer.OnSent(request, _tx, offset, frameLength);
                    long sentAt = _clock.MonotonicMs;
                    Receive(codec, link, request, response, mac, Deadline.In(_clock, settings.ResponseTimeoutMs), result);
                    result.RoundTripMs = (int)(_clock.MonotonicMs - sentAt);
                    // Only a stream that ended on a matching frame is in a known state; after a timeout a late answer
                    // could still arrive on it, so it is closed.
                    if (keep && (result.Status == ExchangeStatus.Answered || result.Status == ExchangeStatus.MacFailed))
                    {
                        _kept = link;
                        _keptIndex = result.HostIndex;
                        link = null;
                    }
                }
                finally
                {
                    if (link != null) link.Dispose();
                    _lastUseMs = _clock.MonotonicMs;
                    // Request and response frames carry F2/F35: nothing of them stays in RAM after the exchange.
                    Array.Clear(_tx, 0, _tx.Length);
                    Array.Clear(_rx, 0, _rx.Length);
                }
            }
            return result;
        }

        // The kept connection, if it is still open and quiet: a short read must time out. Closed by the host, or
        // holding bytes nobody asked for (a late answer), it is dropped and null is returned.
        private IByteLink TakeKept(LinkSettings settings, ExchangeResult result)
        {
            IByteLink link = _kept;
            int index = _keptIndex;
            _kept = null;
            _keptIndex = -1;
            if (link == null) return null;
            int n;
            LinkStatus s = link.Read(_probe, 0, 1, ProbeMs, out n);
            _probe[0] = 0;
            if (s != LinkStatus.Timeout || index < 0 || index >= settings.HostCount)
            {
                link.Dispose();
                return null;
            }
            result.HostIndex = index;
            result.Host = settings.Host(index);
            result.Reused = true;
            return link;
        }

        private void CloseKept()
        {
            if (_kept == null) return;
            _kept.Dispose();
            _kept = null;
            _keptIndex = -1;
        }

        private IByteLink Connect(LinkSettings settings, ExchangeResult result, int onlyHost)
        {
            int first = onlyHost < 0 ? 0 : onlyHost;
            int last = onlyHost < 0 ? settings.HostCount - 1 : onlyHost;
            for (int i = first; i <= last; i++)
            {
                HostEndpoint host = settings.Host(i);
                IByteLink link;
                LinkStatus s = OpenOne(settings, host, out link);
                result.AddAttempt(s);
                if (_observer != null) _observer.OnConnect(i, host, s);
                if (s == LinkStatus.Ok && link != null)
                {
                    result.HostIndex = i;
                    result.Host = host;
                    return link;
                }
                if (link != null) link.Dispose();
                result.LinkStatus = s;
            }
            result.Status = ExchangeStatus.NotConnected;
            return null;
        }

        // A TLS connection when the settings ask for one, never a plain one instead.
        private LinkStatus OpenOne(LinkSettings settings, HostEndpoint host, out IByteLink link)
        {
            if (!settings.Tls) return _connector.Connect(host.Host, host.Port, settings.ConnectTimeoutMs, out link);
            ITlsLinkConnector tls = _connector as ITlsLinkConnector;
            if (tls == null)
            {
                link = null;
                return LinkStatus.NotSupported;
            }
            return tls.ConnectTls(host.Host, host.Port, settings.ConnectTimeoutMs, out link);
        }

        // Packs with a zero MAC to fix the layout, computes the MAC over the bytes before the MAC field, packs again.
        private int PackSigned(IsoMessage request, IMessageAuthenticator mac, int offset)
        {
            Array.Clear(_macScratch, 0, _macScratch.Length);
            request.SetBytes(mac.MacField, _macScratch, 0, mac.MacLength);
            IsoCodec.Pack(request, _tx, offset);
            mac.Compute(_tx, offset, request.WireOffset(mac.MacField), _macScratch, 0);
            request.SetBytes(mac.MacField, _macScratch, 0, mac.MacLength);
            return IsoCodec.Pack(request, _tx, offset);
        }

        // Header byte 3 holds the terminal status (high nibble) and the host's processing requirement (low nibble) in the
        // UnionPay 6-byte header (etop ISO8583Util.java; payments.md §2.1). -1 without a header of at least 3 bytes.
        private static int ProcessingRequirementOf(FrameFormat format, byte[] frame)
        {
            if (format.HeaderLength < 3) return -1;
            int at = format.LengthBytes + (format.HasTpdu ? FrameFormat.TpduLength : 0) + 2;
            return frame[at] & 0x0F;
        }

        private void Receive(FrameCodec codec, IByteLink link, IsoMessage request, IsoMessage response, IMessageAuthenticator mac, Deadline deadline, ExchangeResult result)
        {
            int offset = codec.Format.MessageOffset;
            while (true)
            {
                int frameLength;
                LinkStatus s = codec.ReadFrame(link, _rx, deadline, out frameLength);
                if (s == LinkStatus.KeepAlive) continue;
                if (s != LinkStatus.Ok)
                {
                    result.Status = s == LinkStatus.Timeout ? ExchangeStatus.NoResponse : ExchangeStatus.LinkLost;
                    result.LinkStatus = s;
                    return;
                }
                try
                {
                    IsoCodec.Unpack(_rx, offset, frameLength - offset, response);
                }
                catch (IsoFormatException e)
                {
                    result.FormatErrors++;
                    if (_observer != null) _observer.OnFormatError(e, frameLength);
                    continue;
                }
                bool matched = codec.IsReplyTpdu(_tx, _rx) && ResponseMatcher.Matches(request, response);
                if (_observer != null) _observer.OnReceived(response, _rx, offset, frameLength, matched);
                if (matched)
                {
                    result.Status = ExchangeStatus.Answered;
                    result.ProcessingRequirement = ProcessingRequirementOf(codec.Format, _rx);
                    result.LinkStatus = LinkStatus.Ok;
                    if (mac != null && response.Has(mac.MacField))
                    {
                        result.MacChecked = true;
                        response.CopyTo(mac.MacField, _macScratch, 0);
                        bool ok = response.Length(mac.MacField) == mac.MacLength
                            && mac.Verify(_rx, offset, response.WireOffset(mac.MacField), _macScratch, 0);
                        if (!ok) result.Status = ExchangeStatus.MacFailed;
                    }
                    return;
                }
                result.Unmatched++;
            }
        }
    }
}
