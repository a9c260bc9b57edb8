#nullable enable
using System;
using System.IO;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.SimulatorCrypto;

/// <summary>The copied vector files still equal ../shared/vectors (when that folder is present; a clean clone lacks it).</summary>
[TestClass]
public sealed class SharedVectorCopyTests
{
    [TestMethod]
    [DataRow("crypto")]
    [DataRow("mac")]
    [DataRow("pinblock")]
    [DataRow("dukpt")]
    public void CopyEqualsSharedFile(string name)
    {
        string? folder = SharedVectors.FindSharedFolder();
        if (folder == null)
        {
            Assert.Inconclusive("shared/vectors is not reachable from this checkout; the embedded copies are used as they are");
            return;
        }
        JsonNode shared = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, name + ".json")))!;
        Assert.IsTrue(JsonNode.DeepEquals(shared, SharedVectors.Load(name)), $"{name}.json changed; refresh SharedVectors.cs");
    }
}
