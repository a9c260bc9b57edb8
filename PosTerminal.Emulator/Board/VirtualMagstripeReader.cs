using System;
using PosTerminal.Cards;

namespace PosTerminal.Emulator.Board;

/// <summary>
/// The virtual board's magnetic stripe reader, at the level of a reader module that outputs decoded track
/// characters (the F2F pulse decoder is a later stage of the board). A swipe yields the track 2 characters,
/// which go through the same core parser as on the device.
/// </summary>
public sealed class VirtualMagstripeReader
{
    /// <summary>Swipes <paramref name="card"/>: parses its track 2 with the core parser.</summary>
    public Track2Status Swipe(TestCard card, out CardData data)
    {
        byte[] chars = new byte[card.Track2.Length];
        for (int i = 0; i < chars.Length; i++) chars[i] = (byte)card.Track2[i];
        try
        {
            return Track2.TryParse(chars, 0, chars.Length, EntryMethod.Swipe, out data);
        }
        finally
        {
            Array.Clear(chars);
        }
    }
}
