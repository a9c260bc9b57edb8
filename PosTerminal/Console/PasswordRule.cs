namespace PosTerminal.TechConsole
{
    /// <summary>Whether a new password is acceptable (<see cref="ConsolePasswords.Check"/>).</summary>
    public enum PasswordRule : byte
    {
        /// <summary>Acceptable.</summary>
        Ok = 0,

        /// <summary>Shorter than <see cref="ConsoleSettings.MinPasswordLength"/>.</summary>
        TooShort = 1,

        /// <summary>The same as the role's current password (or the factory default, while it applies).</summary>
        SameAsOld = 2,
    }
}
