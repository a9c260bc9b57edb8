using System;
using PosTerminal.Crypto;
using PosTerminal.Util;

namespace PosTerminal.Security
{
    /// <summary>
    /// The keys of one transaction: PIN key, MAC request/response keys and data key, from the sign-on working keys
    /// (master/session) or derived for the transaction's KSN (DUKPT). Owns what it derives; Dispose wipes it.
    /// TDES DUKPT uses the X9.24-1 variants (PIN, MAC request, MAC response, data request); AES DUKPT the X9.24-3
    /// usages 1000 PIN, 2000 MAC generation (request), 2001 MAC verification (response), 3000 data encryption.
    /// </summary>
    public sealed class TransactionKeys : IDisposable
    {
        private SecretKey _pin;
        private SecretKey _macRequest;
        private SecretKey _macResponse;
        private SecretKey _data;
        private readonly bool _owned;

        private TransactionKeys(SecretKey pin, SecretKey macRequest, SecretKey macResponse, SecretKey data, bool owned)
        {
            _pin = pin;
            _macRequest = macRequest;
            _macResponse = macResponse;
            _data = data;
            _owned = owned;
        }

        /// <summary>The working keys of the last sign-on (still owned by the store). Null when the store has no MAK or PIK.</summary>
        public static TransactionKeys FromWorkingKeys(KeyStore store)
        {
            SecretKey pik = store.Get(KeySlot.PinKey);
            SecretKey mak = store.Get(KeySlot.MacKey);
            if (pik == null || mak == null) return null;
            return new TransactionKeys(pik, mak, mak, store.Get(KeySlot.TrackKey), false);
        }

        /// <summary>Keys derived from the DUKPT initial key for <paramref name="ksn"/>; null when the derivation fails.</summary>
        public static TransactionKeys FromDukpt(SecretKey initialKey, Ksn ksn, KeyScheme scheme)
        {
            byte[] k = new byte[32];
            try
            {
                if (scheme == KeyScheme.DukptTdes)
                {
                    using (DukptTdes d = new DukptTdes())
                    {
                        SecretKey pin = Tdes(d, initialKey, ksn, DukptTdesVariant.Pin, k);
                        SecretKey req = Tdes(d, initialKey, ksn, DukptTdesVariant.MacRequest, k);
                        SecretKey rsp = Tdes(d, initialKey, ksn, DukptTdesVariant.MacResponse, k);
                        SecretKey data = Tdes(d, initialKey, ksn, DukptTdesVariant.DataRequest, k);
                        if (pin == null || req == null || rsp == null || data == null) return null;
                        return new TransactionKeys(pin, req, rsp, data, true);
                    }
                }
                using (DukptAes d = new DukptAes())
                {
                    SecretKey pin = Aes(d, initialKey, ksn, DukptAesKeyUsage.PinEncryption, k);
                    SecretKey req = Aes(d, initialKey, ksn, DukptAesKeyUsage.MacGeneration, k);
                    SecretKey rsp = Aes(d, initialKey, ksn, DukptAesKeyUsage.MacVerification, k);
                    SecretKey data = Aes(d, initialKey, ksn, DukptAesKeyUsage.DataEncrypt, k);
                    if (pin == null || req == null || rsp == null || data == null) return null;
                    return new TransactionKeys(pin, req, rsp, data, true);
                }
            }
            finally
            {
                Bytes.Wipe(k);
            }
        }

        /// <summary>PIN encryption key.</summary>
        public SecretKey Pin
        {
            get { return _pin; }
        }

        /// <summary>Key of the request MAC.</summary>
        public SecretKey MacRequest
        {
            get { return _macRequest; }
        }

        /// <summary>Key of the response MAC.</summary>
        public SecretKey MacResponse
        {
            get { return _macResponse; }
        }

        /// <summary>Track / data encryption key, or null when none was delivered.</summary>
        public SecretKey Data
        {
            get { return _data; }
        }

        /// <summary>Wipes derived keys (working keys stay in their store).</summary>
        public void Dispose()
        {
            if (_owned)
            {
                if (_pin != null) _pin.Dispose();
                if (_macRequest != null) _macRequest.Dispose();
                if (_macResponse != null) _macResponse.Dispose();
                if (_data != null) _data.Dispose();
            }
            _pin = _macRequest = _macResponse = _data = null;
        }

        private static SecretKey Tdes(DukptTdes d, SecretKey ipek, Ksn ksn, DukptTdesVariant variant, byte[] k)
        {
            if (d.DeriveKey(ipek.Key, 0, ksn, variant, k, 0) != DukptStatus.Ok) return null;
            return new SecretKey(KeyAlgorithm.Tdes, k, 0, DukptTdes.KeyLength);
        }

        private static SecretKey Aes(DukptAes d, SecretKey ik, Ksn ksn, DukptAesKeyUsage usage, byte[] k)
        {
            DukptAesKeyType type = ik.Length == 16 ? DukptAesKeyType.Aes128 : ik.Length == 24 ? DukptAesKeyType.Aes192 : DukptAesKeyType.Aes256;
            if (d.DeriveWorkingKey(ik.Key, 0, ik.Length, ksn, usage, type, k, 0) != DukptStatus.Ok) return null;
            return new SecretKey(KeyAlgorithm.Aes, k, 0, DukptAes.KeyLength(type));
        }
    }
}
