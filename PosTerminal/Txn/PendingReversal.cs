using System;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// A reversal (冲正) the terminal owes the host: the fields of the reversible request it journalled before sending,
    /// the reason (F39 of the 0400: 06 journalled / other, 98 no response, A0 response MAC wrong; LiaoYang_POS
    /// trancomm.c, payments.md §2.8, §4.3) and how many times the 0400 has gone out. No card data is kept: not the card
    /// number, expiry or track (PCI DSS: "keep reversal and batch records minimal", payments.md §7), only the masked
    /// number; the host finds the original by terminal, batch and trace number (payments.md §8, "State").
    /// </summary>
    public sealed class PendingReversal
    {
        /// <summary>F39 of the 0400: "06", "98" or "A0".</summary>
        public string Reason { get; internal set; }

        /// <summary>The original request's type.</summary>
        public TransactionType Type { get; internal set; }

        /// <summary>The original request's MTI (the 0400 carries its F3, F25, F60.1).</summary>
        public int OriginalMti { get; internal set; }

        /// <summary>F3 of the original.</summary>
        public string ProcessingCode { get; internal set; }

        /// <summary>F4 of the original, minor units.</summary>
        public long AmountMinor { get; internal set; }

        /// <summary>F11 of the original (the 0400 carries it: the host finds the original by terminal and trace number).</summary>
        public int Stan { get; internal set; }

        /// <summary>Batch (F60.2) of the original.</summary>
        public int Batch { get; internal set; }

        /// <summary>F22 of the original.</summary>
        public string EntryMode { get; internal set; }

        /// <summary>F25 of the original.</summary>
        public string ConditionCode { get; internal set; }

        /// <summary>F60 of the original (cup), or null.</summary>
        public string Field60 { get; internal set; }

        /// <summary>F61 of the original (a void's reference to its sale), or null.</summary>
        public string Field61 { get; internal set; }

        /// <summary>F37 the original carried (a void's original RRN), or null.</summary>
        public string Rrn { get; internal set; }

        /// <summary>F38 the original carried or received, or null.</summary>
        public string AuthCode { get; internal set; }

        /// <summary>F7 of the original (iso87ascii; goes into F90 of the 0400), or null.</summary>
        public string TransmissionDateTime { get; internal set; }

        /// <summary>The card number, first 6 / last 4 (or the masked payment code).</summary>
        public string MaskedPan { get; internal set; }

        /// <summary>0400s sent for it so far (answered or not).</summary>
        public int Attempts { get; internal set; }

        /// <summary>
        /// True when every allowed attempt failed: the record is kept, reversible transactions are refused until
        /// <see cref="Terminal.SendPendingReversal"/> gets it through, and the merchant must call support.
        /// </summary>
        public bool Failed { get; internal set; }

        /// <summary>Masked one-line summary for the console: type, trace, amount, reason, attempts.</summary>
        public override string ToString()
        {
            return (Type == null ? "?" : Type.Name) + " trace " + Ascii.Number(Stan, 6) + " batch " + Ascii.Number(Batch, 6)
                + " amount " + AmountMinor.ToString() + " card " + MaskedPan + " reason " + Reason
                + " attempts " + Attempts.ToString() + (Failed ? " FAILED" : "");
        }

        // Journal image: [reason 2][type 1][mti u16][amount 8][stan u32][batch u32][attempts 1][failed 1] then
        // length-prefixed ASCII strings: F3, F22, F25, F60, F61, F37, F38, F7, masked PAN.
        internal int Write(byte[] dst, int at)
        {
            int p = at;
            Ascii.Write(Reason, dst, p);
            p += 2;
            dst[p++] = (byte)Type.Id;
            Bytes.WriteUInt16BE(OriginalMti, dst, p);
            p += 2;
            p = JournalBytes.PutLong(AmountMinor, dst, p);
            Bytes.WriteUInt32BE((uint)Stan, dst, p);
            p += 4;
            Bytes.WriteUInt32BE((uint)Batch, dst, p);
            p += 4;
            dst[p++] = (byte)Attempts;
            dst[p++] = (byte)(Failed ? 1 : 0);
            p = JournalBytes.PutString(ProcessingCode, dst, p);
            p = JournalBytes.PutString(EntryMode, dst, p);
            p = JournalBytes.PutString(ConditionCode, dst, p);
            p = JournalBytes.PutString(Field60, dst, p);
            p = JournalBytes.PutString(Field61, dst, p);
            p = JournalBytes.PutString(Rrn, dst, p);
            p = JournalBytes.PutString(AuthCode, dst, p);
            p = JournalBytes.PutString(TransmissionDateTime, dst, p);
            p = JournalBytes.PutString(MaskedPan, dst, p);
            return p - at;
        }

        // Null when the image does not decode (a record of another layout).
        internal static PendingReversal Read(byte[] src, int at, int end)
        {
            if (end - at < 25) return null;
            PendingReversal r = new PendingReversal();
            r.Reason = Ascii.GetString(src, at, 2);
            int p = at + 2;
            r.Type = TransactionType.FromId(src[p++]);
            if (r.Type == null) return null;
            r.OriginalMti = Bytes.ReadUInt16BE(src, p);
            p += 2;
            r.AmountMinor = JournalBytes.GetLong(src, p);
            p += 8;
            r.Stan = (int)Bytes.ReadUInt32BE(src, p);
            p += 4;
            r.Batch = (int)Bytes.ReadUInt32BE(src, p);
            p += 4;
            r.Attempts = src[p++];
            r.Failed = src[p++] != 0;
            JournalBytes reader = new JournalBytes(src, p, end);
            r.ProcessingCode = reader.NextString();
            r.EntryMode = reader.NextString();
            r.ConditionCode = reader.NextString();
            r.Field60 = reader.NextString();
            r.Field61 = reader.NextString();
            r.Rrn = reader.NextString();
            r.AuthCode = reader.NextString();
            r.TransmissionDateTime = reader.NextString();
            r.MaskedPan = reader.NextString();
            if (!reader.Ok || r.ProcessingCode == null) return null;
            return r;
        }
    }
}
