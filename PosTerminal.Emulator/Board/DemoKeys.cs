using System;
using AcquirerSimulator.Security;
using PosTerminal.Crypto;
using PosTerminal.Security;
using PosTerminal.Util;

namespace PosTerminal.Emulator.Board;

/// <summary>
/// Test keys of the demo, the way a key-injection facility hands them out: the terminal master key as two clear
/// components with check values (the terminal combines them), and for DUKPT an IPEK / AES initial key derived from a
/// test BDK by the host side. The BDKs and KSNs are the ANSI X9.24-1 and X9.24-3 sample values; the master keys are
/// made up for this demo. None of these may ever protect real cards.
/// </summary>
public static class DemoKeys
{
    /// <summary>TDES master key, component 1 (clear, as printed on the first custodian's form).</summary>
    public const string TmkComponent1 = "3D1F4A6E8C2B5D7097A1C3E5F7092B4D";
    /// <summary>TDES master key, component 2.</summary>
    public const string TmkComponent2 = "A4C2E6081A3C5E7F9182B4D6F8193A5C";
    /// <summary>SM4 master key, component 1.</summary>
    public const string Sm4TmkComponent1 = "0F1E2D3C4B5A69788796A5B4C3D2E1F0";
    /// <summary>SM4 master key, component 2.</summary>
    public const string Sm4TmkComponent2 = "5A4B3C2D1E0F8877665544332211AAFF";
    /// <summary>ANSI X9.24-1:2009 sample BDK (TDES DUKPT).</summary>
    public const string TdesBdk = "0123456789ABCDEFFEDCBA9876543210";
    /// <summary>ANSI X9.24-1:2009 sample initial KSN (counter 0).</summary>
    public const string TdesInitialKsn = "FFFF9876543210E00000";
    /// <summary>ANSI X9.24-3-2017 sample BDK (AES-128).</summary>
    public const string AesBdk = "FEDCBA9876543210F1F1F1F1F1F1F1F1";
    /// <summary>ANSI X9.24-3-2017 sample initial key ID.</summary>
    public const string AesInitialKeyId = "1234567890123456";

    /// <summary>The clear master key (both components XORed), for registering it with the simulated host.</summary>
    public static byte[] MasterKey(bool sm4)
    {
        byte[] a = Hex.Decode(sm4 ? Sm4TmkComponent1 : TmkComponent1);
        byte[] b = Hex.Decode(sm4 ? Sm4TmkComponent2 : TmkComponent2);
        for (int i = 0; i < a.Length; i++) a[i] ^= b[i];
        Array.Clear(b);
        return a;
    }

    /// <summary>The host's view of the terminal's keys: the master key, or the BDK, registered for <paramref name="terminalId"/>.</summary>
    public static void Register(TerminalKeys keys, string terminalId, SecuritySettings sec)
    {
        if (sec.Scheme == KeyScheme.MasterSession)
        {
            byte[] tmk = MasterKey(sec.Sm4);
            keys.SetMasterKey(terminalId, new HostKey(sec.Sm4 ? HostCipherAlgorithm.Sm4 : HostCipherAlgorithm.Tdes, tmk));
            Array.Clear(tmk);
        }
        else
        {
            bool aes = sec.Scheme == KeyScheme.DukptAes;
            keys.SetBdk(terminalId, new HostKey(aes ? HostCipherAlgorithm.Aes : HostCipherAlgorithm.Tdes, Convert.FromHexString(aes ? AesBdk : TdesBdk)),
                aes ? TerminalKeyScheme.DukptAes : TerminalKeyScheme.DukptTdes);
        }
    }

    /// <summary>
    /// The DUKPT initial key and KSN a key-injection facility would load into the terminal, derived here with the
    /// host's (independent) DUKPT code from the sample BDK.
    /// </summary>
    public static (SecretKey Key, Ksn Ksn) InjectDukpt(bool aes)
    {
        if (aes)
        {
            byte[] ikid = Convert.FromHexString(AesInitialKeyId);
            byte[] ik = HostDukptAes.DeriveInitialKey(Convert.FromHexString(AesBdk), ikid);
            SecretKey key = new(KeyAlgorithm.Aes, ik, 0, ik.Length);
            Array.Clear(ik);
            return (key, Ksn.FromAesInitialKeyId(ikid, 0));
        }
        byte[] ksn = Convert.FromHexString(TdesInitialKsn);
        byte[] ipek = HostDukptTdes.DeriveIpek(Convert.FromHexString(TdesBdk), ksn);
        SecretKey k = new(KeyAlgorithm.Tdes, ipek, 0, ipek.Length);
        Array.Clear(ipek);
        return (k, new Ksn(ksn, 0, ksn.Length));
    }
}
