#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Cards.Readers;
using PosTerminal.Tests.Fakes;

namespace PosTerminal.Tests.Cards
{
    /// <summary>
    /// The one wait for swipe, tap, insert and scan: the first presentation wins, timeout, cancel, chip-first with
    /// fallback after failed chip reads, failures reported and the wait going on.
    /// </summary>
    [TestClass]
    public class CardWaitTests
    {
        private const string StripeOnly = "6212260000123456782=30121011234567890";     // service code 101
        private const string ChipCard = "6250940000001231=29082011234500000";           // service code 201

        private sealed class Screen : ICardWaitObserver
        {
            public int Failures;
            public int LastReason = -1;
            public ReaderKind LastReader;
            public int UseChip;
            public int FallbackAllowed;

            public void OnReadFailed(ReaderKind reader, int reason)
            {
                Failures++;
                LastReader = reader;
                LastReason = reason;
            }

            public void OnUseChip()
            {
                UseChip++;
            }

            public void OnFallbackAllowed(int chipFailures)
            {
                FallbackAllowed++;
            }
        }

        private sealed class Board
        {
            public ManualClock Clock = new ManualClock();
            public ScriptedReader Swipe;
            public ScriptedReader Tap;
            public ScriptedReader Insert;
            public ScriptedReader Scan;
            public CardWait Wait;
            public Screen Screen = new Screen();

            public Board()
            {
                Swipe = new ScriptedReader(Clock, ReaderKind.Swipe, EntryMethod.Swipe);
                Tap = new ScriptedReader(Clock, ReaderKind.Tap, EntryMethod.Contactless);
                Insert = new ScriptedReader(Clock, ReaderKind.Insert, EntryMethod.Chip);
                Scan = new ScriptedReader(Clock, ReaderKind.Scan, EntryMethod.Scan);
                Wait = new CardWait(Clock, new ICardReader[] { Swipe, Tap, Insert, Scan }, 50);
            }

            public CardWaitResult Run(int timeoutMs, CancelSignal cancel, out CardData card, out PaymentCode code)
            {
                return Wait.Wait(timeoutMs, cancel, Screen, out card, out code);
            }
        }

        [TestMethod]
        public void FirstPresentationWins_LaterOnesStayUnread()
        {
            Board b = new Board();
            b.Swipe.CardAt(900, StripeOnly);
            b.Scan.CodeAt(420, "284412345678901234");
            b.Tap.CardAt(1500, StripeOnly);
            CardData card;
            PaymentCode code;
            Assert.AreEqual((int)CardWaitResult.Code, (int)b.Run(30000, null, out card, out code));
            Assert.IsNull(card);
            Assert.AreEqual("28************1234", code.Masked);
            Assert.IsTrue(b.Clock.MonotonicMs >= 420 && b.Clock.MonotonicMs < 420 + 4 * 50);
            Assert.AreEqual(1, b.Swipe.Pending);
            Assert.AreEqual(1, b.Tap.Pending);
            code.Dispose();

            // the next wait takes the swipe, the earliest left
            Assert.AreEqual((int)CardWaitResult.Card, (int)b.Run(30000, null, out card, out code));
            Assert.AreEqual((int)EntryMethod.Swipe, (int)card.Entry);
            card.Dispose();
        }

        [TestMethod]
        public void EachReaderCanWin()
        {
            ReaderKind[] kinds = { ReaderKind.Swipe, ReaderKind.Tap, ReaderKind.Insert, ReaderKind.Scan };
            for (int k = 0; k < kinds.Length; k++)
            {
                Board b = new Board();
                ScriptedReader[] readers = { b.Swipe, b.Tap, b.Insert, b.Scan };
                if (kinds[k] == ReaderKind.Scan) readers[k].CodeAt(300, "6226012345678901234");
                else readers[k].CardAt(300, StripeOnly);
                CardData card;
                PaymentCode code;
                CardWaitResult r = b.Run(5000, null, out card, out code);
                Assert.AreEqual(kinds[k] == ReaderKind.Scan ? (int)CardWaitResult.Code : (int)CardWaitResult.Card, (int)r);
                if (card != null) card.Dispose();
                if (code != null) code.Dispose();
            }
        }

        [TestMethod]
        public void NothingPresented_TimesOutAtTheDeadline()
        {
            Board b = new Board();
            CardData card;
            PaymentCode code;
            Assert.AreEqual((int)CardWaitResult.TimedOut, (int)b.Run(2000, null, out card, out code));
            Assert.IsNull(card);
            Assert.IsNull(code);
            Assert.AreEqual(2000, (int)b.Clock.MonotonicMs);
            Assert.IsTrue(b.Swipe.Polls >= 2000 / 50 / 4);
        }

        [TestMethod]
        public void Cancelled_EndsTheWait_WithinOnePoll()
        {
            Board b = new Board();
            CancelSignal cancel = new CancelSignal();
            long cancelledAt = -1;
            b.Scan.OnPoll = delegate (long now)
            {
                if (now >= 700 && cancelledAt < 0)
                {
                    cancel.Cancel();
                    cancelledAt = now;
                }
            };
            b.Swipe.CardAt(5000, StripeOnly);
            CardData card;
            PaymentCode code;
            Assert.AreEqual((int)CardWaitResult.Cancelled, (int)b.Run(30000, cancel, out card, out code));
            Assert.IsNull(card);
            Assert.IsTrue(cancelledAt >= 700);
            Assert.IsTrue(b.Clock.MonotonicMs <= cancelledAt + 50);
            Assert.AreEqual(1, b.Swipe.Pending);

            // a cancel before the wait starts ends it at once; Reset makes the signal usable again
            Assert.AreEqual((int)CardWaitResult.Cancelled, (int)b.Run(30000, cancel, out card, out code));
            cancel.Reset();
            b.Scan.OnPoll = null;
            Assert.AreEqual((int)CardWaitResult.Card, (int)b.Run(30000, cancel, out card, out code));
            card.Dispose();
        }

        [TestMethod]
        public void ChipCardSwiped_UseChip_CardWiped_WaitGoesOn()
        {
            Board b = new Board();
            b.Swipe.CardAt(100, ChipCard);
            b.Insert.CardAt(2000, ChipCard);
            CardData card;
            PaymentCode code;
            Assert.AreEqual((int)CardWaitResult.Card, (int)b.Run(30000, null, out card, out code));
            Assert.AreEqual(1, b.Screen.UseChip);
            Assert.AreEqual((int)EntryMethod.Chip, (int)card.Entry);
            Assert.IsTrue(b.Clock.MonotonicMs >= 2000);
            card.Dispose();
        }

        [TestMethod]
        public void ThreeChipFailures_ThenTheStripeIsFallback()
        {
            Board b = new Board();
            b.Insert.FailureAt(100, 7);
            b.Swipe.CardAt(200, ChipCard);                 // too early: still "use chip"
            b.Insert.FailureAt(300, 7);
            b.Insert.FailureAt(500, 7);
            b.Swipe.CardAt(800, ChipCard);
            CardData card;
            PaymentCode code;
            Assert.AreEqual((int)CardWaitResult.Card, (int)b.Run(30000, null, out card, out code));
            Assert.AreEqual(1, b.Screen.UseChip);
            Assert.AreEqual(3, b.Screen.Failures);
            Assert.AreEqual((int)ReaderKind.Insert, (int)b.Screen.LastReader);
            Assert.AreEqual(7, b.Screen.LastReason);
            Assert.AreEqual(1, b.Screen.FallbackAllowed);
            Assert.AreEqual(3, b.Wait.ChipFailures);
            Assert.AreEqual((int)EntryMethod.Fallback, (int)card.Entry);
            Assert.AreEqual("625094******1231", card.MaskedPan);
            card.Dispose();

            // a new transaction starts chip-first again
            b.Wait.Reset();
            Assert.IsFalse(b.Wait.FallbackAllowed);
            b.Swipe.CardAt(1000, ChipCard);
            Assert.AreEqual((int)CardWaitResult.TimedOut, (int)b.Run(2000, null, out card, out code));
            Assert.AreEqual(2, b.Screen.UseChip);
        }

        [TestMethod]
        public void StripeOnlyCard_NeverFallback()
        {
            Board b = new Board();
            for (int i = 1; i <= 3; i++) b.Insert.FailureAt(i * 100, 1);
            b.Swipe.CardAt(600, StripeOnly);
            CardData card;
            PaymentCode code;
            Assert.AreEqual((int)CardWaitResult.Card, (int)b.Run(30000, null, out card, out code));
            Assert.AreEqual((int)EntryMethod.Swipe, (int)card.Entry);
            card.Dispose();
        }

        [TestMethod]
        public void BadSwipeAndBadCode_Reported_ThenARead()
        {
            Board b = new Board();
            b.Swipe.FailureAt(100, 6);                      // LRC
            b.Scan.FailureAt(200, 3);                       // unknown prefix
            b.Swipe.CardAt(400, StripeOnly);
            CardData card;
            PaymentCode code;
            Assert.AreEqual((int)CardWaitResult.Card, (int)b.Run(30000, null, out card, out code));
            Assert.AreEqual(2, b.Screen.Failures);
            Assert.AreEqual(0, b.Wait.ChipFailures);        // only the chip reader's failures count for fallback
            card.Dispose();
        }

        [TestMethod]
        public void BrokenReader_ReportedOnce_OthersStillServe()
        {
            Board b = new Board();
            b.Tap.Throws = true;
            b.Scan.CodeAt(1000, "134526838612345678");
            CardData card;
            PaymentCode code;
            Assert.AreEqual((int)CardWaitResult.Code, (int)b.Run(30000, null, out card, out code));
            Assert.AreEqual(1, b.Tap.Polls);
            Assert.AreEqual(1, b.Screen.Failures);
            Assert.AreEqual(CardWait.ReaderFault, b.Screen.LastReason);
            code.Dispose();
        }

        [TestMethod]
        public void AllReadersBroken_EndsAtOnce()
        {
            ManualClock clock = new ManualClock();
            ScriptedReader r = new ScriptedReader(clock, ReaderKind.Swipe, EntryMethod.Swipe);
            r.Throws = true;
            CardWait w = new CardWait(clock, new ICardReader[] { r });
            CardData card;
            PaymentCode code;
            Assert.AreEqual((int)CardWaitResult.TimedOut, (int)w.Wait(30000, null, null, out card, out code));
            Assert.AreEqual(0, (int)clock.MonotonicMs);
        }

        [TestMethod]
        public void WithEntry_MovesTheData()
        {
            byte[] t = PosTerminal.Util.Ascii.GetBytes(ChipCard);
            CardData card;
            Track2.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card);
            CardData fallback = card.WithEntry(EntryMethod.Fallback);
            Assert.AreEqual(0, card.PanLength);
            Assert.AreEqual(16, fallback.PanLength);
            Assert.AreEqual("2908", fallback.Expiry);
            Assert.AreEqual("201", fallback.ServiceCode);
            fallback.Dispose();
        }
    }
}
