namespace PosTerminal.Cards.Scanner
{
    /// <summary>The result of one wait on the payment-code scanner.</summary>
    public enum ScanStatus : byte
    {
        /// <summary>A well-formed payment code was scanned.</summary>
        Scanned = 0,
        /// <summary>Nothing complete arrived in the time given.</summary>
        NoCode = 1,
        /// <summary>A line arrived but is not a payment code; <see cref="PaymentCodeScanner.LastRejection"/> says why.</summary>
        Rejected = 2
    }
}
