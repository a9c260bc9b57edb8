using PosTerminal.Cards;
using PosTerminal.Crypto;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Security;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// The encrypted fields of a financial request: the PIN block (F52, with CUP F26 and F53) and the track data
    /// (F35 under the UnionPay TDB rule, or the DUKPT reader convention into F48). Works in caller buffers and
    /// wipes them; clear PIN, PAN and track bytes never leave this class.
    /// </summary>
    internal static class SecureFields
    {
        // F26 POS PIN capture code: the most PIN digits the terminal accepts (ISO 9564-1: 12).
        private const string PinCaptureCode = "12";

        /// <summary>Puts the encrypted PIN block into F52 (and F26/F53 on UnionPay); false when the PIN or PAN is unusable.</summary>
        internal static bool AddPinBlock(IsoMessage m, TerminalSettings s, CardData card, PinEntry pin, SecretKey pinKey, IRandom random)
        {
            PinBlockFormat format = s.Security.PinFormat == 4 ? PinBlockFormat.Iso4 : PinBlockFormat.Iso0;
            byte[] pan = new byte[Track2.MaxPanLength];
            byte[] block = new byte[16];
            try
            {
                int panLength = card.CopyPan(pan, 0);
                byte[] digits = pin.Digits;
                PinBlockStatus status;
                int length;
                using (IBlockCipher cipher = pinKey.CreateCipher())
                {
                    length = PinBlock.EncryptedLength(format, cipher);
                    status = PinBlock.Encrypt(format, cipher, digits, 0, digits.Length, pan, 0, panLength, random, block, 0);
                }
                if (status != PinBlockStatus.Ok) return false;
                m.SetBytes(IsoField.PinBlock, block, 0, length);
                if (s.Profile.UsesField60)
                {
                    m.Set(IsoField.PinCaptureCode, PinCaptureCode);
                    m.Set(IsoField.SecurityControl, SecurityControl(s.Security, pinKey));
                }
                return true;
            }
            finally
            {
                Bytes.Wipe(pan);
                Bytes.Wipe(block);
            }
        }

        /// <summary>
        /// Replaces the clear F35 with its encrypted form: UnionPay = the TDB of the BCD track encrypted under the TDK,
        /// digit count kept (hex nibbles); DUKPT = the whole track CBC-encrypted under the data key, sent as hex in F48
        /// with F35 left out. False when the track cannot be encrypted.
        /// </summary>
        internal static bool EncryptTrack(IsoMessage m, TerminalSettings s, SecretKey dataKey)
        {
            int length = m.Length(IsoField.Track2);
            if (length <= 0) return true;
            byte[] clear = new byte[Track2.MaxDataLength];
            byte[] enc = new byte[64];
            try
            {
                m.CopyTo(IsoField.Track2, clear, 0);
                TrackCipherStatus status;
                int n;
                using (IBlockCipher cipher = dataKey.CreateCipher())
                {
                    status = s.Security.IsDukpt
                        ? TrackCipher.EncryptDukpt(cipher, clear, 0, length, enc, 0, out n)
                        : TrackCipher.EncryptCup(cipher, clear, 0, length, enc, 0, out n);
                }
                if (status != TrackCipherStatus.Ok) return false;
                if (s.Security.IsDukpt)
                {
                    m.Remove(IsoField.Track2);
                    m.Set(IsoField.AdditionalData, Hex.Encode(enc, 0, n));
                }
                else
                {
                    m.SetBytes(IsoField.Track2, enc, 0, n);
                    if (!m.Has(IsoField.SecurityControl)) m.Set(IsoField.SecurityControl, SecurityControl(s.Security, dataKey));
                }
                return true;
            }
            finally
            {
                Bytes.Wipe(clear);
                Bytes.Wipe(enc);
            }
        }

        // F53 (UnionPay): digit 1 PIN block format (2 = ISO format 0, with the PAN), digit 2 algorithm (0 single DES,
        // 6 double-length TDES, 3 SM4 as Centerm EPOS sends it), digit 3 track encryption (1 = encrypted), then zeros.
        private static string SecurityControl(SecuritySettings sec, SecretKey key)
        {
            string algorithm = sec.Sm4 ? "3" : key.Algorithm == KeyAlgorithm.Des ? "0" : "6";
            return "2" + algorithm + (sec.EncryptTracks ? "1" : "0") + "0000000000000";
        }
    }
}
