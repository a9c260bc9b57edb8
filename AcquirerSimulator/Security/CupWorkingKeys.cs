#nullable enable
using System;
using System.Security.Cryptography;

namespace AcquirerSimulator.Security;

/// <summary>
/// The F62 layouts of a UnionPay sign-on response (0810), chosen by the request's F60.3 (payments.md §2.5,
/// cup-security.md §2.1 and §4.2). Every key is followed by a 4-byte check value.
/// </summary>
public enum CupKeyLayout
{
    /// <summary>60.3 = 001, 24 bytes: PIK 8 + CV 4, MAK 8 + CV 4 (single DES). Confirmed (ProjectAfcApp; a published 24-byte example).</summary>
    Single24,

    /// <summary>60.3 = 003, 40 bytes: PIK 16 + CV 4, MAK slot 20 (MAK 8 ‖ 00×8 ‖ CV 4, or a 16-byte MAK ‖ CV 4). Confirmed (code456 example).</summary>
    Double40,

    /// <summary>60.3 = 004, 60 bytes: as <see cref="Double40"/>, then TDK 16 + CV 4 at offset 40. Layout from ProjectAfcApp's parser; no public vector.</summary>
    Double60,

    /// <summary>国密, 40 bytes: PIK 16 + CV 4, MAK 16 + CV 4, SM4 under an SM4 TMK (Centerm EPOS slicing; CV rule inferred).</summary>
    Sm4Pair40,

    /// <summary>国密, 60 bytes: PIK, MAK, TDK, each 16 + CV 4 (Centerm EPOS slicing; CV rule inferred).</summary>
    Sm4Triple60,
}

/// <summary>Why an F62 key set was refused.</summary>
public enum CupKeyStatus
{
    /// <summary>All keys decrypted and every check value matched.</summary>
    Ok,

    /// <summary>The F62 length is not a layout of the key scheme.</summary>
    BadLength,

    /// <summary>The TMK's algorithm does not fit the layout (SM4 layouts need an SM4 TMK, the others a DES/TDES TMK).</summary>
    WrongMasterKey,

    /// <summary>The PIK check value differs.</summary>
    PikCheckValueMismatch,

    /// <summary>The MAK check value differs.</summary>
    MakCheckValueMismatch,

    /// <summary>The TDK check value differs.</summary>
    TdkCheckValueMismatch,
}

/// <summary>
/// A set of working keys issued (or recovered) at a sign-on: clear PIK, MAK, optional TDK, the F62 that carries them
/// under the TMK, and their 4-byte check values. Shows only check values; wipes the keys on <see cref="Dispose"/>.
/// </summary>
public sealed class CupWorkingKeySet : IDisposable
{
    internal CupWorkingKeySet(CupKeyLayout layout, HostKey pik, HostKey mak, HostKey? tdk, byte[] f62)
    {
        Layout = layout;
        Pik = pik;
        Mak = mak;
        Tdk = tdk;
        F62 = f62;
    }

    /// <summary>The layout.</summary>
    public CupKeyLayout Layout { get; }

    /// <summary>The PIN key (TDES 16 bytes, DES 8 bytes in <see cref="CupKeyLayout.Single24"/>, SM4 16 bytes).</summary>
    public HostKey Pik { get; }

    /// <summary>The MAC key (DES 8 bytes, TDES 16 bytes if issued double length, SM4 16 bytes).</summary>
    public HostKey Mak { get; }

    /// <summary>The track data key, when the layout carries one.</summary>
    public HostKey? Tdk { get; }

    /// <summary>The F62 value (without its length prefix): the keys under the TMK with their check values.</summary>
    public byte[] F62 { get; }

    /// <summary>True for the 国密 layouts.</summary>
    public bool IsSm4 => Layout is CupKeyLayout.Sm4Pair40 or CupKeyLayout.Sm4Triple60;

    /// <summary>The 4-byte CUP check value of <paramref name="key"/> as 8 hex digits.</summary>
    public static string CheckValueOf(HostKey key) => Convert.ToHexString(CupKeyIssuer.CheckValue(key));

    /// <summary>A copy with its own key bytes (the registry keeps one; callers may dispose theirs).</summary>
    public CupWorkingKeySet Clone() => new(Layout, Pik.Clone(), Mak.Clone(), Tdk?.Clone(), (byte[])F62.Clone());

    /// <summary>Wipes the keys.</summary>
    public void Dispose()
    {
        Pik.Dispose();
        Mak.Dispose();
        Tdk?.Dispose();
    }

    /// <summary>Layout and check values, never keys.</summary>
    public override string ToString() =>
        $"{Layout}: PIK CV {CheckValueOf(Pik)}, MAK CV {CheckValueOf(Mak)}" + (Tdk != null ? $", TDK CV {CheckValueOf(Tdk)}" : "");
}

/// <summary>
/// UnionPay sign-on key issuing on the host side: fresh random PIK/MAK/TDK encrypted under the terminal's TMK
/// (TDES-ECB, or DES for a single-length TMK; SM4-ECB in 国密 mode) and laid out in F62 with 4-byte check values, the
/// first 4 bytes of E(working key, zero block) — single DES for an 8-byte key, TDES for 16 bytes, SM4 over 16 zero
/// bytes for SM4 keys. Sources: alon0808/ProjectAfcApp code/AfcCore/UnionPay/qpboc_8583.c (layouts and CV rule, quoting
/// the UnionPay spec); https://www.code456.com/article/3026509.html (40-byte worked example); Centerm EPOS AsyncSignTask
/// (SM4 slicing); https://blog.csdn.net/M_Kerry/article/details/104625499 (SM4 check value over 16 zero bytes, 8-byte
/// form). Confirmed vs. assumed: see cup-security.md §2 and §4 and the layout docs on <see cref="CupKeyLayout"/>.
/// </summary>
public static class CupKeyIssuer
{
    /// <summary>Length of each check value in F62.</summary>
    public const int CheckValueLength = 4;

    /// <summary>
    /// The layout a sign-on asks for by F60.3: 001 → 24 bytes, 003 → 40, 004 → 60 (with TDK); in 国密 mode 003 → 40 and
    /// 004 → 60 SM4 layouts (whether 国密 terminals send 006 instead is not confirmed; it is accepted as 004). Null for
    /// anything else.
    /// </summary>
    public static CupKeyLayout? LayoutFor(string? f603, bool sm4) => (f603, sm4) switch
    {
        ("001", false) => CupKeyLayout.Single24,
        ("003", false) => CupKeyLayout.Double40,
        ("004", false) => CupKeyLayout.Double60,
        ("003", true) => CupKeyLayout.Sm4Pair40,
        ("004" or "006", true) => CupKeyLayout.Sm4Triple60,
        _ => null,
    };

    /// <summary>F62 length of <paramref name="layout"/>.</summary>
    public static int LengthOf(CupKeyLayout layout) => layout switch
    {
        CupKeyLayout.Single24 => 24,
        CupKeyLayout.Double40 or CupKeyLayout.Sm4Pair40 => 40,
        _ => 60,
    };

    /// <summary>The 4-byte CUP check value of a working key.</summary>
    public static byte[] CheckValue(HostKey key) => key.Algorithm == HostCipherAlgorithm.Sm4
        ? HostKcv.Sm4(key.Bytes, CheckValueLength)
        : HostKcv.Des(key.Bytes, CheckValueLength);

    /// <summary>
    /// Issues fresh working keys under <paramref name="tmk"/>. <paramref name="doubleLengthMak"/> puts a 16-byte TDES MAK
    /// in the 20-byte MAK slot of the 40/60-byte DES layouts; by default the MAK is single DES followed by 8 zero bytes,
    /// as ProjectAfcApp's parser, the code456 example and the PosTerminal firmware expect.
    /// </summary>
    public static CupWorkingKeySet Issue(HostKey tmk, CupKeyLayout layout, bool doubleLengthMak = false)
    {
        bool sm4 = layout is CupKeyLayout.Sm4Pair40 or CupKeyLayout.Sm4Triple60;
        if (sm4 != (tmk.Algorithm == HostCipherAlgorithm.Sm4))
            throw new ArgumentException($"layout {layout} does not fit a {tmk.Algorithm} master key", nameof(tmk));
        bool hasTdk = layout is CupKeyLayout.Double60 or CupKeyLayout.Sm4Triple60;
        int pikLength = layout == CupKeyLayout.Single24 ? 8 : 16;
        int makLength = sm4 || (doubleLengthMak && layout != CupKeyLayout.Single24) ? 16 : 8;
        HostKey pik = NewKey(sm4, pikLength);
        HostKey mak = NewKey(sm4, makLength);
        HostKey? tdk = hasTdk ? NewKey(sm4, 16) : null;

        byte[] f62 = new byte[LengthOf(layout)];
        int slot = layout == CupKeyLayout.Single24 ? 12 : 20;
        Put(tmk, pik, f62, 0, slot);
        Put(tmk, mak, f62, slot, slot);
        if (tdk != null) Put(tmk, tdk, f62, 40, 20);
        return new CupWorkingKeySet(layout, pik, mak, tdk, f62);
    }

    /// <summary>
    /// Decrypts and checks an F62 key set under <paramref name="tmk"/> (the terminal's side; the tests use it on
    /// published examples). The layout follows from the length and <paramref name="sm4"/>. In the 40/60-byte DES
    /// layouts a MAK slot whose bytes 8..15 are zero holds an 8-byte MAK, otherwise a 16-byte one (Centerm's rule).
    /// </summary>
    public static CupKeyStatus Unwrap(HostKey tmk, ReadOnlySpan<byte> f62, bool sm4, out CupWorkingKeySet? keys)
    {
        keys = null;
        CupKeyLayout layout;
        switch (f62.Length, sm4)
        {
            case (24, false): layout = CupKeyLayout.Single24; break;
            case (40, false): layout = CupKeyLayout.Double40; break;
            case (60, false): layout = CupKeyLayout.Double60; break;
            case (40, true): layout = CupKeyLayout.Sm4Pair40; break;
            case (60, true): layout = CupKeyLayout.Sm4Triple60; break;
            default: return CupKeyStatus.BadLength;
        }
        if (sm4 != (tmk.Algorithm == HostCipherAlgorithm.Sm4)) return CupKeyStatus.WrongMasterKey;

        int slot = layout == CupKeyLayout.Single24 ? 12 : 20;
        int pikLength = slot - CheckValueLength;
        int makLength = sm4 ? 16 : layout == CupKeyLayout.Single24 ? 8 : IsZero(f62.Slice(slot + 8, 8)) ? 8 : 16;
        HostKey pik = Take(tmk, f62, 0, pikLength, sm4);
        HostKey mak = Take(tmk, f62, slot, makLength, sm4);
        HostKey? tdk = f62.Length == 60 ? Take(tmk, f62, 40, 16, sm4) : null;
        CupKeyStatus status =
            !CvOk(pik, f62.Slice(slot - CheckValueLength, CheckValueLength)) ? CupKeyStatus.PikCheckValueMismatch
            : !CvOk(mak, f62.Slice(2 * slot - CheckValueLength, CheckValueLength)) ? CupKeyStatus.MakCheckValueMismatch
            : tdk != null && !CvOk(tdk, f62.Slice(56, CheckValueLength)) ? CupKeyStatus.TdkCheckValueMismatch
            : CupKeyStatus.Ok;
        if (status != CupKeyStatus.Ok)
        {
            pik.Dispose();
            mak.Dispose();
            tdk?.Dispose();
            return status;
        }
        keys = new CupWorkingKeySet(layout, pik, mak, tdk, f62.ToArray());
        return CupKeyStatus.Ok;
    }

    /// <summary>
    /// A fresh random key: SM4 (16 bytes), or DES/TDES with odd parity, no DES weak or semi-weak part, and for 16 bytes
    /// two different halves (so .NET accepts it and it really is double length).
    /// </summary>
    public static HostKey NewKey(bool sm4, int length)
    {
        byte[] k = new byte[length];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(k);
                if (sm4) return new HostKey(HostCipherAlgorithm.Sm4, k);
                for (int i = 0; i < k.Length; i++) k[i] = OddParity(k[i]);
                bool bad = false;
                for (int p = 0; p < length; p += 8)
                {
                    byte[] part = k.AsSpan(p, 8).ToArray();
                    bad |= DES.IsWeakKey(part) || DES.IsSemiWeakKey(part);
                    CryptographicOperations.ZeroMemory(part);
                }
                if (length == 16) bad |= k.AsSpan(0, 8).SequenceEqual(k.AsSpan(8, 8));
                if (!bad) return new HostKey(HostCipher.DesFamilyFor(length), k);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(k);
        }
    }

    private static byte OddParity(byte b)
    {
        int ones = System.Numerics.BitOperations.PopCount((uint)(b & 0xFE));
        return (byte)((b & 0xFE) | (ones % 2 == 0 ? 1 : 0));
    }

    private static void Put(HostKey tmk, HostKey key, byte[] f62, int offset, int slot)
    {
        HostCipherAlgorithm alg = tmk.Algorithm == HostCipherAlgorithm.Sm4 ? HostCipherAlgorithm.Sm4 : HostCipherAlgorithm.Tdes;
        byte[] enc = HostCipher.EncryptEcb(alg, tmk.Bytes, key.Bytes);
        enc.CopyTo(f62, offset);
        CheckValue(key).CopyTo(f62, offset + slot - CheckValueLength);
    }

    private static HostKey Take(HostKey tmk, ReadOnlySpan<byte> f62, int offset, int length, bool sm4)
    {
        HostCipherAlgorithm alg = sm4 ? HostCipherAlgorithm.Sm4 : HostCipherAlgorithm.Tdes;
        byte[] clear = HostCipher.DecryptEcb(alg, tmk.Bytes, f62.Slice(offset, length));
        try
        {
            return new HostKey(sm4 ? HostCipherAlgorithm.Sm4 : HostCipher.DesFamilyFor(length), clear);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    private static bool CvOk(HostKey key, ReadOnlySpan<byte> cv) => CryptographicOperations.FixedTimeEquals(CheckValue(key), cv);

    private static bool IsZero(ReadOnlySpan<byte> s)
    {
        foreach (byte b in s)
        {
            if (b != 0) return false;
        }
        return true;
    }
}
