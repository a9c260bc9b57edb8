#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using PosTerminal.Cards;
using PosTerminal.Cards.Magstripe;
using PosTerminal.Hal;
using PosTerminal.Tests.Fakes;
using PosTerminal.Util;

namespace PosTerminal.Tests.Cards
{
    /// <summary>The magnetic stripe driver over scripted captures: raw head and TTL module, track 2 and track 1.</summary>
    [TestClass]
    public class MagstripeReaderTests
    {
        private const string UnionPay = ";6212260000123456782=30121011234567890?";
        private const string ChipCard = ";6250940000001231=29082010000012345?";

        // The track as recorded: 22 clocking zeros, the characters, the LRC, 30 clocking zeros.
        private static byte[] Track2Bits(string chars)
        {
            int lrc = 0;
            for (int i = 0; i < chars.Length; i++) lrc ^= chars[i] - 0x30;
            string lrcChar = new string((char)(0x30 + lrc), 1);
            return StripeBits.Parse(StripeBits.Zeros(22) + StripeBits.Track2Codes(chars) + StripeBits.Track2Codes(lrcChar) + StripeBits.Zeros(30));
        }

        private static byte[] Track1Bits(string chars)
        {
            int lrc = 0;
            for (int i = 0; i < chars.Length; i++) lrc ^= chars[i] - 0x20;
            return StripeBits.Parse(StripeBits.Zeros(61) + StripeBits.Track1Codes(chars) + StripeBits.Track1Code((char)(0x20 + lrc)) + StripeBits.Zeros(40));
        }

        private static string Pan(CardData card)
        {
            byte[] b = new byte[19];
            int n = card.CopyPan(b, 0);
            return Ascii.GetString(b, 0, n);
        }

        [TestMethod]
        public void RawHead_Track2Swipe_GivesTheCard()
        {
            ScriptedFluxCapture head = new ScriptedFluxCapture();
            MagstripeReader reader = new MagstripeReader(head, MagstripeTrack.Track2);
            head.Swipe(StripeBits.Flux(Track2Bits(UnionPay), 450, 300));
            CardData card;
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)reader.TryRead(5000, out card));
            Assert.AreEqual(5000, head.LastTimeoutMs);
            Assert.AreEqual("6212260000123456782", Pan(card));
            Assert.AreEqual("3012", card.Expiry);
            Assert.AreEqual("101", card.ServiceCode);
            Assert.AreEqual((int)EntryMethod.Swipe, (int)card.Entry);
            Assert.AreEqual(UnionPay.Length - 2, card.Track2Length);
            Assert.IsFalse(card.HasChip);
            Assert.IsFalse(reader.LastReversed);
            Assert.AreEqual(284 - 32, reader.LastBitCount);
            Assert.IsTrue(StripeBits.AllZero(head.LastBuffer));
            card.Dispose();
        }

        [TestMethod]
        public void RawHead_ReverseSwipeOfAChipCard_GivesTheCardWithHasChip()
        {
            ScriptedFluxCapture head = new ScriptedFluxCapture();
            MagstripeReader reader = new MagstripeReader(head, MagstripeTrack.Track2);
            head.Swipe(StripeBits.Flux(StripeBits.Reversed(Track2Bits(ChipCard)), 200, 260));
            CardData card;
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)reader.TryRead(100, EntryMethod.Fallback, out card));
            Assert.AreEqual("6250940000001231", Pan(card));
            Assert.AreEqual("201", card.ServiceCode);
            Assert.IsTrue(card.HasChip);
            Assert.IsTrue(reader.LastReversed);
            Assert.AreEqual((int)EntryMethod.Fallback, (int)card.Entry);
            card.Dispose();
        }

        [TestMethod]
        public void RawHead_Track1Swipe_GivesTheName()
        {
            ScriptedFluxCapture head = new ScriptedFluxCapture();
            MagstripeReader reader = new MagstripeReader(head, MagstripeTrack.Track1);
            head.Swipe(StripeBits.Flux(Track1Bits("%B6212260000123456782^ZHANG/SAN^30121011234567890?"), 120, 100));
            CardData card;
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)reader.TryRead(100, out card));
            Assert.AreEqual("6212260000123456782", Pan(card));
            byte[] name = new byte[26];
            Assert.AreEqual("ZHANG/SAN", Ascii.GetString(name, 0, card.CopyCardholderName(name, 0)));
            Assert.AreEqual(0, card.Track2Length);
            card.Dispose();
        }

        [TestMethod]
        public void RawHead_NothingSwiped_IsNoSwipe()
        {
            ScriptedFluxCapture head = new ScriptedFluxCapture();
            MagstripeReader reader = new MagstripeReader(head, MagstripeTrack.Track2);
            CardData card;
            Assert.AreEqual((int)MagstripeStatus.NoSwipe, (int)reader.TryRead(10, out card));
            Assert.IsNull(card);
            Assert.AreEqual(1, head.Captures);
        }

        [TestMethod]
        public void RawHead_AFewTransitions_IsTooShort()
        {
            ScriptedFluxCapture head = new ScriptedFluxCapture();
            MagstripeReader reader = new MagstripeReader(head, MagstripeTrack.Track2);
            head.Swipe(new int[] { 300, 310, 150, 150, 290, 300, 305, 300, 150, 160 });
            CardData card;
            Assert.AreEqual((int)MagstripeStatus.TooShort, (int)reader.TryRead(10, out card));
            Assert.IsNull(card);
        }

        [TestMethod]
        public void RawHead_BadLuhn_IsBadTrackDataWithTheParserReason()
        {
            ScriptedFluxCapture head = new ScriptedFluxCapture();
            MagstripeReader reader = new MagstripeReader(head, MagstripeTrack.Track2);
            head.Swipe(StripeBits.Flux(Track2Bits(";6212260000123456783=30121011234567890?"), 300, 300));
            CardData card;
            Assert.AreEqual((int)MagstripeStatus.BadTrackData, (int)reader.TryRead(10, out card));
            Assert.AreEqual((int)Track2Status.BadLuhn, (int)reader.LastTrack2Status);
            Assert.IsNull(card);
        }

        [TestMethod]
        public void RawHead_ParityError_IsParityAndNoCard()
        {
            ScriptedFluxCapture head = new ScriptedFluxCapture();
            MagstripeReader reader = new MagstripeReader(head, MagstripeTrack.Track2);
            byte[] bits = Track2Bits(UnionPay);
            bits[22 + 5 * 8 + 2] ^= 1;
            head.Swipe(StripeBits.Flux(bits, 300, 300));
            CardData card;
            Assert.AreEqual((int)MagstripeStatus.Parity, (int)reader.TryRead(10, out card));
            Assert.IsNull(card);
            Assert.IsTrue(StripeBits.AllZero(head.LastBuffer));
        }

        [TestMethod]
        public void TtlModule_Track2BothDirections_GivesTheCard()
        {
            ScriptedTtlCapture module = new ScriptedTtlCapture();
            MagstripeReader reader = new MagstripeReader(module, MagstripeTrack.Track2);
            CardData card;
            module.Swipe(Track2Bits(UnionPay));
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)reader.TryRead(10, out card));
            Assert.AreEqual("6212260000123456782", Pan(card));
            card.Dispose();
            module.Swipe(StripeBits.Reversed(Track2Bits(UnionPay)));
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)reader.TryRead(10, out card));
            Assert.IsTrue(reader.LastReversed);
            Assert.AreEqual("6212260000123456782", Pan(card));
            card.Dispose();
            for (int i = 0; i < module.LastLines.Length; i++) Assert.AreEqual(0, (int)module.LastLines[i]);
        }

        [TestMethod]
        public void TtlModule_NothingSwiped_IsNoSwipe()
        {
            MagstripeReader reader = new MagstripeReader(new ScriptedTtlCapture(), MagstripeTrack.Track1);
            CardData card;
            Assert.AreEqual((int)MagstripeStatus.NoSwipe, (int)reader.TryRead(10, out card));
        }

        [TestMethod]
        public void Constructor_ChecksArgumentsAndTouchesNoHardware()
        {
            ScriptedFluxCapture head = new ScriptedFluxCapture();
            MagstripeReader reader = new MagstripeReader(head, MagstripeTrack.Track1);
            Assert.AreEqual(0, head.Captures);
            Assert.AreEqual((int)MagstripeTrack.Track1, (int)reader.Track);
            Expect.Throws(typeof(ArgumentNullException), delegate { new MagstripeReader((IFluxCapture)null, MagstripeTrack.Track2); });
            Expect.Throws(typeof(ArgumentNullException), delegate { new MagstripeReader((ITtlLineCapture)null, MagstripeTrack.Track2); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { new MagstripeReader(head, MagstripeTrack.Track3); });
            Expect.Throws(typeof(InvalidOperationException), delegate
            {
                CardData card;
                new MagstripeReader(new ScriptedTtlCapture(), MagstripeTrack.Track2).DecodeIntervals(new int[20], 0, 20, EntryMethod.Swipe, out card);
            });
        }
    }
}
