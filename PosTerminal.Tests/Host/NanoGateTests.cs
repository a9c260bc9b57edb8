using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The nanoFramework compile gate is real: the core's gate assembly references nothing but nanoFramework's
/// mscorlib 1.17.11, and compiling a file that uses anything outside it (List&lt;int&gt;, Span&lt;byte&gt;,
/// StringBuilder, int?, Math, string.Replace) breaks the build, while a file inside the subset passes.
/// </summary>
[TestClass]
public class NanoGateTests
{
    private static (int ExitCode, string Output) BuildGateWith(string source, string project)
    {
        string dir = Path.Combine(Path.GetTempPath(), "nanogate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string probe = Path.Combine(dir, "Probe.cs");
        File.WriteAllText(probe, source);
        try
        {
            return Repo.Run("dotnet", [
                "build", Path.Combine(Repo.Root, project), "-f", "netstandard2.0", "--no-restore", "--no-dependencies",
                "-nologo", "-v:q", "-p:UseSharedCompilation=false", "-p:NanoGateProbe=" + probe,
                "-p:OutDir=" + Path.Combine(dir, "bin") + "/", "-p:IntermediateOutputPath=" + Path.Combine(dir, "obj") + "/",
            ], TimeSpan.FromMinutes(4));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    [DataRow("List", "namespace P { static class V { static int F() { var l = new System.Collections.Generic.List<int>(); l.Add(1); return l.Count; } } }", "CS0234")]
    [DataRow("Span", "namespace P { static class V { static int F(byte[] b) { System.Span<byte> s = b; return s.Length; } } }", "CS0234")]
    [DataRow("StringBuilder", "namespace P { static class V { static string F() { return new System.Text.StringBuilder().Append(1).ToString(); } } }", "CS0234")]
    [DataRow("Nullable", "namespace P { static class V { static int? F() { return null; } } }", "CS0518")]
    [DataRow("Math", "namespace P { static class V { static int F(int a) { return System.Math.Abs(a); } } }", "CS0234")]
    [DataRow("Replace", "namespace P { static class V { static string F(string s) { return s.Replace(\"a\", \"b\"); } } }", "CS1061")]
    public void CoreGate_DeliberateViolation_FailsTheBuild(string what, string source, string expectedError)
    {
        (int code, string output) = BuildGateWith(source, "PosTerminal/PosTerminal.csproj");
        Assert.AreNotEqual(0, code, what + " compiled against nanoFramework's mscorlib:\n" + output);
        StringAssert.Contains(output, expectedError, what);
        StringAssert.Contains(output, "Probe.cs");
    }

    [TestMethod]
    public void CoreGate_FileInsideTheSubset_Builds()
    {
        (int code, string output) = BuildGateWith(
            "namespace P { static class V { static int F(byte[] b) { System.Collections.ArrayList l = new System.Collections.ArrayList(); l.Add(b); return l.Count; } } }",
            "PosTerminal/PosTerminal.csproj");
        Assert.AreEqual(0, code, output);
    }

    [TestMethod]
    public void TestGate_DeliberateViolation_FailsTheBuild()
    {
        (int code, string output) = BuildGateWith(
            "namespace P { public class T { public void M() { var d = new System.Collections.Generic.Dictionary<int, int>(); } } }",
            "PosTerminal.Tests/NanoGate/PosTerminal.Tests.NanoGate.csproj");
        Assert.AreNotEqual(0, code, output);
        StringAssert.Contains(output, "CS0234");
    }

    [TestMethod]
    [DataRow("PosTerminal/bin/Debug/netstandard2.0/PosTerminal.dll")]
    [DataRow("PosTerminal.Tests/NanoGate/bin/Debug/netstandard2.0/NFUnitTest.dll")]
    public void GateAssemblies_ReferenceOnlyNanoFrameworkMscorlib(string relative)
    {
        string path = Path.Combine(Repo.Root, relative);
        if (!File.Exists(path)) path = path.Replace("/Debug/", "/Release/");
        Assert.IsTrue(File.Exists(path), "gate output not built: " + relative);
        using PEReader pe = new(File.OpenRead(path));
        MetadataReader md = pe.GetMetadataReader();
        Assert.AreEqual(1, md.AssemblyReferences.Count);
        AssemblyReference r = md.GetAssemblyReference(System.Linq.Enumerable.First(md.AssemblyReferences));
        Assert.AreEqual("mscorlib", md.GetString(r.Name));
        Assert.AreEqual(new Version(1, 17, 11, 0), r.Version);
    }
}
