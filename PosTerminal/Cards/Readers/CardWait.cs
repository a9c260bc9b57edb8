using System;
using PosTerminal.Hal;

namespace PosTerminal.Cards.Readers
{
    /// <summary>
    /// One wait for the first of swipe, tap, insert and scan: the readers are polled in turn, each for a short slice,
    /// until one yields a card or a code, the time is up, or the wait is cancelled. Chip-first rules apply on the way:
    /// a chip card (service code 2xx/6xx) that is swiped is refused with "use chip" and the wait goes on, unless the chip
    /// failed <see cref="ChipFailuresForFallback"/> times in this transaction, in which case its stripe is accepted as
    /// fallback (<see cref="EntryMethod.Fallback"/>, which the profile maps to its F22 code).
    /// </summary>
    /// <remarks>
    /// One thread, no allocation per poll: the readers block for at most a slice each, so a presentation waits at most
    /// (readers - 1) slices before its reader is asked. A read that fails (a bad swipe, a rejected code, a chip error)
    /// is reported to the observer and the wait continues. A reader that throws is reported once and left out for the
    /// rest of the wait, so a broken peripheral cannot stop the others. Card data the wait does not return is disposed
    /// (wiped) at once. Not thread-safe apart from <see cref="CancelSignal"/>.
    /// </remarks>
    public sealed class CardWait
    {
        /// <summary>Failed chip reads after which a chip card's stripe may be swiped (EMV fallback; 3 as terminals use).</summary>
        public const int ChipFailuresForFallback = 3;

        /// <summary>How long each reader is polled in turn, unless set otherwise.</summary>
        public const int DefaultSliceMs = 50;

        /// <summary>The reason reported for a reader that threw.</summary>
        public const int ReaderFault = 255;

        private readonly IClock _clock;
        private readonly ICardReader[] _readers;
        private readonly int _sliceMs;
        private int _chipFailures;

        /// <summary>A wait over <paramref name="readers"/>, polled in that order, <see cref="DefaultSliceMs"/> each.</summary>
        public CardWait(IClock clock, ICardReader[] readers)
            : this(clock, readers, DefaultSliceMs)
        {
        }

        /// <summary>A wait over <paramref name="readers"/>, polled in that order, <paramref name="sliceMs"/> each.</summary>
        public CardWait(IClock clock, ICardReader[] readers, int sliceMs)
        {
            if (clock == null || readers == null) throw new ArgumentNullException();
            if (readers.Length == 0 || sliceMs < 1) throw new ArgumentOutOfRangeException();
            for (int i = 0; i < readers.Length; i++)
            {
                if (readers[i] == null) throw new ArgumentNullException();
            }
            _clock = clock;
            _readers = readers;
            _sliceMs = sliceMs;
        }

        /// <summary>Failed chip reads in this transaction.</summary>
        public int ChipFailures
        {
            get { return _chipFailures; }
        }

        /// <summary>True when a chip card's stripe may be swiped (the chip failed often enough).</summary>
        public bool FallbackAllowed
        {
            get { return _chipFailures >= ChipFailuresForFallback; }
        }

        /// <summary>Starts a new transaction: the chip failures counted so far no longer count.</summary>
        public void Reset()
        {
            _chipFailures = 0;
        }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for a card or a code. <see cref="CardWaitResult.Card"/> sets
        /// <paramref name="card"/>, <see cref="CardWaitResult.Code"/> sets <paramref name="code"/> (the caller disposes
        /// it); otherwise both are null. <paramref name="cancel"/> and <paramref name="observer"/> may be null.
        /// </summary>
        public CardWaitResult Wait(int timeoutMs, CancelSignal cancel, ICardWaitObserver observer, out CardData card, out PaymentCode code)
        {
            card = null;
            code = null;
            Deadline deadline = Deadline.In(_clock, timeoutMs);
            int broken = 0;                                   // bit i: reader i threw during this wait
            while (true)
            {
                int polled = 0;
                for (int i = 0; i < _readers.Length; i++)
                {
                    if (cancel != null && cancel.IsCancelled) return CardWaitResult.Cancelled;
                    int remaining = deadline.RemainingMs(_clock);
                    if (remaining <= 0) return CardWaitResult.TimedOut;
                    if ((broken & (1 << i)) != 0) continue;
                    polled++;
                    ICardReader reader = _readers[i];
                    CardData c;
                    PaymentCode pc;
                    ReadStatus s;
                    try
                    {
                        s = reader.Poll(remaining < _sliceMs ? remaining : _sliceMs, out c, out pc);
                    }
                    catch (Exception)
                    {
                        broken |= 1 << i;
                        if (observer != null) observer.OnReadFailed(reader.Kind, ReaderFault);
                        continue;
                    }
                    if (s == ReadStatus.Code && pc != null)
                    {
                        code = pc;
                        return CardWaitResult.Code;
                    }
                    if (s == ReadStatus.Card && c != null)
                    {
                        if (c.Entry == EntryMethod.Swipe && c.HasChip)
                        {
                            if (!FallbackAllowed)
                            {
                                c.Dispose();
                                if (observer != null) observer.OnUseChip();
                                continue;
                            }
                            c = c.WithEntry(EntryMethod.Fallback);
                        }
                        card = c;
                        return CardWaitResult.Card;
                    }
                    if (s == ReadStatus.Failed)
                    {
                        if (observer != null) observer.OnReadFailed(reader.Kind, reader.LastFailure);
                        if (reader.Kind == ReaderKind.Insert && ++_chipFailures == ChipFailuresForFallback && observer != null)
                        {
                            observer.OnFallbackAllowed(_chipFailures);
                        }
                    }
                }
                if (polled == 0)
                {
                    // Every reader threw: nothing can be presented, so the wait ends now (rather than spin) as timed out.
                    return CardWaitResult.TimedOut;
                }
            }
        }
    }
}
