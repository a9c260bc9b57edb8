using System;
using PosTerminal.Cards;
using PosTerminal.Cards.Readers;
using PosTerminal.Util;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>
    /// A card reader that presents scripted events at given times on a <see cref="ManualClock"/>: a poll returns the next
    /// event when it falls within the poll's time (moving the clock to it), otherwise waits out the poll.
    /// </summary>
    public sealed class ScriptedReader : ICardReader
    {
        private readonly ManualClock _clock;
        private readonly long[] _at = new long[16];
        private readonly ReadStatus[] _status = new ReadStatus[16];
        private readonly string[] _data = new string[16];
        private readonly int[] _failure = new int[16];
        private readonly EntryMethod _entry;
        private int _count;
        private int _next;

        /// <summary>A reader of <paramref name="kind"/> whose cards carry <paramref name="entry"/>.</summary>
        public ScriptedReader(ManualClock clock, ReaderKind kind, EntryMethod entry)
        {
            _clock = clock;
            Kind = kind;
            _entry = entry;
        }

        /// <inheritdoc/>
        public ReaderKind Kind { get; private set; }

        /// <inheritdoc/>
        public int LastFailure { get; private set; }

        /// <summary>Polls made so far.</summary>
        public int Polls { get; private set; }

        /// <summary>Set: the next poll throws (a broken peripheral).</summary>
        public bool Throws { get; set; }

        /// <summary>Called at every poll with the time of the poll (e.g. to cancel from "another thread").</summary>
        public Action<long> OnPoll { get; set; }

        /// <summary>Events left.</summary>
        public int Pending
        {
            get { return _count - _next; }
        }

        /// <summary>A card with track 2 <paramref name="track"/> (no sentinels) at <paramref name="atMs"/>.</summary>
        public void CardAt(long atMs, string track)
        {
            Add(atMs, ReadStatus.Card, track, 0);
        }

        /// <summary>A payment code at <paramref name="atMs"/>.</summary>
        public void CodeAt(long atMs, string digits)
        {
            Add(atMs, ReadStatus.Code, digits, 0);
        }

        /// <summary>A failed read with <paramref name="reason"/> at <paramref name="atMs"/>.</summary>
        public void FailureAt(long atMs, int reason)
        {
            Add(atMs, ReadStatus.Failed, null, reason);
        }

        private void Add(long atMs, ReadStatus s, string data, int reason)
        {
            _at[_count] = atMs;
            _status[_count] = s;
            _data[_count] = data;
            _failure[_count] = reason;
            _count++;
        }

        /// <inheritdoc/>
        public ReadStatus Poll(int timeoutMs, out CardData card, out PaymentCode code)
        {
            card = null;
            code = null;
            Polls++;
            if (OnPoll != null) OnPoll(_clock.MonotonicMs);
            if (Throws) throw new InvalidOperationException("reader fault");
            if (_next >= _count || _at[_next] > _clock.MonotonicMs + timeoutMs)
            {
                _clock.Advance(timeoutMs);
                return ReadStatus.None;
            }
            if (_at[_next] > _clock.MonotonicMs) _clock.Advance((int)(_at[_next] - _clock.MonotonicMs));
            int i = _next++;
            if (_status[i] == ReadStatus.Failed)
            {
                LastFailure = _failure[i];
                return ReadStatus.Failed;
            }
            byte[] b = Ascii.GetBytes(_data[i]);
            if (_status[i] == ReadStatus.Code)
            {
                PaymentCode.TryCreate(b, 0, b.Length, out code);
                return ReadStatus.Code;
            }
            Track2.TryParse(b, 0, b.Length, _entry, out card);
            return ReadStatus.Card;
        }
    }
}
