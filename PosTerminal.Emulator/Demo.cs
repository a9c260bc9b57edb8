using System;
using System.IO;
using System.Threading.Tasks;
using PosTerminal.Cards;
using PosTerminal.Cards.Readers;
using PosTerminal.Emulator.Board;
using PosTerminal.Link;
using PosTerminal.Txn;

namespace PosTerminal.Emulator;

/// <summary>
/// The demo: an <see cref="EmulatorSession"/> against the built-in acquirer simulator (or a given host) runs two
/// sales through the firmware's card-read wait: a test card swiped past the virtual head (F2F decoding, PIN), then a
/// payment code held under the virtual scanner, then settles the batch. It prints the masked frame trace, the receipts and
/// the settlement slip.
/// </summary>
public static class Demo
{
    /// <summary>Exit code: approved.</summary>
    public const int Approved = 0;
    /// <summary>Exit code: declined by the host.</summary>
    public const int Declined = 3;
    /// <summary>Exit code: no answer (not sent, no response, link failed) or refused by the terminal.</summary>
    public const int NotCompleted = 4;

    // How long the demo waits for the presentation it makes itself.
    private const int PresentTimeoutMs = 5000;

    /// <summary>Runs the demo; returns an exit code (the worse of the two sales).</summary>
    public static async Task<int> Run(DemoOptions o, TextWriter output)
    {
        TestCard card = TestCard.Find(o.Card) ?? throw new ArgumentException($"unknown card '{o.Card}' (see: cards)");
        await using EmulatorSession session = EmulatorSession.Open(o, output);
        if (!session.Prepare(output)) return NotCompleted;

        output.WriteLine();
        output.WriteLine($"present card: swiping {card.Name} past the virtual head");
        CardWaitResult r = Present(session.Board, () => session.Board.Swipe(card), output, out CardData data, out PaymentCode unexpected);
        unexpected?.Dispose();
        if (r != CardWaitResult.Card)
        {
            output.WriteLine($"card {card.Name}: nothing was sent");
            return NotCompleted;
        }
        int result;
        using (data) result = ExitCode(session.CardSale(data, card.Description, o.AmountMinor, o.Pin ?? card.Pin, output));

        if (o.Code == null)
        {
            session.Settle(output);
            return result;
        }
        output.WriteLine();
        output.WriteLine("present payment code: holding it under the virtual scanner");
        r = Present(session.Board, () => session.Board.Scan(o.Code), output, out data, out PaymentCode code);
        data?.Dispose();
        if (r != CardWaitResult.Code)
        {
            output.WriteLine("payment code: nothing was sent");
            return NotCompleted;
        }
        using (code) result = Math.Max(result, ExitCode(session.CodeSale(code, o.AmountMinor, output)));
        session.Settle(output);
        return result;
    }

    // Starts the firmware's wait, then presents (a swipe, a scan) while it waits; a failed read ends the wait.
    private static CardWaitResult Present(VirtualBoard board, Action present, TextWriter output, out CardData card, out PaymentCode code)
    {
        CancelSignal cancel = new();
        PrintingObserver observer = new(board, output, cancel);
        board.Wait.Reset();
        Task presenting = Task.Run(async () =>
        {
            await Task.Delay(100);
            present();
        });
        CardWaitResult r = board.Wait.Wait(PresentTimeoutMs, cancel, observer, out card, out code);
        presenting.GetAwaiter().GetResult();
        return r;
    }

    private static int ExitCode(TxnOutcome o) => o.Result switch
    {
        TxnResult.Approved => Approved,
        TxnResult.Declined => Declined,
        _ => NotCompleted,
    };

    /// <summary>One line for the end of a sale, e.g. "RESULT approved (00) via primary 127.0.0.1:4711, STAN 000007, 3 ms".</summary>
    public static string Summary(TxnOutcome o)
    {
        string via = o.HostIndex >= 0 ? $" via {LinkSettings.HostRole(o.HostIndex)} {o.Host}" : "";
        return o.Result switch
        {
            TxnResult.Approved or TxnResult.Declined =>
                $"RESULT {(o.IsApproved ? "approved" : "declined")} ({o.ResponseCode} {ResponseCodes.Describe(o.ResponseCode)}){via}, STAN {o.Stan:D6}, RRN {o.Rrn?.Trim()}, {o.RoundTripMs} ms"
                + (o.IsApproved && o.ApprovedAmountMinor != o.AmountMinor ? $", partial: {o.ApprovedAmountMinor} of {o.AmountMinor}" : ""),
            TxnResult.Refused => $"RESULT refused by the terminal: {o.Refusal}",
            TxnResult.MacFailed => $"RESULT response MAC wrong: not accepted{via}, STAN {o.Stan:D6}, reversal due (reason {o.ReversalReason})",
            _ => $"RESULT {o.Result}{via}, STAN {o.Stan:D6}" + (o.ReversalReason != null ? $" (unanswered: the host may hold the request; reversal due, reason {o.ReversalReason})" : ""),
        };
    }

    /// <summary>
    /// Prints what the wait reports, as the terminal's screen would: "swipe rejected (Lrc)", "code rejected
    /// (NotDigits)", "USE CHIP". With a cancel signal, a failed read also ends the wait (the demo presents once).
    /// </summary>
    internal sealed class PrintingObserver(VirtualBoard board, TextWriter output, CancelSignal cancelOnFailure) : ICardWaitObserver
    {
        /// <summary>Set by each report; the interactive mode waits on it.</summary>
        public System.Threading.SemaphoreSlim Reported { get; } = new(0);

        /// <inheritdoc/>
        public void OnReadFailed(ReaderKind reader, int reason)
        {
            string what = reader == ReaderKind.Scan ? "code" : reader.ToString().ToLowerInvariant();
            output.WriteLine($"   {what} rejected ({board.Describe(reader, reason)})" + (reader == ReaderKind.Scan ? ": not a payment code, nothing sent" : ": try again"));
            cancelOnFailure?.Cancel();
            Reported.Release();
        }

        /// <inheritdoc/>
        public void OnUseChip()
        {
            output.WriteLine("   USE CHIP: this card has a chip (service code 2xx/6xx); insert or tap it");
            cancelOnFailure?.Cancel();
            Reported.Release();
        }

        /// <inheritdoc/>
        public void OnFallbackAllowed(int chipFailures)
        {
            output.WriteLine($"   chip failed {chipFailures} times: swipe the card (fallback)");
            Reported.Release();
        }
    }
}
