using System;
using System.Collections;

// Compile-time stand-ins with the shape of nanoFramework.TestFramework 3.x Assert / CollectionAssert (typed
// AreEqual overloads, no generic overload, no Fail). They do check their arguments, so the gate assembly is a
// working test library, but it is only ever compiled here.
namespace nanoFramework.TestFramework
{
    /// <summary>Assertions.</summary>
    public static class Assert
    {
        /// <summary>Equal booleans.</summary>
        public static void AreEqual(bool expected, bool actual, string message = "") { if (expected != actual) Fail(message); }
        /// <summary>Equal bytes.</summary>
        public static void AreEqual(byte expected, byte actual, string message = "") { if (expected != actual) Fail(message); }
        /// <summary>Equal characters.</summary>
        public static void AreEqual(char expected, char actual, string message = "") { if (expected != actual) Fail(message); }
        /// <summary>Equal 16-bit integers.</summary>
        public static void AreEqual(short expected, short actual, string message = "") { if (expected != actual) Fail(message); }
        /// <summary>Equal integers.</summary>
        public static void AreEqual(int expected, int actual, string message = "") { if (expected != actual) Fail(message); }
        /// <summary>Equal unsigned integers.</summary>
        public static void AreEqual(uint expected, uint actual, string message = "") { if (expected != actual) Fail(message); }
        /// <summary>Equal 64-bit integers.</summary>
        public static void AreEqual(long expected, long actual, string message = "") { if (expected != actual) Fail(message); }
        /// <summary>Equal unsigned 64-bit integers.</summary>
        public static void AreEqual(ulong expected, ulong actual, string message = "") { if (expected != actual) Fail(message); }
        /// <summary>Equal strings.</summary>
        public static void AreEqual(string expected, string actual, string message = "") { if (expected != actual) Fail(message); }
        /// <summary>Equal objects.</summary>
        public static void AreEqual(object expected, object actual, string message = "") { if (!Equals(expected, actual)) Fail(message); }
        /// <summary>True.</summary>
        public static void IsTrue(bool condition, string message = "") { if (!condition) Fail(message); }
        /// <summary>False.</summary>
        public static void IsFalse(bool condition, string message = "") { if (condition) Fail(message); }
        /// <summary>Null.</summary>
        public static void IsNull(object value, string message = "") { if (value != null) Fail(message); }
        /// <summary>Not null.</summary>
        public static void IsNotNull(object value, string message = "") { if (value == null) Fail(message); }

        private static void Fail(string message)
        {
            throw new Exception(message);
        }
    }

    /// <summary>Collection assertions.</summary>
    public static class CollectionAssert
    {
        /// <summary>Same count and equal elements in order.</summary>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            if (expected.Count != actual.Count) throw new Exception(message);
            IEnumerator e = expected.GetEnumerator();
            IEnumerator a = actual.GetEnumerator();
            while (e.MoveNext() && a.MoveNext())
            {
                if (!Equals(e.Current, a.Current)) throw new Exception(message);
            }
        }
    }
}
