using System;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// The identity and link of the terminal. Immutable: a configuration change builds a new instance, which
    /// applies from the next transaction.
    /// </summary>
    public sealed class TerminalSettings
    {
        /// <summary>
        /// Settings. <paramref name="terminalId"/> is 8 printable characters (F41), <paramref name="merchantId"/> 15
        /// (F42), <paramref name="currency"/> an ISO 4217 numeric code of 3 digits (F49).
        /// </summary>
        public TerminalSettings(AcquirerProfile profile, string terminalId, string merchantId, string merchantName,
            string currency, LinkSettings link)
        {
            if (profile == null || link == null || merchantName == null) throw new ArgumentNullException();
            if (!IsPrintable(terminalId, 8) || !IsPrintable(merchantId, 15)) throw new ArgumentException();
            if (currency == null || currency.Length != 3 || !Ascii.IsDigits(currency)) throw new ArgumentException();
            Profile = profile;
            TerminalId = terminalId;
            MerchantId = merchantId;
            MerchantName = merchantName;
            Currency = currency;
            Link = link;
            ReadCapability = MagstripeOnly;
            Security = profile.DefaultSecurity;
            ReversalRetries = DefaultReversalRetries;
            BatchCapacity = BatchJournal.DefaultCapacity;
        }

        /// <summary>Default number of times a pending reversal is resent: 3 (CUP terminal default REVERSE_RETRY_TIMES, payments.md §4.1).</summary>
        public const int DefaultReversalRetries = 3;

        /// <summary>Most reversal retries a configuration may ask for.</summary>
        public const int MaxReversalRetries = 9;

        /// <summary>CUP F60.4 code of a terminal that reads magnetic stripes only.</summary>
        public const string MagstripeOnly = "2";

        /// <summary>Acquirer profile.</summary>
        public AcquirerProfile Profile { get; }

        /// <summary>F41, 8 characters.</summary>
        public string TerminalId { get; }

        /// <summary>F42, 15 characters.</summary>
        public string MerchantId { get; }

        /// <summary>Name printed on receipts.</summary>
        public string MerchantName { get; }

        /// <summary>F49, ISO 4217 numeric.</summary>
        public string Currency { get; }

        /// <summary>Hosts, timeouts, framing.</summary>
        public LinkSettings Link { get; private set; }

        /// <summary>
        /// What the board's readers can read, as CUP F60.4: 2 magnetic stripe, 5 contact chip (and stripe),
        /// 6 contactless and contact chip (and stripe). Starts at <see cref="MagstripeOnly"/>.
        /// </summary>
        public string ReadCapability { get; private set; }

        /// <summary>Key scheme, MAC, PIN block format, SM4 mode, track encryption. Starts at the profile's default.</summary>
        public SecuritySettings Security { get; private set; }

        /// <summary>How many times a pending reversal (0400) is resent before the merchant is told it failed (0..9).</summary>
        public int ReversalRetries { get; private set; }

        /// <summary>
        /// True: a reversal goes out right after the transaction that needs it (即时冲正, Centerm EPOS TOGGLE_REVERSE_NOW,
        /// payments.md §4.1); false (the default): before the next transaction.
        /// </summary>
        public bool ReverseImmediately { get; private set; }

        /// <summary>Transactions the batch journal holds before new ones are refused with "settle first" (1..999).</summary>
        public int BatchCapacity { get; private set; }

        /// <summary>A copy with reversals sent at once (true) or before the next transaction (false).</summary>
        public TerminalSettings WithReverseImmediately(bool immediately)
        {
            TerminalSettings t = Copy();
            t.ReverseImmediately = immediately;
            return t;
        }

        /// <summary>A copy with another batch capacity (1..<see cref="BatchJournal.MaxCapacity"/>).</summary>
        public TerminalSettings WithBatchCapacity(int capacity)
        {
            if (capacity < 1 || capacity > BatchJournal.MaxCapacity) throw new ArgumentOutOfRangeException();
            TerminalSettings t = Copy();
            t.BatchCapacity = capacity;
            return t;
        }

        /// <summary>A copy with another reversal retry count (0..<see cref="MaxReversalRetries"/>).</summary>
        public TerminalSettings WithReversalRetries(int retries)
        {
            if (retries < 0 || retries > MaxReversalRetries) throw new ArgumentOutOfRangeException();
            TerminalSettings t = Copy();
            t.ReversalRetries = retries;
            return t;
        }

        /// <summary>A copy with another link.</summary>
        public TerminalSettings WithLink(LinkSettings link)
        {
            TerminalSettings t = Copy();
            t.Link = link;
            return t;
        }

        /// <summary>A copy with another F60.4 read capability ("0", "2", "5" or "6").</summary>
        public TerminalSettings WithReadCapability(string capability)
        {
            if (capability != "0" && capability != "2" && capability != "5" && capability != "6") throw new ArgumentException();
            TerminalSettings t = Copy();
            t.ReadCapability = capability;
            return t;
        }

        /// <summary>A copy with other security settings.</summary>
        public TerminalSettings WithSecurity(SecuritySettings security)
        {
            if (security == null) throw new ArgumentNullException();
            TerminalSettings t = Copy();
            t.Security = security;
            return t;
        }

        private TerminalSettings Copy()
        {
            TerminalSettings t = new TerminalSettings(Profile, TerminalId, MerchantId, MerchantName, Currency, Link);
            t.ReadCapability = ReadCapability;
            t.Security = Security;
            t.ReversalRetries = ReversalRetries;
            t.ReverseImmediately = ReverseImmediately;
            t.BatchCapacity = BatchCapacity;
            return t;
        }

        private static bool IsPrintable(string s, int length)
        {
            if (s == null || s.Length != length) return false;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < 0x20 || s[i] > 0x7E) return false;
            }
            return true;
        }
    }
}
