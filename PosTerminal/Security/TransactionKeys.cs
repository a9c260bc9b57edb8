using System;
using PosTerminal.Crypto;
using PosTerminal.Util;

namespace PosTerminal.Security
{
    /// <summary>
    /// The keys of one transaction: PIN key, MAC request/response keys and data key, from the sign-on working keys
    /// (master/session) or from the DUKPT device's current register for the transaction's KSN (DUKPT). Owns what it
    /// derives; Dispose wipes it. TDES DUKPT uses the X9.24-1 variants (PIN, MAC request, MAC response, data
    /// request); AES DUKPT the X9.24-3 usages 1000 PIN, 2000 MAC generation (request), 2001 MAC verification
    /// (response), 3000 data encryption.
    /// </summary>
    public sealed class TransactionKeys : IDisposable
    {
        private SecretKey _pin;
        private SecretKey _macRequest;
        private SecretKey _macResponse;
        private SecretKey _data;
        private readonly bool _owned;
        private readonly Ksn _ksn;

        private TransactionKeys(SecretKey pin, SecretKey macRequest, SecretKey macResponse, SecretKey data, bool owned, Ksn ksn)
        {
            _ksn = ksn;
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
            return new TransactionKeys(pik, mak, mak, store.Get(KeySlot.TrackKey), false, null);
        }

        /// <summary>
        /// The keys of the TDES DUKPT transaction in progress on <paramref name="device"/> (after its BeginTransaction):
        /// the PIN, MAC request, MAC response and data request variants of its current future key (X9.24-1 A.6),
        /// with the transaction's KSN. The device keeps no copy.
        /// </summary>
        internal static TransactionKeys FromDukpt(DukptTdesDevice device)
        {
            byte[] k = new byte[DukptTdes.KeyLength];
            byte[] ksn = new byte[Ksn.TdesLength];
            try
            {
                device.CopyKsn(ksn, 0);
                SecretKey pin = Tdes(device, DukptTdesVariant.Pin, k);
                SecretKey req = Tdes(device, DukptTdesVariant.MacRequest, k);
                SecretKey rsp = Tdes(device, DukptTdesVariant.MacResponse, k);
                SecretKey data = Tdes(device, DukptTdesVariant.DataRequest, k);
                return new TransactionKeys(pin, req, rsp, data, true, new Ksn(ksn, 0, ksn.Length));
            }
            finally
            {
                Bytes.Wipe(k);
            }
        }

        /// <summary>
        /// The keys of the AES DUKPT transaction in progress on <paramref name="device"/> (after its BeginTransaction):
        /// working keys of the initial key's type for usages 1000 PIN, 2000 MAC generation, 2001 MAC verification and
        /// 3000 data encryption (X9.24-3 6.3.2), with the transaction's KSN; null when a derivation is refused.
        /// </summary>
        internal static TransactionKeys FromDukpt(DukptAesDevice device)
        {
            byte[] k = new byte[DukptAes.MaxKeyLength];
            byte[] ksn = new byte[Ksn.AesLength];
            int n = device.KeyLength;
            DukptAesKeyType type = n == 16 ? DukptAesKeyType.Aes128 : n == 24 ? DukptAesKeyType.Aes192 : DukptAesKeyType.Aes256;
            SecretKey pin = null, req = null, rsp = null, data = null;
            try
            {
                device.CopyKsn(ksn, 0);
                pin = Aes(device, DukptAesKeyUsage.PinEncryption, type, k);
                req = Aes(device, DukptAesKeyUsage.MacGeneration, type, k);
                rsp = Aes(device, DukptAesKeyUsage.MacVerification, type, k);
                data = Aes(device, DukptAesKeyUsage.DataEncrypt, type, k);
                if (pin != null && req != null && rsp != null && data != null)
                    return new TransactionKeys(pin, req, rsp, data, true, new Ksn(ksn, 0, ksn.Length));
                if (pin != null) pin.Dispose();
                if (req != null) req.Dispose();
                if (rsp != null) rsp.Dispose();
                if (data != null) data.Dispose();
                return null;
            }
            finally
            {
                Bytes.Wipe(k);
            }
        }

        /// <summary>The KSN that goes with DUKPT keys (sent with the request); null for working keys of a sign-on.</summary>
        public Ksn Ksn
        {
            get { return _ksn; }
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

        private static SecretKey Tdes(DukptTdesDevice device, DukptTdesVariant variant, byte[] k)
        {
            device.DeriveKey(variant, k, 0);
            return new SecretKey(KeyAlgorithm.Tdes, k, 0, DukptTdes.KeyLength);
        }

        private static SecretKey Aes(DukptAesDevice device, DukptAesKeyUsage usage, DukptAesKeyType type, byte[] k)
        {
            if (device.DeriveWorkingKey(usage, type, k, 0) != DukptStatus.Ok) return null;
            return new SecretKey(KeyAlgorithm.Aes, k, 0, DukptAes.KeyLength(type));
        }
    }
}
