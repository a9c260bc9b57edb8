using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PosTerminal.Tests.Host.Leak;

/// <summary>
/// Looks for known secrets in captured output (issue 6, item 9): full PANs, track 2 equivalents, PINs and PIN blocks,
/// keys and key components, passwords. Each secret is registered once and searched in every form a program might print
/// it in: plain; one character per space; groups of four; packed BCD as hex (track 2 with 'D' for '='; odd lengths
/// padded with a leading 0 or a trailing F); its ASCII bytes as hex; binary values as hex, upper or lower case, joined
/// or one byte per space, and each half of a key. A second pass removes every space, line break, ':', '-', '|' and '.'
/// from the text and looks for the separator-free forms of at least 12 characters, which catches hex dumps broken
/// across lines or grouped differently. Masked forms (first 6 / last 4 of a PAN, check values) do not match.
/// </summary>
public sealed class LeakScanner
{
    private const int MinNormalizedLength = 12;

    private readonly List<Form> _forms = new();
    private readonly List<(string Label, Regex Pattern)> _patterns = new();

    private sealed record Form(string Secret, string Name, string Text, bool IgnoreCase);

    /// <summary>Secrets registered (labels).</summary>
    public List<string> Secrets { get; } = new();

    /// <summary>
    /// A digit string (a PAN, a track 2 equivalent with '=' or 'D' as separator, a long number): plain, spaced, grouped by
    /// four, packed BCD in hex, and its ASCII bytes in hex.
    /// </summary>
    public LeakScanner AddDigits(string label, string digits)
    {
        if (digits.Length < 8) throw new ArgumentException("digit secrets shorter than 8 characters match by chance; use AddPin");
        Secrets.Add(label);
        string withD = digits.Replace('=', 'D');
        AddText(label, "plain", digits, false);
        if (withD != digits) AddText(label, "plain-D", withD, true);
        AddText(label, "spaced", string.Join(' ', digits.ToCharArray()), false);
        AddText(label, "grouped", Grouped(digits, 4), false);
        string even = withD.Length % 2 == 0 ? withD : null;
        foreach (string bcd in even != null ? [even] : new[] { "0" + withD, withD + "F" })
        {
            AddHex(label, "bcd-hex", Convert.FromHexString(bcd));
        }
        AddHex(label, "ascii-hex", Encoding.ASCII.GetBytes(digits));
        return this;
    }

    /// <summary>A binary secret (a key, a key component, a PIN block): hex in both cases, joined or spaced; both halves of a key.</summary>
    public LeakScanner AddBytes(string label, byte[] value)
    {
        if (value.Length < 6) throw new ArgumentException("binary secrets shorter than 6 bytes match by chance");
        Secrets.Add(label);
        AddHex(label, "hex", value);
        if (value.Length >= 16)
        {
            AddHex(label, "left-half-hex", value[..(value.Length / 2)]);
            AddHex(label, "right-half-hex", value[(value.Length / 2)..]);
        }
        return this;
    }

    /// <summary>
    /// A PIN entered for <paramref name="pan"/>: the PIN next to the word "PIN" (a PIN alone is too short to search
    /// for), the ISO 9564-1 format 0 PIN field (0, length, digits, F padding) and the clear format 0 PIN block (the
    /// field XOR the PAN block: 0000 and the 12 rightmost PAN digits without the check digit), in hex.
    /// </summary>
    public LeakScanner AddPin(string label, string pin, string pan)
    {
        Secrets.Add(label);
        _patterns.Add((label, new Regex(@"(?i)\bpin\w{0,6}\b\W{0,4}" + Regex.Escape(pin) + @"(?!\d)", RegexOptions.CultureInvariant)));
        byte[] field = Convert.FromHexString(("0" + pin.Length.ToString("X", CultureInfo.InvariantCulture) + pin).PadRight(16, 'F'));
        AddHex(label, "pin-field-hex", field);
        string panPart = pan[^13..^1];
        byte[] panBlock = Convert.FromHexString("0000" + panPart);
        byte[] block = new byte[8];
        for (int i = 0; i < 8; i++) block[i] = (byte)(field[i] ^ panBlock[i]);
        AddHex(label, "pin-block-format0-hex", block);
        return this;
    }

    /// <summary>A secret word (a password, a passphrase): the text as it is, and its ASCII bytes in hex.</summary>
    public LeakScanner AddPassword(string label, string text)
    {
        if (text.Length < 6) throw new ArgumentException("passwords shorter than 6 characters match by chance");
        Secrets.Add(label);
        AddText(label, "plain", text, false);
        AddHex(label, "ascii-hex", Encoding.ASCII.GetBytes(text));
        return this;
    }

    /// <summary>Every place a registered secret shows in <paramref name="text"/> (what printed it: <paramref name="source"/>).</summary>
    public List<LeakFinding> Scan(string source, string text)
    {
        List<LeakFinding> found = new();
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (Form f in _forms)
        {
            int at = text.IndexOf(f.Text, f.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            if (at >= 0 && seen.Add(f.Secret + "/" + f.Name)) found.Add(new LeakFinding(source, f.Secret, f.Name, at, Context(text, at, f.Text.Length)));
        }
        foreach ((string label, Regex pattern) in _patterns)
        {
            Match m = pattern.Match(text);
            if (m.Success && seen.Add(label + "/pin-in-text")) found.Add(new LeakFinding(source, label, "pin-in-text", m.Index, Context(text, m.Index, m.Length)));
        }
        (string squeezed, int[] origin) = Squeeze(text);
        foreach (Form f in _forms)
        {
            string s = Strip(f.Text);
            if (s.Length < MinNormalizedLength || seen.Contains(f.Secret + "/" + f.Name)) continue;
            int at = squeezed.IndexOf(s, f.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            if (at < 0) continue;
            seen.Add(f.Secret + "/" + f.Name);
            int start = origin[at], end = origin[at + s.Length - 1] + 1;
            found.Add(new LeakFinding(source, f.Secret, f.Name + " (separators ignored)", start, Context(text, start, end - start)));
        }
        return found;
    }

    /// <summary>Throws with every finding (secrets shown masked) when <paramref name="text"/> holds a registered secret.</summary>
    public void AssertClean(string source, string text)
    {
        List<LeakFinding> found = Scan(source, text);
        if (found.Count > 0) throw new Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException(
            $"{found.Count} secret(s) in {source}:\n  " + string.Join("\n  ", found));
    }

    private void AddText(string label, string name, string text, bool ignoreCase) => _forms.Add(new Form(label, name, text, ignoreCase));

    private void AddHex(string label, string name, byte[] value)
    {
        string hex = Convert.ToHexString(value);
        AddText(label, name, hex, true);
        StringBuilder spaced = new();
        for (int i = 0; i < hex.Length; i += 2) spaced.Append(i == 0 ? "" : " ").Append(hex, i, 2);
        AddText(label, name + "-spaced", spaced.ToString(), true);
    }

    private static string Grouped(string s, int n)
    {
        StringBuilder b = new();
        for (int i = 0; i < s.Length; i++)
        {
            if (i > 0 && i % n == 0) b.Append(' ');
            b.Append(s[i]);
        }
        return b.ToString();
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is ':' or '-' or '|' or '.';

    private static string Strip(string s)
    {
        StringBuilder b = new(s.Length);
        foreach (char c in s)
        {
            if (!IsSeparator(c)) b.Append(c);
        }
        return b.ToString();
    }

    // The text without separators, and for each kept character its index in the text.
    private static (string, int[]) Squeeze(string text)
    {
        StringBuilder b = new(text.Length);
        int[] origin = new int[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (IsSeparator(text[i])) continue;
            origin[b.Length] = i;
            b.Append(text[i]);
        }
        return (b.ToString(), origin);
    }

    // Where a finding is, with the secret itself replaced (the report must not leak it again).
    private static string Context(string text, int at, int length)
    {
        int from = Math.Max(0, at - 30), to = Math.Min(text.Length, at + length + 30);
        string before = text[from..at], after = text[(at + length)..to];
        return (before + "<" + length + " chars>" + after).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }
}

/// <summary>One secret found: what printed it, which secret, in which form, where, and the text around it (secret cut out).</summary>
public sealed record LeakFinding(string Source, string Secret, string Form, int Offset, string Context)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Source}: {Secret} as {Form} at {Offset}: ...{Context}...";
}
