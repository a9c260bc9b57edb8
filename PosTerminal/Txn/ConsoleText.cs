using PosTerminal.Hal;

namespace PosTerminal.Txn
{
    /// <summary>Text for a serial console: ASCII bytes, each bare LF sent as CR LF, as serial terminals expect.</summary>
    public static class ConsoleText
    {
        /// <summary>Writes <paramref name="text"/> to <paramref name="line"/>; a character above 0xFF goes out as '?'.</summary>
        public static void Write(ISerialLine line, string text)
        {
            int extra = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) extra++;
            }
            byte[] b = new byte[text.Length + extra];
            int p = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n' && (i == 0 || text[i - 1] != '\r')) b[p++] = (byte)'\r';
                b[p++] = c > 0xFF ? (byte)'?' : (byte)c;
            }
            line.Write(b, 0, b.Length);
        }
    }
}
