namespace PosTerminal.Emv
{
    /// <summary>
    /// BER-TLV as EMV uses it (EMV 4.3 Book 3 Annex B; ISO/IEC 7816-4 §5.2; ISO/IEC 8825-1 §8.1). A tag is held as
    /// an int of its 1 to 3 bytes, big-endian (9F26 = 0x9F26, DF8107 = 0xDF8107). Lengths are definite: one byte up to
    /// 127, 81 xx up to 255, 82 xx xx up to 65535.
    /// </summary>
    public static class Tlv
    {
        /// <summary>Most bytes a tag may have (ISO/IEC 7816-4 §5.2.2.1).</summary>
        public const int MaxTagBytes = 3;

        /// <summary>Largest value length: what 82 xx xx can say.</summary>
        public const int MaxLength = 0xFFFF;

        /// <summary>First tag byte, bits 5-1 all set: the tag number continues in the next bytes (ISO/IEC 8825-1 §8.1.2.4).</summary>
        internal const int TagNumberMask = 0x1F;

        /// <summary>First tag byte, bit 6: constructed (the value is itself TLV), else primitive (ISO/IEC 8825-1 §8.1.2.5).</summary>
        internal const int ConstructedBit = 0x20;

        /// <summary>Subsequent tag byte, bit 8: another tag byte follows (ISO/IEC 8825-1 §8.1.2.4.2).</summary>
        internal const int MoreTagBytes = 0x80;

        /// <summary>Length byte, bit 8: long form, bits 7-1 count the length bytes that follow (ISO/IEC 8825-1 §8.1.3.5).</summary>
        internal const int LongLength = 0x80;

        /// <summary>Long form with one length byte.</summary>
        internal const int Length1 = 0x81;

        /// <summary>Long form with two length bytes.</summary>
        internal const int Length2 = 0x82;

        /// <summary>Byte that may stand before, between or after TLV objects and means nothing (EMV Book 3 Annex B).</summary>
        internal const int Padding = 0x00;

        /// <summary>Invalid as a first tag byte (ISO/IEC 7816-4 §5.2.2.1).</summary>
        internal const int InvalidFirstTagByte = 0xFF;

        /// <summary>
        /// Number of bytes of <paramref name="tag"/> (1 to 3), or -1 when its bytes are not a valid BER tag: a one-byte tag
        /// must not have bits 5-1 all set, a longer one must, with bit 8 set on every byte but its last; 00 and FF are
        /// not valid first bytes.
        /// </summary>
        public static int TagLength(int tag)
        {
            if (tag <= 0 || tag > 0xFFFFFF) return -1;
            int bytes = tag > 0xFFFF ? 3 : tag > 0xFF ? 2 : 1;
            int first = tag >> (8 * (bytes - 1));
            if (first == InvalidFirstTagByte) return -1;
            bool continues = (first & TagNumberMask) == TagNumberMask;
            if (bytes == 1) return continues ? -1 : 1;
            if (!continues) return -1;
            for (int i = bytes - 2; i >= 0; i--)
            {
                bool more = ((tag >> (8 * i)) & MoreTagBytes) != 0;
                if (more != (i > 0)) return -1;
            }
            return bytes;
        }

        /// <summary>True when <paramref name="tag"/> is constructed (bit 6 of its first byte): its value is more TLV.</summary>
        public static bool IsConstructed(int tag)
        {
            int first = tag > 0xFFFF ? tag >> 16 : tag > 0xFF ? tag >> 8 : tag;
            return (first & ConstructedBit) != 0;
        }

        /// <summary>Bytes of the length field for a value of <paramref name="length"/> bytes (0..65535): 1, 2 (81) or 3 (82).</summary>
        public static int LengthFieldLength(int length)
        {
            return length < LongLength ? 1 : length <= 0xFF ? 2 : 3;
        }

        /// <summary>Bytes of a whole element: tag, length field and a value of <paramref name="valueLength"/> bytes.</summary>
        public static int EncodedLength(int tag, int valueLength)
        {
            int t = TagLength(tag);
            if (t < 0 || valueLength < 0 || valueLength > MaxLength) throw new System.ArgumentOutOfRangeException();
            return t + LengthFieldLength(valueLength) + valueLength;
        }

        // The reader's and writer's check of a caller's (buffer, offset, count).
        internal static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new System.ArgumentNullException();
            if (offset < 0 || count < 0 || offset > buffer.Length - count) throw new System.ArgumentOutOfRangeException();
        }

        // Writes the tag's bytes at p; returns the position after them.
        internal static int WriteTag(int tag, int tagBytes, byte[] dst, int p)
        {
            for (int i = tagBytes - 1; i >= 0; i--) dst[p++] = (byte)(tag >> (8 * i));
            return p;
        }

        // Writes the shortest length field for length at p; returns the position after it.
        internal static int WriteLength(int length, byte[] dst, int p)
        {
            if (length < LongLength)
            {
                dst[p++] = (byte)length;
            }
            else if (length <= 0xFF)
            {
                dst[p++] = Length1;
                dst[p++] = (byte)length;
            }
            else
            {
                dst[p++] = Length2;
                dst[p++] = (byte)(length >> 8);
                dst[p++] = (byte)length;
            }
            return p;
        }
    }
}
