using System;
using PosTerminal.Hal;
using PosTerminal.Iso8583;

namespace PosTerminal.Link
{
    /// <summary>
    /// Request/response exchanges with the acquirer, one connection per exchange: connect to the primary host,
    /// falling over to each backup when a connect is refused, unreachable or times out; send one frame; wait
    /// for the matching response until the response timeout. Frames that do not decode are dropped and the
    /// link is kept (jPOS rule: a format error drops the message, an I/O error drops the link); frames that
    /// decode but do not match are counted and reported, never taken as the answer.
    /// </summary>
    public sealed class AcquirerLink
    {
        private readonly ILinkConnector _connector;
        private readonly IClock _clock;
        private readonly ILinkObserver _observer;
        private readonly object _sync = new object();
        private LinkSettings _settings;
        private byte[] _tx;
        private byte[] _rx;
        private readonly byte[] _macScratch = new byte[16];

        /// <summary>A link; <paramref name="observer"/> may be null.</summary>
        public AcquirerLink(ILinkConnector connector, IClock clock, LinkSettings settings, ILinkObserver observer)
        {
            if (connector == null || clock == null || settings == null) throw new ArgumentNullException();
            _connector = connector;
            _clock = clock;
            _observer = observer;
            Settings = settings;
        }

        /// <summary>Current settings. A new value applies from the next exchange; one in progress keeps its own.</summary>
        public LinkSettings Settings
        {
            get { return _settings; }
            set
            {
                if (value == null) throw new ArgumentNullException();
                lock (_sync)
                {
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

        /// <summary>
        /// Sends <paramref name="request"/> and decodes the matching response into <paramref name="response"/>.
        /// Throws <see cref="IsoFormatException"/> only when the request itself cannot be packed. The frame buffers
        /// are wiped before it returns.
        /// </summary>
        public ExchangeResult Exchange(IsoMessage request, IsoMessage response)
        {
            return Exchange(request, response, null);
        }

        /// <summary>
        /// As <see cref="Exchange(IsoMessage, IsoMessage)"/>, with the request's MAC computed by
        /// <paramref name="mac"/> (when not null) and every matching response that carries a MAC verified with it:
        /// a wrong one ends the exchange as <see cref="ExchangeStatus.MacFailed"/>.
        /// </summary>
        public ExchangeResult Exchange(IsoMessage request, IsoMessage response, IMessageAuthenticator mac)
        {
            ExchangeResult result = new ExchangeResult();
            lock (_sync)
            {
                result.Reset();
                LinkSettings settings = _settings;
                try
                {
                    FrameCodec codec = new FrameCodec(settings.Frame, _clock);
                    int offset = settings.Frame.MessageOffset;
                    int length = mac == null ? IsoCodec.Pack(request, _tx, offset) : PackSigned(request, mac, offset);
                    int frameLength = codec.Seal(_tx, length);
                    IByteLink link = Connect(settings, result);
                    if (link == null) return result;
                    try
                    {
                        LinkStatus s = link.Write(_tx, 0, frameLength, settings.ResponseTimeoutMs);
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
                    }
                    finally
                    {
                        link.Dispose();
                    }
                }
                finally
                {
                    // Request and response frames carry F2/F35: nothing of them stays in RAM after the exchange.
                    Array.Clear(_tx, 0, _tx.Length);
                    Array.Clear(_rx, 0, _rx.Length);
                }
            }
            return result;
        }

        private IByteLink Connect(LinkSettings settings, ExchangeResult result)
        {
            for (int i = 0; i < settings.HostCount; i++)
            {
                HostEndpoint host = settings.Host(i);
                IByteLink link;
                LinkStatus s = _connector.Connect(host.Host, host.Port, settings.ConnectTimeoutMs, out link);
                result.AddAttempt(s);
                if (_observer != null) _observer.OnConnect(i, host, s);
                if (s == LinkStatus.Ok && link != null)
                {
                    result.HostIndex = i;
                    result.Host = host;
                    return link;
                }
                result.LinkStatus = s;
            }
            result.Status = ExchangeStatus.NotConnected;
            return null;
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
