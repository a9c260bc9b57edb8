using System;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// A DUKPT key serial number: 10 bytes for TDES DUKPT (ANSI X9.24-1:2009: 59-bit initial KSN, then a 21-bit
    /// transaction counter) or 12 bytes for AES DUKPT (ANSI X9.24-3-2017: 8-byte initial key ID = 4-byte BDK ID
    /// and 4-byte derivation ID, then a 32-bit transaction counter). The KSN is not secret (it travels in the
    /// clear next to the PIN block), so <see cref="ToString"/> shows it in hex; it never holds key bytes.
    /// On the terminal the KSN register lives in <see cref="DukptTdesDevice"/> / <see cref="DukptAesDevice"/>; this type
    /// carries a KSN in (an initial KSN to load) and out (the KSN of a transaction's keys, for the request and display).
    /// </summary>
    public sealed class Ksn
    {
        /// <summary>Length of a TDES DUKPT KSN in bytes (X9.24-1).</summary>
        public const int TdesLength = 10;

        /// <summary>Length of an AES DUKPT KSN in bytes (X9.24-3).</summary>
        public const int AesLength = 12;

        /// <summary>Length of the AES DUKPT initial key ID, the leftmost bytes of an AES KSN.</summary>
        public const int AesInitialKeyIdLength = 8;

        private readonly byte[] _bytes;

        /// <summary>Copies a KSN of <paramref name="length"/> bytes (10 = TDES, 12 = AES).</summary>
        public Ksn(byte[] src, int offset, int length)
        {
            if (src == null) throw new ArgumentNullException();
            if (length != TdesLength && length != AesLength) throw new ArgumentException();
            if (offset < 0 || offset + length > src.Length) throw new ArgumentOutOfRangeException();
            _bytes = new byte[length];
            Array.Copy(src, offset, _bytes, 0, length);
        }

        /// <summary>The initial AES KSN of a device: the 8-byte initial key ID followed by a zero counter.</summary>
        public static Ksn FromAesInitialKeyId(byte[] initialKeyId, int offset)
        {
            if (initialKeyId == null) throw new ArgumentNullException();
            if (offset < 0 || offset + AesInitialKeyIdLength > initialKeyId.Length) throw new ArgumentOutOfRangeException();
            byte[] b = new byte[AesLength];
            Array.Copy(initialKeyId, offset, b, 0, AesInitialKeyIdLength);
            return new Ksn(b, 0, AesLength);
        }

        /// <summary>
        /// Parses 20 (TDES) or 24 (AES) hex digits, either case, no separators. Returns false, with
        /// <paramref name="ksn"/> null, on any other length or character.
        /// </summary>
        public static bool TryParse(string hex, out Ksn ksn)
        {
            ksn = null;
            if (hex == null) return false;
            if (hex.Length != 2 * TdesLength && hex.Length != 2 * AesLength) return false;
            byte[] b = new byte[hex.Length / 2];
            for (int i = 0; i < b.Length; i++)
            {
                int hi = Hex.NibbleOf(hex[2 * i]);
                int lo = Hex.NibbleOf(hex[2 * i + 1]);
                if (hi < 0 || lo < 0) return false;
                b[i] = (byte)((hi << 4) | lo);
            }
            ksn = new Ksn(b, 0, b.Length);
            return true;
        }

        /// <summary>10 (TDES) or 12 (AES).</summary>
        public int Length
        {
            get { return _bytes.Length; }
        }

        /// <summary>True for a 12-byte AES DUKPT KSN.</summary>
        public bool IsAes
        {
            get { return _bytes.Length == AesLength; }
        }

        /// <summary>One byte of the KSN.</summary>
        public byte this[int index]
        {
            get { return _bytes[index]; }
        }

        /// <summary>The transaction counter: 21 bits (TDES) or 32 bits (AES).</summary>
        public uint Counter
        {
            get { return IsAes ? DukptAes.ReadCounter(_bytes, 0) : DukptTdes.ReadCounter(_bytes, 0); }
        }

        /// <summary>True when the counter is one a device may use for a transaction (non-zero, few enough one-bits).</summary>
        public bool IsCounterValid
        {
            get { return IsAes ? DukptAes.IsValidCounter(Counter) : DukptTdes.IsValidCounter(Counter); }
        }

        /// <summary>
        /// Moves the counter to the next valid value, skipping counters with too many one-bits (X9.24-1: more than
        /// 10; X9.24-3: more than 16). Returns <see cref="DukptStatus.Exhausted"/>, leaving the KSN unchanged, when
        /// no valid counter is left.
        /// </summary>
        public DukptStatus Advance()
        {
            uint next;
            DukptStatus s = IsAes ? DukptAes.NextCounter(Counter, out next) : DukptTdes.NextCounter(Counter, out next);
            if (s != DukptStatus.Ok) return s;
            WriteCounter(next);
            return DukptStatus.Ok;
        }

        /// <summary>
        /// Sets the counter (0 = the initial KSN, or any valid transaction counter). Returns
        /// <see cref="DukptStatus.CounterInvalid"/>, leaving the KSN unchanged, for any other value.
        /// </summary>
        public DukptStatus SetCounter(uint counter)
        {
            bool ok = counter == 0
                || (IsAes ? DukptAes.IsValidCounter(counter) : DukptTdes.IsValidCounter(counter));
            if (!ok) return DukptStatus.CounterInvalid;
            WriteCounter(counter);
            return DukptStatus.Ok;
        }

        /// <summary>Copies the <see cref="Length"/> KSN bytes into <paramref name="dst"/>.</summary>
        public void CopyTo(byte[] dst, int offset)
        {
            Array.Copy(_bytes, 0, dst, offset, _bytes.Length);
        }

        /// <summary>The KSN in upper-case hex (a KSN is not secret).</summary>
        public override string ToString()
        {
            return Hex.Encode(_bytes, 0, _bytes.Length);
        }

        /// <summary>The KSN bytes, for the derivation overloads of <see cref="DukptTdes"/> and <see cref="DukptAes"/>.</summary>
        internal byte[] Bytes
        {
            get { return _bytes; }
        }

        private void WriteCounter(uint counter)
        {
            if (IsAes) DukptAes.WriteCounter(counter, _bytes, 0);
            else DukptTdes.WriteCounter(counter, _bytes, 0);
        }
    }
}
