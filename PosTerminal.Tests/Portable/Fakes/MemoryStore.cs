using System;
using System.Collections;
using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// Non-volatile store in RAM, with power-cut simulation: when <see cref="CutAfterBytes"/> is set, the next
    /// write stores only that many bytes and then fails, as flash does when power drops mid-write.
    /// </summary>
    public sealed class MemoryStore : INonVolatileStore
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _data = new ArrayList();

        /// <summary>-1: writes complete. Otherwise the next write keeps this many bytes and reports failure.</summary>
        public int CutAfterBytes = -1;

        /// <summary>With a cut armed: this many writes complete first, then the cut hits the one after them.</summary>
        public int CompleteWritesBeforeCut;

        /// <summary>Number of completed or cut writes.</summary>
        public int Writes;

        /// <summary>Reads an area.</summary>
        public int Read(string name, byte[] buffer, int offset, int count)
        {
            int i = _names.IndexOf(name);
            if (i < 0) return 0;
            byte[] d = (byte[])_data[i];
            int n = d.Length < count ? d.Length : count;
            Array.Copy(d, 0, buffer, offset, n);
            return n;
        }

        /// <summary>Writes an area (or a prefix of it when a cut is armed).</summary>
        public bool Write(string name, byte[] buffer, int offset, int count)
        {
            Writes++;
            bool armed = CutAfterBytes >= 0 && CompleteWritesBeforeCut <= 0;
            if (CutAfterBytes >= 0 && CompleteWritesBeforeCut > 0) CompleteWritesBeforeCut--;
            bool cut = armed && CutAfterBytes < count;
            int n = cut ? CutAfterBytes : count;
            if (armed) CutAfterBytes = -1;
            byte[] d = new byte[n];
            Array.Copy(buffer, offset, d, 0, n);
            int i = _names.IndexOf(name);
            if (i < 0)
            {
                _names.Add(name);
                _data.Add(d);
            }
            else
            {
                _data[i] = d;
            }
            return !cut;
        }

        /// <summary>Every stored byte, concatenated (for leak checks).</summary>
        public byte[] AllBytes()
        {
            int total = 0;
            for (int i = 0; i < _data.Count; i++) total += ((byte[])_data[i]).Length;
            byte[] all = new byte[total];
            int p = 0;
            for (int i = 0; i < _data.Count; i++)
            {
                byte[] d = (byte[])_data[i];
                Array.Copy(d, 0, all, p, d.Length);
                p += d.Length;
            }
            return all;
        }
    }
}
