using System;
using PosTerminal.Cards;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Storage;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// The payment terminal: builds requests from card data and the acquirer profile, exchanges them over the
    /// <see cref="AcquirerLink"/>, and turns responses into <see cref="TxnOutcome"/>s. The same class is
    /// composed by Program.cs on the ESP32 and by the emulator on a PC. One transaction runs at a time;
    /// settings replaced meanwhile apply from the next one. Business outcomes are never exceptions.
    /// </summary>
    public sealed class Terminal
    {
        /// <summary>Largest amount F4 (n12) can carry, in minor units.</summary>
        public const long MaxAmount = 999999999999;

        private readonly IClock _clock;
        private readonly AcquirerLink _link;
        private readonly TerminalCounters _counters;
        private readonly object _txnLock = new object();
        private readonly byte[] _scratch = new byte[Track2.MaxDataLength];
        private TerminalSettings _settings;
        private IsoMessage _request;
        private IsoMessage _response;

        /// <summary>
        /// A terminal. <paramref name="observer"/> (may be null) sees every frame for masked traces. Constructing
        /// does no I/O other than loading the counters from <paramref name="store"/>.
        /// </summary>
        public Terminal(TerminalSettings settings, ILinkConnector connector, IClock clock, INonVolatileStore store, ILinkObserver observer)
        {
            if (settings == null || connector == null || clock == null || store == null) throw new ArgumentNullException();
            _clock = clock;
            _counters = new TerminalCounters(new RecordStore(store));
            _link = new AcquirerLink(connector, clock, settings.Link, observer);
            _settings = settings;
        }

        /// <summary>Current settings; a new value applies from the next transaction.</summary>
        public TerminalSettings Settings
        {
            get { return _settings; }
            set
            {
                if (value == null) throw new ArgumentNullException();
                _settings = value;
            }
        }

        /// <summary>Persisted trace and batch numbers.</summary>
        public TerminalCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>
        /// A sale (消费) of <paramref name="amountMinor"/> minor units with <paramref name="card"/>. The card is
        /// not disposed here; its owner does that.
        /// </summary>
        public TxnOutcome Sale(CardData card, long amountMinor)
        {
            return Run(TransactionType.Sale, card, amountMinor);
        }

        private TxnOutcome Run(TransactionType type, CardData card, long amountMinor)
        {
            lock (_txnLock)
            {
                TerminalSettings s = _settings;
                TxnOutcome o = new TxnOutcome();
                o.Type = type;
                o.AmountMinor = amountMinor;
                o.HostIndex = -1;
                o.Batch = _counters.Batch;
                o.Time = _clock.Now;
                if (card == null || card.PanLength == 0) return Refuse(o, RefusalReason.NoCard);
                o.MaskedPan = card.MaskedPan;
                if (amountMinor < 1 || amountMinor > MaxAmount) return Refuse(o, RefusalReason.InvalidAmount);
                // ISO/IEC 7813 service code 2xx/6xx: the card has a chip that must be used; a swipe is accepted only
                // as fallback after failed chip reads.
                if (card.Entry == EntryMethod.Swipe && card.HasChip) return Refuse(o, RefusalReason.UseChip);
                EnsureMessages(s.Profile.Spec);
                int stan = _counters.NextStan();
                if (stan < 0) return Refuse(o, RefusalReason.StorageFailure);
                o.Stan = stan;
                try
                {
                    try
                    {
                        BuildFinancial(s, type, card, amountMinor, stan, o.Time, _clock.UtcNow);
                    }
                    catch (ArgumentException)
                    {
                        return Refuse(o, RefusalReason.BuildFailed);
                    }
                    _link.Settings = s.Link;
                    ExchangeResult x;
                    try
                    {
                        x = _link.Exchange(_request, _response);
                    }
                    catch (IsoFormatException)
                    {
                        return Refuse(o, RefusalReason.BuildFailed);
                    }
                    Complete(s, o, x, card.Entry);
                    return o;
                }
                catch (Exception)
                {
                    // The one catch at the flow boundary: whatever went wrong, the caller gets an outcome, never an
                    // exception, and nothing of the card leaves through it.
                    o.Result = TxnResult.Fault;
                    o.Receipt = Receipt.Build(s, o, card.Entry);
                    return o;
                }
                finally
                {
                    _request.Clear();
                    _response.Clear();
                    Bytes.Wipe(_scratch);
                }
            }
        }

        private void EnsureMessages(MessageSpec spec)
        {
            if (_request == null || _request.Spec != spec)
            {
                _request = new IsoMessage(spec);
                _response = new IsoMessage(spec);
            }
        }

        // 0200 and friends: F2 F3 F4 F11 [F7 F12 F13] F14 F22 F25 F35 F41 F42 F49 [F60].
        private void BuildFinancial(TerminalSettings s, TransactionType type, CardData card, long amountMinor, int stan, DateTime now, DateTime utc)
        {
            IsoMessage m = _request;
            AcquirerProfile p = s.Profile;
            m.Mti = type.Mti;
            int n = card.CopyPan(_scratch, 0);
            m.SetBytes(IsoField.Pan, _scratch, 0, n);
            m.Set(IsoField.ProcessingCode, type.ProcessingCode);
            m.SetNumber(IsoField.Amount, amountMinor);
            m.SetNumber(IsoField.Stan, stan);
            if (p.SendsLocalTime)
            {
                // F7 MMDDhhmmss in GMT; F12 hhmmss and F13 MMDD in local time (ISO 8583:1987, 4.3).
                m.Set(IsoField.TransmissionDateTime, Ascii.Number(utc.Month, 2) + Ascii.Number(utc.Day, 2)
                    + Ascii.Number(utc.Hour, 2) + Ascii.Number(utc.Minute, 2) + Ascii.Number(utc.Second, 2));
                m.Set(IsoField.LocalTime, Ascii.Number(now.Hour, 2) + Ascii.Number(now.Minute, 2) + Ascii.Number(now.Second, 2));
                m.Set(IsoField.LocalDate, Ascii.Number(now.Month, 2) + Ascii.Number(now.Day, 2));
            }
            if (card.Expiry != null) m.Set(IsoField.Expiry, card.Expiry);
            m.Set(IsoField.EntryMode, p.EntryMode(card.Entry, false));
            m.Set(IsoField.ConditionCode, type.ConditionCode);
            n = card.CopyTrack2(_scratch, 0);
            if (n > 0) m.SetBytes(IsoField.Track2, _scratch, 0, n);
            m.Set(IsoField.TerminalId, s.TerminalId);
            m.Set(IsoField.MerchantId, s.MerchantId);
            m.Set(IsoField.Currency, s.Currency);
            if (p.UsesField60)
            {
                // 60.1 type n2, 60.2 batch n6, 60.3 network management code n3 (000 = financial),
                // 60.4 terminal read capability n1 (the board's), 60.5 IC condition code n1 (0 normal, 2 fallback)
                string condition = card.Entry == EntryMethod.Fallback ? "2" : "0";
                m.Set(IsoField.Reserved60, type.Type60 + Ascii.Number(_counters.Batch, 6) + "000" + s.ReadCapability + condition);
            }
        }

        private void Complete(TerminalSettings s, TxnOutcome o, ExchangeResult x, EntryMethod entry)
        {
            o.HostIndex = x.HostIndex;
            o.Host = x.Host == null ? null : x.Host.ToString();
            o.RoundTripMs = x.RoundTripMs;
            switch (x.Status)
            {
                case ExchangeStatus.Answered:
                    o.ResponseCode = _response.GetString(IsoField.ResponseCode);
                    if (o.ResponseCode == null) o.ResponseCode = "  ";
                    o.Rrn = _response.GetString(IsoField.Rrn);
                    o.AuthCode = _response.GetString(IsoField.AuthCode);
                    o.Result = s.Profile.IsApproval(o.ResponseCode) ? TxnResult.Approved : TxnResult.Declined;
                    long approved = _response.GetNumber(IsoField.Amount);
                    o.ApprovedAmountMinor = o.Result != TxnResult.Approved ? 0 : approved > 0 ? approved : o.AmountMinor;
                    break;
                case ExchangeStatus.NotConnected:
                    o.Result = TxnResult.NotSent;
                    break;
                case ExchangeStatus.NoResponse:
                    o.Result = TxnResult.NoResponse;
                    break;
                default:
                    o.Result = TxnResult.LinkFailed;
                    break;
            }
            o.Receipt = Receipt.Build(s, o, entry);
        }

        private TxnOutcome Refuse(TxnOutcome o, RefusalReason reason)
        {
            o.Result = TxnResult.Refused;
            o.Refusal = reason;
            return o;
        }
    }
}
