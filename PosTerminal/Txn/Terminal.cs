using System;
using PosTerminal.Cards;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Security;
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
    public sealed partial class Terminal
    {
        /// <summary>Largest amount F4 (n12) can carry, in minor units.</summary>
        public const long MaxAmount = 999999999999;

        // F63 of a UnionPay sign-on: the operator number (ans...3).
        private const string OperatorNumber = "001";

        // 0800: network management request.
        private const int NetworkManagementRequest = 800;

        // Network management information code of an echo test: CUP F60.3 301 (teddy-lee/AIAUnionPay CUPPackager.java,
        // TRAN_TESTING; payments.md §2.3), ISO 8583:1987 F70 301 (echo test).
        private const string EchoTestCode = "301";

        // Reversal reasons (F39 of a 0400; LiaoYang_POS trancomm.c): no response, MAC error, other.
        private const string ReversalReasonNoResponse = "98";
        private const string ReversalReasonMac = "A0";
        private const string ReversalReasonOther = "06";

        private readonly IClock _clock;
        private readonly IRandom _random;
        private readonly AcquirerLink _link;
        private readonly TerminalCounters _counters;
        private readonly KeyStore _keys;
        private readonly DukptState _dukpt;
        private readonly object _txnLock = new object();
        private readonly byte[] _scratch = new byte[Track2.MaxDataLength];
        private TerminalSettings _settings;
        private EchoOutcome _lastEcho;
        private IsoMessage _request;
        private IsoMessage _response;
        private readonly BatchJournal _journal;

        /// <summary>
        /// A terminal. <paramref name="observer"/> (may be null) sees every frame for masked traces. Constructing
        /// does no I/O other than loading the counters from <paramref name="store"/>.
        /// </summary>
        public Terminal(TerminalSettings settings, ILinkConnector connector, IClock clock, INonVolatileStore store, ILinkObserver observer)
            : this(settings, connector, clock, store, observer, null)
        {
        }

        /// <summary>
        /// A terminal with a random source (needed for PIN block formats 1, 3 and 4). Loads counters, keys and the
        /// DUKPT state from <paramref name="store"/>; the only writes are the DUKPT boot step (one counter burnt, see
        /// <see cref="DukptState"/>) and, once, the erasure of a DUKPT initial key left by older firmware.
        /// </summary>
        public Terminal(TerminalSettings settings, ILinkConnector connector, IClock clock, INonVolatileStore store, ILinkObserver observer, IRandom random)
        {
            if (settings == null || connector == null || clock == null || store == null) throw new ArgumentNullException();
            _clock = clock;
            _random = random;
            RecordStore records = new RecordStore(store);
            _counters = new TerminalCounters(records);
            _keys = new KeyStore(records);
            _dukpt = new DukptState(records);
            _journal = new BatchJournal(records, _counters.Batch);
            SyncBatchCounter();
            DukptState.EraseLegacyInitialKey(_keys);
            _link = new AcquirerLink(connector, clock, settings.Link, observer);
            _settings = settings;
        }

        /// <summary>The key store (master key, working keys): check values only leave it.</summary>
        public KeyStore Keys
        {
            get { return _keys; }
        }

        /// <summary>The DUKPT device state (future keys and KSN); DUKPT initial keys are loaded through it.</summary>
        public DukptState Dukpt
        {
            get { return _dukpt; }
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

        /// <summary>True while the link holds a kept connection open (connection mode "kept").</summary>
        public bool LinkConnected
        {
            get { return _link.IsConnected; }
        }

        /// <summary>Index of the host the kept connection goes to (0 = primary), or -1.</summary>
        public int ConnectedHostIndex
        {
            get { return _link.ConnectedHostIndex; }
        }

        /// <summary>The last echo <see cref="KeepAlive"/> sent, or null before the first.</summary>
        public EchoOutcome LastEcho
        {
            get { return _lastEcho; }
        }

        /// <summary>
        /// For the application's idle loop: with a kept connection and an echo interval (<see cref="LinkSettings.EchoIntervalMs"/>),
        /// sends an echo test once the link has been idle that long; this also reopens a connection the host closed (with
        /// fail-over), so the next sale finds it open. Cheap when nothing is due (no allocation, no I/O); never runs
        /// inside a transaction (it waits for one in progress, which then counts as activity). Applies settings replaced
        /// since the last exchange, closing a kept connection they no longer want.
        /// </summary>
        public KeepAliveStatus KeepAlive()
        {
            lock (_txnLock)
            {
                TerminalSettings s = _settings;
                _link.Settings = s.Link;
                if (!s.Link.KeepsConnection || s.Link.EchoIntervalMs <= 0) return KeepAliveStatus.Off;
                if (_link.IdleMs < s.Link.EchoIntervalMs) return KeepAliveStatus.NotDue;
                EchoOutcome o = Echo(s, -1);
                _lastEcho = o;
                return o.Result == EchoResult.Ok ? KeepAliveStatus.Echoed : KeepAliveStatus.Failed;
            }
        }

        /// <summary>
        /// A link test for the technician: for each configured host in turn (primary, then backups), a new connection and
        /// an echo test (cup: 0820 F60.3 301; iso87ascii: 0800 F70 301), closed afterwards. One outcome per host, in
        /// order: connected or why not, answered or not, round trip, response code. A kept connection is left as it is.
        /// Each echo uses a trace number.
        /// </summary>
        public EchoOutcome[] LinkTest()
        {
            lock (_txnLock)
            {
                TerminalSettings s = _settings;
                EchoOutcome[] all = new EchoOutcome[s.Link.HostCount];
                for (int i = 0; i < all.Length; i++) all[i] = Echo(s, i);
                return all;
            }
        }

        /// <summary>Closes a kept connection, if any (the next exchange or echo opens a new one).</summary>
        public void CloseLink()
        {
            lock (_txnLock) _link.Close();
        }

        /// <summary>
        /// A sale (消费) of <paramref name="amountMinor"/> minor units with <paramref name="card"/>, without PIN. The card
        /// is not disposed here; its owner does that.
        /// </summary>
        public TxnOutcome Sale(CardData card, long amountMinor)
        {
            return Run(TransactionType.Sale, card, null, amountMinor, null, null);
        }

        /// <summary>
        /// A sale paid with a customer-presented payment code (付款码): F22 with the scan entry mode, the code in the
        /// field the profile names (<see cref="AcquirerProfile.CodeField"/>), no PAN or track, the profile's code-sale
        /// identity (<see cref="AcquirerProfile.CodeSale"/>). Only a code that passed <see cref="PaymentCode.Check"/>
        /// exists, so a malformed one never reaches a frame. The caller disposes the code.
        /// </summary>
        public TxnOutcome Sale(PaymentCode code, long amountMinor)
        {
            return Run(_settings.Profile.CodeSale, null, code, amountMinor, null, null);
        }

        /// <summary>
        /// A sale with an online PIN: <paramref name="pin"/> is turned into an encrypted PIN block (F52) under the PIN
        /// key in force; the caller disposes both the card and the PIN.
        /// </summary>
        public TxnOutcome Sale(CardData card, long amountMinor, PinEntry pin)
        {
            return Run(TransactionType.Sale, card, null, amountMinor, pin, null);
        }

        /// <summary>
        /// Signs on (签到, 0800 with F60.3 001/003/004): the host answers with working keys in F62 under the master key
        /// and the batch number in F60.2. The keys are installed only when every check value matches.
        /// </summary>
        public SignOnOutcome SignOn()
        {
            lock (_txnLock) return SignOnLocked(_settings);
        }

        private SignOnOutcome SignOnLocked(TerminalSettings s)
        {
            {
                SecuritySettings sec = s.Security;
                SignOnOutcome o = new SignOnOutcome();
                o.HostIndex = -1;
                if (sec.IsDukpt)
                {
                    o.Result = SignOnResult.NotApplicable;
                    return o;
                }
                if (!_keys.Has(KeySlot.MasterKey))
                {
                    o.Result = SignOnResult.NoMasterKey;
                    return o;
                }
                EnsureMessages(s.Profile.SpecFor(sec));
                int stan = _counters.NextStan();
                if (stan < 0)
                {
                    o.Result = SignOnResult.Fault;
                    return o;
                }
                o.Stan = stan;
                byte[] f62 = null;
                try
                {
                    IsoMessage m = _request;
                    m.Mti = NetworkManagementRequest;
                    m.SetNumber(IsoField.Stan, stan);
                    m.Set(IsoField.TerminalId, s.TerminalId);
                    m.Set(IsoField.MerchantId, s.MerchantId);
                    // 60.1 00, 60.2 batch, 60.3 network management code: 001 single-length keys, 003 double-length,
                    // 004 double-length with a track key (ProjectAfcApp qpboc_8583.c; 2002 spec table).
                    string code = sec.EncryptTracks ? WorkingKeyInstaller.DoubleLengthWithTdk : WorkingKeyInstaller.DoubleLength;
                    m.Set(IsoField.Reserved60, "00" + Ascii.Number(_counters.Batch, 6) + code);
                    m.Set(IsoField.Reserved63, OperatorNumber);
                    _link.Settings = s.Link;
                    ExchangeResult x = _link.Exchange(_request, _response);
                    NoteHostRequest(x);
                    o.HostIndex = x.HostIndex;
                    switch (x.Status)
                    {
                        case ExchangeStatus.Answered:
                            break;
                        case ExchangeStatus.NotConnected:
                            o.Result = SignOnResult.NotSent;
                            return o;
                        case ExchangeStatus.NoResponse:
                            o.Result = SignOnResult.NoResponse;
                            return o;
                        default:
                            o.Result = SignOnResult.LinkFailed;
                            return o;
                    }
                    o.ResponseCode = _response.GetString(IsoField.ResponseCode);
                    if (o.ResponseCode != ResponseCodes.Approved)
                    {
                        o.Result = SignOnResult.Declined;
                        return o;
                    }
                    int length = _response.Length(IsoField.Reserved62);
                    if (length < 0)
                    {
                        o.Result = SignOnResult.KeysRejected;
                        o.KeyStatus = KeyLoadStatus.BadLayout;
                        return o;
                    }
                    f62 = new byte[length];
                    _response.CopyTo(IsoField.Reserved62, f62, 0);
                    o.KeyStatus = WorkingKeyInstaller.Install(_keys, f62, 0, length, sec.Sm4, code, sec.Mac == MacMethod.X919);
                    if (o.KeyStatus != KeyLoadStatus.Ok)
                    {
                        o.Result = SignOnResult.KeysRejected;
                        return o;
                    }
                    string f60 = _response.GetString(IsoField.Reserved60);
                    long batch = f60 != null && f60.Length >= 8 ? Ascii.ParseNumber(f60.Substring(2, 6)) : -1;
                    // The host's batch number applies once the open batch is settled: transactions of one batch keep its number.
                    if (batch >= 1 && batch <= TerminalCounters.MaxValue && _journal.Count == 0
                        && _journal.Renumber((int)batch) && _counters.SetBatch((int)batch))
                    {
                        o.Batch = (int)batch;
                    }
                    _signOnDue = false;
                    o.Result = SignOnResult.Ok;
                    return o;
                }
                catch (Exception)
                {
                    o.Result = SignOnResult.Fault;
                    return o;
                }
                finally
                {
                    Bytes.Wipe(f62);
                    _request.Clear();
                    _response.Clear();
                    o.PinKeyCheck = CheckValueOf(KeySlot.PinKey);
                    o.MacKeyCheck = CheckValueOf(KeySlot.MacKey);
                    o.TrackKeyCheck = CheckValueOf(KeySlot.TrackKey);
                }
            }
        }

        // The working keys in the store fit the security settings (checked before a trace number is used): SM4 keys
        // in 国密 mode, TDES/DES otherwise, a double-length MAK for X9.19, a TDK when tracks are encrypted.
        private bool WorkingKeysSuit(SecuritySettings sec)
        {
            SecretKey pik = _keys.Get(KeySlot.PinKey);
            SecretKey mak = _keys.Get(KeySlot.MacKey);
            SecretKey tdk = _keys.Get(KeySlot.TrackKey);
            if (sec.Sm4)
            {
                if (pik.Algorithm != KeyAlgorithm.Sm4 || mak.Algorithm != KeyAlgorithm.Sm4) return false;
                if (sec.EncryptTracks && (tdk == null || tdk.Algorithm != KeyAlgorithm.Sm4)) return false;
                return true;
            }
            if (pik.Algorithm != KeyAlgorithm.Tdes) return false;
            if (mak.Algorithm != KeyAlgorithm.Tdes && mak.Algorithm != KeyAlgorithm.Des) return false;
            if (sec.Mac == MacMethod.X919 && mak.Length != 16) return false;
            if (sec.EncryptTracks && (tdk == null || tdk.Algorithm != KeyAlgorithm.Tdes)) return false;
            return true;
        }

        private string CheckValueOf(KeySlot slot)
        {
            SecretKey k = _keys.Get(slot);
            return k == null ? null : k.CheckValue;
        }

        // One financial request for a card (with or without a PIN) or a payment code; `reference` (void, refund) points
        // at the original transaction.
        private TxnOutcome Run(TransactionType type, CardData card, PaymentCode code, long amountMinor, PinEntry pin, TxnReference reference)
        {
            lock (_txnLock)
            {
                TerminalSettings s = _settings;
                SecuritySettings sec = s.Security;
                TxnOutcome o = new TxnOutcome();
                o.Type = type;
                o.AmountMinor = amountMinor;
                o.HostIndex = -1;
                o.BalanceMinor = -1;
                o.Batch = _counters.Batch;
                o.Time = _clock.Now;
                bool byCode = code != null;
                if (byCode ? code.Length == 0 : card == null || card.PanLength == 0) return Refuse(o, RefusalReason.NoCard);
                o.MaskedPan = byCode ? code.Masked : card.MaskedPan;
                EntryMethod entry = byCode ? EntryMethod.Scan : card.Entry;
                if (reference != null)
                {
                    RefusalReason unresolved = Resolve(reference);
                    if (unresolved != RefusalReason.None) return Refuse(o, unresolved);
                    if (reference.Sale != null)
                    {
                        amountMinor = reference.Sale.AmountMinor;   // a void cancels the whole approved amount
                        o.AmountMinor = amountMinor;
                    }
                }
                bool inquiry = type == s.Profile.Balance;
                if (inquiry ? amountMinor != 0 : amountMinor < 1 || amountMinor > MaxAmount) return Refuse(o, RefusalReason.InvalidAmount);
                // ISO/IEC 7813 service code 2xx/6xx: the card has a chip that must be used; a swipe is accepted only
                // as fallback after failed chip reads.
                if (!byCode && card.Entry == EntryMethod.Swipe && card.HasChip) return Refuse(o, RefusalReason.UseChip);
                if (!inquiry && _journal.Count >= s.BatchCapacity) return Refuse(o, RefusalReason.BatchFull);
                if (!PrepareTransaction(s, o)) return o;
                o.Batch = _counters.Batch;
                bool needKeys = sec.Mac != MacMethod.None || pin != null || sec.EncryptTracks;
                RefusalReason unkeyed = CheckKeys(sec, needKeys);
                if (unkeyed != RefusalReason.None) return Refuse(o, unkeyed);
                EnsureMessages(s.Profile.SpecFor(sec));
                int stan = _counters.NextStan();
                if (stan < 0) return Refuse(o, RefusalReason.StorageFailure);
                o.Stan = stan;
                TransactionKeys keys = null;
                MacAuthenticator mac = null;
                try
                {
                    if (needKeys && !TakeKeys(sec, out keys)) return Refuse(o, RefusalReason.NoDukptKey);
                    try
                    {
                        BuildFinancial(s, type, entry, inquiry ? -1 : amountMinor, stan, o.Time, _clock.UtcNow, pin != null);
                        if (byCode) AddCode(s.Profile, code);
                        else AddCard(card);
                        if (reference != null) AddReference(reference);
                        if (pin != null)
                        {
                            if (!SecureFields.AddPinBlock(_request, s, card, pin, keys.Pin, _random)) return Refuse(o, RefusalReason.BadPin);
                            o.PinEntered = true;
                        }
                        if (sec.EncryptTracks)
                        {
                            if (keys.Data == null) return Refuse(o, RefusalReason.NotSignedOn);
                            if (!SecureFields.EncryptTrack(_request, s, keys.Data)) return Refuse(o, RefusalReason.BuildFailed);
                        }
                        if (sec.IsDukpt && needKeys) AddKsn(keys);
                    }
                    catch (ArgumentException)
                    {
                        return Refuse(o, RefusalReason.BuildFailed);
                    }
                    // 冲正: the reversal is on the medium before the first byte of the request can leave (DESIGN.md §2.8).
                    if (type.Reversible && !JournalReversal(type, o)) return Refuse(o, RefusalReason.StorageFailure);
                    if (sec.Mac != MacMethod.None) mac = new MacAuthenticator(sec.Mac, keys.MacRequest, keys.MacResponse);
                    _link.Settings = s.Link;
                    ExchangeResult x;
                    try
                    {
                        x = _link.Exchange(_request, _response, mac);
                    }
                    catch (IsoFormatException)
                    {
                        if (type.Reversible) _journal.ClearReversal();   // nothing was sent
                        return Refuse(o, RefusalReason.BuildFailed);
                    }
                    NoteHostRequest(x);
                    Complete(s, o, x, mac != null);
                    Conclude(s, o, x, entry, reference);
                    o.Receipt = Receipt.Build(s, o, entry);
                    return o;
                }
                catch (Exception)
                {
                    // The one catch at the flow boundary: whatever went wrong, the caller gets an outcome, never an
                    // exception, and nothing of the card leaves through it. A journalled reversal stays pending ("06").
                    o.Result = TxnResult.Fault;
                    if (type.Reversible && _journal.Reversal != null && _journal.Reversal.Stan == o.Stan)
                    {
                        o.ReversalReason = _journal.Reversal.Reason;
                        o.Reversal = ReversalStatus.Pending;
                    }
                    o.Receipt = Receipt.Build(s, o, entry);
                    return o;
                }
                finally
                {
                    if (mac != null) mac.Dispose();
                    if (keys != null) keys.Dispose();
                    _request.Clear();
                    _response.Clear();
                    Bytes.Wipe(_scratch);
                }
            }
        }

        // Refusal reason when the keys a request needs are not there (checked before a trace number is used), or None.
        private RefusalReason CheckKeys(SecuritySettings sec, bool needKeys)
        {
            if (!needKeys) return RefusalReason.None;
            if (!sec.IsDukpt)
            {
                if (TransactionKeys.FromWorkingKeys(_keys) == null) return RefusalReason.NotSignedOn;
                if (!WorkingKeysSuit(sec)) return RefusalReason.KeysUnsuitable;
                return RefusalReason.None;
            }
            return _dukpt.HasKey ? RefusalReason.None : RefusalReason.NoDukptKey;
        }

        // The keys of one message: the working keys, or the next DUKPT transaction's (the device advances and its state
        // is saved before the keys come out). False when DUKPT has no key left.
        private bool TakeKeys(SecuritySettings sec, out TransactionKeys keys)
        {
            if (!sec.IsDukpt)
            {
                keys = TransactionKeys.FromWorkingKeys(_keys);
                return keys != null;
            }
            return _dukpt.NextTransaction(sec.Scheme, out keys) == DukptKeyStatus.Ok;
        }

        // One echo test: to host `hostIndex` over a new connection, or (-1) over the kept connection / with fail-over.
        // Network management messages carry no MAC: the sources give none for the echo, and it must work before
        // sign-on, when there is no MAC key (the sign-on 0800 is not MACed either).
        private EchoOutcome Echo(TerminalSettings s, int hostIndex)
        {
            EchoOutcome o = new EchoOutcome();
            o.HostIndex = hostIndex;
            o.Host = hostIndex >= 0 ? s.Link.Host(hostIndex) : null;
            try
            {
                EnsureMessages(s.Profile.SpecFor(s.Security));
                int stan = _counters.NextStan();
                if (stan < 0)
                {
                    o.Result = EchoResult.Fault;
                    return o;
                }
                o.Stan = stan;
                BuildEcho(s, stan);
                _link.Settings = s.Link;
                ExchangeResult x = hostIndex < 0 ? _link.Exchange(_request, _response) : _link.ExchangeWith(hostIndex, _request, _response, null);
                o.HostIndex = x.HostIndex >= 0 ? x.HostIndex : hostIndex;
                if (x.Host != null) o.Host = x.Host;
                o.Reused = x.Reused;
                o.ConnectStatus = x.HostsTried > 0 ? x.ConnectStatus(x.HostsTried - 1) : LinkStatus.Ok;
                o.RoundTripMs = x.RoundTripMs;
                switch (x.Status)
                {
                    case ExchangeStatus.Answered:
                        o.ResponseCode = _response.GetString(IsoField.ResponseCode);
                        o.Result = o.ResponseCode == ResponseCodes.Approved ? EchoResult.Ok : EchoResult.Declined;
                        break;
                    case ExchangeStatus.NotConnected:
                        o.Result = EchoResult.NotConnected;
                        break;
                    case ExchangeStatus.NoResponse:
                        o.Result = EchoResult.NoResponse;
                        break;
                    default:
                        o.Result = EchoResult.LinkFailed;
                        break;
                }
                return o;
            }
            catch (Exception)
            {
                o.Result = EchoResult.Fault;
                return o;
            }
            finally
            {
                if (_request != null) _request.Clear();
                if (_response != null) _response.Clear();
            }
        }

        // cup: 0820 F11 F41 F42 F60 (60.1 00, 60.2 batch, 60.3 301), as the UnionPay sign-off 0820 of the same sources.
        // iso87ascii: 0800 F7 F11 F41 F42 F70 301 (the F7 + F11 + F70 network management request of ISO 8583:1987).
        private void BuildEcho(TerminalSettings s, int stan)
        {
            IsoMessage m = _request;
            AcquirerProfile p = s.Profile;
            m.Mti = p.EchoMti;
            m.SetNumber(IsoField.Stan, stan);
            m.Set(IsoField.TerminalId, s.TerminalId);
            m.Set(IsoField.MerchantId, s.MerchantId);
            if (p.UsesField60)
            {
                m.Set(IsoField.Reserved60, "00" + Ascii.Number(_counters.Batch, 6) + EchoTestCode);
                return;
            }
            m.Set(IsoField.TransmissionDateTime, TransmissionDateTime(_clock.UtcNow));
            m.Set(IsoField.NetworkCode, EchoTestCode);
        }

        // F7 MMDDhhmmss in GMT (ISO 8583:1987, 4.3).
        private static string TransmissionDateTime(DateTime utc)
        {
            return Ascii.Number(utc.Month, 2) + Ascii.Number(utc.Day, 2) + Ascii.Number(utc.Hour, 2)
                + Ascii.Number(utc.Minute, 2) + Ascii.Number(utc.Second, 2);
        }

        private void EnsureMessages(MessageSpec spec)
        {
            if (_request == null || _request.Spec != spec)
            {
                _request = new IsoMessage(spec);
                _response = new IsoMessage(spec);
            }
        }

        // 0200 and friends: F3 F4 F11 [F7 F12 F13] F22 F25 F41 F42 F49 [F60]; the card's or the code's fields follow.
        // amountMinor -1: no F4 (a balance inquiry).
        private void BuildFinancial(TerminalSettings s, TransactionType type, EntryMethod entry, long amountMinor, int stan, DateTime now, DateTime utc, bool withPin)
        {
            IsoMessage m = _request;
            AcquirerProfile p = s.Profile;
            m.Mti = type.Mti;
            m.Set(IsoField.ProcessingCode, type.ProcessingCode);
            if (amountMinor >= 0) m.SetNumber(IsoField.Amount, amountMinor);
            m.SetNumber(IsoField.Stan, stan);
            if (p.SendsLocalTime)
            {
                // F7 MMDDhhmmss in GMT; F12 hhmmss and F13 MMDD in local time (ISO 8583:1987, 4.3).
                m.Set(IsoField.TransmissionDateTime, TransmissionDateTime(utc));
                m.Set(IsoField.LocalTime, Ascii.Number(now.Hour, 2) + Ascii.Number(now.Minute, 2) + Ascii.Number(now.Second, 2));
                m.Set(IsoField.LocalDate, Ascii.Number(now.Month, 2) + Ascii.Number(now.Day, 2));
            }
            m.Set(IsoField.EntryMode, p.EntryMode(entry, withPin));
            m.Set(IsoField.ConditionCode, type.ConditionCode);
            m.Set(IsoField.TerminalId, s.TerminalId);
            m.Set(IsoField.MerchantId, s.MerchantId);
            m.Set(IsoField.Currency, s.Currency);
            if (p.UsesField60)
            {
                // 60.1 type n2, 60.2 batch n6, 60.3 network management code n3 (000 = financial),
                // 60.4 terminal read capability n1 (the board's), 60.5 IC condition code n1 (0 normal, 2 fallback)
                string condition = entry == EntryMethod.Fallback ? "2" : "0";
                m.Set(IsoField.Reserved60, type.Type60 + Ascii.Number(_counters.Batch, 6) + "000" + s.ReadCapability + condition);
            }
        }

        // F2, F14, F23, F35 from the card.
        private void AddCard(CardData card)
        {
            int n = card.CopyPan(_scratch, 0);
            _request.SetBytes(IsoField.Pan, _scratch, 0, n);
            if (card.Expiry != null) _request.Set(IsoField.Expiry, card.Expiry);
            if (card.SequenceNumber != null) _request.Set(IsoField.CardSequence, card.SequenceNumber);
            n = card.CopyTrack2(_scratch, 0);
            if (n > 0) _request.SetBytes(IsoField.Track2, _scratch, 0, n);
        }

        // The payment code in the profile's field: as it is, or as one TLV (2-byte tag, 1-byte length, the digits).
        private void AddCode(AcquirerProfile p, PaymentCode code)
        {
            int at = 0;
            if (p.CodeTag != 0)
            {
                _scratch[0] = (byte)(p.CodeTag >> 8);
                _scratch[1] = (byte)p.CodeTag;
                _scratch[2] = (byte)code.Length;
                at = 3;
            }
            int n = code.CopyTo(_scratch, at);
            _request.SetBytes(p.CodeField, _scratch, 0, at + n);
        }

        private void Complete(TerminalSettings s, TxnOutcome o, ExchangeResult x, bool macRequired)
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
                    long approved = _response.Has(IsoField.Amount) ? _response.GetNumber(IsoField.Amount) : -1;
                    o.ApprovedAmountMinor = o.Result != TxnResult.Approved ? 0 : approved > 0 ? approved : o.AmountMinor;
                    if (o.Result == TxnResult.Approved && _response.Has(IsoField.AdditionalAmounts)) o.BalanceMinor = BalanceOf(_response.GetString(IsoField.AdditionalAmounts));
                    if (macRequired && !x.MacChecked && o.Result == TxnResult.Approved)
                    {
                        // An approval must be authenticated: without F64 anyone on the path could have written it.
                        // (A decline without a MAC, e.g. the host's A0, is taken as it is: it charges nothing.)
                        o.Result = TxnResult.MacFailed;
                        o.ApprovedAmountMinor = 0;
                        if (o.Type.Reversible) o.ReversalReason = ReversalReasonMac;
                    }
                    break;
                case ExchangeStatus.NotConnected:
                    o.Result = TxnResult.NotSent;
                    break;
                case ExchangeStatus.NoResponse:
                    o.Result = TxnResult.NoResponse;
                    if (o.Type.Reversible) o.ReversalReason = ReversalReasonNoResponse;
                    break;
                case ExchangeStatus.MacFailed:
                    // The answer is not accepted whatever it says (UnionPay: a response MAC error means reversal A0).
                    o.Result = TxnResult.MacFailed;
                    o.ResponseCode = _response.GetString(IsoField.ResponseCode);
                    if (o.Type.Reversible) o.ReversalReason = ReversalReasonMac;
                    break;
                default:
                    o.Result = TxnResult.LinkFailed;
                    if (o.Type.Reversible) o.ReversalReason = ReversalReasonOther;
                    break;
            }
        }

        // The DUKPT KSN travels in F62 (hex) on the international profile, next to the PIN block and MAC it keys.
        private void AddKsn(TransactionKeys keys)
        {
            _request.Set(IsoField.Reserved62, keys.Ksn.ToString());
        }

        private TxnOutcome Refuse(TxnOutcome o, RefusalReason reason)
        {
            o.Result = TxnResult.Refused;
            o.Refusal = reason;
            return o;
        }
    }
}
