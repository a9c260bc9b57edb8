using System;

namespace PosTerminal.Emulator.Board;

/// <summary>
/// A card the virtual board can present: its track 2 as ISO/IEC 7813 characters (with sentinels) and the PIN the
/// simulated issuer has on file. The PANs are made-up test numbers with valid Luhn digits in UnionPay, Visa and
/// Mastercard ranges, not real cards.
/// </summary>
public sealed record TestCard(string Name, string Description, string Track2, string Pin)
{
    /// <summary>The cards shipped with the emulator.</summary>
    public static readonly TestCard[] All =
    [
        new("cup-debit", "UnionPay debit, 19-digit PAN, magnetic stripe only", ";6212260000123456782=30121011234567890?", "123456"),
        new("cup-credit", "UnionPay credit, 16-digit PAN", ";6250940000001231=29081010000012345?", "1234"),
        new("visa", "Visa, 16-digit PAN (Visa's public test account)", ";4761739001010010=30121010000000000?", "1234"),
        new("mastercard", "Mastercard, 16-digit PAN", ";5413330000001009=28061011234500000?", "4321"),
        new("cup-chip", "UnionPay chip card (service code 201): a swipe gets USE CHIP", ";6212260000998873=30122011234500000?", "1234"),
        new("bad-luhn", "UnionPay PAN with a wrong check digit (rejected before anything is sent)", ";6212260000123456783=30121011234567890?", "1234"),
    ];

    /// <summary>The PAN (digits between the start sentinel and the separator).</summary>
    public string Pan => Track2[1..Track2.IndexOf('=')];

    /// <summary>The card called <paramref name="name"/>, or null.</summary>
    public static TestCard Find(string name) => Array.Find(All, c => c.Name == name);
}
