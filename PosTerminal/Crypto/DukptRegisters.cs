using System;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// The registers of a DUKPT originating device and the bookkeeping both kinds share, held by
    /// <see cref="DukptTdesDevice"/> (X9.24-1:2009 A.2: 21 future key registers, each with an "LRC valid" mark) and
    /// <see cref="DukptAesDevice"/> (X9.24-3-2017 B.6.3: 32 intermediate derivation key registers, each with an "in
    /// use" mark): the key registers and their marks, the KSN register, the current key pointer, and whether a key is
    /// loaded and whether the device ceased operation. Register i belongs to counter bit 2^i and stands at
    /// <see cref="Offset"/>(i) of <see cref="Keys"/>, <see cref="KeyLength"/> bytes; its mark is bit i of
    /// <see cref="Valid"/>.
    /// <para>
    /// The owner knows its KSN layout and its derivations: it reads and writes the counter in <see cref="Ksn"/>,
    /// derives keys straight into <see cref="Keys"/> and marks them with <see cref="SetValid"/>. Selecting a
    /// transaction's register, erasing it, ceasing, and the flags, KSN, marks and registers of a state image are
    /// done here. Allocates only in its constructor; nothing here puts key bytes in a string or an exception.
    /// Not thread-safe.
    /// </para>
    /// </summary>
    internal sealed class DukptRegisters
    {
        // Flags byte of both devices' state images.
        private const byte FlagLoaded = 0x01;
        private const byte FlagCeased = 0x02;

        private readonly byte[] _keys;
        private readonly int _count;
        private readonly uint _allMarks;
        private readonly int _emptyKeyLength;
        private readonly byte[] _ksn;
        private readonly byte[] _scratchKsn;
        private int _keyLength;
        private uint _valid;
        private bool _loaded;
        private bool _ceased;
        private int _current = -1;                                  // current key pointer during a transaction

        /// <summary>
        /// <paramref name="count"/> registers (at most 32) with room for keys of <paramref name="maxKeyLength"/> bytes
        /// and a KSN register of <paramref name="ksnLength"/> bytes. <paramref name="emptyKeyLength"/> is the key length
        /// of the empty device: the fixed one, or 0 when a load sets it.
        /// </summary>
        internal DukptRegisters(int count, int maxKeyLength, int emptyKeyLength, int ksnLength)
        {
            _keys = new byte[count * maxKeyLength];
            _count = count;
            _allMarks = (uint)((1UL << count) - 1);
            _emptyKeyLength = emptyKeyLength;
            _keyLength = emptyKeyLength;
            _ksn = new byte[ksnLength];
            _scratchKsn = new byte[ksnLength];
        }

        /// <summary>The register bytes: register i at <see cref="Offset"/>(i), <see cref="KeyLength"/> bytes.</summary>
        internal byte[] Keys
        {
            get { return _keys; }
        }

        /// <summary>Length of a register's key, the distance between registers in <see cref="Keys"/>.</summary>
        internal int KeyLength
        {
            get { return _keyLength; }
        }

        /// <summary>The marks: bit i set when register i holds a key.</summary>
        internal uint Valid
        {
            get { return _valid; }
        }

        /// <summary>Number of registers holding a key.</summary>
        internal int ValidCount
        {
            get { return DukptCounter.OneBits(_valid); }
        }

        /// <summary>The KSN register; its counter bits (the owner's layout) are the counter.</summary>
        internal byte[] Ksn
        {
            get { return _ksn; }
        }

        /// <summary>A KSN for the derivations of a load, between <see cref="StartLoad"/> and <see cref="EndLoad"/>.</summary>
        internal byte[] ScratchKsn
        {
            get { return _scratchKsn; }
        }

        /// <summary>True once an initial key has been loaded (also after the device ceased operation).</summary>
        internal bool IsLoaded
        {
            get { return _loaded; }
        }

        /// <summary>True when the device ceased operation: the counter ran out.</summary>
        internal bool IsCeased
        {
            get { return _ceased; }
        }

        /// <summary>Offset of register <paramref name="register"/> in <see cref="Keys"/>.</summary>
        internal int Offset(int register)
        {
            return register * _keyLength;
        }

        /// <summary>Marks register <paramref name="register"/> as holding a key.</summary>
        internal void SetValid(int register)
        {
            _valid |= 1u << register;
        }

        /// <summary>Copies the KSN register to <paramref name="dst"/>.</summary>
        internal void CopyKsn(byte[] dst, int offset)
        {
            CryptoArgs.CheckRange(dst, offset, _ksn.Length);
            Array.Copy(_ksn, 0, dst, offset, _ksn.Length);
        }

        /// <summary>
        /// Offset in <see cref="Keys"/> of the current register (the transaction's key). Throws
        /// <see cref="InvalidOperationException"/> outside a transaction.
        /// </summary>
        internal int CurrentOffset()
        {
            if (_current < 0) throw new InvalidOperationException();
            return _current * _keyLength;
        }

        /// <summary>
        /// Copies the current register's key (<see cref="KeyLength"/> bytes) to <paramref name="dst"/>. Throws
        /// <see cref="InvalidOperationException"/> outside a transaction.
        /// </summary>
        internal void CopyCurrentKey(byte[] dst, int offset)
        {
            if (_current < 0) throw new InvalidOperationException();
            CryptoArgs.CheckRange(dst, offset, _keyLength);
            Array.Copy(_keys, _current * _keyLength, dst, offset, _keyLength);
        }

        /// <summary>
        /// First step of a load: empties the device, takes <paramref name="keyLength"/>, and copies the KSN at
        /// <paramref name="ksn"/>[<paramref name="ksnOffset"/>] to <see cref="Ksn"/> and <see cref="ScratchKsn"/>. The
        /// owner then writes its first counter into <see cref="Ksn"/>, derives the registers (counters written into
        /// <see cref="ScratchKsn"/>) and calls <see cref="EndLoad"/>.
        /// </summary>
        internal void StartLoad(byte[] ksn, int ksnOffset, int keyLength)
        {
            Clear();
            _keyLength = keyLength;
            Array.Copy(ksn, ksnOffset, _ksn, 0, _ksn.Length);
            Array.Copy(ksn, ksnOffset, _scratchKsn, 0, _scratchKsn.Length);
        }

        /// <summary>Last step of a load: wipes <see cref="ScratchKsn"/>; the device is loaded.</summary>
        internal void EndLoad()
        {
            Array.Clear(_scratchKsn, 0, _scratchKsn.Length);
            _loaded = true;
        }

        /// <summary>
        /// Starts a transaction ("Request PIN Entry 1" of X9.24-1 A.2, Set_Shift_Register of X9.24-3 B.6.3): the
        /// current key pointer takes the register of <paramref name="counter"/>'s rightmost one-bit; while that
        /// register holds no key, the counter advances by that bit (the shift register). Returns
        /// <see cref="DukptStatus.Exhausted"/> when the device has ceased, or ceases here because the counter would pass
        /// <paramref name="limit"/>. <paramref name="counter"/> (the KSN register's, non-zero) comes back as the last
        /// one reached, for the owner to write into <see cref="Ksn"/>. Throws <see cref="InvalidOperationException"/>
        /// when no key was loaded.
        /// </summary>
        internal DukptStatus BeginTransaction(ref long counter, long limit)
        {
            if (!_loaded) throw new InvalidOperationException();
            if (_ceased) return DukptStatus.Exhausted;
            while (true)
            {
                int b = LowestBit((uint)counter);
                if ((_valid & (1u << b)) != 0)
                {
                    _current = b;
                    return DukptStatus.Ok;
                }
                long next = counter + (1L << b);
                if (next > limit)
                {
                    Cease();
                    return DukptStatus.Exhausted;
                }
                counter = next;
            }
        }

        /// <summary>
        /// The current key pointer of the transaction in progress, which ends with it. Throws
        /// <see cref="InvalidOperationException"/> outside a transaction.
        /// </summary>
        internal int TakeCurrent()
        {
            if (_current < 0) throw new InvalidOperationException();
            int b = _current;
            _current = -1;
            return b;
        }

        /// <summary>
        /// End of "New Key", after the owner filled the registers right of <paramref name="register"/>: erases that
        /// register ("Erase the key at [Current Key Pointer]", its mark cleared) and, when <paramref name="next"/>
        /// passes <paramref name="limit"/>, ceases ("New Key-2": every register wiped) and returns
        /// <see cref="DukptStatus.Exhausted"/>. Ok otherwise; the owner then writes <paramref name="next"/> into
        /// <see cref="Ksn"/>.
        /// </summary>
        internal DukptStatus EndTransaction(int register, long next, long limit)
        {
            Array.Clear(_keys, register * _keyLength, _keyLength);
            _valid &= ~(1u << register);
            if (next > limit)
            {
                Cease();
                return DukptStatus.Exhausted;
            }
            return DukptStatus.Ok;
        }

        /// <summary>
        /// The shared part of a state image: flags (loaded, ceased) at <paramref name="flagsOffset"/>, the KSN register
        /// at <paramref name="ksnOffset"/>, the marks (u32 BE) at <paramref name="validOffset"/>, and every register,
        /// marked or not, in order from <paramref name="registersOffset"/> (count × <see cref="KeyLength"/> bytes).
        /// </summary>
        internal void WriteState(byte[] dst, int flagsOffset, int ksnOffset, int validOffset, int registersOffset)
        {
            dst[flagsOffset] = (byte)((_loaded ? FlagLoaded : 0) | (_ceased ? FlagCeased : 0));
            Array.Copy(_ksn, 0, dst, ksnOffset, _ksn.Length);
            Bytes.WriteUInt32BE(_valid, dst, validOffset);
            Array.Copy(_keys, 0, dst, registersOffset, _count * _keyLength);
        }

        /// <summary>
        /// Takes the shared part of a state image laid out as <see cref="WriteState"/> writes it, into registers just
        /// <see cref="Clear"/>ed, with registers of <paramref name="keyLength"/> bytes (0 in an image of an empty device
        /// whose key length a load sets); only the marked registers are read. <paramref name="counterValid"/> tells
        /// whether the image's counter is one the device may use. Returns false, changing nothing, for an inconsistent
        /// image: unknown flags; marks beyond the registers; not loaded but ceased, marked, or with another key length
        /// than an empty device's; loaded with key length 0; ceased with marks; in operation with an unusable counter.
        /// True for a consistent image of an empty device, which leaves the registers empty.
        /// </summary>
        internal bool ReadState(byte[] src, int flagsOffset, int ksnOffset, int validOffset, int registersOffset, int keyLength,
            bool counterValid)
        {
            byte flags = src[flagsOffset];
            uint valid = Bytes.ReadUInt32BE(src, validOffset);
            if ((flags & ~(FlagLoaded | FlagCeased)) != 0 || (valid & ~_allMarks) != 0) return false;
            bool loaded = (flags & FlagLoaded) != 0;
            bool ceased = (flags & FlagCeased) != 0;
            if (!loaded) return !ceased && valid == 0 && keyLength == _emptyKeyLength;
            if (keyLength == 0) return false;
            if (ceased ? valid != 0 : !counterValid) return false;
            _keyLength = keyLength;
            Array.Copy(src, ksnOffset, _ksn, 0, _ksn.Length);
            for (int i = 0; i < _count; i++)
            {
                if ((valid & (1u << i)) != 0) Array.Copy(src, registersOffset + i * keyLength, _keys, i * keyLength, keyLength);
            }
            _valid = valid;
            _loaded = true;
            _ceased = ceased;
            return true;
        }

        /// <summary>
        /// "<paramref name="device"/>, KSN ..., n <paramref name="keys"/>" (a KSN is not secret), or
        /// "<paramref name="device"/>, no key" / ", exhausted"; never a key.
        /// </summary>
        internal string Describe(string device, string keys)
        {
            if (!_loaded) return device + ", no key";
            return device + ", KSN " + Hex.Encode(_ksn, 0, _ksn.Length)
                + (_ceased ? ", exhausted" : ", " + ValidCount.ToString() + " " + keys);
        }

        /// <summary>Wipes every register and the KSN, forgets the key length of a load; the device is empty.</summary>
        internal void Clear()
        {
            Array.Clear(_keys, 0, _keys.Length);
            Array.Clear(_ksn, 0, _ksn.Length);
            Array.Clear(_scratchKsn, 0, _scratchKsn.Length);
            _keyLength = _emptyKeyLength;
            _valid = 0;
            _loaded = false;
            _ceased = false;
            _current = -1;
        }

        /// <summary>
        /// The counter whose key register <paramref name="register"/> holds when <paramref name="next"/> (non-zero) is
        /// the next counter to use, or 0 when it holds none: the register of next's lowest one-bit holds the key of
        /// next itself; the register of every higher zero bit the key of next's bits above it plus that bit (filled
        /// when that prefix was used); all others are empty. For an initial KSN's next counter 1, register i holds the
        /// key of 2^i. What a device loaded at a KSN holds (<c>Load</c> of both devices).
        /// </summary>
        internal static uint HeldCounter(uint next, int register)
        {
            uint bit = 1u << register;
            uint upTo = (uint)(((ulong)bit << 1) - 1);              // bits 0..register
            uint low = next & upTo;
            if (low == 0) return 0;                                // right of the lowest one-bit: never filled
            if (low == bit) return next;                           // the lowest one-bit's register
            if ((next & bit) != 0) return 0;                       // another one-bit: its key was used
            return (next & ~upTo) | bit;
        }

        // X9.24-1 A.2 "New Key-2" / X9.24-3 past FFFF0000: the counter ran out; nothing is usable any more, so nothing
        // is kept but the KSN register.
        private void Cease()
        {
            Array.Clear(_keys, 0, _keys.Length);
            _valid = 0;
            _current = -1;
            _ceased = true;
        }

        // Index of the rightmost one-bit of a non-zero counter ("Set Bit": the shift register's position).
        private static int LowestBit(uint counter)
        {
            int b = 0;
            while ((counter & (1u << b)) == 0) b++;
            return b;
        }
    }
}
