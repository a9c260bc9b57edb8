namespace PosTerminal.Config
{
    /// <summary>Whose password hash a configuration entry holds.</summary>
    public enum PasswordSlot : byte
    {
        /// <summary>The field technician.</summary>
        Technician = 0,
        /// <summary>The supervisor.</summary>
        Supervisor = 1
    }
}
