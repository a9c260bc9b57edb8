using PosTerminal.Emv;
using PosTerminal.Util;

namespace PosTerminal.Tests.Emv
{
    /// <summary>Test helpers over the TLV reader and writer: a one-line tree picture, the tag list, and a rebuild.</summary>
    public static class TlvText
    {
        /// <summary>
        /// The tree as text: primitive "tag=VALUE", constructed "tag{children}", siblings separated by a space, e.g.
        /// "77{82=5800 94=0801010010010301}".
        /// </summary>
        public static string Describe(byte[] data, int offset, int count)
        {
            TlvReader r = new TlvReader(data, offset, count);
            string s = "";
            int open = 0;
            bool space = false;
            while (r.Walk())
            {
                while (open > r.Depth)
                {
                    s += "}";
                    open--;
                    space = true;
                }
                if (space) s += " ";
                s += TagHex(r.Tag);
                if (r.IsConstructed)
                {
                    s += "{";
                    open++;
                    space = false;
                }
                else
                {
                    s += "=" + Hex.Encode(r.Buffer, r.ValueOffset, r.ValueLength);
                    space = true;
                }
            }
            while (open-- > 0) s += "}";
            return s;
        }

        /// <summary>The top-level tags, in order, separated by spaces.</summary>
        public static string TopLevelTags(byte[] data, int offset, int count)
        {
            TlvReader r = new TlvReader(data, offset, count);
            string s = "";
            while (r.Next()) s += (s.Length == 0 ? "" : " ") + TagHex(r.Tag);
            return s;
        }

        /// <summary>The tag's bytes in hex ("9F26", "DF8107").</summary>
        public static string TagHex(int tag)
        {
            int bytes = Tlv.TagLength(tag);
            if (bytes < 0) bytes = tag > 0xFFFF ? 3 : tag > 0xFF ? 2 : 1;
            string s = "";
            for (int i = bytes - 1; i >= 0; i--) s += ((byte)(tag >> (8 * i))).ToString("X2");
            return s;
        }

        /// <summary>
        /// Reads every element of the data and writes it again with <paramref name="w"/> (reset by the caller): the
        /// writer's canonical form, equal to the input when that has no 00 padding and only shortest lengths.
        /// </summary>
        public static int Rebuild(byte[] data, int offset, int count, TlvReader r, TlvWriter w)
        {
            r.Reset(data, offset, count);
            int open = 0;
            while (r.Walk())
            {
                while (open > r.Depth)
                {
                    w.End();
                    open--;
                }
                if (r.IsConstructed)
                {
                    w.Begin(r.Tag);
                    open++;
                }
                else
                {
                    w.Write(r.Tag, r.Buffer, r.ValueOffset, r.ValueLength);
                }
            }
            while (open-- > 0) w.End();
            return w.Length;
        }
    }
}
