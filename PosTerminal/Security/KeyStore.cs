using System;
using PosTerminal.Storage;
using PosTerminal.Util;

namespace PosTerminal.Security
{
    /// <summary>
    /// The terminal's keys by typed slot, persisted as one power-safe record ("keys"): a sign-on replaces its
    /// working keys together, or not at all. Replaced and removed keys are wiped, in RAM and on the medium (both
    /// slots of the record end up holding the new set). Only check values are ever shown.
    /// On the device the record sits on the internal flash: production boards must enable ESP32 flash encryption
    /// (the keys are stored in clear inside it), see hardware/README.md.
    /// </summary>
    public sealed class KeyStore : IDisposable
    {
        /// <summary>Name of the record.</summary>
        public const string RecordName = "keys";

        private const int Version = 1;
        private const int SlotCount = 6;          // slot numbers 1..5 (KeySlot) index this array
        private readonly RecordStore _store;
        private readonly SecretKey[] _keys = new SecretKey[SlotCount];
        private readonly object _sync = new object();

        /// <summary>A key store kept in <paramref name="store"/>; loads what is saved there.</summary>
        public KeyStore(RecordStore store)
        {
            if (store == null) throw new ArgumentNullException();
            _store = store;
            Load();
        }

        /// <summary>The key in <paramref name="slot"/>, or null. The store keeps ownership: do not dispose it.</summary>
        public SecretKey Get(KeySlot slot)
        {
            lock (_sync) return _keys[(int)slot];
        }

        /// <summary>True when <paramref name="slot"/> holds a key.</summary>
        public bool Has(KeySlot slot)
        {
            return Get(slot) != null;
        }

        /// <summary>
        /// Puts <paramref name="key"/> (taking ownership) into <paramref name="slot"/> and saves; false when saving
        /// failed (then nothing changed). A new master key also removes the working keys wrapped under the old one.
        /// </summary>
        public bool Put(KeySlot slot, SecretKey key)
        {
            if (slot == KeySlot.MasterKey)
            {
                KeySlot[] all = { KeySlot.MasterKey, KeySlot.PinKey, KeySlot.MacKey, KeySlot.TrackKey };
                SecretKey[] set = { key, null, null, null };
                return PutAll(all, set);
            }
            KeySlot[] slots = { slot };
            SecretKey[] keys = { key };
            return PutAll(slots, keys);
        }

        /// <summary>
        /// Replaces several slots at once (a null key empties its slot) with a single record write, so a power cut
        /// leaves the old set or the new one. Takes ownership of the keys. False when saving failed: then the old
        /// keys stay and the new ones are wiped.
        /// </summary>
        public bool PutAll(KeySlot[] slots, SecretKey[] keys)
        {
            lock (_sync)
            {
                SecretKey[] next = new SecretKey[SlotCount];
                Array.Copy(_keys, next, SlotCount);
                for (int i = 0; i < slots.Length; i++) next[(int)slots[i]] = keys[i];
                if (!Save(next))
                {
                    for (int i = 0; i < keys.Length; i++)
                    {
                        if (keys[i] != null && keys[i] != _keys[(int)slots[i]]) keys[i].Dispose();
                    }
                    return false;
                }
                for (int s = 0; s < SlotCount; s++)
                {
                    if (_keys[s] != null && _keys[s] != next[s]) _keys[s].Dispose();
                    _keys[s] = next[s];
                }
                return true;
            }
        }

        /// <summary>Empties a slot (wiping its key) and saves.</summary>
        public bool Remove(KeySlot slot)
        {
            KeySlot[] slots = { slot };
            SecretKey[] keys = { null };
            return PutAll(slots, keys);
        }

        /// <summary>Wipes every key in memory (the saved record is left as it is).</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                for (int s = 0; s < SlotCount; s++)
                {
                    if (_keys[s] != null) _keys[s].Dispose();
                    _keys[s] = null;
                }
            }
        }

        // Record: per present key [slot][algorithm][length][key bytes].
        private bool Save(SecretKey[] keys)
        {
            byte[] buf = new byte[SlotCount * 35];
            int p = 0;
            for (int s = 1; s < SlotCount; s++)
            {
                SecretKey k = keys[s];
                if (k == null) continue;
                buf[p++] = (byte)s;
                buf[p++] = (byte)k.Algorithm;
                buf[p++] = (byte)k.Length;
                Array.Copy(k.Key, 0, buf, p, k.Length);
                p += k.Length;
            }
            // Mirrored: once the new set is safely written, the older slot is overwritten too, so a replaced key
            // does not stay behind in the other slot.
            bool ok = _store.SaveMirrored(RecordName, Version, buf, 0, p);
            Bytes.Wipe(buf);
            return ok;
        }

        private void Load()
        {
            byte[] buf = new byte[SlotCount * 35];
            int version;
            int n = _store.Load(RecordName, buf, 0, out version);
            int p = 0;
            while (n > 0 && p + 3 <= n)
            {
                int slot = buf[p];
                KeyAlgorithm alg = (KeyAlgorithm)buf[p + 1];
                int len = buf[p + 2];
                p += 3;
                if (slot < 1 || slot >= SlotCount || p + len > n || !SecretKey.IsValidLength(alg, len)) break;
                _keys[slot] = new SecretKey(alg, buf, p, len);
                p += len;
            }
            Bytes.Wipe(buf);
        }
    }
}
