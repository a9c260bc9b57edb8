using PosTerminal.Util;

namespace PosTerminal.Cards
{
    /// <summary>
    /// Parses decoded track 1 characters (ISO/IEC 7813 format B: ['%'] 'B' PAN '^' NAME '^' YYMM service-code
    /// discretionary ['?']) into <see cref="CardData"/> with the cardholder name and no track 2. Never guesses: anything
    /// off is reported as a <see cref="Track1Status"/>.
    /// </summary>
    public static class Track1
    {
        /// <summary>Most data characters between the sentinels (ISO/IEC 7813: 79 including SS, ES and LRC).</summary>
        public const int MaxDataLength = 76;

        /// <summary>Shortest name field (ISO/IEC 7813).</summary>
        public const int MinNameLength = 2;

        /// <summary>Longest name field (ISO/IEC 7813).</summary>
        public const int MaxNameLength = 26;

        private const byte StartSentinel = (byte)'%';
        private const byte EndSentinel = (byte)'?';
        private const byte Separator = (byte)'^';
        private const byte FormatCodeB = (byte)'B';

        // Track 1 characters are 0x20-0x5F (6 bits + 0x20).
        private const int FirstCharacter = 0x20;
        private const int LastCharacter = 0x5F;

        /// <summary>
        /// Parses <paramref name="count"/> characters at <paramref name="offset"/>. On Ok, <paramref name="card"/> owns
        /// copies of the PAN and the name (the caller disposes it); otherwise it is null.
        /// </summary>
        public static Track1Status TryParse(byte[] src, int offset, int count, EntryMethod entry, out CardData card)
        {
            card = null;
            int start = offset;
            int end = offset + count;
            if (count > 0 && src[start] == StartSentinel) start++;
            if (end > start && src[end - 1] == EndSentinel) end--;
            int len = end - start;
            if (len <= 0) return Track1Status.Empty;
            if (len > MaxDataLength) return Track1Status.TooLong;
            for (int i = start; i < end; i++)
            {
                int c = src[i];
                if (c < FirstCharacter || c > LastCharacter || c == StartSentinel || c == EndSentinel) return Track1Status.BadCharacter;
            }
            if (src[start] != FormatCodeB) return Track1Status.BadFormatCode;

            int panStart = start + 1;
            int sep1 = IndexOf(src, panStart, end, Separator);
            int sep2 = sep1 < 0 ? -1 : IndexOf(src, sep1 + 1, end, Separator);
            if (sep2 < 0) return Track1Status.NoSeparator;

            int panLen = sep1 - panStart;
            if (!Ascii.IsDigits(src, panStart, panLen)) return Track1Status.BadCharacter;
            if (panLen < Track2.MinPanLength) return Track1Status.PanTooShort;
            if (panLen > Track2.MaxPanLength) return Track1Status.PanTooLong;
            if (!Luhn.IsValid(src, panStart, panLen)) return Track1Status.BadLuhn;

            int nameLen = sep2 - sep1 - 1;
            if (nameLen < MinNameLength || nameLen > MaxNameLength) return Track1Status.BadName;

            int after = end - sep2 - 1;
            int fields = sep2 + 1;
            if (after < 4) return Track1Status.MissingExpiry;
            if (!Ascii.IsDigits(src, fields, 4)) return Track1Status.BadCharacter;
            int month = (src[fields + 2] - '0') * 10 + (src[fields + 3] - '0');
            if (month < 1 || month > 12) return Track1Status.BadExpiry;
            if (after < 7) return Track1Status.MissingServiceCode;
            if (!Ascii.IsDigits(src, fields + 4, 3)) return Track1Status.BadCharacter;

            byte[] pan = Bytes.Copy(src, panStart, panLen);
            byte[] name = Bytes.Copy(src, sep1 + 1, nameLen);
            string expiry = Ascii.GetString(src, fields, 4);
            string service = Ascii.GetString(src, fields + 4, 3);
            card = new CardData(pan, null, expiry, service, entry, name);
            return Track1Status.Ok;
        }

        private static int IndexOf(byte[] src, int from, int end, byte value)
        {
            for (int i = from; i < end; i++)
            {
                if (src[i] == value) return i;
            }
            return -1;
        }
    }
}
