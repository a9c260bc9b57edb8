namespace PosTerminal.TechConsole
{
    /// <summary>The commands every console has: help, whoami, passwd, logout (alias exit).</summary>
    internal static class BuiltInCommands
    {
        /// <summary>Widest usage column in the help list; longer usages push their summary right.</summary>
        private const int UsageColumn = 24;

        internal static void AddTo(CommandTable table)
        {
            table.Add(new ConsoleCommand("help", "help [command]", "list the commands, or show one in detail",
                ConsoleRole.Technician, Help));
            table.Add(new ConsoleCommand("whoami", "whoami", "show the role logged in", ConsoleRole.Technician, WhoAmI));
            table.Add(new ConsoleCommand("passwd", "passwd [technician]", "change your password",
                "passwd            asks for your current password, then the new one twice\n"
                + "passwd technician (supervisor) sets the technician password, to be changed at the technician's next login",
                ConsoleRole.Technician, Passwd));
            table.Add(new ConsoleCommand("logout", "logout", "end the session", ConsoleRole.Technician, Logout).WithAlias("exit"));
        }

        private static CommandStatus Help(ConsoleSession session, string[] args)
        {
            if (args.Length > 1) return CommandStatus.Usage;
            CommandTable table = session.Commands;
            if (args.Length == 1)
            {
                ConsoleCommand c = table.Find(args[0]);
                if (c == null)
                {
                    session.Error("unknown command " + args[0]);
                    return CommandStatus.Done;
                }
                if (c.MinRole > session.Role)
                {
                    session.Error(c.Name + " needs the " + RoleNames.Name(c.MinRole) + " role");
                    return CommandStatus.Done;
                }
                session.WriteLine("usage: " + c.Usage);
                session.WriteLine(c.Summary);
                if (c.Details != null) session.WriteLine(c.Details);
                if (c.Alias != null) session.WriteLine("also: " + c.Alias);
                return CommandStatus.Done;
            }
            for (int i = 0; i < table.Count; i++)
            {
                ConsoleCommand c = table.Get(i);
                if (c.MinRole > session.Role) continue;
                string usage = c.Usage;
                while (usage.Length < UsageColumn) usage += " ";
                session.WriteLine("  " + usage + " " + c.Summary);
            }
            return CommandStatus.Done;
        }

        private static CommandStatus WhoAmI(ConsoleSession session, string[] args)
        {
            if (args.Length != 0) return CommandStatus.Usage;
            session.WriteLine(RoleNames.Name(session.Role));
            return CommandStatus.Done;
        }

        private static CommandStatus Passwd(ConsoleSession session, string[] args)
        {
            if (args.Length > 1) return CommandStatus.Usage;
            ConsoleRole own = session.Role;
            ConsoleRole target = args.Length == 0 ? own : RoleNames.Parse(args[0]);
            if (target == ConsoleRole.None) return CommandStatus.Usage;
            ConsoleInput input;
            if (target == own)
            {
                if (!session.ConfirmPassword(own, out input)) return CommandStatus.Done;
                if (session.ChooseNewPassword(own, true, false, out input)) session.WriteLine("password changed");
                return CommandStatus.Done;
            }
            if (own != ConsoleRole.Supervisor || target != ConsoleRole.Technician)
            {
                session.Error("only the supervisor sets another role's password");
                return CommandStatus.Done;
            }
            if (session.ChooseNewPassword(target, false, true, out input))
            {
                session.WriteLine("technician password set; it must be changed at the next technician login");
            }
            return CommandStatus.Done;
        }

        private static CommandStatus Logout(ConsoleSession session, string[] args)
        {
            return args.Length == 0 ? CommandStatus.Logout : CommandStatus.Usage;
        }
    }
}
