using System;
using PosTerminal.Hal;

namespace PosTerminal.Cards.Magstripe
{
    /// <summary>
    /// Magnetic stripe driver for one track: a raw read head captured as flux-transition durations
    /// (<see cref="IFluxCapture"/>, decoded by <see cref="F2fDecoder"/>) or one channel of a TTL reader module
    /// (<see cref="ITtlLineCapture"/>, sampled by <see cref="TtlSampler"/>); then <see cref="TrackDecoder"/> (sentinels,
    /// parity, LRC, both directions) and the track parser (<see cref="Track2"/> or <see cref="Track1"/>, Luhn included).
    /// See README.md in this folder for the signals and the ESP32 wiring.
    /// </summary>
    /// <remarks>
    /// The constructor allocates the buffers for one swipe of the chosen track (a whole card's worth of bit cells) and
    /// does no I/O; the capture is not owned (the board disposes it). A read allocates only the resulting
    /// <see cref="CardData"/>. Every buffer that held the swipe (durations or line events, bits, characters) is wiped
    /// before <see cref="TryRead(int, out CardData)"/> returns. Whether a chip card may be swiped (service code 2xx/6xx:
    /// <see cref="CardData.HasChip"/>) is for the caller to decide. Not thread-safe: one read at a time.
    /// </remarks>
    public sealed class MagstripeReader
    {
        /// <summary>A swipe with fewer flux transitions than this is <see cref="MagstripeStatus.TooShort"/> (a card has hundreds).</summary>
        public const int MinTransitions = 16;

        private readonly IFluxCapture _head;
        private readonly ITtlLineCapture _module;
        private readonly MagstripeTrack _track;
        private readonly int[] _intervals;
        private readonly F2fDecoder _f2f;
        private readonly byte[] _lines;
        private readonly byte[] _levels;
        private readonly int[] _times;
        private readonly byte[] _bits;
        private readonly byte[] _chars;

        /// <summary>A raw head reading <paramref name="track"/> (1 or 2) through flux-transition capture.</summary>
        public MagstripeReader(IFluxCapture head, MagstripeTrack track)
            : this(track)
        {
            if (head == null) throw new ArgumentNullException();
            _head = head;
            _intervals = new int[MaxIntervals(track)];
            _f2f = new F2fDecoder(_intervals.Length);
        }

        /// <summary>One track (1 or 2) of a TTL reader module.</summary>
        public MagstripeReader(ITtlLineCapture module, MagstripeTrack track)
            : this(track)
        {
            if (module == null) throw new ArgumentNullException();
            _module = module;
            int events = MaxEvents(track);
            _lines = new byte[events];
            _levels = new byte[events];
            _times = new int[events];
        }

        private MagstripeReader(MagstripeTrack track)
        {
            if (track != MagstripeTrack.Track1 && track != MagstripeTrack.Track2) throw new ArgumentOutOfRangeException();
            _track = track;
            _bits = new byte[TrackFormat.MaxBits(track)];
            _chars = new byte[TrackFormat.MaxCharacters(track)];
        }

        /// <summary>Flux-transition durations one swipe of <paramref name="track"/> can have: two per bit cell, plus slack for noise.</summary>
        public static int MaxIntervals(MagstripeTrack track)
        {
            return 2 * TrackFormat.MaxBits(track) + 64;
        }

        /// <summary>TTL line events one swipe can have: STROBE down and up and a DATA change per bit, plus CP.</summary>
        public static int MaxEvents(MagstripeTrack track)
        {
            return 3 * TrackFormat.MaxBits(track) + 8;
        }

        /// <summary>The track this reader decodes.</summary>
        public MagstripeTrack Track
        {
            get { return _track; }
        }

        /// <summary>After <see cref="MagstripeStatus.BadTrackData"/> on track 2: which check failed (Ok otherwise).</summary>
        public Track2Status LastTrack2Status { get; private set; }

        /// <summary>After <see cref="MagstripeStatus.BadTrackData"/> on track 1: which check failed (Ok otherwise).</summary>
        public Track1Status LastTrack1Status { get; private set; }

        /// <summary>True when the last read decoded only with the bit stream reversed (swiped the other way round).</summary>
        public bool LastReversed { get; private set; }

        /// <summary>Flux transitions (raw head) or line events (TTL module) of the last swipe; for the technician's diagnostics.</summary>
        public int LastCaptureCount { get; private set; }

        /// <summary>Bits decoded from the last swipe, clocking zeros included.</summary>
        public int LastBitCount { get; private set; }

        /// <summary>Waits up to <paramref name="timeoutMs"/> ms for a swipe and reads it, entry method Swipe.</summary>
        public MagstripeStatus TryRead(int timeoutMs, out CardData card)
        {
            return TryRead(timeoutMs, EntryMethod.Swipe, out card);
        }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> ms for a swipe and reads it. On Ok, <paramref name="card"/> carries
        /// <paramref name="entry"/> (Swipe, or Fallback when the caller allows a chip card's stripe after failed chip
        /// reads) and is owned by the caller; otherwise it is null.
        /// </summary>
        public MagstripeStatus TryRead(int timeoutMs, EntryMethod entry, out CardData card)
        {
            card = null;
            ResetDiagnostics();
            if (_head != null)
            {
                int n = _head.Capture(_intervals, 0, _intervals.Length, timeoutMs);
                LastCaptureCount = n;
                if (n <= 0) return MagstripeStatus.NoSwipe;
                try
                {
                    return DecodeIntervals(_intervals, 0, n, entry, out card);
                }
                finally
                {
                    Array.Clear(_intervals, 0, n);
                }
            }

            int events = _module.Capture(_lines, _levels, _times, 0, _lines.Length, timeoutMs);
            LastCaptureCount = events;
            if (events <= 0) return MagstripeStatus.NoSwipe;
            int bits = TtlSampler.Sample(_lines, _levels, _times, 0, events, _bits, 0, _bits.Length);
            Array.Clear(_lines, 0, events);
            Array.Clear(_levels, 0, events);
            Array.Clear(_times, 0, events);
            return DecodeBits(bits, entry, out card);
        }

        /// <summary>
        /// Decodes a swipe already captured as flux-transition durations (µs; any unit works) with this reader's
        /// buffers, as <see cref="TryRead(int, EntryMethod, out CardData)"/> does after the capture. The range is
        /// rewritten in place (glitch merging); the caller wipes it. Only for a reader built on a raw head.
        /// </summary>
        public MagstripeStatus DecodeIntervals(int[] intervalsUs, int offset, int count, EntryMethod entry, out CardData card)
        {
            if (_f2f == null) throw new InvalidOperationException();
            card = null;
            ResetDiagnostics();
            LastCaptureCount = count;
            if (count < MinTransitions) return MagstripeStatus.TooShort;
            int bits = _f2f.Decode(intervalsUs, offset, count, _bits, 0, _bits.Length);
            return DecodeBits(bits, entry, out card);
        }

        private MagstripeStatus DecodeBits(int bitCount, EntryMethod entry, out CardData card)
        {
            card = null;
            LastBitCount = bitCount;
            int chars = 0;
            try
            {
                bool reversed;
                MagstripeStatus s = TrackDecoder.Decode(_track, _bits, 0, bitCount, _chars, 0, out chars, out reversed);
                LastReversed = reversed;
                if (s != MagstripeStatus.Ok) return s;
                if (_track == MagstripeTrack.Track2)
                {
                    Track2Status t2 = Track2.TryParse(_chars, 0, chars, entry, out card);
                    LastTrack2Status = t2;
                    return t2 == Track2Status.Ok ? MagstripeStatus.Ok : MagstripeStatus.BadTrackData;
                }
                Track1Status t1 = Track1.TryParse(_chars, 0, chars, entry, out card);
                LastTrack1Status = t1;
                return t1 == Track1Status.Ok ? MagstripeStatus.Ok : MagstripeStatus.BadTrackData;
            }
            finally
            {
                Array.Clear(_bits, 0, bitCount);
                Array.Clear(_chars, 0, _chars.Length);
            }
        }

        private void ResetDiagnostics()
        {
            LastTrack1Status = Track1Status.Ok;
            LastTrack2Status = Track2Status.Ok;
            LastReversed = false;
            LastCaptureCount = 0;
            LastBitCount = 0;
        }
    }
}
