using System;
using System.Collections;

namespace PosTerminal.TechConsole
{
    /// <summary>Splitting a command line into words, and the ASCII case folding command names use.</summary>
    public static class CommandLine
    {
        /// <summary>
        /// The words of <paramref name="line"/>[0..length): runs of characters between spaces (no quoting: an argument
        /// never needs a space). An empty or blank line gives an empty array.
        /// </summary>
        public static string[] Split(byte[] line, int length)
        {
            if (line == null) throw new ArgumentNullException();
            if (length < 0 || length > line.Length) throw new ArgumentOutOfRangeException();
            ArrayList words = new ArrayList();
            int i = 0;
            while (i < length)
            {
                while (i < length && line[i] == ' ') i++;
                int start = i;
                while (i < length && line[i] != ' ') i++;
                if (i > start)
                {
                    char[] c = new char[i - start];
                    for (int k = 0; k < c.Length; k++) c[k] = (char)line[start + k];
                    words.Add(new string(c));
                }
            }
            string[] result = new string[words.Count];
            for (int k = 0; k < result.Length; k++) result[k] = (string)words[k];
            return result;
        }

        /// <summary>The words after the first (the arguments of a command).</summary>
        public static string[] Rest(string[] words)
        {
            string[] rest = new string[words.Length > 0 ? words.Length - 1 : 0];
            for (int i = 0; i < rest.Length; i++) rest[i] = words[i + 1];
            return rest;
        }

        /// <summary><paramref name="text"/> with ASCII A-Z folded to a-z (mscorlib on the device has no culture-free ToLower).</summary>
        public static string ToLower(string text)
        {
            char[] c = text.ToCharArray();
            for (int i = 0; i < c.Length; i++)
            {
                if (c[i] >= 'A' && c[i] <= 'Z') c[i] = (char)(c[i] + ('a' - 'A'));
            }
            return new string(c);
        }
    }
}
