using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// Every crash the fuzzers found, kept as fuzz/regressions/&lt;target&gt;-&lt;slug&gt;.hex (the input in hex, '#' comment
/// lines naming the bug) and replayed through its target: each must now end normally or with a typed error.
/// </summary>
[TestClass]
public class FuzzRegressionTests
{
    [TestMethod]
    public void EveryFixture_ReplaysWithoutAFinding()
    {
        string folder = Path.Combine(Repo.Root, "fuzz", "regressions");
        string[] files = Directory.GetFiles(folder, "*.hex").Order(StringComparer.Ordinal).ToArray();
        foreach (string path in files)
        {
            string file = Path.GetFileName(path);
            Assert.IsTrue(Regex.IsMatch(file, "^[a-z]+-[a-z0-9-]+\\.hex$"), file + ": fixture names are <target>-<slug>.hex");
            string target = file[..file.IndexOf('-')];
            Assert.IsTrue(FuzzTargets.Names.Contains(target), file + ": the target is one of " + string.Join(", ", FuzzTargets.Names));
            byte[] input = Load(path);
            try
            {
                FuzzTargets.ByName(target)(input);
            }
            catch (Exception e) when (FuzzTargets.TypedError(e) != null)
            {
                // a typed refusal is the fixed behaviour
            }
            catch (Exception e)
            {
                throw new AssertFailedException(file + " still fails: " + e, e);
            }
        }
        Console.WriteLine($"{files.Length} fuzz regression fixtures replayed");
    }

    /// <summary>The bytes of a fixture: hex digits, whitespace ignored, lines starting with '#' are comments.</summary>
    public static byte[] Load(string path)
    {
        string hex = string.Concat(File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith('#')))
            .Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        return Convert.FromHexString(hex);
    }
}
