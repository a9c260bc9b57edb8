namespace PosTerminal.TechConsole
{
    /// <summary>
    /// Who is logged in to the technician console. Ordered: a role may run every command whose minimum role is the
    /// same or lower (the supervisor can do all a technician can, and set the technician's password).
    /// </summary>
    public enum ConsoleRole : byte
    {
        /// <summary>Nobody is logged in.</summary>
        None = 0,

        /// <summary>A field technician: configuration and tests.</summary>
        Technician = 1,

        /// <summary>The supervisor: everything, including the technician's password.</summary>
        Supervisor = 2,
    }
}
