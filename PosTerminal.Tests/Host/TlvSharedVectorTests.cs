#nullable enable
using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Emv;
using PosTerminal.Tests.Emv;

namespace PosTerminal.Tests.Host;

/// <summary>
/// Every case of ../shared/vectors/tlv.json through the firmware's TLV reader and writer (when the shared folder is
/// reachable; the portable tests carry copies in <see cref="TlvVectors"/>, checked here to be in the file).
/// </summary>
[TestClass]
public sealed class TlvSharedVectorTests
{
    // The shared file, or the test ends inconclusive (a clean clone without shared/ beside it).
    private static JsonNode Load()
    {
        string? folder = SimulatorCrypto.SharedVectors.FindSharedFolder();
        if (folder == null || !File.Exists(Path.Combine(folder, "tlv.json")))
            Assert.Inconclusive("shared/vectors/tlv.json is not reachable from this checkout");
        return JsonNode.Parse(File.ReadAllText(Path.Combine(folder!, "tlv.json")))!;
    }

    private static string Tree(JsonArray items) => string.Join(" ", items.Select(n =>
        n!["children"] is JsonArray c ? (string)n["tag"]! + "{" + Tree(c) + "}" : (string)n["tag"]! + "=" + (string)n["value"]!));

    [TestMethod]
    public void Parse_EveryCase_GivesItsTree()
    {
        JsonNode v = Load();
        foreach (JsonNode? c in v["parse"]!.AsArray())
        {
            byte[] b = Convert.FromHexString((string)c!["hex"]!);
            Assert.AreEqual(Tree(c["tree"]!.AsArray()), TlvText.Describe(b, 0, b.Length), (string?)c["source"]);
        }
    }

    [TestMethod]
    public void Build_EveryCase_WritesItsBytes()
    {
        JsonNode v = Load();
        foreach (JsonNode? c in v["build"]!.AsArray())
        {
            byte[] buf = new byte[1024];
            TlvWriter w = new(buf, 0, buf.Length);
            Write(w, c!["items"]!.AsArray());
            Assert.AreEqual((string)c["hex"]!, Convert.ToHexString(buf, 0, w.Length), (string?)c["source"]);
        }
    }

    private static void Write(TlvWriter w, JsonArray items)
    {
        foreach (JsonNode? n in items)
        {
            int tag = Convert.ToInt32((string)n!["tag"]!, 16);
            if (n["children"] is JsonArray children)
            {
                w.Begin(tag);
                Write(w, children);
                w.End();
            }
            else
            {
                byte[] value = Convert.FromHexString((string)n["value"]!);
                w.Write(tag, value, 0, value.Length);
            }
        }
    }

    [TestMethod]
    public void Reject_EveryCase_TypedError()
    {
        JsonNode v = Load();
        foreach (JsonNode? c in v["reject"]!.AsArray())
        {
            byte[] b = Convert.FromHexString((string)c!["hex"]!);
            TlvReader r = new(b, 0, b.Length);
            Assert.AreNotEqual(TlvError.None, r.Validate(), (string?)c["source"]);
            Assert.ThrowsExactly<TlvFormatException>(() => { while (r.Walk()) { } }, (string?)c["source"]);
        }
    }

    [TestMethod]
    public void PortableCopies_AreInTheSharedFile()
    {
        JsonNode v = Load();
        string text = v.ToJsonString();
        foreach (string hex in new[] { TlvVectors.GpoResponse, TlvVectors.PpseFci, TlvVectors.PseRecord, TlvVectors.TwoPrimitives,
                     TlvVectors.ThreeByteTag, TlvVectors.ThreeByteTagAsPublished, TlvVectors.LongForm81(), TlvVectors.LongForm82() })
        {
            Assert.IsTrue(text.Contains("\"" + hex + "\"", StringComparison.Ordinal), hex[..16] + "... is not in tlv.json");
        }
    }
}
