using System;
using PosTerminal.Crypto;
using PosTerminal.Iso8583;
using PosTerminal.Link;

namespace PosTerminal.Security
{
    /// <summary>
    /// The terminal's MAC of a message, by <see cref="MacMethod"/>: requests are MACed with one key and responses
    /// verified with another (the same MAK for master/session keys; the DUKPT MAC request and response keys).
    /// Owns its MAC objects and key schedules; Dispose wipes them.
    /// </summary>
    public sealed class MacAuthenticator : IMessageAuthenticator, IDisposable
    {
        /// <summary>Bytes of F64.</summary>
        public const int FieldLength = 8;

        private readonly Engine _request;
        private readonly Engine _response;
        private readonly byte[] _full = new byte[16];

        /// <summary>
        /// A MAC with <paramref name="requestKey"/> for requests and <paramref name="responseKey"/> for responses. CupEcb
        /// needs a DES (8) or TDES (16) MAK, X919 a TDES key (an 8-byte DES MAK gives ISO 9797-1 algorithm 1 with
        /// single DES), AesCmac an AES key, CupSm4 an SM4 key.
        /// </summary>
        public MacAuthenticator(MacMethod method, SecretKey requestKey, SecretKey responseKey)
        {
            _request = new Engine(method, requestKey);
            _response = responseKey == requestKey ? _request : new Engine(method, responseKey);
        }

        /// <summary>F64.</summary>
        public int MacField
        {
            get { return IsoField.Mac; }
        }

        /// <summary>8.</summary>
        public int MacLength
        {
            get { return FieldLength; }
        }

        /// <summary>Writes the 8-byte F64 value of a request.</summary>
        public void Compute(byte[] mab, int offset, int count, byte[] mac, int macOffset)
        {
            _request.Compute(mab, offset, count, mac, macOffset, _full);
        }

        /// <summary>Constant-time check of a response's 8-byte F64 value.</summary>
        public bool Verify(byte[] mab, int offset, int count, byte[] mac, int macOffset)
        {
            _response.Compute(mab, offset, count, _full, 0, _full);
            int diff = 0;
            for (int i = 0; i < FieldLength; i++) diff |= _full[i] ^ mac[macOffset + i];
            Array.Clear(_full, 0, _full.Length);
            return diff == 0;
        }

        /// <summary>Wipes the key schedules.</summary>
        public void Dispose()
        {
            _request.Dispose();
            if (_response != _request) _response.Dispose();
        }

        // One MAC object for one key.
        private sealed class Engine : IDisposable
        {
            private readonly MacMethod _method;
            private readonly CupMac _cup;
            private readonly RetailMac _retail;
            private readonly Cmac _cmac;

            internal Engine(MacMethod method, SecretKey key)
            {
                byte[] k = key.Key;
                _method = method;
                switch (method)
                {
                    case MacMethod.CupEcb:
                        if (key.Algorithm != KeyAlgorithm.Des && key.Algorithm != KeyAlgorithm.Tdes) throw new ArgumentException();
                        _cup = new CupMac(k, 0, k.Length);
                        break;
                    case MacMethod.CupSm4:
                        if (key.Algorithm != KeyAlgorithm.Sm4) throw new ArgumentException();
                        _cup = CupMac.CreateSm4(k, 0, k.Length, FieldLength);
                        break;
                    case MacMethod.X919:
                        if (key.Algorithm == KeyAlgorithm.Des) _retail = RetailMac.CreateAlgorithm1(k, 0, k.Length, MacPadding.Method1);
                        else if (key.Algorithm == KeyAlgorithm.Tdes && k.Length == 16) _retail = RetailMac.CreateX919(k, 0, k.Length, MacPadding.Method1);
                        else throw new ArgumentException();
                        break;
                    case MacMethod.AesCmac:
                        if (key.Algorithm != KeyAlgorithm.Aes) throw new ArgumentException();
                        _cmac = new AesCmac(k, 0, k.Length);
                        break;
                    default:
                        throw new ArgumentException();
                }
            }

            internal void Compute(byte[] mab, int offset, int count, byte[] mac, int macOffset, byte[] scratch)
            {
                switch (_method)
                {
                    case MacMethod.CupEcb:
                    case MacMethod.CupSm4:
                        _cup.Compute(mab, offset, count, mac, macOffset);
                        break;
                    case MacMethod.X919:
                        _retail.Compute(mab, offset, count, mac, macOffset);
                        break;
                    default:
                        // AES-CMAC gives 16 bytes; F64 carries the leftmost 8 (NIST SP 800-38B 5.5 truncation).
                        _cmac.Compute(mab, offset, count, scratch, 0);
                        Array.Copy(scratch, 0, mac, macOffset, FieldLength);
                        if (mac != scratch) Array.Clear(scratch, 0, scratch.Length);
                        break;
                }
            }

            public void Dispose()
            {
                if (_cup != null) _cup.Dispose();
                if (_retail != null) _retail.Dispose();
                if (_cmac != null) _cmac.Dispose();
            }
        }
    }
}
