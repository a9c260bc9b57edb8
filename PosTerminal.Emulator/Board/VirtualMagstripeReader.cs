using PosTerminal.Cards;
using PosTerminal.Cards.Magstripe;

namespace PosTerminal.Emulator.Board;

/// <summary>
/// The virtual board's magnetic stripe reader: a raw track 2 head (<see cref="VirtualFluxHead"/>) read by the firmware's
/// own driver (<see cref="MagstripeReader"/>). A swipe of a <see cref="TestCard"/> goes through the same path as on the
/// device: <see cref="SwipeGenerator"/> makes the F2F flux intervals of the card's track 2, the head hands them to the
/// core, which decodes F2F, finds the sentinels, checks parity and LRC and parses the track.
/// </summary>
public sealed class VirtualMagstripeReader
{
    /// <summary>How <see cref="Swipe(TestCard, out CardData)"/> swipes: a slightly accelerating swipe with 5 % jitter.</summary>
    public static readonly SwipeOptions DefaultSwipe = new() { StartSpeedCmPerS = 35, EndSpeedCmPerS = 50, JitterPercent = 5, Seed = 7 };

    /// <summary>A reader with its own head.</summary>
    public VirtualMagstripeReader()
    {
        Head = new VirtualFluxHead();
        Reader = new MagstripeReader(Head, MagstripeTrack.Track2);
    }

    /// <summary>The raw head (the board's <c>IFluxCapture</c>).</summary>
    public VirtualFluxHead Head { get; }

    /// <summary>The firmware's driver on that head.</summary>
    public MagstripeReader Reader { get; }

    /// <summary>Outcome of the last swipe at the signal level.</summary>
    public MagstripeStatus LastStatus { get; private set; }

    /// <summary>
    /// Swipes <paramref name="card"/> with <see cref="DefaultSwipe"/>. The track's own verdict comes back as a
    /// <see cref="Track2Status"/> (Ok, or why the parser refused it); a stripe that could not be decoded at all gives
    /// <see cref="Track2Status.Empty"/>, and <see cref="LastStatus"/> says why.
    /// </summary>
    public Track2Status Swipe(TestCard card, out CardData data)
    {
        MagstripeStatus s = Swipe(card, DefaultSwipe, out data);
        if (s == MagstripeStatus.Ok) return Track2Status.Ok;
        return s == MagstripeStatus.BadTrackData ? Reader.LastTrack2Status : Track2Status.Empty;
    }

    /// <summary>Swipes <paramref name="card"/>'s track 2 as <paramref name="options"/> say and reads it with the core driver.</summary>
    public MagstripeStatus Swipe(TestCard card, SwipeOptions options, out CardData data)
    {
        Head.Swipe(SwipeGenerator.Flux(MagstripeTrack.Track2, card.Track2, options));
        MagstripeStatus s = Reader.TryRead(0, out data);
        LastStatus = s;
        return s;
    }
}
