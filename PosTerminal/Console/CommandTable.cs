using System;
using System.Collections;

namespace PosTerminal.TechConsole
{
    /// <summary>The commands of a console, in the order they were added (the order "help" lists them in).</summary>
    public sealed class CommandTable
    {
        private readonly ArrayList _commands = new ArrayList();

        /// <summary>Number of commands.</summary>
        public int Count
        {
            get { return _commands.Count; }
        }

        /// <summary>The command at <paramref name="index"/> (0 = added first).</summary>
        public ConsoleCommand Get(int index)
        {
            return (ConsoleCommand)_commands[index];
        }

        /// <summary>Adds a command; throws <see cref="ArgumentException"/> when its name or alias is taken.</summary>
        public void Add(ConsoleCommand command)
        {
            if (command == null) throw new ArgumentNullException();
            if (Find(command.Name) != null || (command.Alias != null && Find(command.Alias) != null)) throw new ArgumentException();
            _commands.Add(command);
        }

        /// <summary>The command named (or aliased) <paramref name="name"/> in any letter case, or null.</summary>
        public ConsoleCommand Find(string name)
        {
            if (name == null) return null;
            string n = CommandLine.ToLower(name);
            for (int i = 0; i < _commands.Count; i++)
            {
                ConsoleCommand c = (ConsoleCommand)_commands[i];
                if (c.Name == n || c.Alias == n) return c;
            }
            return null;
        }
    }
}
