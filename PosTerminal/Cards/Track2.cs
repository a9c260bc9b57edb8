using System;
using PosTerminal.Util;

namespace PosTerminal.Cards
{
    /// <summary>
    /// Parses decoded track 2 characters (ISO/IEC 7813: [';'] PAN '=' YYMM service-code discretionary ['?'])
    /// into <see cref="CardData"/>. Never guesses: anything off is reported as a <see cref="Track2Status"/>.
    /// </summary>
    public static class Track2
    {
        /// <summary>Most data characters track 2 can hold between the sentinels (ISO/IEC 7813: 40 incl. SS, ES, LRC).</summary>
        public const int MaxDataLength = 37;

        /// <summary>Shortest PAN accepted (ISO/IEC 7812-1 issuer identification number + account + check digit).</summary>
        public const int MinPanLength = 12;

        /// <summary>Longest PAN (ISO/IEC 7812-1).</summary>
        public const int MaxPanLength = 19;

        private const byte StartSentinel = (byte)';';
        private const byte EndSentinel = (byte)'?';
        private const byte Separator = (byte)'=';

        /// <summary>
        /// Parses <paramref name="count"/> characters at <paramref name="offset"/>. On Ok, <paramref name="card"/>
        /// owns copies of the PAN and track (the caller disposes it); otherwise it is null.
        /// </summary>
        public static Track2Status TryParse(byte[] src, int offset, int count, EntryMethod entry, out CardData card)
        {
            card = null;
            int start = offset;
            int end = offset + count;
            if (count > 0 && src[start] == StartSentinel) start++;
            if (end > start && src[end - 1] == EndSentinel) end--;
            int len = end - start;
            if (len <= 0) return Track2Status.Empty;
            if (len > MaxDataLength) return Track2Status.TooLong;
            int sep = -1;
            for (int i = start; i < end; i++)
            {
                int c = src[i];
                if (c == Separator)
                {
                    if (sep < 0) sep = i;
                    else return Track2Status.BadCharacter;
                }
                else if (!Ascii.IsDigit(c))
                {
                    return Track2Status.BadCharacter;
                }
            }
            if (sep < 0) return Track2Status.NoSeparator;
            int panLen = sep - start;
            if (panLen < MinPanLength) return Track2Status.PanTooShort;
            if (panLen > MaxPanLength) return Track2Status.PanTooLong;
            if (!Luhn.IsValid(src, start, panLen)) return Track2Status.BadLuhn;
            int after = end - sep - 1;
            if (after < 4) return Track2Status.MissingExpiry;
            int month = (src[sep + 3] - '0') * 10 + (src[sep + 4] - '0');
            if (month < 1 || month > 12) return Track2Status.BadExpiry;
            if (after < 7) return Track2Status.MissingServiceCode;

            byte[] pan = Bytes.Copy(src, start, panLen);
            byte[] track = Bytes.Copy(src, start, len);
            string expiry = Ascii.GetString(src, sep + 1, 4);
            string service = Ascii.GetString(src, sep + 5, 3);
            card = new CardData(pan, track, expiry, service, entry);
            return Track2Status.Ok;
        }
    }
}
