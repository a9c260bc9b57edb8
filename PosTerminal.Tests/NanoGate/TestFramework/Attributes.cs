using System;

// Compile-time stand-ins with the shape of nanoFramework.TestFramework 3.x (nanoframework/nanoFramework.TestFramework,
// source/TestFramework): the attributes the shared tests use. Written for the gate; the device uses the real package.
namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class holding tests.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    /// <summary>One set of arguments for a test method; the launcher passes them to Invoke unchanged.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute
    {
        /// <summary>The arguments.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null || methodParameters.Length == 0) throw new ArgumentException();
            MethodParameters = methodParameters;
        }

        /// <summary>The arguments.</summary>
        public object[] MethodParameters { get; }
    }
}
