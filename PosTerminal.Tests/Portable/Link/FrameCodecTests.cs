#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Hal;
using PosTerminal.Link;
using PosTerminal.Tests.Fakes;
using PosTerminal.Util;

namespace PosTerminal.Tests.Link
{
    /// <summary>[LEN][TPDU][HEADER][message] framing: writing, reading, and refusing hostile lengths before reading the body.</summary>
    [TestClass]
    public class FrameCodecTests
    {
        private static FrameFormat Cup()
        {
            return new FrameFormat(LengthHeader.Binary2, Hex.Decode("6000030000"), Hex.Decode("603100000001"), 2048);
        }

        [TestMethod]
        public void Seal_WritesLengthTpduHeader()
        {
            ManualClock clock = new ManualClock();
            FrameCodec codec = new FrameCodec(Cup(), clock);
            byte[] frame = new byte[32];
            Assert.AreEqual(13, codec.Format.MessageOffset);
            frame[13] = 0x02;
            frame[14] = 0x00;
            int n = codec.Seal(frame, 2);
            Assert.AreEqual(15, n);
            Assert.AreEqual("000D6000030000603100000001" + "0200", Hex.Encode(frame, 0, n));
        }

        [TestMethod]
        public void Seal_Ascii4NoTpdu_WritesDecimalLength()
        {
            FrameCodec codec = new FrameCodec(new FrameFormat(LengthHeader.Ascii4, null, null, 9999), new ManualClock());
            byte[] frame = new byte[16];
            int n = codec.Seal(frame, 7);
            Assert.AreEqual(11, n);
            Assert.AreEqual("0007", Ascii.GetString(frame, 0, 4));
        }

        [TestMethod]
        public void SealReply_SwapsTpduAddresses_KeepsHeader()
        {
            FrameCodec codec = new FrameCodec(Cup(), new ManualClock());
            byte[] request = Hex.Decode("0010 6000120034 603100000001 0200 0000");
            byte[] reply = new byte[32];
            int n = codec.SealReply(request, reply, 2);
            Assert.AreEqual("000D6000340012603100000001", Hex.Encode(reply, 0, 13));
            Assert.AreEqual(15, n);
            Assert.IsTrue(codec.IsReplyTpdu(request, reply));
            Assert.IsFalse(codec.IsReplyTpdu(request, request));
        }

        [TestMethod]
        public void ReadFrame_SplitAcrossReads_Reassembles()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            link.Enqueue(Hex.Decode("00"));
            link.Enqueue(Hex.Decode("0F60000000"));
            link.Enqueue(Hex.Decode("03603100000001 02003000"));
            FrameCodec codec = new FrameCodec(Cup(), clock);
            byte[] buf = new byte[64];
            int len;
            Assert.AreEqual((int)LinkStatus.Ok, (int)codec.ReadFrame(link, buf, Deadline.In(clock, 1000), out len));
            Assert.AreEqual(17, len);
        }

        [TestMethod]
        [DataRow("0000", 6)]             // zero length: keep-alive
        [DataRow("0801", 5)]             // 2049 > max 2048
        [DataRow("FFFF", 5)]             // 65535
        [DataRow("000B", 5)]             // 11 = TPDU + header only, no message
        [DataRow("0001", 5)]             // shorter than the envelope
        public void ReadFrame_BadLength_RejectedBeforeBody(string lengthHex, int status)
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            link.Enqueue(Hex.Decode(lengthHex));
            link.Enqueue(new byte[3000]);
            FrameCodec codec = new FrameCodec(Cup(), clock);
            byte[] buf = new byte[2050];
            int len;
            Assert.AreEqual(status, (int)codec.ReadFrame(link, buf, Deadline.In(clock, 1000), out len));
            Assert.AreEqual(0, len);
            Assert.AreEqual(2, link.BytesRequested);   // nothing of the body was asked for
        }

        [TestMethod]
        public void ReadFrame_LengthLargerThanCallerBuffer_IsProtocolError()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            link.Enqueue(Hex.Decode("0100"));
            FrameCodec codec = new FrameCodec(Cup(), clock);
            int len;
            Assert.AreEqual((int)LinkStatus.ProtocolError, (int)codec.ReadFrame(link, new byte[100], Deadline.In(clock, 1000), out len));
        }

        [TestMethod]
        public void ReadFrame_Ascii4NonDigits_IsProtocolError()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            link.Enqueue(Ascii.GetBytes("00x5hello"));
            FrameCodec codec = new FrameCodec(new FrameFormat(LengthHeader.Ascii4, null, null, 9999), clock);
            int len;
            Assert.AreEqual((int)LinkStatus.ProtocolError, (int)codec.ReadFrame(link, new byte[100], Deadline.In(clock, 1000), out len));
        }

        [TestMethod]
        public void ReadFrame_BodyNeverArrives_TimesOutAtDeadline()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            link.Enqueue(Hex.Decode("0010 6000000003 6031"));
            FrameCodec codec = new FrameCodec(Cup(), clock);
            int len;
            Assert.AreEqual((int)LinkStatus.Timeout, (int)codec.ReadFrame(link, new byte[100], Deadline.In(clock, 5000), out len));
            Assert.AreEqual(5000L, clock.MonotonicMs);
        }

        [TestMethod]
        public void ReadFrame_PeerClosesMidFrame_IsClosed()
        {
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            link.CloseWhenEmpty = true;
            link.Enqueue(Hex.Decode("0010 6000000003"));
            FrameCodec codec = new FrameCodec(Cup(), clock);
            int len;
            Assert.AreEqual((int)LinkStatus.Closed, (int)codec.ReadFrame(link, new byte[100], Deadline.In(clock, 5000), out len));
        }

        [TestMethod]
        public void FrameFormat_RejectsBadTpduAndLimits()
        {
            Expect.Throws(typeof(System.ArgumentException), delegate { new FrameFormat(LengthHeader.Binary2, new byte[4], null, 2048); });
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { new FrameFormat(LengthHeader.Binary2, null, null, 70000); });
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { new FrameFormat(LengthHeader.Ascii4, null, null, 10000); });
        }
    }
}
