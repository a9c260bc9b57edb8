using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using AcquirerSimulator.Security;
using PosTerminal.Iso8583;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace AcquirerSimulator;

/// <summary>What the host does after handling a request.</summary>
/// <param name="Action">Respond, do not respond, or respond after <paramref name="DelayMs"/>.</param>
/// <param name="DelayMs">Delay before the reply.</param>
/// <param name="Signer">Computes the response's F64 over its MAC element block, or null for an unMACed reply.</param>
public readonly record struct Answer(RuleAction Action, int DelayMs, Func<byte[], int, int, byte[]> Signer);

/// <summary>
/// The simulated acquirer's business logic, apart from the network: sign-on (issues working keys under the
/// terminal's TMK), sales (MAC check, PIN check, track decryption, rule table, ledger) and the response MAC. Its
/// cryptography is <see cref="AcquirerSimulator.Security"/> (.NET and BouncyCastle), never the firmware's.
/// </summary>
public sealed class RequestHandler
{
    // Response codes: 00 approved, 03 invalid merchant/terminal, 22 sign on again, 30 format error, 40 function
    // not supported, 55 incorrect PIN, A0 MAC error (UnionPay POS response-code annex).
    private const string Approved = "00", UnknownTerminal = "03", SignOnAgain = "22", FormatError = "30",
        NotSupported = "40", WrongPin = "55", MacError = "A0";

    // 14: invalid card number, for a payment code no wallet issues.
    private const string InvalidCard = "14";

    // 63: security violation (ISO 8583:1987 response codes), for a DUKPT KSN whose counter does not go up.
    private const string SecurityViolation = "63";

    // Network management information code of an echo test: UnionPay F60.3 301 in an 0820 (回响测试), ISO 8583:1987
    // F70 301 in an 0800.
    private const string EchoTestCode = "301";

    // 12 invalid transaction, 13 invalid amount, 25 unable to locate the original record (UnionPay POS response-code
    // annex, payments.md §2.8; 25 is also what a reversal of an unknown original gets, and the PAX EDC takes it as done).
    private const string InvalidTransaction = "12", InvalidAmount = "13", RecordNotFound = "25";

    private readonly SimulatorOptions _o;
    private readonly Ledger _ledger;
    private readonly SettlementDesk _desk;
    private readonly Dictionary<string, long> _ksnCounters = new();   // "tid/key ID" -> highest DUKPT counter seen
    private int _rrnSerial;
    private int _authSerial;

    /// <summary>A handler for <paramref name="options"/>, booking into <paramref name="ledger"/>.</summary>
    public RequestHandler(SimulatorOptions options, Ledger ledger)
    {
        _o = options;
        _ledger = ledger;
        _desk = new SettlementDesk(options, ledger);
    }

    /// <summary>
    /// Answers <paramref name="rq"/>, decoded from <paramref name="frame"/>[msgAt..msgAt+msgLength) (needed for the MAC
    /// element block), into <paramref name="rs"/>.
    /// </summary>
    public Answer Handle(string peer, IsoMessage rq, byte[] frame, int msgAt, int msgLength, IsoMessage rs)
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
        if (IsEcho(rq)) return Echo(peer, rq, rs);
        if (mti == 800) return SignOn(peer, rq, rs, now);
        rs.Set(IsoField.SettlementDate, now.ToString("MMdd", CultureInfo.InvariantCulture));
        rs.Set(IsoField.AcquirerId, _o.AcquirerId);
        string pc = rq.GetString(IsoField.ProcessingCode) ?? "";
        switch (mti)
        {
            case 200 when pc == TransactionType.Sale.ProcessingCode:
                return Sale(peer, rq, frame, msgAt, rs, now);
            case 200 when pc == TransactionType.Void.ProcessingCode || pc == TransactionType.IsoVoid.ProcessingCode:
                return Credit(LedgerKind.Void, peer, rq, frame, msgAt, rs, now);
            case 200 or 100 when pc.StartsWith("31", StringComparison.Ordinal):
                return Balance(peer, rq, frame, msgAt, rs);
            case 220 when pc == TransactionType.Refund.ProcessingCode:
                return Credit(LedgerKind.Refund, peer, rq, frame, msgAt, rs, now);
            case 400:
                return Reversal(peer, rq, frame, msgAt, rs);
            case 500:
            case 320:
                return Settlement(peer, rq, frame, msgAt, rs);
        }
        rs.Set(IsoField.ResponseCode, NotSupported);
        _o.Log($"[{peer}] {mti:D4} F3={pc} not supported -> {NotSupported}");
        return new Answer(RuleAction.Respond, 0, null);
    }

    // An echo test: cup 0820 with F60.3 301, iso87ascii 0800 with F70 301.
    private static bool IsEcho(IsoMessage rq)
    {
        if (rq.Mti == 820)
        {
            string f60 = rq.GetString(IsoField.Reserved60);
            return f60 != null && f60.Length >= 11 && f60.Substring(8, 3) == EchoTestCode;
        }
        return rq.Mti == 800 && rq.Has(IsoField.NetworkCode) && rq.ValueEquals(IsoField.NetworkCode, EchoTestCode);
    }

    // Answers an echo with 00 and the request's F7/F11/F41/F42/F60/F70: the link works, nothing is booked, no keys are
    // needed. Neither direction carries a MAC: network management messages are not MACed on this link (the sign-on
    // is not either), and an echo must work before the terminal has signed on.
    private Answer Echo(string peer, IsoMessage rq, IsoMessage rs)
    {
        foreach (int f in new[] { IsoField.TransmissionDateTime, IsoField.NetworkCode })
        {
            if (rq.Has(f)) rs.CopyField(f, rq);
        }
        rs.Set(IsoField.ResponseCode, Approved);
        string stan = rq.GetString(IsoField.Stan) ?? "-";
        _o.Log($"[{peer}] {rq.Mti:D4} ECHO tid={rq.GetString(IsoField.TerminalId) ?? "-"} stan={stan} -> {Approved}");
        return new Answer(RuleAction.Respond, 0, null);
    }

    // 0800 with F60.3 001/003/004 (006 = 国密): fresh working keys under the TMK in F62, batch in F60.2.
    private Answer SignOn(string peer, IsoMessage rq, IsoMessage rs, DateTime now)
    {
        string tid = rq.GetString(IsoField.TerminalId) ?? "";
        string f60 = rq.GetString(IsoField.Reserved60);
        string code = f60 != null && f60.Length >= 11 ? f60.Substring(8, 3) : null;
        rs.Set(IsoField.AcquirerId, _o.AcquirerId);
        rs.Set(IsoField.Rrn, NextRrn(now));
        CupKeyLayout? layout = CupKeyIssuer.LayoutFor(code, _o.Security.Sm4);
        int batch = _o.Keys.BatchOf(tid) ?? 1;
        if (layout == null)
        {
            rs.Set(IsoField.ResponseCode, NotSupported);
            _o.Log($"[{peer}] 0800 SIGN-ON tid={tid} 60.3={code} not supported -> {NotSupported}");
            return new Answer(RuleAction.Respond, 0, null);
        }
        // X9.19 needs a double-length MAK; the UnionPay layouts otherwise carry a single-DES MAK.
        bool doubleMak = _o.Security.Mac == MacMethod.X919;
        if (!_o.Keys.TrySignOn(tid, layout.Value, batch, out CupWorkingKeySet keys, doubleMak) || keys == null)
        {
            rs.Set(IsoField.ResponseCode, UnknownTerminal);
            _o.Log($"[{peer}] 0800 SIGN-ON tid={tid}: no master key on file -> {UnknownTerminal}");
            return new Answer(RuleAction.Respond, 0, null);
        }
        using (keys)
        {
            byte[] f62 = (byte[])keys.F62.Clone();
            if (_o.CorruptSignOnCheckValue) f62[f62.Length - 1] ^= 0x01;   // the last check value no longer fits its key
            rs.SetBytes(IsoField.Reserved62, f62, 0, f62.Length);
            Array.Clear(f62);
            rs.Set(IsoField.Reserved60, "00" + batch.ToString("D6", CultureInfo.InvariantCulture) + code);
            rs.Set(IsoField.ResponseCode, Approved);
            _o.Log($"[{peer}] 0800 SIGN-ON tid={tid} 60.3={code} -> 00 batch={batch:D6} PIK {Kcv(keys.Pik)} MAK {Kcv(keys.Mak)}"
                + (keys.Tdk != null ? " TDK " + Kcv(keys.Tdk) : ""));
        }
        return new Answer(RuleAction.Respond, 0, null);
    }

    private Answer Sale(string peer, IsoMessage rq, byte[] frame, int msgAt, IsoMessage rs, DateTime now)
    {
        string tid = rq.GetString(IsoField.TerminalId);
        string amount = rq.GetString(IsoField.Amount);
        int stan = (int)rq.GetNumber(IsoField.Stan);
        int batch = Batch(rq);
        SecuritySettings sec = _o.Security;
        using SaleKeys keys = SaleKeys.For(_o, sec, tid, rq);
        string label = $"[{peer}] 0200 SALE tid={tid} batch={batch:D6} stan={stan:D6}";

        Answer? refused = Authenticate(rq, frame, msgAt, rs, keys, label);
        if (refused != null) return refused.Value;

        bool byCode = PaymentCodes.IsCodeSale(rq);
        string track = null;
        if (sec.EncryptTracks && !byCode)
        {
            track = keys.DecryptTrack(rq);
            if (track == null) return Refuse(rs, FormatError, keys.Signer, $"{label}: track data does not decrypt -> {FormatError}");
        }
        string pan = byCode ? PaymentCodes.Extract(rq, _o.Profile) : rq.GetString(IsoField.Pan) ?? PanOf(track ?? rq.GetString(IsoField.Track2));
        if (tid == null || amount == null || stan < 0 || pan == null || !rq.Has(IsoField.MerchantId))
            return Refuse(rs, FormatError, keys.Signer, $"{label}: missing a required field -> {FormatError}");
        string masked = byCode ? PaymentCodes.Mask(pan) : Mask(pan);
        string wallet = byCode ? PaymentCodes.Wallet(pan) : null;
        if (byCode && wallet == null)
            return Refuse(rs, InvalidCard, keys.Signer, $"{label} code={masked}: not a payment code of any wallet -> {InvalidCard}");
        if (byCode && rq.Has(IsoField.PinBlock))
            return Refuse(rs, FormatError, keys.Signer, $"{label} code={masked}: a PIN block with a payment code -> {FormatError}");
        string who = byCode ? $"code={masked} ({wallet})" : $"pan={masked}";

        string pinNote = "";
        if (rq.Has(IsoField.PinBlock))
        {
            if (!PinMatches(rq, keys, pan, out string why)) return Refuse(rs, WrongPin, keys.Signer, $"{label} {who}: PIN wrong ({why}) -> {WrongPin}");
            pinNote = " PIN ok";
        }

        LedgerEntry known = _ledger.Find(tid, batch, stan);
        if (known != null) return Repeat(rs, known, keys, label);
        SaleRule rule = _o.Rules.Find(r => r.Matches(amount, pan));
        if (rule != null && rule.Action == RuleAction.NoReply)
        {
            _o.Log($"{label} {who} amount={amount} -> no reply ({rule})");
            return new Answer(RuleAction.NoReply, 0, null);
        }
        string rc = rule != null && rule.Action == RuleAction.Respond ? rule.ResponseCode : Approved;
        string rrn = NextRrn(now);
        string auth = rc == Approved ? (Interlocked.Increment(ref _authSerial) % 1000000).ToString("D6", CultureInfo.InvariantCulture) : null;
        LedgerEntry booked = _ledger.Book(new LedgerEntry(tid, rq.GetString(IsoField.MerchantId), stan, batch, masked,
            long.Parse(amount, CultureInfo.InvariantCulture), rc, rrn, auth, now) { CardType = byCode ? CardType.Qr : CardTypeOf(pan) });
        Fill(rs, booked.ResponseCode, booked.Rrn, booked.AuthCode);
        _o.Log($"{label} {who} amount={amount}{pinNote}{(track != null ? " track decrypted" : "")}{(keys.Signer != null ? " MAC ok" : "")} -> {rc} rrn={rrn}" + (auth != null ? " auth=" + auth : "")
            + (booked.Reversed ? " (reversed before it arrived: not charged)" : ""));
        return new Answer(rule != null && rule.Action == RuleAction.Delay ? RuleAction.Delay : RuleAction.Respond, rule?.DelayMs ?? 0, keys.Signer);
    }

    // The request MAC (when MACs are in use) and the DUKPT counter; null when the request may go on, else the refusal.
    private Answer? Authenticate(IsoMessage rq, byte[] frame, int msgAt, IsoMessage rs, SaleKeys keys, string label)
    {
        SecuritySettings sec = _o.Security;
        if (sec.Mac != MacMethod.None)
        {
            if (keys.MacRequest == null)
                return Refuse(rs, SignOnAgain, null, $"{label}: no working keys (not signed on) -> {SignOnAgain}");
            Func<byte[], int, int, byte[]> signer = keys.ResponseSigner();
            // A0 goes back without a MAC: the keys disagree, so a MAC could prove nothing.
            if (!rq.Has(IsoField.Mac) || !keys.MacMatches(frame.AsSpan(msgAt, rq.WireOffset(IsoField.Mac)), rq))
                return Refuse(rs, MacError, null, $"{label}: request MAC wrong -> {MacError}");
            keys.Signer = signer;
        }

        // A DUKPT counter serves one transaction (X9.24-1, X9.24-3): a KSN whose counter does not go up for its key ID
        // is a replay (or a device whose counter went back) and is refused without booking. Checked after the MAC, so a
        // forged request cannot move the counter on.
        if (sec.IsDukpt && keys.Ksn != null && !KsnCounterIncreases(rq.GetString(IsoField.TerminalId), keys.Ksn, out long last))
            return Refuse(rs, SecurityViolation, keys.Signer,
                $"{label}: KSN {Convert.ToHexString(keys.Ksn)} replayed (counter not above {last:X} seen before) -> {SecurityViolation}");
        return null;
    }

    private bool PinMatches(IsoMessage rq, SaleKeys keys, string pan, out string why)
    {
        PinBlockResult pin = keys.DecryptPin(rq, pan);
        bool ok = pin != null && pin.Success && _o.CardPins.TryGetValue(pan, out string expected) && pin.PinEquals(expected);
        if (pin != null && pin.Success && !_o.CardPins.ContainsKey(pan)) ok = true;   // no PIN on file: any PIN is accepted
        why = pin?.ToString() ?? "no PIN key";
        return ok;
    }

    // The card number of a card request: F2, or the PAN of the (decrypted) track.
    private string CardPan(IsoMessage rq, SaleKeys keys)
    {
        string pan = rq.GetString(IsoField.Pan);
        if (pan != null) return pan;
        string track = _o.Security.EncryptTracks ? keys.DecryptTrack(rq) : rq.GetString(IsoField.Track2);
        return PanOf(track);
    }

    private CardType CardTypeOf(string pan) =>
        pan != null && _o.CreditBins.Exists(b => pan.StartsWith(b, StringComparison.Ordinal)) ? CardType.Credit : CardType.Debit;

    // Void (消费撤销) cancels an approved sale, found by F61 (original batch + trace number) or F37 (its RRN); refund
    // (退货) credits part or all of an approved sale, found by F37 among the merchant's sales.
    private Answer Credit(LedgerKind kind, string peer, IsoMessage rq, byte[] frame, int msgAt, IsoMessage rs, DateTime now)
    {
        string tid = rq.GetString(IsoField.TerminalId);
        int stan = (int)rq.GetNumber(IsoField.Stan);
        int batch = Batch(rq);
        using SaleKeys keys = SaleKeys.For(_o, _o.Security, tid, rq);
        string label = $"[{peer}] {rq.Mti:D4} {kind.ToString().ToUpperInvariant()} tid={tid} batch={batch:D6} stan={stan:D6}";
        Answer? refused = Authenticate(rq, frame, msgAt, rs, keys, label);
        if (refused != null) return refused.Value;
        string amount = rq.GetString(IsoField.Amount);
        string rrn = rq.GetString(IsoField.Rrn);
        if (tid == null || amount == null || stan < 0 || (kind == LedgerKind.Refund && rrn == null))
            return Refuse(rs, FormatError, keys.Signer, $"{label}: missing a required field -> {FormatError}");
        LedgerEntry known = _ledger.Find(tid, batch, stan);
        if (known != null) return Repeat(rs, known, keys, label);
        LedgerEntry sale = kind == LedgerKind.Void ? OriginalOf(rq, tid) : _ledger.FindSaleByRrn(rq.GetString(IsoField.MerchantId), rrn);
        string pan = CardPan(rq, keys);
        long minor = long.Parse(amount, CultureInfo.InvariantCulture);
        string rc;
        if (sale == null || !sale.Counts || sale.Kind != LedgerKind.Sale) rc = RecordNotFound;
        else if (sale.Voided || (kind == LedgerKind.Void && sale.RefundedMinor > 0)) rc = InvalidTransaction;
        else if (kind == LedgerKind.Void ? sale.AmountMinor != minor : minor > sale.AmountMinor - sale.RefundedMinor) rc = InvalidAmount;
        else if (kind == LedgerKind.Void && pan != null && Mask(pan) != sale.MaskedPan) rc = InvalidTransaction;   // another card than the sale's
        else rc = Approved;
        return BookCredit(rq, rs, keys, label, kind, sale, tid, stan, batch, minor, rc, now);
    }

    private Answer BookCredit(IsoMessage rq, IsoMessage rs, SaleKeys keys, string label, LedgerKind kind, LedgerEntry sale,
        string tid, int stan, int batch, long minor, string rc, DateTime now)
    {
        string rrn = NextRrn(now);
        string auth = rc == Approved ? (Interlocked.Increment(ref _authSerial) % 1000000).ToString("D6", CultureInfo.InvariantCulture) : null;
        LedgerEntry booked;
        lock (_ledger.Sync)
        {
            booked = _ledger.Book(new LedgerEntry(tid, rq.GetString(IsoField.MerchantId), stan, batch, sale?.MaskedPan ?? "-", minor, rc, rrn, auth, now)
            {
                Kind = kind, Original = sale, CardType = sale?.CardType ?? CardType.Debit,
            });
            if (booked.Approved && !booked.Reversed && kind == LedgerKind.Void) sale.Voided = true;
            if (booked.Approved && !booked.Reversed && kind == LedgerKind.Refund) sale.RefundedMinor += minor;
        }
        Fill(rs, booked.ResponseCode, booked.Rrn, booked.AuthCode);
        _o.Log($"{label} of {(sale == null ? "unknown original" : $"stan={sale.Stan:D6} rrn={sale.Rrn} card={sale.MaskedPan}")} amount={minor} -> {booked.ResponseCode} rrn={booked.Rrn}");
        return new Answer(RuleAction.Respond, 0, keys.Signer);
    }

    private Answer Repeat(IsoMessage rs, LedgerEntry known, SaleKeys keys, string label)
    {
        Fill(rs, known.ResponseCode, known.Rrn, known.AuthCode);
        _o.Log($"{label} repeated -> {known.ResponseCode} (booked once)");
        return new Answer(RuleAction.Respond, 0, keys.Signer);
    }

    // The sale a void refers to: F61 = original batch n6 + trace number n6, else F37 = its RRN.
    private LedgerEntry OriginalOf(IsoMessage rq, string tid)
    {
        string f61 = rq.GetString(IsoField.Reserved61);
        if (f61 != null && f61.Length >= 12 && int.TryParse(f61.AsSpan(0, 6), NumberStyles.None, CultureInfo.InvariantCulture, out int b)
            && int.TryParse(f61.AsSpan(6, 6), NumberStyles.None, CultureInfo.InvariantCulture, out int s))
        {
            LedgerEntry e = _ledger.Find(tid, b, s) ?? _ledger.Find(tid, 0, s);
            if (e != null) return e;
        }
        string rrn = rq.GetString(IsoField.Rrn);
        return rrn == null ? null : _ledger.FindSaleByRrn(rq.GetString(IsoField.MerchantId), rrn);
    }

    // Balance inquiry (查询): F54 = account type 10, amount type 02 (available), currency, C/D, amount n12 (ISO 8583:1987).
    private Answer Balance(string peer, IsoMessage rq, byte[] frame, int msgAt, IsoMessage rs)
    {
        string tid = rq.GetString(IsoField.TerminalId);
        int stan = (int)rq.GetNumber(IsoField.Stan);
        using SaleKeys keys = SaleKeys.For(_o, _o.Security, tid, rq);
        string label = $"[{peer}] {rq.Mti:D4} BALANCE tid={tid} stan={stan:D6}";
        Answer? refused = Authenticate(rq, frame, msgAt, rs, keys, label);
        if (refused != null) return refused.Value;
        string pan = CardPan(rq, keys);
        if (tid == null || pan == null) return Refuse(rs, FormatError, keys.Signer, $"{label}: missing a required field -> {FormatError}");
        if (rq.Has(IsoField.PinBlock) && !PinMatches(rq, keys, pan, out string why))
            return Refuse(rs, WrongPin, keys.Signer, $"{label} pan={Mask(pan)}: PIN wrong ({why}) -> {WrongPin}");
        long balance = _o.Balances.TryGetValue(pan, out long b) ? b : _o.DefaultBalanceMinor;
        string currency = rq.GetString(IsoField.Currency) ?? "156";
        rs.Set(IsoField.AdditionalAmounts, "1002" + currency + (balance < 0 ? "D" : "C") + Math.Abs(balance).ToString("D12", CultureInfo.InvariantCulture));
        Fill(rs, Approved, NextRrn(DateTime.Now), null);
        _o.Log($"{label} pan={Mask(pan)} -> {Approved} balance={balance}");
        return new Answer(RuleAction.Respond, 0, keys.Signer);
    }

    // Reversal (冲正, 0400): undoes the original (terminal, batch, trace number) once. A duplicate is answered 00 and
    // changes nothing; a reversal of something never booked is answered 25 and remembered, so that the original, should
    // it still arrive, is booked reversed.
    private Answer Reversal(string peer, IsoMessage rq, byte[] frame, int msgAt, IsoMessage rs)
    {
        string tid = rq.GetString(IsoField.TerminalId);
        int stan = (int)rq.GetNumber(IsoField.Stan);
        int batch = Batch(rq);
        using SaleKeys keys = SaleKeys.For(_o, _o.Security, tid, rq);
        string label = $"[{peer}] 0400 REVERSAL tid={tid} batch={batch:D6} stan={stan:D6} reason={rq.GetString(IsoField.ResponseCode)}";
        Answer? refused = Authenticate(rq, frame, msgAt, rs, keys, label);
        if (refused != null) return refused.Value;
        if (tid == null || stan < 0) return Refuse(rs, FormatError, keys.Signer, $"{label}: missing a required field -> {FormatError}");
        ReversalEffect effect = _ledger.Reverse(tid, batch, stan);
        string rc = effect == ReversalEffect.Unknown ? RecordNotFound : Approved;
        rs.Set(IsoField.ResponseCode, rc);
        _o.Log($"{label} -> {rc} ({effect switch { ReversalEffect.Reversed => "reversed", ReversalEffect.Duplicate => "duplicate: already reversed", _ => "original unknown" }})");
        return new Answer(RuleAction.Respond, 0, keys.Signer);
    }

    // 0500 settlement, 0320 batch upload (F60.3 201/203) and batch end (202/207).
    private Answer Settlement(string peer, IsoMessage rq, byte[] frame, int msgAt, IsoMessage rs)
    {
        string tid = rq.GetString(IsoField.TerminalId);
        string mid = rq.GetString(IsoField.MerchantId);
        int batch = Batch(rq);
        string f60 = rq.GetString(IsoField.Reserved60);
        string code = f60 != null && f60.Length >= 11 ? f60.Substring(8, 3) : null;
        using SaleKeys keys = SaleKeys.For(_o, _o.Security, tid, rq);
        string label = $"[{peer}] {rq.Mti:D4} tid={tid} batch={batch:D6}";
        Answer? refused = Authenticate(rq, frame, msgAt, rs, keys, label);
        if (refused != null) return refused.Value;
        if (tid == null || mid == null || batch <= 0) return Refuse(rs, FormatError, keys.Signer, $"{label}: missing a required field -> {FormatError}");
        string rc = rq.Mti == 500 ? _desk.Settle(rq, rs, tid, batch, label)
            : code is "201" or "203" ? _desk.Upload(rq, tid, batch, label)
            : code is "202" or "207" ? _desk.End(rq, tid, mid, batch, label)
            : FormatError;
        rs.Set(IsoField.ResponseCode, rc);
        return new Answer(RuleAction.Respond, 0, keys.Signer);
    }

    // Remembers the highest counter per terminal and initial key ID (the KSN without its counter); false, with that
    // highest counter, when the KSN's counter does not exceed it.
    private bool KsnCounterIncreases(string tid, byte[] ksn, out long last)
    {
        byte[] id = (byte[])ksn.Clone();
        long counter;
        if (ksn.Length == 10)
        {
            counter = HostDukptTdes.Counter(ksn);
            id[7] &= 0xE0;                                  // the 21 counter bits
            id[8] = id[9] = 0;
        }
        else
        {
            counter = HostDukptAes.Counter(ksn);
            Array.Clear(id, 8, 4);                          // the 32-bit counter after the 8-byte initial key ID
        }
        string key = tid + "/" + Convert.ToHexString(id);
        lock (_ksnCounters)
        {
            if (_ksnCounters.TryGetValue(key, out last) && counter <= last) return false;
            _ksnCounters[key] = counter;
            last = counter;
            return true;
        }
    }

    // The check value as shown: 3 bytes (X9.24-1:2017), not the 4 that F62 carries.
    private static string Kcv(HostKey key) => CupWorkingKeySet.CheckValueOf(key)[..6];

    private Answer Refuse(IsoMessage rs, string rc, Func<byte[], int, int, byte[]> signer, string log)
    {
        rs.Set(IsoField.Rrn, NextRrn(DateTime.Now));
        rs.Set(IsoField.ResponseCode, rc);
        _o.Log(log);
        return new Answer(RuleAction.Respond, 0, signer);
    }

    private string NextRrn(DateTime now) =>
        now.ToString("HHmmss", CultureInfo.InvariantCulture) + (Interlocked.Increment(ref _rrnSerial) % 1000000).ToString("D6", CultureInfo.InvariantCulture);

    private void Fill(IsoMessage rs, string rc, string rrn, string auth)
    {
        rs.Set(IsoField.Rrn, rrn);
        if (auth != null) rs.Set(IsoField.AuthCode, auth);
        rs.Set(IsoField.ResponseCode, rc);
        if (_o.Profile == AcquirerProfile.Cup)
        {
            // F44: issuer and acquirer institution ids, 11 characters each, space-filled (as in captured 0210s);
            // F63: card organisation code.
            rs.Set(IsoField.AdditionalResponse, _o.AcquirerId.PadRight(11) + _o.AcquirerId.PadRight(11));
            rs.Set(IsoField.Reserved63, "CUP");
        }
    }

    private static int Batch(IsoMessage rq)
    {
        string f60 = rq.GetString(IsoField.Reserved60);
        return f60 != null && f60.Length >= 8 && int.TryParse(f60.AsSpan(2, 6), NumberStyles.None, CultureInfo.InvariantCulture, out int b) ? b : 0;
    }

    // The PAN of a track ("PAN=YYMM..." or its hex form with D as separator).
    private static string PanOf(string track)
    {
        if (track == null) return null;
        int sep = track.IndexOfAny(['=', 'D']);
        return sep > 0 ? track[..sep] : null;
    }

    /// <summary>First 6 and last 4 digits, the rest masked (13 digits or more), as the terminal masks.</summary>
    public static string Mask(string pan)
    {
        if (pan == null) return null;
        if (pan.Length < 13) return new string('*', pan.Length);
        return pan[..6] + new string('*', pan.Length - 10) + pan[^4..];
    }
}
