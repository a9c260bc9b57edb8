using System;
using PosTerminal.Util;

namespace PosTerminal.Security
{
    /// <summary>
    /// A PIN as entered (ASCII digits), owned by this object: it is turned into an encrypted PIN block and wiped.
    /// ToString shows only its length as asterisks; nothing else can read it outside the core.
    /// </summary>
    public sealed class PinEntry : IDisposable
    {
        private byte[] _digits;

        /// <summary>Copies <paramref name="length"/> ASCII bytes (validated when the PIN block is built).</summary>
        public PinEntry(byte[] digits, int offset, int length)
        {
            _digits = Bytes.Copy(digits, offset, length);
        }

        /// <summary>Number of characters entered (0 after Dispose).</summary>
        public int Length
        {
            get { return _digits == null ? 0 : _digits.Length; }
        }

        /// <summary>The digits, for the PIN block builder only.</summary>
        internal byte[] Digits
        {
            get
            {
                if (_digits == null) throw new ObjectDisposedException("PinEntry");
                return _digits;
            }
        }

        /// <summary>"****" for a 4-digit PIN.</summary>
        public override string ToString()
        {
            return new string('*', Length);
        }

        /// <summary>Wipes the digits.</summary>
        public void Dispose()
        {
            Bytes.Wipe(_digits);
            _digits = null;
        }
    }
}
