using System;

namespace PosTerminal.Crypto
{
    /// <summary>Argument checks shared by the ciphers and MACs (parameterless exceptions: no prose on the device).</summary>
    internal static class CryptoArgs
    {
        /// <summary>Throws unless <paramref name="buffer"/>[offset..offset+count) is a range of a non-null array.</summary>
        internal static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (offset < 0 || count < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException();
        }
    }
}
