using System;
using System.Collections;
using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// An in-memory connection: records what the terminal writes, and serves scripted bytes to reads. When the
    /// script runs out, a read waits: it advances the <see cref="ManualClock"/> by the whole timeout and reports
    /// Timeout (or Closed, when <see cref="CloseWhenEmpty"/>). <see cref="OnWrite"/> can answer each request.
    /// </summary>
    public sealed class ScriptedLink : IByteLink
    {
        private readonly ManualClock _clock;
        private readonly ArrayList _chunks = new ArrayList();
        private readonly byte[] _written = new byte[8192];
        private int _writtenLength;
        private int _chunkOffset;

        /// <summary>A link timed by <paramref name="clock"/>.</summary>
        public ScriptedLink(ManualClock clock)
        {
            _clock = clock;
        }

        /// <summary>Report Closed instead of Timeout once the script is used up.</summary>
        public bool CloseWhenEmpty;

        /// <summary>Status for every write (Ok by default).</summary>
        public LinkStatus WriteStatus = LinkStatus.Ok;

        /// <summary>Called after each successful write with the link, so a test can queue the reply.</summary>
        public Responder OnWrite;

        /// <summary>Total bytes the terminal asked to read, over all reads.</summary>
        public int BytesRequested;

        /// <summary>True once Dispose was called.</summary>
        public bool Disposed;

        /// <summary>Answers a request.</summary>
        public delegate void Responder(ScriptedLink link, byte[] written, int length);

        /// <summary>Queues bytes to be read (each call is delivered as one or more reads, never merged with the next).</summary>
        public void Enqueue(byte[] data)
        {
            _chunks.Add(data);
        }

        /// <summary>Length of everything written so far.</summary>
        public int WrittenLength
        {
            get { return _writtenLength; }
        }

        /// <summary>A copy of everything written so far.</summary>
        public byte[] Written()
        {
            byte[] b = new byte[_writtenLength];
            Array.Copy(_written, b, _writtenLength);
            return b;
        }

        /// <summary>Records the bytes.</summary>
        public LinkStatus Write(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (WriteStatus != LinkStatus.Ok) return WriteStatus;
            Array.Copy(buffer, offset, _written, _writtenLength, count);
            _writtenLength += count;
            if (OnWrite != null) OnWrite(this, _written, _writtenLength);
            return LinkStatus.Ok;
        }

        /// <summary>Serves scripted bytes.</summary>
        public LinkStatus Read(byte[] buffer, int offset, int count, int timeoutMs, out int read)
        {
            read = 0;
            BytesRequested += count;
            if (_chunks.Count == 0)
            {
                if (CloseWhenEmpty) return LinkStatus.Closed;
                _clock.Advance(timeoutMs);
                return LinkStatus.Timeout;
            }
            byte[] chunk = (byte[])_chunks[0];
            int n = chunk.Length - _chunkOffset;
            if (n > count) n = count;
            Array.Copy(chunk, _chunkOffset, buffer, offset, n);
            _chunkOffset += n;
            if (_chunkOffset == chunk.Length)
            {
                _chunks.RemoveAt(0);
                _chunkOffset = 0;
            }
            read = n;
            return LinkStatus.Ok;
        }

        /// <summary>Marks the link closed.</summary>
        public void Dispose()
        {
            Disposed = true;
        }
    }
}
