using System;
using PosTerminal.Util;

namespace PosTerminal.Cards
{
    /// <summary>
    /// Cardholder data from a reader: PAN and track 2 equivalent as ASCII characters, expiry, service code and (from
    /// track 1) the cardholder name.
    /// Masks itself (ToString and <see cref="MaskedPan"/> show first 6 / last 4 only) and wipes its bytes on
    /// Dispose. The clear values leave only through the Copy* methods into buffers the caller wipes.
    /// </summary>
    public sealed class CardData : IDisposable
    {
        private byte[] _pan;
        private byte[] _track2;
        private byte[] _name;
        private readonly string _maskedPan;

        /// <summary>Takes ownership of the arrays (they are wiped on Dispose). <paramref name="track2"/> may be null.</summary>
        public CardData(byte[] pan, byte[] track2, string expiry, string serviceCode, EntryMethod entry)
            : this(pan, track2, expiry, serviceCode, entry, null)
        {
        }

        /// <summary>
        /// Takes ownership of the arrays (they are wiped on Dispose). <paramref name="track2"/> and
        /// <paramref name="cardholderName"/> (track 1 name field, ASCII, e.g. "DOE/JOHN") may be null.
        /// </summary>
        public CardData(byte[] pan, byte[] track2, string expiry, string serviceCode, EntryMethod entry, byte[] cardholderName)
            : this(pan, track2, expiry, serviceCode, entry, cardholderName, null)
        {
        }

        /// <summary>
        /// As the constructor above, with the card sequence number (PAN sequence number, EMV tag 5F34, 3 digits; sent in
        /// F23) of a chip or contactless read, or null.
        /// </summary>
        public CardData(byte[] pan, byte[] track2, string expiry, string serviceCode, EntryMethod entry, byte[] cardholderName, string sequenceNumber)
        {
            if (sequenceNumber != null && !IsThreeDigits(sequenceNumber)) throw new ArgumentException();
            SequenceNumber = sequenceNumber;
            if (pan == null) throw new ArgumentNullException();
            _pan = pan;
            _track2 = track2;
            _name = cardholderName;
            Expiry = expiry;
            ServiceCode = serviceCode;
            Entry = entry;
            _maskedPan = Mask.Pan(pan, 0, pan.Length);
        }

        /// <summary>Card sequence number for F23 (3 digits) from a chip or contactless read, or null (a stripe has none).</summary>
        public string SequenceNumber { get; }

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

        /// <summary>Characters of the cardholder name from track 1 (0 when none). The name is not in ToString.</summary>
        public int CardholderNameLength
        {
            get { return _name == null ? 0 : _name.Length; }
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

        /// <summary>Copies the cardholder name (ASCII, as on track 1); returns its length, 0 when none.</summary>
        public int CopyCardholderName(byte[] dst, int offset)
        {
            if (_pan == null) throw new ObjectDisposedException("CardData");
            if (_name == null) return 0;
            Array.Copy(_name, 0, dst, offset, _name.Length);
            return _name.Length;
        }

        /// <summary>
        /// The same card data marked as read by <paramref name="entry"/> (e.g. a chip card's stripe accepted as
        /// <see cref="EntryMethod.Fallback"/>). The data moves: this instance is empty afterwards, the new one owns it.
        /// </summary>
        public CardData WithEntry(EntryMethod entry)
        {
            if (_pan == null) throw new ObjectDisposedException("CardData");
            CardData moved = new CardData(_pan, _track2, Expiry, ServiceCode, entry, _name, SequenceNumber);
            _pan = null;
            _track2 = null;
            _name = null;
            return moved;
        }

        private static bool IsThreeDigits(string s)
        {
            if (s.Length != 3) return false;
            for (int i = 0; i < 3; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
            }
            return true;
        }

        /// <summary>The masked PAN.</summary>
        public override string ToString()
        {
            return _maskedPan;
        }

        /// <summary>Wipes the PAN, track data and name.</summary>
        public void Dispose()
        {
            Bytes.Wipe(_pan);
            Bytes.Wipe(_track2);
            Bytes.Wipe(_name);
            _pan = null;
            _track2 = null;
            _name = null;
        }
    }
}
