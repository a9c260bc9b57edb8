#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace PosTerminal.Tests
{
    /// <summary>Byte-range assertions in the shared test subset.</summary>
    public static class Array8
    {
        /// <summary>Asserts that <paramref name="actual"/>[offset..offset+count) equals the same range of <paramref name="expected"/>, naming the first differing index.</summary>
        public static void AssertRange(byte[] expected, byte[] actual, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                if (expected[i] != actual[i]) Assert.AreEqual("byte " + i.ToString() + " = " + expected[i].ToString("X2"), "byte " + i.ToString() + " = " + actual[i].ToString("X2"));
            }
        }
    }
}
