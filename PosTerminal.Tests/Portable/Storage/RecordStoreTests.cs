#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Storage;
using PosTerminal.Tests.Fakes;
using PosTerminal.Util;

namespace PosTerminal.Tests.Storage
{
    /// <summary>Records survive a power cut at any byte of a write: afterwards the old or the new copy loads, never a broken one.</summary>
    [TestClass]
    public class RecordStoreTests
    {
        [TestMethod]
        public void SaveLoad_RoundTrip_NewestWins()
        {
            MemoryStore store = new MemoryStore();
            RecordStore rs = new RecordStore(store);
            byte[] buf = new byte[16];
            int version;
            Assert.AreEqual(-1, rs.Load("cfg", buf, 0, out version));
            for (int i = 1; i <= 5; i++)
            {
                byte[] v = Ascii.GetBytes("value-" + i.ToString());
                Assert.IsTrue(rs.Save("cfg", 3, v, 0, v.Length));
                int n = rs.Load("cfg", buf, 0, out version);
                Assert.AreEqual("value-" + i.ToString(), Ascii.GetString(buf, 0, n));
                Assert.AreEqual(3, version);
            }
        }

        [TestMethod]
        public void PowerCut_AtEveryByteOfAWrite_LeavesOldOrNew()
        {
            byte[] oldValue = Ascii.GetBytes("old configuration record");
            byte[] newValue = Ascii.GetBytes("NEW CONFIGURATION RECORD, LONGER");
            int slotBytes = 10 + newValue.Length + 4;
            for (int history = 1; history <= 3; history++)
            {
                for (int cut = 0; cut <= slotBytes; cut++)
                {
                    MemoryStore store = new MemoryStore();
                    RecordStore rs = new RecordStore(store);
                    for (int h = 0; h < history; h++) Assert.IsTrue(rs.Save("cfg", 1, oldValue, 0, oldValue.Length));
                    store.CutAfterBytes = cut;
                    bool saved = rs.Save("cfg", 1, newValue, 0, newValue.Length);
                    Assert.AreEqual(cut >= slotBytes, saved);

                    // "restart": a new RecordStore over the same medium
                    byte[] buf = new byte[64];
                    int version;
                    int n = new RecordStore(store).Load("cfg", buf, 0, out version);
                    string got = Ascii.GetString(buf, 0, n);
                    if (saved) Assert.AreEqual("NEW CONFIGURATION RECORD, LONGER", got);
                    else Assert.AreEqual("old configuration record", got);
                }
            }
        }

        [TestMethod]
        public void CorruptedSlot_FallsBackToTheOtherCopy()
        {
            MemoryStore store = new MemoryStore();
            RecordStore rs = new RecordStore(store);
            byte[] a = Ascii.GetBytes("first");
            byte[] b = Ascii.GetBytes("second");
            rs.Save("r", 1, a, 0, a.Length);   // slot 0
            rs.Save("r", 1, b, 0, b.Length);   // slot 1
            byte[] raw = new byte[64];
            int n = store.Read("r.1", raw, 0, raw.Length);
            raw[12] ^= 0x01;                    // one bit of the payload flips
            store.Write("r.1", raw, 0, n);
            byte[] buf = new byte[16];
            int version;
            int len = rs.Load("r", buf, 0, out version);
            Assert.AreEqual("first", Ascii.GetString(buf, 0, len));
        }

        [TestMethod]
        public void Crc32_CheckValue()
        {
            byte[] data = Ascii.GetBytes("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }
    }
}
