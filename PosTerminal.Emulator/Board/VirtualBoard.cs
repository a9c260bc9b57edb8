using System;
using PosTerminal.Cards.Magstripe;
using PosTerminal.Cards.Readers;
using PosTerminal.Cards.Scanner;
using PosTerminal.Emulator.Host;

namespace PosTerminal.Emulator.Board;

/// <summary>
/// The emulator's card readers, wired as Program.cs wires the ESP32's: a raw magnetic head read by the core's
/// <see cref="MagstripeReader"/>, a payment-code scanner on a serial line read by the core's
/// <see cref="PaymentCodeScanner"/>, and one <see cref="CardWait"/> over both. The person (or a test) acts on the
/// virtual peripherals, <see cref="Swipe"/> and <see cref="Scan"/>, from any thread; the firmware sees only the
/// signals: flux intervals and serial bytes.
/// </summary>
public sealed class VirtualBoard
{
    /// <summary>A board with a track 2 raw head and a scanner.</summary>
    public VirtualBoard()
    {
        Stripe = new VirtualMagstripeReader();
        Scanner = new VirtualScannerModule();
        SwipeReader = new SwipeReader(Stripe.Reader);
        Wait = new CardWait(new SystemClock(), new ICardReader[] { SwipeReader, new ScanReader(new PaymentCodeScanner(Scanner, new SystemClock())) });
    }

    /// <summary>The magnetic stripe reader (head and the firmware's driver on it).</summary>
    public VirtualMagstripeReader Stripe { get; }

    /// <summary>The scanner module.</summary>
    public VirtualScannerModule Scanner { get; }

    /// <summary>The stripe as the wait sees it.</summary>
    public SwipeReader SwipeReader { get; }

    /// <summary>The firmware's wait for the first card or code.</summary>
    public CardWait Wait { get; }

    /// <summary>Swipes <paramref name="card"/> (track 2) past the head, as <paramref name="options"/> say (default: a normal swipe).</summary>
    public void Swipe(TestCard card, SwipeOptions options = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        Stripe.Head.Swipe(SwipeGenerator.Flux(MagstripeTrack.Track2, card.Track2, options ?? VirtualMagstripeReader.DefaultSwipe));
    }

    /// <summary>Holds <paramref name="symbol"/> (a payment code, or anything else printed as a barcode) under the scanner.</summary>
    public void Scan(string symbol) => Scanner.Scan(symbol);

    /// <summary>A failed read's reason in words: the driver's status, with the track's own verdict for bad track data.</summary>
    public string Describe(ReaderKind reader, int reason)
    {
        if (reason == CardWait.ReaderFault) return "reader fault";
        if (reader == ReaderKind.Swipe)
        {
            MagstripeStatus s = (MagstripeStatus)reason;
            return s == MagstripeStatus.BadTrackData ? Stripe.Reader.LastTrack2Status.ToString() : s.ToString();
        }
        if (reader == ReaderKind.Scan) return ((PosTerminal.Cards.PaymentCodeStatus)reason).ToString();
        return reason.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
