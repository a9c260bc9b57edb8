using System;
using PosTerminal.TechConsole;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// The console's password blobs in RAM, one per role, with the "must change" flag; <see cref="FailWrites"/> makes
    /// writes fail, <see cref="ThrowOnRead"/> makes a read throw (a crash in the middle of a password check).
    /// </summary>
    public sealed class MemoryPasswordStore : IPasswordStore
    {
        private readonly byte[][] _blobs = new byte[3][];
        private readonly bool[] _mustChange = new bool[3];

        /// <summary>Writes report failure and change nothing.</summary>
        public bool FailWrites;

        /// <summary>Reads throw <see cref="InvalidOperationException"/>.</summary>
        public bool ThrowOnRead;

        /// <summary>Completed writes.</summary>
        public int Writes;

        /// <summary>The stored blob of a role (a copy), or null.</summary>
        public byte[] Blob(ConsoleRole role)
        {
            byte[] b = _blobs[(int)role];
            return b == null ? null : (byte[])b.Clone();
        }

        /// <summary>The stored flag of a role.</summary>
        public bool MustChange(ConsoleRole role)
        {
            return _mustChange[(int)role];
        }

        /// <summary>Copies the blob out.</summary>
        public int ReadPassword(ConsoleRole role, byte[] blob, int offset, out bool mustChange)
        {
            if (ThrowOnRead) throw new InvalidOperationException();
            mustChange = _mustChange[(int)role];
            byte[] b = _blobs[(int)role];
            if (b == null) return 0;
            Array.Copy(b, 0, blob, offset, b.Length);
            return b.Length;
        }

        /// <summary>Replaces the blob (unless writes fail).</summary>
        public bool WritePassword(ConsoleRole role, byte[] blob, int offset, int count, bool mustChange)
        {
            if (FailWrites) return false;
            byte[] b = new byte[count];
            Array.Copy(blob, offset, b, 0, count);
            _blobs[(int)role] = b;
            _mustChange[(int)role] = mustChange;
            Writes++;
            return true;
        }
    }
}
