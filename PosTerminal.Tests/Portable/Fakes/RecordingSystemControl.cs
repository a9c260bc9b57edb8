using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>A system control that only counts the reboots asked for.</summary>
    public sealed class RecordingSystemControl : ISystemControl
    {
        /// <summary>Number of <see cref="Reboot"/> calls.</summary>
        public int Reboots;

        /// <summary>Counts the call.</summary>
        public void Reboot()
        {
            Reboots++;
        }
    }
}
