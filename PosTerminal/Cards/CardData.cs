using System;
using PosTerminal.Util;

namespace PosTerminal.Cards
{
    /// <summary>
    /// Cardholder data from a reader: PAN and track 2 equivalent as ASCII characters, expiry and service code.
    /// Masks itself (ToString and <see cref="MaskedPan"/> show first 6 / last 4 only) and wipes its bytes on
    /// Dispose. The clear values leave only through the Copy* methods into buffers the caller wipes.
    /// </summary>
    public sealed class CardData : IDisposable
    {
        private byte[] _pan;
        private byte[] _track2;
        private readonly string _maskedPan;

        /// <summary>Takes ownership of the arrays (they are wiped on Dispose). <paramref name="track2"/> may be null.</summary>
        public CardData(byte[] pan, byte[] track2, string expiry, string serviceCode, EntryMethod entry)
        {
            if (pan == null) throw new ArgumentNullException();
            _pan = pan;
            _track2 = track2;
            Expiry = expiry;
            ServiceCode = serviceCode;
            Entry = entry;
            _maskedPan = Mask.Pan(pan, 0, pan.Length);
        }

        /// <summary>How the card was read.</summary>
        public EntryMethod Entry { get; }

        /// <summary>Expiry date YYMM (4 digits), or null when the reader gave none.</summary>
        public string Expiry { get; }

        /// <summary>Service code (3 digits, ISO/IEC 7813), or null.</summary>
        public string ServiceCode { get; }

        /// <summary>PAN with at most the first 6 and last 4 digits visible.</summary>
        public string MaskedPan
        {
            get { return _maskedPan; }
        }

        /// <summary>Number of PAN digits (0 after Dispose).</summary>
        public int PanLength
        {
            get { return _pan == null ? 0 : _pan.Length; }
        }

        /// <summary>Characters of track 2 equivalent data (0 when none).</summary>
        public int Track2Length
        {
            get { return _track2 == null ? 0 : _track2.Length; }
        }

        /// <summary>True when the service code's first digit is 2 or 6: the card has a chip to be used first.</summary>
        public bool HasChip
        {
            get { return ServiceCode != null && (ServiceCode[0] == '2' || ServiceCode[0] == '6'); }
        }

        /// <summary>Copies the PAN digits (ASCII) into <paramref name="dst"/>; returns their count.</summary>
        public int CopyPan(byte[] dst, int offset)
        {
            if (_pan == null) throw new ObjectDisposedException("CardData");
            Array.Copy(_pan, 0, dst, offset, _pan.Length);
            return _pan.Length;
        }

        /// <summary>Copies the track 2 data (ASCII, '=' separator, no sentinels); returns its length, 0 when none.</summary>
        public int CopyTrack2(byte[] dst, int offset)
        {
            if (_pan == null) throw new ObjectDisposedException("CardData");
            if (_track2 == null) return 0;
            Array.Copy(_track2, 0, dst, offset, _track2.Length);
            return _track2.Length;
        }

        /// <summary>The masked PAN.</summary>
        public override string ToString()
        {
            return _maskedPan;
        }

        /// <summary>Wipes the PAN and track data.</summary>
        public void Dispose()
        {
            Bytes.Wipe(_pan);
            Bytes.Wipe(_track2);
            _pan = null;
            _track2 = null;
        }
    }
}
