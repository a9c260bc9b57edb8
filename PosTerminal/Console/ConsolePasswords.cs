using System;
using PosTerminal.Crypto;
using PosTerminal.Hal;
using PosTerminal.Util;

namespace PosTerminal.TechConsole
{
    /// <summary>
    /// The role passwords: checked against the hashes in an <see cref="IPasswordStore"/>, or against the factory
    /// default while a role has none; new ones hashed (PBKDF2-HMAC-SHA-256, fresh salt) before they are stored.
    /// Password bytes are only ever borrowed from the caller; the blob buffer is wiped after each use.
    /// </summary>
    /// <remarks>
    /// A stored blob that does not decode (corrupt, or of an unknown version) matches no password: the role stays
    /// locked out rather than falling back to the factory default.
    /// </remarks>
    public sealed class ConsolePasswords
    {
        private readonly IPasswordStore _store;
        private readonly IRandom _random;
        private readonly ConsoleSettings _settings;
        private readonly byte[] _blob = new byte[PasswordHash.MaxEncodedLength];

        /// <summary>Passwords kept in <paramref name="store"/>, salts drawn from <paramref name="random"/>.</summary>
        public ConsolePasswords(IPasswordStore store, IRandom random, ConsoleSettings settings)
        {
            if (store == null || random == null || settings == null) throw new ArgumentNullException();
            _store = store;
            _random = random;
            _settings = settings;
        }

        /// <summary>
        /// True when the password range is <paramref name="role"/>'s password; then <paramref name="mustChange"/> says
        /// whether it must be changed before the role may work (always so for the factory default).
        /// </summary>
        public bool Verify(ConsoleRole role, byte[] password, int offset, int count, out bool mustChange)
        {
            mustChange = false;
            if (role == ConsoleRole.None) return false;
            bool flag;
            int n = _store.ReadPassword(role, _blob, 0, out flag);
            bool ok;
            if (n <= 0)
            {
                ok = IsFactoryDefault(password, offset, count);
                flag = true;
            }
            else
            {
                PasswordHash hash = n <= _blob.Length ? PasswordHash.Decode(_blob, 0, n) : null;
                ok = hash != null && hash.Verify(password, offset, count);
            }
            Array.Clear(_blob, 0, _blob.Length);
            mustChange = ok && flag;
            return ok;
        }

        /// <summary>
        /// Whether the password range may become <paramref name="role"/>'s new password: long enough and, when
        /// <paramref name="mustDiffer"/>, not the current one.
        /// </summary>
        public PasswordRule Check(ConsoleRole role, byte[] password, int offset, int count, bool mustDiffer)
        {
            if (count < _settings.MinPasswordLength) return PasswordRule.TooShort;
            bool unused;
            if (mustDiffer && Verify(role, password, offset, count, out unused)) return PasswordRule.SameAsOld;
            return PasswordRule.Ok;
        }

        /// <summary>
        /// Hashes the password range and stores it as <paramref name="role"/>'s password with the "must change" flag;
        /// false when the store failed.
        /// </summary>
        public bool Set(ConsoleRole role, byte[] password, int offset, int count, bool mustChange)
        {
            if (role == ConsoleRole.None) throw new ArgumentOutOfRangeException();
            PasswordHash hash = PasswordHash.Create(password, offset, count, _settings.HashIterations, _random);
            int n = hash.Encode(_blob, 0);
            bool ok = _store.WritePassword(role, _blob, 0, n, mustChange);
            Array.Clear(_blob, 0, _blob.Length);
            return ok;
        }

        private bool IsFactoryDefault(byte[] password, int offset, int count)
        {
            string factory = _settings.FactoryPassword;
            if (count != factory.Length) return false;
            byte[] expected = Ascii.GetBytes(factory);
            return ConstantTime.AreEqual(expected, 0, password, offset, count);
        }
    }
}
