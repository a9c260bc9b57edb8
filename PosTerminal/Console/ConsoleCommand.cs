using System;

namespace PosTerminal.TechConsole
{
    /// <summary>
    /// One console command: a table row with its name, a usage line, a one-line summary (shown by "help"), optional
    /// details (shown by "help name"), the lowest role allowed to run it, and its handler.
    /// </summary>
    /// <example>
    /// <code>
    /// session.Commands.Add(new ConsoleCommand("link", "link status | link test [primary|backup]",
    ///     "show or test the acquirer link", ConsoleRole.Technician, LinkCommand.Run));
    /// </code>
    /// </example>
    public sealed class ConsoleCommand
    {
        /// <summary>Longest command name.</summary>
        public const int MaxNameLength = 16;

        /// <summary>A command without details.</summary>
        public ConsoleCommand(string name, string usage, string summary, ConsoleRole minRole, CommandHandler handler)
            : this(name, usage, summary, null, minRole, handler)
        {
        }

        /// <summary>
        /// A command. <paramref name="name"/>: 1-16 characters a-z, 0-9 or '-'; <paramref name="details"/> may hold
        /// several lines separated by '\n', or be null; <paramref name="minRole"/>: technician or supervisor.
        /// </summary>
        public ConsoleCommand(string name, string usage, string summary, string details, ConsoleRole minRole, CommandHandler handler)
        {
            if (usage == null || summary == null || handler == null) throw new ArgumentNullException();
            CheckName(name);
            if (minRole != ConsoleRole.Technician && minRole != ConsoleRole.Supervisor) throw new ArgumentOutOfRangeException();
            Name = name;
            Usage = usage;
            Summary = summary;
            Details = details;
            MinRole = minRole;
            Handler = handler;
        }

        /// <summary>What is typed to run it (lower case; typing is case-insensitive).</summary>
        public string Name { get; }

        /// <summary>Another name that runs it too (as "exit" for "logout"), or null.</summary>
        public string Alias { get; private set; }

        /// <summary>The syntax, e.g. "link test [primary|backup]".</summary>
        public string Usage { get; }

        /// <summary>One line for the list that "help" prints.</summary>
        public string Summary { get; }

        /// <summary>Further lines for "help name", or null.</summary>
        public string Details { get; }

        /// <summary>The lowest role that may run it.</summary>
        public ConsoleRole MinRole { get; }

        /// <summary>The code that runs it.</summary>
        public CommandHandler Handler { get; }

        /// <summary>Gives the command a second name; returns the command (for table initialisers).</summary>
        public ConsoleCommand WithAlias(string alias)
        {
            CheckName(alias);
            Alias = alias;
            return this;
        }

        private static void CheckName(string name)
        {
            if (name == null) throw new ArgumentNullException();
            if (name.Length == 0 || name.Length > MaxNameLength) throw new ArgumentException();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) throw new ArgumentException();
            }
        }
    }
}
