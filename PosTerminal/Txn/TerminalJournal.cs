using System;
using PosTerminal.Cards;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    // Void, refund, balance inquiry, the reversal (冲正) state machine and the host's header requests.
    public sealed partial class Terminal
    {
        // 0410 answers that end a reversal: 00 reversed, 12 invalid transaction, 25 original not found (the PAX EDC's
        // rule, imperial-it-hk/dolfin-emv-pax-a920-scb Transmit.java; payments.md §2.8, §4.3 step 4).
        private static readonly string[] s_reversalDone = { "00", "12", "25" };

        // Processing requirement 3 in the response header: sign on again (payments.md §2.1).
        private const int HostRequestSignOn = 3;

        // ISO 8583:1987 F54 additional amounts: account type n2, amount type n2, currency n3, sign C/D, amount n12.
        private const int Field54EntryLength = 20;

        // A batch upload carries at most 8 transactions: F48 n..322 = count n2 + 8 x 40 digits.
        private const int UploadGroup = 8;

        private bool _signOnDue;
        private int _lastHostRequest = -1;
        private int _unmatched;

        /// <summary>The reversal the terminal still owes the host, or null. Masked; read-only.</summary>
        public PendingReversal PendingReversal
        {
            get
            {
                lock (_txnLock) return _journal.Reversal;
            }
        }

        /// <summary>The open batch: number, transactions, totals.</summary>
        public BatchJournal Journal
        {
            get { return _journal; }
        }

        /// <summary>
        /// The last non-zero processing requirement the host put in a response header (payments.md §2.1: 1 magstripe
        /// parameters, 2 status upload, 3 sign on again, 4 public keys, 5 IC parameters, 6 TMS, 7 blacklist, 8 rates), or -1.
        /// Requirement 3 is acted on (<see cref="SignOnDue"/>); the others are recorded here for the application.
        /// </summary>
        public int LastHostRequest
        {
            get { return _lastHostRequest; }
        }

        /// <summary>True when the host asked for a new sign-on: the next transaction signs on first.</summary>
        public bool SignOnDue
        {
            get { return _signOnDue; }
        }

        /// <summary>Responses received that answered nothing in progress (late answers to timed-out requests, strays).</summary>
        public int UnmatchedResponses
        {
            get { return _unmatched; }
        }

        /// <summary>
        /// Void (消费撤销) of the approved sale with trace number <paramref name="originalStan"/> in the open batch: the
        /// profile's void identity (cup 0200 200000 F25 00 F60.1 23), the sale's amount, F37 RRN and F38 auth code of the
        /// sale, F61 = its batch and trace number. Reversible. Refused when the sale is not in the batch or already voided.
        /// </summary>
        public TxnOutcome Void(CardData card, int originalStan)
        {
            TxnReference r = new TxnReference();
            r.OriginalStan = originalStan;
            return Run(_settings.Profile.Void, card, null, 0, null, r);
        }

        /// <summary>
        /// Refund (退货) of <paramref name="amountMinor"/> against the sale with RRN <paramref name="originalRrn"/> (12
        /// characters) made on <paramref name="originalDate"/> (MMDD): cup 0220 200000 F25 00 F60.1 25, F37 = original RRN,
        /// F61 = original batch, trace number (when the sale is in the open batch, zeros otherwise) and date. Never reversed.
        /// </summary>
        public TxnOutcome Refund(CardData card, long amountMinor, string originalRrn, string originalDate)
        {
            TxnReference r = new TxnReference();
            r.Rrn = originalRrn;
            r.OriginalDate = originalDate;
            return Run(_settings.Profile.Refund, card, null, amountMinor, null, r);
        }

        /// <summary>
        /// Balance inquiry (查询): cup 0200 310000 F25 00 F60.1 01, no F4; the balance comes back in F54
        /// (<see cref="TxnOutcome.BalanceMinor"/>). Not reversible, not in the batch. <paramref name="pin"/> may be null.
        /// </summary>
        public TxnOutcome Balance(CardData card, PinEntry pin)
        {
            return Run(_settings.Profile.Balance, card, null, 0, pin, null);
        }

        /// <summary>
        /// Sends the pending reversal now (a technician's "rev send", or the application at idle): up to 1 + the configured
        /// retries 0400s. None when there is none; Done when the host answered 00, 12 or 25; Failed when every attempt
        /// failed (the record is kept).
        /// </summary>
        public ReversalStatus SendPendingReversal()
        {
            lock (_txnLock)
            {
                if (_journal.Reversal == null) return ReversalStatus.None;
                return SendReversalRound(_settings);
            }
        }

        // Before a transaction: sign on when the host asked for it, align the batch counter with the journal, and send a
        // pending reversal. False (with the refusal in o) when the transaction must not go ahead.
        private bool PrepareTransaction(TerminalSettings s, TxnOutcome o)
        {
            if (_signOnDue && !s.Security.IsDukpt)
            {
                SignOnOutcome so = SignOnLocked(s);
                if (so.Result != SignOnResult.Ok)
                {
                    Refuse(o, RefusalReason.SignOnFailed);
                    return false;
                }
                o.SignedOnAgain = true;
            }
            SyncBatchCounter();
            if (_journal.Reversal != null) o.PriorReversal = SendReversalRound(s);
            // One reversal at a time: a reversible request waits until the owed one is delivered.
            if (_journal.Reversal != null && o.Type.Reversible)
            {
                Refuse(o, RefusalReason.ReversalPending);
                return false;
            }
            return true;
        }

        // Void: the sale must be an approved, not yet voided sale of the open batch. Refund: a well-formed reference.
        private RefusalReason Resolve(TxnReference r)
        {
            if (r.OriginalStan > 0)
            {
                BatchEntry sale = _journal.FindSale(r.OriginalStan);
                if (sale == null) return RefusalReason.OriginalNotFound;
                if (_journal.IsVoided(r.OriginalStan)) return RefusalReason.AlreadyVoided;
                r.Sale = sale;
                r.Rrn = sale.Rrn.Length == 12 ? sale.Rrn : null;
                r.AuthCode = sale.AuthCode.Length == 6 ? sale.AuthCode : null;
                r.Field61 = Ascii.Number(sale.Batch, 6) + Ascii.Number(sale.Stan, 6);
                return RefusalReason.None;
            }
            if (r.Rrn == null || r.Rrn.Length != 12 || !IsPrintable(r.Rrn)) return RefusalReason.InvalidReference;
            if (!IsMonthDay(r.OriginalDate)) return RefusalReason.InvalidReference;
            BatchEntry original = _journal.FindByRrn(r.Rrn);
            r.Field61 = original != null && !original.IsCredit
                ? Ascii.Number(original.Batch, 6) + Ascii.Number(original.Stan, 6) + r.OriginalDate
                : "000000000000" + r.OriginalDate;
            return RefusalReason.None;
        }

        // F37, F38, F61 of a void or refund.
        private void AddReference(TxnReference r)
        {
            if (r.Rrn != null) _request.Set(IsoField.Rrn, r.Rrn);
            if (r.AuthCode != null) _request.Set(IsoField.AuthCode, r.AuthCode);
            if (r.Field61 != null) _request.Set(IsoField.Reserved61, r.Field61);
        }

        // The reversal of the request in _request, reason 06 until the exchange tells better; false when not saved.
        private bool JournalReversal(TransactionType type, TxnOutcome o)
        {
            PendingReversal r = new PendingReversal();
            r.Reason = ReversalReasonOther;
            r.Type = type;
            r.OriginalMti = _request.Mti;
            r.ProcessingCode = _request.GetString(IsoField.ProcessingCode);
            r.AmountMinor = o.AmountMinor;
            r.Stan = o.Stan;
            r.Batch = _journal.Batch;
            r.EntryMode = _request.GetString(IsoField.EntryMode);
            r.ConditionCode = _request.GetString(IsoField.ConditionCode);
            r.Field60 = _request.GetString(IsoField.Reserved60);
            r.Field61 = _request.GetString(IsoField.Reserved61);
            r.Rrn = _request.GetString(IsoField.Rrn);
            r.AuthCode = _request.GetString(IsoField.AuthCode);
            r.TransmissionDateTime = _request.GetString(IsoField.TransmissionDateTime);
            r.MaskedPan = o.MaskedPan;
            return _journal.SetReversal(r);
        }

        // After the exchange: the batch and the reversal follow what the host said, each change one journal commit.
        private void Conclude(TerminalSettings s, TxnOutcome o, ExchangeResult x, EntryMethod entry, TxnReference reference)
        {
            TransactionType type = o.Type;
            bool approved = o.Result == TxnResult.Approved;
            bool answered = approved || o.Result == TxnResult.Declined;
            if (!type.Reversible)
            {
                // A refund is in the batch (a credit); an inquiry charges nothing.
                if (approved && type != s.Profile.Balance) _journal.Append(EntryOf(o, entry, reference), false, s.BatchCapacity);
                return;
            }
            PendingReversal r = _journal.Reversal;
            if (r == null || r.Stan != o.Stan) return;
            if (x.Status == ExchangeStatus.NotConnected)
            {
                _journal.ClearReversal();   // no host took the connection: nothing left the terminal
                return;
            }
            if (answered)
            {
                // A valid matching answer ends the reversal whatever the response code; an approval joins the batch in
                // the same commit. When that commit fails the approval is not kept: the reversal stays and undoes it.
                bool committed = approved ? _journal.Append(EntryOf(o, entry, reference), true, s.BatchCapacity) : _journal.ClearReversal();
                if (committed) return;
                if (approved)
                {
                    o.Result = TxnResult.Fault;
                    o.ApprovedAmountMinor = 0;
                    o.ReversalReason = ReversalReasonOther;
                }
            }
            if (o.ReversalReason != null && o.ReversalReason != r.Reason)
            {
                r.Reason = o.ReversalReason;
                _journal.SetReversal(r);
            }
            o.ReversalReason = _journal.Reversal.Reason;
            o.Reversal = s.ReverseImmediately ? SendReversalRound(s) : ReversalStatus.Pending;
        }

        private BatchEntry EntryOf(TxnOutcome o, EntryMethod entry, TxnReference reference)
        {
            BatchEntry e = new BatchEntry();
            e.Type = o.Type;
            e.Stan = o.Stan;
            e.Batch = _journal.Batch;
            e.AmountMinor = o.ApprovedAmountMinor;
            e.Rrn = o.Rrn == null ? "" : o.Rrn;
            e.AuthCode = o.AuthCode == null ? "" : o.AuthCode;
            e.MaskedPan = o.MaskedPan;
            e.Entry = entry;
            e.OriginalStan = reference == null ? 0 : reference.OriginalStan;
            e.Time = o.Time;
            return e;
        }

        // Up to 1 + ReversalRetries 0400s; every failed one is counted in the journal. Done clears the record; after the
        // last failure it is kept, marked failed.
        private ReversalStatus SendReversalRound(TerminalSettings s)
        {
            PendingReversal r = _journal.Reversal;
            if (r == null) return ReversalStatus.None;
            int allowed = 1 + s.ReversalRetries;
            for (int i = 0; i < allowed; i++)
            {
                if (SendReversal(s, r))
                {
                    if (_journal.ClearReversal()) return ReversalStatus.Done;
                    // Delivered but not forgotten (medium failed): resending is harmless, the host answers a duplicate 00.
                }
                r.Attempts++;
                _journal.SetReversal(r);
            }
            r.Failed = true;
            _journal.SetReversal(r);
            return ReversalStatus.Failed;
        }

        // One 0400; true when the host's authentic answer is 00, 12 or 25.
        private bool SendReversal(TerminalSettings s, PendingReversal r)
        {
            SecuritySettings sec = s.Security;
            if (CheckKeys(sec, sec.Mac != MacMethod.None) != RefusalReason.None) return false;
            try
            {
                EnsureMessages(s.Profile.SpecFor(sec));
                BuildReversal(s, r);
                bool authentic;
                ExchangeResult x = Send(s, out authentic);
                if (x == null || x.Status != ExchangeStatus.Answered || !authentic) return false;
                string rc = _response.GetString(IsoField.ResponseCode);
                for (int i = 0; i < s_reversalDone.Length; i++)
                {
                    if (s_reversalDone[i] == rc) return true;
                }
                return false;
            }
            catch (Exception)
            {
                return false;
            }
            finally
            {
                _request.Clear();
                _response.Clear();
            }
        }

        // 0400 per the UnionPay table (payments.md §1.2, §4.3): the original's F3, F4, F11, F22, F25, F37, F38, F41, F42,
        // F49, F60, F61, with F39 = the reason. iso87ascii adds F7 and F90 (original MTI, STAN, F7). F2 and F14 are left
        // out: the journal holds no card data (see PendingReversal); the host finds the original by F41 + F60.2 + F11.
        private void BuildReversal(TerminalSettings s, PendingReversal r)
        {
            IsoMessage m = _request;
            AcquirerProfile p = s.Profile;
            m.Mti = AcquirerProfile.ReversalMti;
            m.Set(IsoField.ProcessingCode, r.ProcessingCode);
            m.SetNumber(IsoField.Amount, r.AmountMinor);
            m.SetNumber(IsoField.Stan, r.Stan);
            if (p.SendsLocalTime) m.Set(IsoField.TransmissionDateTime, TransmissionDateTime(_clock.UtcNow));
            if (r.EntryMode != null) m.Set(IsoField.EntryMode, r.EntryMode);
            if (r.ConditionCode != null) m.Set(IsoField.ConditionCode, r.ConditionCode);
            if (r.Rrn != null) m.Set(IsoField.Rrn, r.Rrn);
            if (r.AuthCode != null) m.Set(IsoField.AuthCode, r.AuthCode);
            m.Set(IsoField.ResponseCode, r.Reason);
            m.Set(IsoField.TerminalId, s.TerminalId);
            m.Set(IsoField.MerchantId, s.MerchantId);
            m.Set(IsoField.Currency, s.Currency);
            if (r.Field60 != null) m.Set(IsoField.Reserved60, r.Field60);
            if (r.Field61 != null) m.Set(IsoField.Reserved61, r.Field61);
            if (!p.UsesField60)
            {
                // F90 n42: original MTI n4, STAN n6, transmission date and time n10, acquirer and forwarding ids n11 each.
                string f7 = r.TransmissionDateTime != null && r.TransmissionDateTime.Length == 10 ? r.TransmissionDateTime : "0000000000";
                m.Set(IsoField.OriginalData, Ascii.Number(r.OriginalMti, 4) + Ascii.Number(r.Stan, 6) + f7 + "0000000000000000000000");
            }
        }

        // Exchanges the message built in _request: keys of its own (DUKPT advances), the KSN, the MAC. authentic: the
        // answer carried a valid MAC, or no MAC is in use. Null when no keys could be taken.
        private ExchangeResult Send(TerminalSettings s, out bool authentic)
        {
            authentic = false;
            SecuritySettings sec = s.Security;
            bool needKeys = sec.Mac != MacMethod.None;
            TransactionKeys keys = null;
            MacAuthenticator mac = null;
            try
            {
                if (needKeys && !TakeKeys(sec, out keys)) return null;
                if (needKeys && sec.IsDukpt) AddKsn(keys);
                if (needKeys) mac = new MacAuthenticator(sec.Mac, keys.MacRequest, keys.MacResponse);
                _link.Settings = s.Link;
                ExchangeResult x = _link.Exchange(_request, _response, mac);
                NoteHostRequest(x);
                authentic = x.Status == ExchangeStatus.Answered && (mac == null || x.MacChecked);
                return x;
            }
            finally
            {
                if (mac != null) mac.Dispose();
                if (keys != null) keys.Dispose();
            }
        }

        // Counts strays and acts on the header's processing requirement: 3 = sign on before the next transaction.
        private void NoteHostRequest(ExchangeResult x)
        {
            _unmatched += x.Unmatched;
            int pr = x.ProcessingRequirement;
            if (pr <= 0) return;
            _lastHostRequest = pr;
            if (pr == HostRequestSignOn) _signOnDue = true;
        }

        // The batch counter follows the journal: after a settlement (the journal is the commit point), or while the batch
        // holds transactions; an empty journal follows the counter (a sign-on or a technician set a new batch number).
        private void SyncBatchCounter()
        {
            if (_journal.Advanced)
            {
                if (_counters.Batch == _journal.Batch || _counters.SetBatch(_journal.Batch)) _journal.AcknowledgeAdvance();
                return;
            }
            if (_counters.Batch == _journal.Batch) return;
            if (_journal.Count == 0) _journal.Renumber(_counters.Batch);
            else _counters.SetBatch(_journal.Batch);
        }

        // F54: the first balance entry's amount, negative for D; -1 when malformed.
        private static long BalanceOf(string f54)
        {
            if (f54 == null || f54.Length < Field54EntryLength) return -1;
            char sign = f54[7];
            string digits = f54.Substring(8, 12);
            if ((sign != 'C' && sign != 'D') || !Ascii.IsDigits(digits)) return -1;
            long v = Ascii.ParseNumber(digits);
            return sign == 'D' ? -v : v;
        }

        private static bool IsPrintable(string v)
        {
            for (int i = 0; i < v.Length; i++)
            {
                if (v[i] < 0x20 || v[i] > 0x7E) return false;
            }
            return true;
        }

        private static bool IsMonthDay(string v)
        {
            if (v == null || v.Length != 4 || !Ascii.IsDigits(v)) return false;
            long month = Ascii.ParseNumber(v.Substring(0, 2));
            long day = Ascii.ParseNumber(v.Substring(2, 2));
            return month >= 1 && month <= 12 && day >= 1 && day <= 31;
        }
    }
}
