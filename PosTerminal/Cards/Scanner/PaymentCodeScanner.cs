using PosTerminal.Hal;
using PosTerminal.Txn;

namespace PosTerminal.Cards.Scanner
{
    /// <summary>
    /// Driver for a UART barcode/QR scanner module (GM65 class) that sends each decoded symbol as one ASCII line
    /// ending in CR, LF or CR LF. Each line is checked with <see cref="PaymentCode.Check"/> before anything else sees
    /// it: only a well-formed WeChat Pay, Alipay or UnionPay code becomes a <see cref="PaymentCode"/>; anything else
    /// (a product barcode, a URL, a code with an AIM symbology prefix, a cut or overlong line) is rejected with its
    /// reason. See README.md in this folder for the module's settings and wiring.
    /// </summary>
    /// <remarks>
    /// The module is set up once (by its setup barcodes) for sense or continuous mode, no prefix or AIM ID, a CR tail;
    /// the driver only reads, so a module in another mode is never left half-configured. A line may arrive across
    /// several short waits (the card-read wait polls each reader in turn); a line whose bytes stop for
    /// <see cref="LineIdleMs"/> is dropped. The line buffer is wiped after every line. Not thread-safe.
    /// </remarks>
    public sealed class PaymentCodeScanner
    {
        /// <summary>A line whose bytes stop for this long is dropped unfinished (9600 baud sends a code in ~25 ms).</summary>
        public const int LineIdleMs = 300;

        // Room for the longest payment code and then some, so an overlong symbol is reported as too long, not cut.
        private const int LineCapacity = 64;

        private readonly LineReader _reader;
        private readonly IClock _clock;

        /// <summary>A scanner on <paramref name="line"/> (the module's TX to our RX; 9600 8N1 by default).</summary>
        public PaymentCodeScanner(ISerialLine line, IClock clock)
        {
            _reader = new LineReader(line, LineCapacity, LineIdleMs);
            _clock = clock;
        }

        /// <summary>Why the last line was rejected (Ok after a scan).</summary>
        public PaymentCodeStatus LastRejection { get; private set; }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for one line from the module: <see cref="ScanStatus.Scanned"/> with the
        /// code (the caller disposes it), <see cref="ScanStatus.Rejected"/> with <see cref="LastRejection"/> set, or
        /// <see cref="ScanStatus.NoCode"/>.
        /// </summary>
        public ScanStatus TryScan(int timeoutMs, out PaymentCode code)
        {
            code = null;
            if (!_reader.TryRead(_clock, timeoutMs)) return ScanStatus.NoCode;
            try
            {
                PaymentCodeStatus s = _reader.Overflowed
                    ? PaymentCodeStatus.TooLong
                    : PaymentCode.TryCreate(_reader.Buffer, 0, _reader.Length, out code);
                LastRejection = s;
                return s == PaymentCodeStatus.Ok ? ScanStatus.Scanned : ScanStatus.Rejected;
            }
            finally
            {
                _reader.Wipe();
            }
        }
    }
}
