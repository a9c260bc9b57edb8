using System;
using PosTerminal.Config;

namespace PosTerminal.TechConsole
{
    /// <summary>
    /// The console's role passwords kept in the terminal configuration: the technician and supervisor hashes and their
    /// "must change" flags of <see cref="TerminalConfig"/>. A password change is saved at once
    /// (<see cref="ConfigEditor.SavePassword"/>), without the other staged changes. No hash yet (factory state or after a
    /// factory reset): the factory password applies and must be changed at the first login.
    /// </summary>
    public sealed class ConfigPasswordStore : IPasswordStore
    {
        private readonly ConfigEditor _config;

        /// <summary>Passwords in the configuration <paramref name="config"/> edits.</summary>
        public ConfigPasswordStore(ConfigEditor config)
        {
            if (config == null) throw new ArgumentNullException();
            _config = config;
        }

        /// <inheritdoc />
        public int ReadPassword(ConsoleRole role, byte[] blob, int offset, out bool mustChange)
        {
            PasswordSlot slot = SlotOf(role);
            TerminalConfig current = _config.Current;
            mustChange = current.MustChangePassword(slot);
            return current.CopyPasswordHash(slot, blob, offset);
        }

        /// <inheritdoc />
        public bool WritePassword(ConsoleRole role, byte[] blob, int offset, int count, bool mustChange)
        {
            return _config.SavePassword(SlotOf(role), blob, offset, count, mustChange) == ConfigStatus.Ok;
        }

        private static PasswordSlot SlotOf(ConsoleRole role)
        {
            if (role == ConsoleRole.Technician) return PasswordSlot.Technician;
            if (role == ConsoleRole.Supervisor) return PasswordSlot.Supervisor;
            throw new ArgumentOutOfRangeException();
        }
    }
}
