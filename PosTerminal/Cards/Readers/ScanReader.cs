using PosTerminal.Cards.Scanner;

namespace PosTerminal.Cards.Readers
{
    /// <summary>The payment-code scanner as a <see cref="CardWait"/> reader.</summary>
    public sealed class ScanReader : ICardReader
    {
        private readonly PaymentCodeScanner _scanner;

        /// <summary>A reader over <paramref name="scanner"/>.</summary>
        public ScanReader(PaymentCodeScanner scanner)
        {
            if (scanner == null) throw new System.ArgumentNullException();
            _scanner = scanner;
        }

        /// <inheritdoc/>
        public ReaderKind Kind
        {
            get { return ReaderKind.Scan; }
        }

        /// <summary>The <see cref="PaymentCodeStatus"/> of the last rejected scan.</summary>
        public int LastFailure { get; private set; }

        /// <inheritdoc/>
        public ReadStatus Poll(int timeoutMs, out CardData card, out PaymentCode code)
        {
            card = null;
            ScanStatus s = _scanner.TryScan(timeoutMs, out code);
            if (s == ScanStatus.Scanned) return ReadStatus.Code;
            if (s == ScanStatus.NoCode) return ReadStatus.None;
            LastFailure = (int)_scanner.LastRejection;
            return ReadStatus.Failed;
        }
    }
}
