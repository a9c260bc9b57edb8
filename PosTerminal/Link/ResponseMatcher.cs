using PosTerminal.Iso8583;

namespace PosTerminal.Link
{
    /// <summary>
    /// Decides whether a received message answers a request: MTI = request MTI + 10 (0200 -> 0210), and the
    /// same F3, F4, F11, F41 and F42 wherever the request carries them (the checks of UnionPay terminals,
    /// e.g. LiaoYang_POS trancomm.c, and the TID + STAN key of jPOS QMUX). Anything else is unmatched. The one
    /// exception: with F39 = 10 (ISO 8583:1987 "approved for partial amount") F4 carries the approved amount
    /// and may differ from the request's.
    /// </summary>
    public static class ResponseMatcher
    {
        private static readonly int[] s_keyFields =
        {
            IsoField.ProcessingCode, IsoField.Amount, IsoField.Stan, IsoField.TerminalId, IsoField.MerchantId
        };

        /// <summary>F39 of a partial approval: F4 of the response is the amount approved.</summary>
        public const string PartialApproval = "10";

        /// <summary>The MTI of the response to <paramref name="requestMti"/>.</summary>
        public static int ResponseMti(int requestMti)
        {
            return requestMti + 10;
        }

        /// <summary>True when <paramref name="response"/> answers <paramref name="request"/>.</summary>
        public static bool Matches(IsoMessage request, IsoMessage response)
        {
            if (response.Mti != ResponseMti(request.Mti)) return false;
            for (int i = 0; i < s_keyFields.Length; i++)
            {
                int f = s_keyFields[i];
                if (!request.Has(f)) continue;
                if (f == IsoField.Amount && response.Has(IsoField.Amount) && response.ValueEquals(IsoField.ResponseCode, PartialApproval)) continue;
                if (!request.ValueEquals(f, response)) return false;
            }
            return true;
        }
    }
}
