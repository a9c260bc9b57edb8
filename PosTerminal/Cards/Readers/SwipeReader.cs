using PosTerminal.Cards.Magstripe;

namespace PosTerminal.Cards.Readers
{
    /// <summary>The magnetic stripe as a <see cref="CardWait"/> reader: track 2 read by a <see cref="MagstripeReader"/>.</summary>
    public sealed class SwipeReader : ICardReader
    {
        private readonly MagstripeReader _reader;

        /// <summary>A reader over <paramref name="reader"/> (a track 2 driver on a raw head or a TTL module).</summary>
        public SwipeReader(MagstripeReader reader)
        {
            if (reader == null) throw new System.ArgumentNullException();
            _reader = reader;
        }

        /// <inheritdoc/>
        public ReaderKind Kind
        {
            get { return ReaderKind.Swipe; }
        }

        /// <summary>The <see cref="MagstripeStatus"/> of the last failed swipe.</summary>
        public int LastFailure { get; private set; }

        /// <inheritdoc/>
        public ReadStatus Poll(int timeoutMs, out CardData card, out PaymentCode code)
        {
            code = null;
            MagstripeStatus s = _reader.TryRead(timeoutMs, EntryMethod.Swipe, out card);
            if (s == MagstripeStatus.Ok) return ReadStatus.Card;
            if (s == MagstripeStatus.NoSwipe) return ReadStatus.None;
            LastFailure = (int)s;
            return ReadStatus.Failed;
        }
    }
}
