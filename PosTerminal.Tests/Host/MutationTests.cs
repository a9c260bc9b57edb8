using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Iso8583.Profiles;
using PosTerminal.Link;
using PosTerminal.Tests.Fakes;
using PosTerminal.Tests.Iso8583;
using PosTerminal.Util;

namespace PosTerminal.Tests.Host;

/// <summary>
/// Randomised malformed input, seeded and bounded: mutated published frames must decode or fail with an
/// <see cref="IsoFormatException"/> only, and a link fed garbage must end every exchange with a status.
/// </summary>
[TestClass]
public class MutationTests
{
    private static byte[] Mutate(Random rnd, byte[] source)
    {
        byte[] b = (byte[])source.Clone();
        switch (rnd.Next(5))
        {
            case 0: b[rnd.Next(b.Length)] = (byte)rnd.Next(256); break;                      // one byte
            case 1: b[rnd.Next(b.Length)] ^= (byte)(1 << rnd.Next(8)); break;                 // one bit
            case 2: Array.Resize(ref b, rnd.Next(b.Length)); break;                          // truncated
            case 3: Array.Resize(ref b, b.Length + 1 + rnd.Next(8)); break;                  // trailing bytes
            default: for (int i = 0; i < 4; i++) b[rnd.Next(b.Length)] = (byte)rnd.Next(256); break;
        }
        return b;
    }

    [TestMethod]
    [DataRow(nameof(GoldenFrames.CsdnContactlessSale0200), 13, "cup")]
    [DataRow(nameof(GoldenFrames.CnblogsQrSale0200), 13, "cup")]
    [DataRow(nameof(GoldenFrames.CsdnCapkQuery0830), 0, "cup")]
    [DataRow(nameof(GoldenFrames.BlogspotResponse0210), 0, "iso87ascii")]
    public void Unpack_MutatedPublishedFrames_OnlyTypedErrors(string frame, int messageOffset, string profile)
    {
        string text = (string)typeof(GoldenFrames).GetField(frame)!.GetValue(null)!;
        byte[] source = profile == "cup" ? Hex.Decode(text) : Ascii.GetBytes(text);
        source = source[messageOffset..];
        MessageSpec spec = profile == "cup" ? CupSpec.Spec : Iso87AsciiSpec.Spec;
        IsoMessage m = new(spec);
        Random rnd = new(frame.GetHashCode(StringComparison.Ordinal) ^ 20261127);
        int decoded = 0, rejected = 0;
        byte[] repack = new byte[8192];
        for (int i = 0; i < 5000; i++)
        {
            byte[] b = Mutate(rnd, source);
            try
            {
                IsoCodec.Unpack(b, 0, b.Length, m);
                decoded++;
                IsoCodec.Pack(m, repack, 0);   // whatever decoded must pack again
            }
            catch (IsoFormatException)
            {
                rejected++;
            }
        }
        // Both paths must have been exercised: many mutations are rejected, and some (e.g. a changed digit in an
        // ans field) still decode and must then pack again without error.
        Assert.IsTrue(rejected > 1000, $"only {rejected} of 5000 mutations rejected");
        Assert.IsTrue(decoded > 0, "no mutation decoded: the re-pack path was never exercised");
    }

    [TestMethod]
    public void Exchange_GarbageReplies_AlwaysEndWithAStatus()
    {
        Random rnd = new(42);
        for (int i = 0; i < 2000; i++)
        {
            ManualClock clock = new();
            ScriptedLink link = new(clock) { CloseWhenEmpty = rnd.Next(2) == 0 };
            int chunks = rnd.Next(1, 4);
            for (int c = 0; c < chunks; c++)
            {
                byte[] g = new byte[rnd.Next(1, 200)];
                rnd.NextBytes(g);
                if (rnd.Next(2) == 0 && g.Length > 2)
                {
                    g[0] = (byte)((g.Length - 2) >> 8);   // a plausible length, garbage inside
                    g[1] = (byte)(g.Length - 2);
                }
                link.Enqueue(g);
            }
            ScriptedConnector conn = new();
            conn.Accept("10.0.0.1", 5000, link);
            LinkSettings settings = new([new HostEndpoint("10.0.0.1", 5000)], 1000, 3000, PosTerminal.Txn.AcquirerProfile.Cup.DefaultFrame);
            IsoMessage rq = new(CupSpec.Spec) { Mti = 200 };
            rq.Set(IsoField.Stan, "000001");
            ExchangeResult r = new AcquirerLink(conn, clock, settings, null).Exchange(rq, new IsoMessage(CupSpec.Spec));
            Assert.AreNotEqual(ExchangeStatus.Answered, r.Status);
            Assert.IsTrue(link.Disposed);
        }
    }
}
