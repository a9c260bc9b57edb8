using System;

namespace PosTerminal.Security
{
    /// <summary>
    /// The payment-security choices of a terminal: key scheme, MAC method, PIN block format, 国密 (SM4) mode and
    /// track data encryption. Immutable; the combinations acquirers use are checked in the constructor.
    /// </summary>
    public sealed class SecuritySettings
    {
        /// <summary>
        /// Settings. Rules: SM4 mode needs the master/session scheme and the SM4 MAC; AES DUKPT needs AES-CMAC and PIN
        /// format 4 (ISO 9564-1 format 4 is the AES PIN block); TDES keys use the CUP ECB MAC or X9.19 and PIN format 0.
        /// </summary>
        public SecuritySettings(KeyScheme scheme, MacMethod mac, int pinFormat, bool sm4, bool encryptTracks)
            : this(scheme, mac, pinFormat, sm4, encryptTracks, false)
        {
        }

        private SecuritySettings(KeyScheme scheme, MacMethod mac, int pinFormat, bool sm4, bool encryptTracks, bool allowNoMac)
        {
            if (mac == MacMethod.None && !allowNoMac) throw new ArgumentException();
            if (pinFormat != 0 && pinFormat != 4) throw new ArgumentException();
            if (sm4)
            {
                if (scheme != KeyScheme.MasterSession || mac != MacMethod.CupSm4 || pinFormat != 0) throw new ArgumentException();
            }
            else if (scheme == KeyScheme.DukptAes)
            {
                if ((mac != MacMethod.AesCmac && mac != MacMethod.None) || pinFormat != 4) throw new ArgumentException();
            }
            else
            {
                if (mac == MacMethod.AesCmac || mac == MacMethod.CupSm4 || pinFormat == 4) throw new ArgumentException();
            }
            Scheme = scheme;
            Mac = mac;
            PinFormat = pinFormat;
            Sm4 = sm4;
            EncryptTracks = encryptTracks;
        }

        /// <summary>
        /// UNSAFE: no MAC at all, so requests travel unauthenticated and any answer is believed. Only for tests of the
        /// plain message flow and for hosts in a lab that cannot MAC; never for a terminal that handles real cards.
        /// </summary>
        public static SecuritySettings UnsafeWithoutMac(KeyScheme scheme)
        {
            return new SecuritySettings(scheme, MacMethod.None, scheme == KeyScheme.DukptAes ? 4 : 0, false, false, true);
        }

        /// <summary>UnionPay default: TMK + working keys, CUP ECB MAC, PIN format 0, no SM4, clear tracks.</summary>
        public static SecuritySettings CupDefault()
        {
            return new SecuritySettings(KeyScheme.MasterSession, MacMethod.CupEcb, 0, false, false);
        }

        /// <summary>The names <see cref="Named"/> knows, for help texts.</summary>
        public const string Names = "cup, cup-x919, cup-tdk, cup-sm4, dukpt-tdes, dukpt-aes";

        /// <summary>
        /// A configuration by name: cup (TMK + working keys, CUP ECB MAC, PIN format 0), cup-x919 (the same with the
        /// X9.19 MAC), cup-tdk (cup with track encryption under the TDK), cup-sm4 (国密: SM4 keys, SM4 MAC),
        /// dukpt-tdes (TDES DUKPT, X9.19, PIN format 0), dukpt-aes (AES DUKPT, AES-CMAC, PIN format 4); null if unknown.
        /// </summary>
        public static SecuritySettings Named(string name)
        {
            switch (name)
            {
                case "cup": return CupDefault();
                case "cup-x919": return new SecuritySettings(KeyScheme.MasterSession, MacMethod.X919, 0, false, false);
                case "cup-tdk": return new SecuritySettings(KeyScheme.MasterSession, MacMethod.CupEcb, 0, false, true);
                case "cup-sm4": return new SecuritySettings(KeyScheme.MasterSession, MacMethod.CupSm4, 0, true, false);
                case "dukpt-tdes": return new SecuritySettings(KeyScheme.DukptTdes, MacMethod.X919, 0, false, false);
                case "dukpt-aes": return new SecuritySettings(KeyScheme.DukptAes, MacMethod.AesCmac, 4, false, false);
                default: return null;
            }
        }

        /// <summary>Where the keys come from.</summary>
        public KeyScheme Scheme { get; }

        /// <summary>F64 method.</summary>
        public MacMethod Mac { get; }

        /// <summary>ISO 9564-1 PIN block format: 0 (TDES/SM4) or 4 (AES).</summary>
        public int PinFormat { get; }

        /// <summary>国密 mode: SM4 for PIN, MAC and track encryption with 16-byte keys.</summary>
        public bool Sm4 { get; }

        /// <summary>Encrypt F35/F36 (UnionPay: with the TDK; DUKPT: with the data key).</summary>
        public bool EncryptTracks { get; }

        /// <summary>True for either DUKPT scheme.</summary>
        public bool IsDukpt
        {
            get { return Scheme != KeyScheme.MasterSession; }
        }

        /// <summary>A copy with another MAC method (e.g. X9.19 instead of the CUP MAC); None is refused here.</summary>
        public SecuritySettings WithMac(MacMethod mac)
        {
            return new SecuritySettings(Scheme, mac, PinFormat, Sm4, EncryptTracks);
        }

        /// <summary>A copy with track encryption on or off.</summary>
        public SecuritySettings WithTrackEncryption(bool on)
        {
            return new SecuritySettings(Scheme, Mac, PinFormat, Sm4, on, Mac == MacMethod.None);
        }
    }
}
