namespace PosTerminal.TechConsole
{
    /// <summary>The names a role is typed and shown as, and its prompt.</summary>
    public static class RoleNames
    {
        /// <summary>"technician", "supervisor", or "nobody".</summary>
        public static string Name(ConsoleRole role)
        {
            switch (role)
            {
                case ConsoleRole.Technician: return "technician";
                case ConsoleRole.Supervisor: return "supervisor";
                default: return "nobody";
            }
        }

        /// <summary>The command prompt of a role: "tech> ", "super> ".</summary>
        public static string Prompt(ConsoleRole role)
        {
            return role == ConsoleRole.Supervisor ? "super> " : "tech> ";
        }

        /// <summary>
        /// The role a login name stands for: "technician" or "tech", "supervisor" or "super" (any letter case);
        /// <see cref="ConsoleRole.None"/> for anything else.
        /// </summary>
        public static ConsoleRole Parse(string name)
        {
            if (name == null) return ConsoleRole.None;
            string n = CommandLine.ToLower(name);
            if (n == "technician" || n == "tech") return ConsoleRole.Technician;
            if (n == "supervisor" || n == "super") return ConsoleRole.Supervisor;
            return ConsoleRole.None;
        }
    }
}
