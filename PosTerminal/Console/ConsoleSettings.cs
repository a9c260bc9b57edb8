using System;
using PosTerminal.Crypto;

namespace PosTerminal.TechConsole
{
    /// <summary>
    /// The console's numbers. Read by the session whenever it needs them, so a command may change one (the idle time,
    /// say) and it applies from the next prompt. <see cref="Check"/> is called by the session's constructor.
    /// </summary>
    public sealed class ConsoleSettings
    {
        /// <summary>
        /// Default PBKDF2 iterations for new password hashes: 200. One iteration is two SHA-256 compressions,
        /// ~21,400 interpreted IL instructions, estimated at 4-9 ms on an ESP32 at 240 MHz, so a login costs about
        /// 1-2 s there (benchmarks/README.md, "Password hashing"). Stored in each hash: raising it later leaves existing
        /// hashes verifiable.
        /// </summary>
        public const int DefaultHashIterations = 200;

        /// <summary>Longest line, in characters (a password too); further characters are refused with a bell.</summary>
        public int MaxLineLength { get; set; } = 80;

        /// <summary>Command lines kept for the up and down arrows (password lines never are).</summary>
        public int HistoryDepth { get; set; } = 8;

        /// <summary>A session with no input for this long is logged out: 5 minutes.</summary>
        public int IdleLogoutMs { get; set; } = 5 * 60 * 1000;

        /// <summary>Consecutive wrong passwords (all roles together) that lock the console: 5.</summary>
        public int LockoutThreshold { get; set; } = 5;

        /// <summary>First lockout: 30 s; each further wrong password doubles it.</summary>
        public int LockoutBaseMs { get; set; } = 30 * 1000;

        /// <summary>Longest lockout: 15 minutes.</summary>
        public int LockoutMaxMs { get; set; } = 15 * 60 * 1000;

        /// <summary>Shortest acceptable new password: 6 characters.</summary>
        public int MinPasswordLength { get; set; } = 6;

        /// <summary>PBKDF2 iterations for new hashes (<see cref="DefaultHashIterations"/>).</summary>
        public int HashIterations { get; set; } = DefaultHashIterations;

        /// <summary>
        /// The password of a role that has none stored yet; it only lets the role log in to choose its own.
        /// Printable ASCII; set from the board's defaults.
        /// </summary>
        public string FactoryPassword { get; set; } = "000000";

        /// <summary>First line the console prints.</summary>
        public string Banner { get; set; } = "PosTerminal technician console";

        /// <summary>
        /// Lines shown right after each login (several lines separated by '\n'), e.g. a warning that the configuration
        /// came from its other copy or from defaults; null for none.
        /// </summary>
        public string LoginNotice { get; set; }

        /// <summary>Throws <see cref="ArgumentException"/> (or a subclass) when a value is out of range.</summary>
        public void Check()
        {
            if (MaxLineLength < 16 || MaxLineLength > 255) throw new ArgumentOutOfRangeException();
            if (HistoryDepth < 0 || HistoryDepth > 32) throw new ArgumentOutOfRangeException();
            if (IdleLogoutMs < 1000 || LockoutThreshold < 1 || LockoutBaseMs < 0 || LockoutMaxMs < LockoutBaseMs) throw new ArgumentOutOfRangeException();
            if (MinPasswordLength < 1 || MinPasswordLength > MaxLineLength) throw new ArgumentOutOfRangeException();
            if (HashIterations < PasswordHash.MinIterations || HashIterations > PasswordHash.MaxIterations) throw new ArgumentOutOfRangeException();
            if (FactoryPassword == null || Banner == null) throw new ArgumentNullException();
            if (FactoryPassword.Length == 0 || FactoryPassword.Length > MaxLineLength) throw new ArgumentException();
            for (int i = 0; i < FactoryPassword.Length; i++)
            {
                if (FactoryPassword[i] < 0x20 || FactoryPassword[i] > 0x7E) throw new ArgumentException();
            }
        }
    }
}
