using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The nanoFramework projects list their sources explicitly (the .nfproj project system has no globbing); these
/// tests keep them in step with the files on disk, since they cannot be built here (build/sync-nfproj.sh fixes them).
/// </summary>
[TestClass]
public class ProjectListingTests
{
    private static IEnumerable<string> CompileItems(string nfproj) =>
        XDocument.Load(nfproj).Descendants().Where(e => e.Name.LocalName == "Compile")
            .Select(e => e.Attribute("Include")!.Value.Replace('\\', '/'));

    private static IEnumerable<string> SourcesUnder(string dir) =>
        Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal));

    [TestMethod]
    public void FirmwareNfproj_ListsEveryFirmwareSourceFile_AndNothingElse()
    {
        string dir = Path.Combine(Repo.Root, "PosTerminal");
        string[] listed = CompileItems(Path.Combine(dir, "PosTerminal.nfproj")).Order().ToArray();
        string[] onDisk = SourcesUnder(dir).Order().ToArray();
        CollectionAssert.AreEqual(onDisk, listed, "missing: " + string.Join(", ", onDisk.Except(listed)) + "; stale: " + string.Join(", ", listed.Except(onDisk)));
        Assert.IsTrue(listed.Contains("Program.cs"));
        Assert.IsTrue(listed.Any(f => f.StartsWith("Esp32/", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void TestNfproj_ListsEveryPortableTestAndCoreFile_AndTheyExist()
    {
        string testDir = Path.Combine(Repo.Root, "PosTerminal.Tests");
        string nfproj = Path.Combine(testDir, "PosTerminal.Tests.nfproj");
        string[] listed = CompileItems(nfproj).ToArray();
        foreach (string item in listed)
            Assert.IsTrue(File.Exists(Path.GetFullPath(Path.Combine(testDir, item))), "listed but missing: " + item);

        string[] portable = SourcesUnder(Path.Combine(testDir, "Portable")).Select(f => "Portable/" + f).Order().ToArray();
        string coreDir = Path.Combine(Repo.Root, "PosTerminal");
        string[] core = SourcesUnder(coreDir)
            .Where(f => f != "Program.cs" && !f.StartsWith("Esp32/", StringComparison.Ordinal) && !f.StartsWith("Properties/", StringComparison.Ordinal))
            .Select(f => "../PosTerminal/" + f).Order().ToArray();
        string[] expected = portable.Concat(core).Order().ToArray();
        string[] actual = listed.Where(f => !f.StartsWith("Properties/", StringComparison.Ordinal)).Order().ToArray();
        CollectionAssert.AreEqual(expected, actual, "missing: " + string.Join(", ", expected.Except(actual)) + "; stale: " + string.Join(", ", actual.Except(expected)));
        XDocument doc = XDocument.Load(nfproj);
        Assert.AreEqual("NFUnitTest", doc.Descendants().First(e => e.Name.LocalName == "AssemblyName").Value);
        Assert.IsTrue(File.Exists(Path.Combine(testDir, "nano.runsettings")));
    }

    [TestMethod]
    public void NanoFrameworkSolution_NamesBothProjects()
    {
        string sln = File.ReadAllText(Path.Combine(Repo.Root, "nanoFramework.sln"));
        StringAssert.Contains(sln, "PosTerminal\\PosTerminal.nfproj");
        StringAssert.Contains(sln, "PosTerminal.Tests\\PosTerminal.Tests.nfproj");
        StringAssert.Contains(sln, "{11A8DD76-328B-46DF-9F39-F559912D0360}");
    }

    [TestMethod]
    public void NugetConfig_NamesNoPackageSourceUrl()
    {
        string text = File.ReadAllText(Path.Combine(Repo.Root, "nuget.config"));
        Assert.IsFalse(text.Contains("http", StringComparison.OrdinalIgnoreCase), "nuget.config must not name a package source URL");
        Assert.IsFalse(text.Contains("packageSources", StringComparison.OrdinalIgnoreCase));
    }
}
