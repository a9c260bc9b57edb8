using System;

namespace PosTerminal.Tests
{
    /// <summary>
    /// "Throws exception of type X", in the subset MSTest 4 and nanoFramework.TestFramework share (MSTest 4 has no
    /// ThrowsException(Type, Action); nanoFramework has no Throws&lt;T&gt; and no Assert.Fail).
    /// </summary>
    public static class Expect
    {
        /// <summary>Runs <paramref name="action"/>; returns the exception if it is exactly of <paramref name="type"/>, fails otherwise.</summary>
        public static Exception Throws(Type type, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() == type) return e;
                throw new Exception("expected " + type.Name + " but got " + e.GetType().Name);
            }
            throw new Exception("expected " + type.Name + " but nothing was thrown");
        }
    }
}
