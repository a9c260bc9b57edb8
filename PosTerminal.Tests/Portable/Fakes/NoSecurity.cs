using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>Security settings without MAC, for tests of the plain transaction flow against the fake host.</summary>
    public static class NoSecurity
    {
        /// <summary>The profile's key scheme with no MAC (and PIN format 0 or 4 as the scheme needs).</summary>
        public static SecuritySettings For(AcquirerProfile profile)
        {
            return SecuritySettings.UnsafeWithoutMac(profile.DefaultSecurity.Scheme);
        }
    }
}
