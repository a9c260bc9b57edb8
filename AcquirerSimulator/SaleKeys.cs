using System;
using System.Text;
using AcquirerSimulator.Security;
using PosTerminal.Iso8583;
using PosTerminal.Security;

namespace AcquirerSimulator;

/// <summary>
/// The host's keys for one financial request, worked out with the simulator's own crypto: the working keys issued
/// at the terminal's last sign-on (master/session), or the DUKPT keys derived from the BDK and the KSN the request
/// carries in F62. Copies only; Dispose wipes them.
/// </summary>
internal sealed class SaleKeys : IDisposable
{
    private readonly MacMethod _mac;
    private readonly bool _sm4;
    private readonly KeyScheme _scheme;
    private byte[] _pin, _macRequest, _macResponse, _data;

    private SaleKeys(MacMethod mac, bool sm4, KeyScheme scheme)
    {
        _mac = mac;
        _sm4 = sm4;
        _scheme = scheme;
    }

    /// <summary>The request MAC key, or null when the terminal has none on file.</summary>
    public byte[] MacRequest => _macRequest;

    /// <summary>The DUKPT KSN the request carries in F62 (10 or 12 bytes) once keys were derived for it, else null.</summary>
    public byte[] Ksn { get; private set; }

    /// <summary>The signer of the reply, once the request's MAC has been checked.</summary>
    public Func<byte[], int, int, byte[]> Signer { get; set; }

    /// <summary>The keys of <paramref name="terminalId"/> for <paramref name="rq"/>.</summary>
    public static SaleKeys For(SimulatorOptions o, SecuritySettings sec, string terminalId, IsoMessage rq)
    {
        SaleKeys k = new(sec.Mac, sec.Sm4, sec.Scheme);
        if (terminalId == null) return k;
        using TerminalKeyState state = o.Keys.Get(terminalId);
        if (state == null) return k;
        if (!sec.IsDukpt)
        {
            if (state.WorkingKeys == null) return k;
            k._pin = state.WorkingKeys.Pik.ToArray();
            k._macRequest = state.WorkingKeys.Mak.ToArray();
            k._macResponse = state.WorkingKeys.Mak.ToArray();
            k._data = state.WorkingKeys.Tdk?.ToArray();
            return k;
        }
        string ksnHex = rq.GetString(IsoField.Reserved62);
        if (state.Bdk == null || ksnHex == null) return k;
        byte[] ksn;
        try
        {
            ksn = Convert.FromHexString(ksnHex);
        }
        catch (FormatException)
        {
            return k;
        }
        ReadOnlySpan<byte> bdk = state.Bdk.Bytes;
        if (sec.Scheme == KeyScheme.DukptTdes && ksn.Length == 10)
        {
            byte[] tk = HostDukptTdes.DeriveTransactionKeyFromBdk(bdk, ksn);
            k._pin = HostDukptTdes.WorkingKey(tk, TdesDukptKeyUse.Pin);
            k._macRequest = HostDukptTdes.WorkingKey(tk, TdesDukptKeyUse.MacRequest);
            k._macResponse = HostDukptTdes.WorkingKey(tk, TdesDukptKeyUse.MacResponse);
            k._data = HostDukptTdes.WorkingKey(tk, TdesDukptKeyUse.DataRequest);
            k.Ksn = ksn;
            Array.Clear(tk);
        }
        else if (sec.Scheme == KeyScheme.DukptAes && ksn.Length == 12)
        {
            byte[] tk = HostDukptAes.DeriveTransactionKeyFromBdk(bdk, ksn);
            AesDukptKeyType type = HostDukptAes.TypeOf(tk.Length);
            k._pin = HostDukptAes.DeriveWorkingKey(tk, ksn, AesDukptKeyUsage.PinEncryption, type);
            k._macRequest = HostDukptAes.DeriveWorkingKey(tk, ksn, AesDukptKeyUsage.MacGeneration, type);
            k._macResponse = HostDukptAes.DeriveWorkingKey(tk, ksn, AesDukptKeyUsage.MacVerification, type);
            k._data = HostDukptAes.DeriveWorkingKey(tk, ksn, AesDukptKeyUsage.DataEncryption, type);
            k.Ksn = ksn;
            Array.Clear(tk);
        }
        return k;
    }

    /// <summary>The 8-byte F64 of a MAC element block under <paramref name="key"/>, by the MAC method in force.</summary>
    public byte[] MacFor(byte[] key, ReadOnlySpan<byte> mab) => _mac switch
    {
        MacMethod.CupEcb => HostMac.CupEcb(key, mab),
        MacMethod.CupSm4 => HostMac.CupSm4(key, mab),
        MacMethod.X919 => key.Length == 8
            ? HostMac.Iso9797Alg1(HostCipherAlgorithm.Des, key, mab)
            : HostMac.X919(key, mab),
        _ => HostMac.AesCmac(key, mab)[..8],
    };

    /// <summary>
    /// The signer of the reply: computes F64 once with a copy of the response MAC key (which it then wipes), so it
    /// can run after this object is disposed.
    /// </summary>
    public Func<byte[], int, int, byte[]> ResponseSigner()
    {
        byte[] key = (byte[])_macResponse.Clone();
        return (buf, at, count) =>
        {
            try
            {
                return MacFor(key, buf.AsSpan(at, count));
            }
            finally
            {
                Array.Clear(key);
            }
        };
    }

    /// <summary>True when F64 of <paramref name="rq"/> is the MAC of <paramref name="mab"/> under the request MAC key.</summary>
    public bool MacMatches(ReadOnlySpan<byte> mab, IsoMessage rq)
    {
        byte[] received = new byte[rq.Length(IsoField.Mac)];
        rq.CopyTo(IsoField.Mac, received, 0);
        return HostMac.Matches(MacFor(_macRequest, mab), received);
    }

    /// <summary>The PIN block of F52 decrypted with the PIN key, or null when there is no PIN key.</summary>
    public PinBlockResult DecryptPin(IsoMessage rq, string pan)
    {
        if (_pin == null) return null;
        byte[] block = new byte[rq.Length(IsoField.PinBlock)];
        rq.CopyTo(IsoField.PinBlock, block, 0);
        if (_sm4) return HostPinBlock.DecryptSm4Iso0Padded(_pin, block, pan);
        if (_scheme == KeyScheme.DukptAes) return HostPinBlock.DecryptIso4(_pin, block, pan);
        return HostPinBlock.DecryptTdes(_pin, block, pan, 0);
    }

    /// <summary>
    /// The clear track 2 of an encrypted request ("PAN=YYMM..."): UnionPay F35 (TDB under the TDK), or DUKPT F48 (hex,
    /// CBC under the data key); null when it does not decrypt.
    /// </summary>
    public string DecryptTrack(IsoMessage rq)
    {
        if (_data == null) return null;
        if (_scheme == KeyScheme.MasterSession)
        {
            string digits = rq.GetString(IsoField.Track2);
            if (digits == null) return null;
            HostCipherAlgorithm alg = _sm4 ? HostCipherAlgorithm.Sm4 : HostCipherAlgorithm.Tdes;
            return HostTrackData.TryDecryptCup(alg, _data, digits, out string clear) ? clear.Replace('D', '=') : null;
        }
        string hex = rq.GetString(IsoField.AdditionalData);
        if (hex == null) return null;
        try
        {
            HostCipherAlgorithm alg = _scheme == KeyScheme.DukptAes ? HostCipherAlgorithm.Aes : HostCipherAlgorithm.Tdes;
            byte[] clear = HostTrackData.TrimZeroPadding(HostTrackData.DecryptDukpt(alg, _data, Convert.FromHexString(hex)));
            string track = Encoding.ASCII.GetString(clear).Trim(';', '?');
            Array.Clear(clear);
            return track;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Wipes the key copies.</summary>
    public void Dispose()
    {
        foreach (byte[] b in new[] { _pin, _macRequest, _macResponse, _data })
        {
            if (b != null) Array.Clear(b);
        }
    }
}
