using System;
using PosTerminal.Cards;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// One approved transaction of the open batch, as the batch journal keeps it for settlement and voids: type,
    /// trace number, amount, host references, the masked card (never the full number: PCI DSS 3.5.1, payments.md §7)
    /// and, for a void, the trace number of the sale it cancelled.
    /// </summary>
    public sealed class BatchEntry
    {
        /// <summary>Transaction type.</summary>
        public TransactionType Type { get; internal set; }

        /// <summary>F11.</summary>
        public int Stan { get; internal set; }

        /// <summary>Batch (F60.2) it belongs to.</summary>
        public int Batch { get; internal set; }

        /// <summary>Amount approved, minor units.</summary>
        public long AmountMinor { get; internal set; }

        /// <summary>F37 from the host ("" when none).</summary>
        public string Rrn { get; internal set; }

        /// <summary>F38 from the host ("" when none).</summary>
        public string AuthCode { get; internal set; }

        /// <summary>First 6 / last 4 of the card (or the masked payment code).</summary>
        public string MaskedPan { get; internal set; }

        /// <summary>How the card was read.</summary>
        public EntryMethod Entry { get; internal set; }

        /// <summary>For a void: the trace number of the sale it cancelled; 0 otherwise.</summary>
        public int OriginalStan { get; internal set; }

        /// <summary>Terminal date and time.</summary>
        public DateTime Time { get; internal set; }

        /// <summary>True for a void or refund (a credit in the settlement totals).</summary>
        public bool IsCredit
        {
            get { return Type.IsCredit; }
        }

        // Image: [batch u32][type 1][stan u32][amount 8][entry 1][original stan u32][ticks 8] then strings F37, F38, masked PAN.
        internal int Write(byte[] dst, int at)
        {
            int p = at;
            Bytes.WriteUInt32BE((uint)Batch, dst, p);
            p += 4;
            dst[p++] = (byte)Type.Id;
            Bytes.WriteUInt32BE((uint)Stan, dst, p);
            p += 4;
            p = JournalBytes.PutLong(AmountMinor, dst, p);
            dst[p++] = (byte)Entry;
            Bytes.WriteUInt32BE((uint)OriginalStan, dst, p);
            p += 4;
            p = JournalBytes.PutLong(Time.Ticks, dst, p);
            p = JournalBytes.PutString(Rrn, dst, p);
            p = JournalBytes.PutString(AuthCode, dst, p);
            p = JournalBytes.PutString(MaskedPan, dst, p);
            return p - at;
        }

        internal static BatchEntry Read(byte[] src, int at, int end)
        {
            if (end - at < 30) return null;
            BatchEntry e = new BatchEntry();
            int p = at;
            e.Batch = (int)Bytes.ReadUInt32BE(src, p);
            p += 4;
            e.Type = TransactionType.FromId(src[p++]);
            if (e.Type == null) return null;
            e.Stan = (int)Bytes.ReadUInt32BE(src, p);
            p += 4;
            e.AmountMinor = JournalBytes.GetLong(src, p);
            p += 8;
            e.Entry = (EntryMethod)src[p++];
            e.OriginalStan = (int)Bytes.ReadUInt32BE(src, p);
            p += 4;
            long ticks = JournalBytes.GetLong(src, p);
            p += 8;
            if (ticks < 0 || ticks > DateTime.MaxValue.Ticks) return null;
            e.Time = new DateTime(ticks);
            JournalBytes r = new JournalBytes(src, p, end);
            e.Rrn = r.NextString();
            e.AuthCode = r.NextString();
            e.MaskedPan = r.NextString();
            if (!r.Ok) return null;
            return e;
        }
    }
}
