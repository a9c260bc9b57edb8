using System;
using PosTerminal.Crypto;
using PosTerminal.Util;

namespace PosTerminal.Security
{
    /// <summary>
    /// Installs the working keys a UnionPay sign-on (0810) delivers in F62, encrypted under the terminal master key,
    /// each followed by a 4-byte check value (the first 4 bytes of the clear key's encryption of a zero block).
    /// Layouts by F62 length (alon0808/ProjectAfcApp qpboc_8583.c, quoting the UnionPay spec; code456.com/article/3026509):
    /// 24 bytes (60.3 001): PIK 8 + CV 4, MAK 8 + CV 4, single DES;
    /// 40 bytes (60.3 003): PIK 16 + CV 4, MAK 8 + 8 zero bytes + CV 4 (the MAK is single DES);
    /// 60 bytes (60.3 004): as 40, then TDK 16 + CV 4.
    /// In SM4 (国密) mode every key is 16 bytes: 40 bytes = PIK, MAK; 60 bytes = PIK, MAK, TDK (Centerm EPOS slicing).
    /// Every check value must match or the whole set is rejected and the old keys stay.
    /// </summary>
    public static class WorkingKeyInstaller
    {
        /// <summary>F60.3 of a sign-on asking for single-length keys.</summary>
        public const string SingleLength = "001";

        /// <summary>F60.3 of a sign-on asking for double-length PIK, single-length MAK.</summary>
        public const string DoubleLength = "003";

        /// <summary>F60.3 of a sign-on asking for double-length keys and a track data key.</summary>
        public const string DoubleLengthWithTdk = "004";

        private const int CheckValueLength = 4;

        /// <summary>
        /// Decrypts and checks the keys of <paramref name="f62"/> under the master key of <paramref name="store"/> and,
        /// when all check values match, installs them together. <paramref name="sm4"/> selects the 国密 layout.
        /// </summary>
        public static KeyLoadStatus Install(KeyStore store, byte[] f62, int offset, int length, bool sm4)
        {
            return Install(store, f62, offset, length, sm4, null, false);
        }

        /// <summary>
        /// As <see cref="Install(KeyStore, byte[], int, int, bool)"/>, checked against the sign-on's request: the
        /// layout must be the one <paramref name="requestedCode"/> (F60.3: 003 or 004) asked for, so a host cannot
        /// hand a double-length terminal single-DES keys or leave out the TDK; <paramref name="doubleLengthMac"/> demands
        /// a 16-byte MAK (X9.19). A single-DES PIN key is never installed (PCI PIN: TDES or AES for PIN encryption).
        /// The keys must differ from each other and from the master key, and no TDES key may have equal halves.
        /// </summary>
        public static KeyLoadStatus Install(KeyStore store, byte[] f62, int offset, int length, bool sm4, string requestedCode, bool doubleLengthMac)
        {
            SecretKey tmk = store.Get(KeySlot.MasterKey);
            if (tmk == null) return KeyLoadStatus.NoMasterKey;
            if (sm4 != (tmk.Algorithm == KeyAlgorithm.Sm4)) return KeyLoadStatus.BadLayout;
            if (requestedCode == DoubleLength && length != 40) return KeyLoadStatus.BadLayout;
            if (requestedCode == DoubleLengthWithTdk && length != 60) return KeyLoadStatus.BadLayout;
            int keys;
            int pikLength;
            int macLength;
            if (sm4)
            {
                if (length != 40 && length != 60) return KeyLoadStatus.BadLayout;
                keys = length / 20;
                pikLength = 16;
                macLength = 16;
            }
            else if (length == 24)
            {
                return KeyLoadStatus.WrongLength;       // single-DES PIK (60.3 001): not for PIN encryption
            }
            else if (length == 40 || length == 60)
            {
                keys = length / 20;
                pikLength = 16;
                // Usually a single-DES MAK followed by 8 zero bytes; a slot not ending in zeros holds a
                // double-length MAK (the Centerm EPOS reading of the same layout).
                macLength = 8;
                for (int i = 28; i < 36; i++)
                {
                    if (f62[offset + i] != 0) macLength = 16;
                }
            }
            else
            {
                return KeyLoadStatus.BadLayout;
            }

            KeyAlgorithm alg = sm4 ? KeyAlgorithm.Sm4 : KeyAlgorithm.Tdes;
            SecretKey pik = null, mak = null, tdk = null;
            int slotLength = pikLength == 8 ? 12 : 20;
            try
            {
                pik = Decrypt(tmk, f62, offset, pikLength, alg);
                mak = Decrypt(tmk, f62, offset + slotLength, macLength, alg);
                if (keys == 3) tdk = Decrypt(tmk, f62, offset + 40, 16, alg);
                bool ok = CheckValueOk(pik, f62, offset + slotLength - CheckValueLength)
                    && CheckValueOk(mak, f62, offset + 2 * slotLength - CheckValueLength)
                    && (tdk == null || CheckValueOk(tdk, f62, offset + 56));
                if (!ok) return KeyLoadStatus.CheckValueMismatch;
                if (doubleLengthMac && mak.Length != 16) return KeyLoadStatus.WrongLength;
                if (!Distinct(tmk, pik, mak, tdk)) return KeyLoadStatus.WeakKey;
                KeySlot[] slots = { KeySlot.PinKey, KeySlot.MacKey, KeySlot.TrackKey };
                SecretKey[] set = { pik, mak, tdk };
                bool saved = store.PutAll(slots, set);
                pik = null;     // owned by the store now (or wiped by it on failure)
                mak = null;
                tdk = null;
                return saved ? KeyLoadStatus.Ok : KeyLoadStatus.StorageFailure;
            }
            finally
            {
                if (pik != null) pik.Dispose();
                if (mak != null) mak.Dispose();
                if (tdk != null) tdk.Dispose();
            }
        }

        // ECB-decrypts one key under the master key; an 8-byte TDES-family key becomes a single-DES key.
        private static SecretKey Decrypt(SecretKey tmk, byte[] f62, int at, int length, KeyAlgorithm alg)
        {
            byte[] clear = new byte[length];
            try
            {
                using (IBlockCipher c = tmk.CreateCipher())
                {
                    BlockModes.DecryptEcb(c, f62, at, length, clear, 0);
                }
                return new SecretKey(length == 8 ? KeyAlgorithm.Des : alg, clear, 0, length);
            }
            finally
            {
                Bytes.Wipe(clear);
            }
        }

        // The F62 check value: the first 4 bytes of the key's encryption of a zero block, compared in constant time.
        private static bool CheckValueOk(SecretKey key, byte[] f62, int at)
        {
            return key.CheckValueMatches(f62, at, CheckValueLength);
        }

        // No two keys equal, and no double-length TDES key whose halves are equal (that would be single DES).
        private static bool Distinct(SecretKey tmk, SecretKey pik, SecretKey mak, SecretKey tdk)
        {
            SecretKey[] k = { tmk, pik, mak, tdk };
            for (int i = 0; i < k.Length; i++)
            {
                if (k[i] == null) continue;
                if (k[i].HasEqualHalves) return false;
                for (int j = i + 1; j < k.Length; j++)
                {
                    if (k[j] != null && k[i].SameBytes(k[j])) return false;
                }
            }
            return true;
        }
    }
}
