using System;
using PosTerminal.Hal;
using PosTerminal.Util;

namespace PosTerminal.Storage
{
    /// <summary>
    /// Power-safe records over a non-atomic <see cref="INonVolatileStore"/>. Each record has two slots
    /// ("name.0", "name.1"); a save writes the slot that does not hold the newest valid copy, with a higher
    /// sequence number and a CRC-32, so a power cut at any byte leaves the old or the new record readable.
    /// Slot image: [magic 'P' 'R'][format 1][version][sequence u32 BE][length u16 BE][payload][CRC-32 u32 BE].
    /// </summary>
    public sealed class RecordStore
    {
        /// <summary>
        /// Largest payload a record may have: room for the biggest record, an AES-256 DUKPT device (32 future-key
        /// registers of 32 bytes, ANSI X9.24-3) with its header and key-ID history.
        /// </summary>
        public const int MaxPayload = 1280;

        private const byte Magic0 = (byte)'P';
        private const byte Magic1 = (byte)'R';
        private const byte Format = 1;
        private const int HeaderBytes = 10;
        private const int CrcBytes = 4;

        private readonly INonVolatileStore _store;
        private readonly byte[] _slot = new byte[HeaderBytes + MaxPayload + CrcBytes];

        /// <summary>Records kept in <paramref name="store"/>.</summary>
        public RecordStore(INonVolatileStore store)
        {
            if (store == null) throw new ArgumentNullException();
            _store = store;
        }

        /// <summary>
        /// Reads the newest valid copy of record <paramref name="name"/> into <paramref name="payload"/>.
        /// Returns its length, or -1 when neither slot holds a valid record. <paramref name="version"/> is the
        /// version the record was saved with.
        /// </summary>
        public int Load(string name, byte[] payload, int offset, out int version)
        {
            return LoadCopy(name, 0, payload, offset, out version);
        }

        /// <summary>
        /// Reads valid copy <paramref name="rank"/> of record <paramref name="name"/>: 0 = the newest, 1 = the other one
        /// (the copy before the last save), for a caller whose own checks reject the newest. Returns its length, or -1
        /// when there is no such valid copy (or it does not fit).
        /// </summary>
        public int LoadCopy(string name, int rank, byte[] payload, int offset, out int version)
        {
            lock (_slot)
            {
                version = -1;
                int slot = SlotOfCopy(name, rank);
                if (slot < 0) return -1;
                uint sq;
                bool present;
                int length = ReadSlot(name, slot, out sq, out version, out present);
                if (length < 0 || length > payload.Length - offset)
                {
                    version = -1;
                    Array.Clear(_slot, 0, _slot.Length);
                    return -1;
                }
                Array.Copy(_slot, HeaderBytes, payload, offset, length);
                Array.Clear(_slot, 0, _slot.Length);
                return length;
            }
        }

        /// <summary>
        /// Slots of record <paramref name="name"/> (0..2) that hold bytes but no valid copy: a write cut short by a power
        /// loss, or a corrupted medium. An absent slot is not damaged.
        /// </summary>
        public int DamagedSlots(string name)
        {
            lock (_slot)
            {
                int damaged = 0;
                for (int s = 0; s < 2; s++)
                {
                    uint seq;
                    int v;
                    bool present;
                    if (ReadSlot(name, s, out seq, out v, out present) < 0 && present) damaged++;
                }
                Array.Clear(_slot, 0, _slot.Length);
                return damaged;
            }
        }

        /// <summary>
        /// Erases valid copy <paramref name="rank"/> of record <paramref name="name"/> (0 = the newest), so that the next
        /// <see cref="Save"/> writes over it rather than over the other copy: for a caller whose own checks rejected
        /// that copy and who loaded the other one, which must survive a power cut during the next save. Returns false
        /// when the medium failed; true also when there was no such copy.
        /// </summary>
        public bool Discard(string name, int rank)
        {
            lock (_slot)
            {
                int slot = SlotOfCopy(name, rank);
                Array.Clear(_slot, 0, _slot.Length);
                if (slot < 0) return true;
                return _store.Write(SlotName(name, slot), _slot, 0, 0);
            }
        }

        /// <summary>
        /// Saves a new copy of record <paramref name="name"/>; the previous copy stays intact until this one is
        /// complete. Returns false when the medium reported a failure.
        /// </summary>
        public bool Save(string name, int version, byte[] payload, int offset, int count)
        {
            if (count < 0 || count > MaxPayload || version < 0 || version > 255) throw new ArgumentOutOfRangeException();
            lock (_slot)
            {
                int newest = SlotOfCopy(name, 0);
                uint newestSeq = 0;
                if (newest >= 0)
                {
                    int v;
                    bool present;
                    ReadSlot(name, newest, out newestSeq, out v, out present);
                }
                int target = newest == 0 ? 1 : 0;
                uint next = newest < 0 ? 1 : newestSeq + 1;
                _slot[0] = Magic0;
                _slot[1] = Magic1;
                _slot[2] = Format;
                _slot[3] = (byte)version;
                Bytes.WriteUInt32BE(next, _slot, 4);
                Bytes.WriteUInt16BE(count, _slot, 8);
                Array.Copy(payload, offset, _slot, HeaderBytes, count);
                uint crc = Crc32.Compute(_slot, 0, HeaderBytes + count);
                Bytes.WriteUInt32BE(crc, _slot, HeaderBytes + count);
                bool ok = _store.Write(SlotName(name, target), _slot, 0, HeaderBytes + count + CrcBytes);
                Array.Clear(_slot, 0, _slot.Length);
                return ok;
            }
        }

        /// <summary>
        /// <see cref="Save"/>, then the same image into the other slot as well, so the previous copy does not stay on
        /// the medium (for records holding secrets). A power cut during the second write leaves the new copy in the
        /// first slot. Returns false when the first write failed (the second failing is harmless).
        /// </summary>
        public bool SaveMirrored(string name, int version, byte[] payload, int offset, int count)
        {
            if (!Save(name, version, payload, offset, count)) return false;
            Save(name, version, payload, offset, count);
            return true;
        }

        // The slot holding valid copy `rank` (0 = highest sequence), or -1.
        private int SlotOfCopy(string name, int rank)
        {
            int newest = -1;
            int other = -1;
            uint newestSeq = 0;
            for (int s = 0; s < 2; s++)
            {
                uint seq;
                int v;
                bool present;
                if (ReadSlot(name, s, out seq, out v, out present) < 0) continue;
                if (newest < 0 || seq > newestSeq)
                {
                    other = newest;
                    newest = s;
                    newestSeq = seq;
                }
                else
                {
                    other = s;
                }
            }
            return rank == 0 ? newest : rank == 1 ? other : -1;
        }

        // Reads and checks one slot into _slot; returns the payload length or -1. present: the slot holds any bytes.
        private int ReadSlot(string name, int slot, out uint sequence, out int version, out bool present)
        {
            sequence = 0;
            version = -1;
            int n = _store.Read(SlotName(name, slot), _slot, 0, _slot.Length);
            present = n > 0;
            if (n < HeaderBytes + CrcBytes) return -1;
            if (_slot[0] != Magic0 || _slot[1] != Magic1 || _slot[2] != Format) return -1;
            int length = Bytes.ReadUInt16BE(_slot, 8);
            if (length > MaxPayload || HeaderBytes + length + CrcBytes > n) return -1;
            uint crc = Bytes.ReadUInt32BE(_slot, HeaderBytes + length);
            if (crc != Crc32.Compute(_slot, 0, HeaderBytes + length)) return -1;
            sequence = Bytes.ReadUInt32BE(_slot, 4);
            version = _slot[3];
            return length;
        }

        private static string SlotName(string name, int slot)
        {
            return slot == 0 ? name + ".0" : name + ".1";
        }
    }
}
