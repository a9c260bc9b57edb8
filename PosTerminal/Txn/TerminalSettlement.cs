using System;
using PosTerminal.Cards;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    // Settlement (批结算): 0500 with the batch totals, batch upload (0320), batch end (0320), then the batch closes.
    public sealed partial class Terminal
    {
        // F60.3 network management codes of settlement on UnionPay POS links (payments.md §2.3, from teddy-lee/AIAUnionPay
        // CUPPackager.java): 201 batch upload of magstripe (and card-not-present) transactions, 203 batch upload of IC
        // transactions, 202 batch end, 207 batch end after a full upload (totals disagreed). The 0500 carries 201 too, as
        // the UnionPay applications seen send it; confirm both with the acquirer.
        private const string UploadMagstripe = "201";
        private const string UploadChip = "203";
        private const string BatchEndBalanced = "202";
        private const string BatchEndUnbalanced = "207";

        // F39 95: reconcile error (ISO 8583:1987 response code; the host's totals disagree).
        private const string ReconcileError = "95";

        /// <summary>
        /// Settles the open batch: a pending reversal goes first; then 0500 with the totals in F48 (debit and credit
        /// counts and amounts, <see cref="BatchTotals.ToField48"/>) and the operator in F63; then batch upload 0320 of the
        /// chip and contactless transactions when the host agrees (F39 00, F48 code 1), or of every transaction when it does
        /// not (F39 95 or F48 code 2); then batch end 0320 (F60.3 202, or 207 after a full upload) with the number
        /// uploaded. Only then the batch closes: in one journal commit the journal empties and the batch number advances
        /// (999999 wraps to 1), so a power cut anywhere leaves the batch either still to settle or settled, never half.
        /// </summary>
        public SettlementOutcome Settle()
        {
            lock (_txnLock)
            {
                TerminalSettings s = _settings;
                SecuritySettings sec = s.Security;
                SettlementOutcome o = new SettlementOutcome();
                o.HostIndex = -1;
                SyncBatchCounter();
                o.Batch = _journal.Batch;
                if (_journal.Reversal != null) o.PriorReversal = SendReversalRound(s);
                if (_journal.Reversal != null) return Settled(o, SettlementResult.ReversalPending);
                if (CheckKeys(sec, sec.Mac != MacMethod.None) != RefusalReason.None) return Settled(o, SettlementResult.NotSignedOn);
                o.Totals = _journal.Totals();
                try
                {
                    EnsureMessages(s.Profile.SpecFor(sec));
                    SettlementResult r = SendTotals(s, o);
                    if (r != SettlementResult.Settled) return Settled(o, r);
                    r = Upload(s, o);
                    if (r != SettlementResult.Settled) return Settled(o, r);
                    int next = o.Batch >= TerminalCounters.MaxValue ? 1 : o.Batch + 1;
                    if (!_journal.CloseBatch(next)) return Settled(o, SettlementResult.StorageFailure);
                    SyncBatchCounter();
                    o.NextBatch = next;
                    o.Result = SettlementResult.Settled;
                    o.Report = Receipt.Settlement(s, o, _clock.Now);
                    return o;
                }
                catch (Exception)
                {
                    return Settled(o, SettlementResult.Fault);
                }
                finally
                {
                    if (_request != null) _request.Clear();
                    if (_response != null) _response.Clear();
                }
            }
        }

        // 0500: F11 F41 F42 F48 (totals) F49 F60 (00, batch, 201) F63 (operator); the answer says balanced or not.
        private SettlementResult SendTotals(TerminalSettings s, SettlementOutcome o)
        {
            int stan = _counters.NextStan();
            if (stan < 0) return SettlementResult.StorageFailure;
            IsoMessage m = StartAdmin(s, AcquirerProfile.SettlementMti, stan);
            m.Set(IsoField.AdditionalData, o.Totals.ToField48(BatchTotals.CodeNone));
            m.Set(IsoField.Currency, s.Currency);
            m.Set(IsoField.Reserved60, "00" + Ascii.Number(o.Batch, 6) + UploadMagstripe);
            m.Set(IsoField.Reserved63, OperatorNumber);
            SettlementResult r = Exchange(s, o);
            if (r != SettlementResult.Settled) return r;
            char code;
            o.HostTotals = BatchTotals.FromField48(_response.GetString(IsoField.AdditionalData), out code);
            if (o.ResponseCode == ResponseCodes.Approved && code != BatchTotals.CodeUnbalanced) o.Balanced = true;
            else if (o.ResponseCode == ReconcileError || (o.ResponseCode == ResponseCodes.Approved && code == BatchTotals.CodeUnbalanced)) o.Balanced = false;
            else return SettlementResult.Declined;
            _request.Clear();
            _response.Clear();
            return SettlementResult.Settled;
        }

        // Batch upload in groups of up to 8 of one kind (magstripe/code: 201, chip/contactless: 203), then the batch end.
        private SettlementResult Upload(TerminalSettings s, SettlementOutcome o)
        {
            int count = _journal.Count;
            bool[] chipPass = { false, true };
            for (int pass = 0; pass < 2; pass++)
            {
                bool chip = chipPass[pass];
                if (!chip && o.Balanced) continue;   // agreed totals: only IC transactions go up (payments.md §4.2)
                int i = 0;
                while (i < count)
                {
                    int[] group = new int[UploadGroup];
                    int n = 0;
                    for (; i < count && n < UploadGroup; i++)
                    {
                        if (IsChip(_journal.Entry(i).Entry) == chip) group[n++] = i;
                    }
                    if (n == 0) break;
                    SettlementResult r = SendUpload(s, o, group, n, chip ? UploadChip : UploadMagstripe);
                    if (r != SettlementResult.Settled) return r;
                    o.Uploaded += n;
                }
            }
            int stan = _counters.NextStan();
            if (stan < 0) return SettlementResult.StorageFailure;
            IsoMessage m = StartAdmin(s, AcquirerProfile.BatchUploadMti, stan);
            m.Set(IsoField.AdditionalData, Ascii.Number(o.Uploaded, 4));
            m.Set(IsoField.Reserved60, "00" + Ascii.Number(o.Batch, 6) + (o.Balanced ? BatchEndBalanced : BatchEndUnbalanced));
            o.UploadMessages++;
            SettlementResult end = Exchange(s, o);
            if (end != SettlementResult.Settled) return end;
            return o.ResponseCode == ResponseCodes.Approved ? SettlementResult.Settled : SettlementResult.UploadFailed;
        }

        // 0320 with F48 = count n2, then per transaction: card organisation n2 (00), trace number n6, card number n20
        // (truncated: the journal keeps no full PAN, PCI DSS 3.5.1, so the hidden digits go as 0), amount n12 - the
        // UnionPay magstripe batch-upload layout whose 8 entries fill F48's n..322.
        private SettlementResult SendUpload(TerminalSettings s, SettlementOutcome o, int[] group, int n, string code)
        {
            int stan = _counters.NextStan();
            if (stan < 0) return SettlementResult.StorageFailure;
            string f48 = Ascii.Number(n, 2);
            for (int k = 0; k < n; k++)
            {
                BatchEntry e = _journal.Entry(group[k]);
                f48 = f48 + "00" + Ascii.Number(e.Stan, 6) + TruncatedCard(e.MaskedPan) + Ascii.Number(e.AmountMinor, 12);
            }
            IsoMessage m = StartAdmin(s, AcquirerProfile.BatchUploadMti, stan);
            m.Set(IsoField.AdditionalData, f48);
            m.Set(IsoField.Reserved60, "00" + Ascii.Number(o.Batch, 6) + code);
            o.UploadMessages++;
            SettlementResult r = Exchange(s, o);
            if (r != SettlementResult.Settled) return r;
            if (o.ResponseCode != ResponseCodes.Approved) return SettlementResult.UploadFailed;
            _request.Clear();
            _response.Clear();
            return SettlementResult.Settled;
        }

        private IsoMessage StartAdmin(TerminalSettings s, int mti, int stan)
        {
            _request.Clear();
            _response.Clear();
            IsoMessage m = _request;
            m.Mti = mti;
            m.SetNumber(IsoField.Stan, stan);
            if (s.Profile.SendsLocalTime) m.Set(IsoField.TransmissionDateTime, TransmissionDateTime(_clock.UtcNow));
            m.Set(IsoField.TerminalId, s.TerminalId);
            m.Set(IsoField.MerchantId, s.MerchantId);
            return m;
        }

        private SettlementResult Exchange(TerminalSettings s, SettlementOutcome o)
        {
            bool authentic;
            ExchangeResult x = Send(s, out authentic);
            if (x == null) return SettlementResult.NotSignedOn;
            if (x.HostIndex >= 0) o.HostIndex = x.HostIndex;
            switch (x.Status)
            {
                case ExchangeStatus.Answered:
                    o.ResponseCode = _response.GetString(IsoField.ResponseCode);
                    return authentic ? SettlementResult.Settled : SettlementResult.MacFailed;
                case ExchangeStatus.NotConnected:
                    return SettlementResult.NotSent;
                case ExchangeStatus.NoResponse:
                    return SettlementResult.NoResponse;
                case ExchangeStatus.MacFailed:
                    return SettlementResult.MacFailed;
                default:
                    return SettlementResult.LinkFailed;
            }
        }

        private static SettlementOutcome Settled(SettlementOutcome o, SettlementResult r)
        {
            o.Result = r;
            return o;
        }

        private static bool IsChip(EntryMethod e)
        {
            return e == EntryMethod.Chip || e == EntryMethod.Contactless;
        }

        // The masked card as 20 digits: masked positions as 0, left-aligned, zero-filled.
        private static string TruncatedCard(string masked)
        {
            char[] c = new char[20];
            for (int i = 0; i < 20; i++)
            {
                char ch = masked != null && i < masked.Length ? masked[i] : '0';
                c[i] = ch >= '0' && ch <= '9' ? ch : '0';
            }
            return new string(c);
        }
    }
}
