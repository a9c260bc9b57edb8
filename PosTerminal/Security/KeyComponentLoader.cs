using System;
using PosTerminal.Util;

namespace PosTerminal.Security
{
    /// <summary>
    /// Loads a key (TMK or DUKPT initial key) from 2 or 3 clear components entered by different custodians: each
    /// component's check value is shown for its custodian to compare with the paper form, the key is the XOR of
    /// all components, and its check value must match the expected one before it is accepted (the split-knowledge
    /// procedure of ANSI X9.24-1 / PCI PIN requirement 5). Component bytes are wiped as soon as they are folded in.
    /// </summary>
    public sealed class KeyComponentLoader : IDisposable
    {
        private readonly KeyAlgorithm _algorithm;
        private readonly int _length;
        private readonly int _expected;
        private byte[] _sum;
        private readonly byte[][] _seen = new byte[3][];
        private int _added;

        /// <summary>A loader for a key of <paramref name="algorithm"/> and <paramref name="length"/> bytes from 2 or 3 components.</summary>
        public KeyComponentLoader(KeyAlgorithm algorithm, int length, int components)
        {
            if (!SecretKey.IsValidLength(algorithm, length) || components < 2 || components > 3) throw new ArgumentException();
            _algorithm = algorithm;
            _length = length;
            _expected = components;
            _sum = new byte[length];
        }

        /// <summary>Components folded in so far.</summary>
        public int ComponentsAdded
        {
            get { return _added; }
        }

        /// <summary>
        /// Adds a component; on Ok, <paramref name="checkValue"/> is the component's own check value (as if it were a
        /// key) for the custodian to verify. An all-zero component, or one equal to an earlier one, is refused
        /// (WeakKey). The caller wipes its copy of the component.
        /// </summary>
        public KeyLoadStatus AddComponent(byte[] component, int offset, int length, out string checkValue)
        {
            checkValue = null;
            if (_added >= _expected) return KeyLoadStatus.TooManyComponents;
            if (length != _length) return KeyLoadStatus.WrongLength;
            // Split knowledge: an all-zero component, or one entered twice, would let one custodian know the key.
            bool zero = true;
            for (int i = 0; i < length; i++) zero &= component[offset + i] == 0;
            if (zero) return KeyLoadStatus.WeakKey;
            for (int c = 0; c < _added; c++)
            {
                if (Bytes.Equal(_seen[c], 0, component, offset, length)) return KeyLoadStatus.WeakKey;
            }
            _seen[_added] = Bytes.Copy(component, offset, length);
            using (SecretKey asKey = new SecretKey(_algorithm, component, offset, length))
            {
                checkValue = asKey.CheckValue;
            }
            for (int i = 0; i < _length; i++) _sum[i] ^= component[offset + i];
            _added++;
            return KeyLoadStatus.Ok;
        }

        /// <summary>
        /// Combines the components. <paramref name="expectedCheckValue"/> (6 hex digits) must match the result's check
        /// value; on Ok, <paramref name="key"/> is the new key (owned by the caller).
        /// </summary>
        public KeyLoadStatus Complete(string expectedCheckValue, out SecretKey key)
        {
            key = null;
            if (_added < _expected) return KeyLoadStatus.MissingComponents;
            bool zero = true;
            for (int i = 0; i < _length; i++) zero &= _sum[i] == 0;
            if (zero) return KeyLoadStatus.WeakKey;
            SecretKey k = new SecretKey(_algorithm, _sum, 0, _length);
            if (!CheckValueMatches(k.CheckValue, expectedCheckValue))
            {
                k.Dispose();
                return KeyLoadStatus.CheckValueMismatch;
            }
            key = k;
            return KeyLoadStatus.Ok;
        }

        /// <summary>Wipes the partial sum and the components.</summary>
        public void Dispose()
        {
            Bytes.Wipe(_sum);
            _sum = null;
            for (int c = 0; c < _seen.Length; c++)
            {
                Bytes.Wipe(_seen[c]);
                _seen[c] = null;
            }
        }

        /// <summary>
        /// True when <paramref name="expected"/> (6 hex digits, either case: a 3-byte check value, X9.24-1) equals
        /// <paramref name="actual"/>, compared in constant time.
        /// </summary>
        internal static bool CheckValueMatches(string actual, string expected)
        {
            if (expected == null || expected.Length != SecretKey.CheckValueDigits || expected.Length > actual.Length) return false;
            int diff = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                int e = Hex.NibbleOf(expected[i]);
                if (e < 0) return false;
                diff |= e ^ Hex.NibbleOf(actual[i]);
            }
            return diff == 0;
        }
    }
}
