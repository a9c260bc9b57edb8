using System;
using System.Collections;
using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// A serial line fed by a script of chunks and pauses, as a terminal program delivers keystrokes: each chunk arrives
    /// in one read (or several when the reader asks for fewer bytes), a pause makes reads come back empty while the clock
    /// runs, and an empty script makes each read wait out its timeout. Everything written is kept.
    /// </summary>
    public sealed class ScriptedSerialLine : ISerialLine
    {
        private readonly ManualClock _clock;
        private readonly ArrayList _script = new ArrayList();   // byte[] chunks and int[1] pauses (remaining ms)
        private byte[] _out = new byte[1024];
        private int _outLength;
        private int _headUsed;

        /// <summary>A line timed by <paramref name="clock"/>.</summary>
        public ScriptedSerialLine(ManualClock clock)
        {
            _clock = clock;
        }

        /// <summary>Number of reads that returned bytes.</summary>
        public int DataReads;

        /// <summary>Queues <paramref name="text"/> (characters below U+0100) as one chunk.</summary>
        public void Send(string text)
        {
            byte[] b = new byte[text.Length];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)text[i];
            Send(b);
        }

        /// <summary>Queues bytes as one chunk.</summary>
        public void Send(byte[] bytes)
        {
            if (bytes.Length > 0) _script.Add(bytes);
        }

        /// <summary>Queues a pause: reads find nothing for <paramref name="ms"/> milliseconds of the clock.</summary>
        public void Pause(int ms)
        {
            _script.Add(new int[] { ms });
        }

        /// <summary>True when every queued chunk has been read.</summary>
        public bool Drained
        {
            get
            {
                for (int i = 0; i < _script.Count; i++)
                {
                    if (_script[i] is byte[]) return false;
                }
                return true;
            }
        }

        /// <summary>Everything written since the last <see cref="TakeOutput"/>, as text (one character per byte).</summary>
        public string Output()
        {
            char[] c = new char[_outLength];
            for (int i = 0; i < _outLength; i++) c[i] = (char)_out[i];
            return new string(c);
        }

        /// <summary><see cref="Output"/>, then forgets it.</summary>
        public string TakeOutput()
        {
            string s = Output();
            _outLength = 0;
            return s;
        }

        /// <summary>Reads the next chunk (or part of it), or lets a pause or the timeout pass.</summary>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_script.Count == 0)
            {
                _clock.Advance(timeoutMs);
                return 0;
            }
            int[] pause = _script[0] as int[];
            if (pause != null)
            {
                int wait = pause[0] < timeoutMs ? pause[0] : timeoutMs;
                _clock.Advance(wait);
                pause[0] -= wait;
                if (pause[0] == 0) _script.RemoveAt(0);
                return 0;
            }
            byte[] chunk = (byte[])_script[0];
            int n = chunk.Length - _headUsed;
            if (n > count) n = count;
            Array.Copy(chunk, _headUsed, buffer, offset, n);
            _headUsed += n;
            if (_headUsed == chunk.Length)
            {
                _script.RemoveAt(0);
                _headUsed = 0;
            }
            DataReads++;
            return n;
        }

        /// <summary>Keeps the bytes.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (_outLength + count > _out.Length)
            {
                int size = _out.Length * 2;
                while (size < _outLength + count) size *= 2;
                byte[] bigger = new byte[size];
                Array.Copy(_out, bigger, _outLength);
                _out = bigger;
            }
            Array.Copy(buffer, offset, _out, _outLength, count);
            _outLength += count;
        }
    }
}
