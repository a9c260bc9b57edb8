using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// CI fuzzing of the pure decoders (bounded: <see cref="FuzzRun.DefaultInputs"/> inputs each, within 20 s; fixed seeds):
/// (a) IsoCodec.Unpack under both profiles and their security variants, (b) the BER-TLV reader and writer, (c) the frame
/// reader over an in-memory link. Only IsoFormatException and TlvFormatException may come out; the targets' properties
/// are in <see cref="FuzzTargets"/>.
/// </summary>
[TestClass]
public class CodecFuzzTests
{
    [TestMethod]
    public void Iso_CupProfileAndVariants_OnlyTypedErrors()
    {
        FuzzRun run = new("iso-cup", 20261127, FuzzTargets.Iso);
        run.Seeds.AddRange(FuzzSeeds.Iso().FindAll(b => b[0] < 4));
        FuzzReport r = run.Run();
        Assert.IsTrue(r.Accepted > 100, "too few inputs decoded: the round-trip checks were hardly exercised\n" + r);
    }

    [TestMethod]
    public void Iso_Iso87AsciiProfileAndVariants_OnlyTypedErrors()
    {
        FuzzRun run = new("iso-iso87ascii", 19870101, FuzzTargets.Iso);
        run.Seeds.AddRange(FuzzSeeds.Iso().FindAll(b => b[0] >= 4));
        FuzzReport r = run.Run();
        Assert.IsTrue(r.Accepted > 100, "too few inputs decoded\n" + r);
    }

    [TestMethod]
    public void Tlv_ReaderAndWriter_OnlyTypedErrors()
    {
        FuzzRun run = new("tlv", 8825, FuzzTargets.Tlv);
        run.Seeds.AddRange(FuzzSeeds.Tlv());
        FuzzReport r = run.Run();
        Assert.IsTrue(r.Accepted > 1000, "too few well-formed inputs: the rebuild checks were hardly exercised\n" + r);
    }

    [TestMethod]
    public void Frame_Reader_StatusesConsistent()
    {
        FuzzRun run = new("frame", 4242, FuzzTargets.Frame) { Repair = FuzzSeeds.FixFrameLength };
        run.Seeds.AddRange(FuzzSeeds.Frame());
        run.Run();
    }
}
