#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Util;

namespace PosTerminal.Tests.Cards
{
    /// <summary>
    /// Payment codes (付款码): the wallets' published formats accept their codes and nothing else; a code is held
    /// masked and wiped like card data.
    /// </summary>
    [TestClass]
    public class PaymentCodeTests
    {
        [TestMethod]
        [DataRow("134526838612345678", 1, "13************5678")]        // WeChat Pay: 18 digits, 10-15
        [DataRow("100000000000000000", 1, "10************0000")]
        [DataRow("159999999999999999", 1, "15************9999")]
        [DataRow("284412345678901234", 2, "28************1234")]        // Alipay: the code in the captured CUP QR sale (cnblogs q/128930)
        [DataRow("2500000000000000", 2, "25**********0000")]            // Alipay: 16 digits, the shortest
        [DataRow("300000000000000000000000", 2, "30******************0000")] // Alipay: 24 digits, the longest
        [DataRow("6226012345678901234", 3, "62*************1234")]       // UnionPay: 19 digits, 62
        public void Valid_GivesSchemeAndMask(string text, int scheme, string masked)
        {
            byte[] b = Ascii.GetBytes(text);
            PaymentCode code;
            Assert.AreEqual((int)PaymentCodeStatus.Ok, (int)PaymentCode.TryCreate(b, 0, b.Length, out code));
            Assert.AreEqual(scheme, (int)code.Scheme);
            Assert.AreEqual(text.Length, code.Length);
            Assert.AreEqual(masked, code.Masked);
            Assert.AreEqual(masked, code.ToString());
            byte[] copy = new byte[PaymentCode.MaxLength];
            int n = code.CopyTo(copy, 0);
            Assert.AreEqual(text, Ascii.GetString(copy, 0, n));
            code.Dispose();
            Assert.AreEqual(0, code.Length);
        }

        [TestMethod]
        [DataRow("", 1)]
        [DataRow("13452683861234567A", 2)]                   // a letter
        [DataRow(" 134526838612345678", 2)]                  // a space
        [DataRow("]Q1134526838612345678", 2)]                // AIM symbology identifier left on
        [DataRow("https://qr.alipay.com/fkx07120vzhsliuln927l74", 2)] // a merchant-presented QR, not a payment code
        [DataRow("6901234567892", 3)]                        // an EAN-13 product barcode (prefix 69)
        [DataRow("094526838612345678", 3)]                   // 09: below WeChat's range
        [DataRow("164526838612345678", 3)]                   // 16: between WeChat and Alipay
        [DataRow("244412345678901234", 3)]                   // 24: just below Alipay
        [DataRow("314412345678901234", 3)]                   // 31: just above Alipay
        [DataRow("6126012345678901234", 3)]                  // 61
        [DataRow("6", 3)]                                    // one digit
        [DataRow("13452683861234567", 4)]                    // WeChat, 17 digits
        [DataRow("1345268386123456789", 4)]                  // WeChat, 19 digits
        [DataRow("284412345678901", 4)]                      // Alipay, 15 digits
        [DataRow("6226012345678901234", 0)]                  // (control: UnionPay 19 is fine)
        [DataRow("622601234567890123", 4)]                   // UnionPay, 18 digits
        [DataRow("62260123456789012345", 4)]                 // UnionPay, 20 digits
        [DataRow("2844123456789012345678901", 5)]            // 25 digits: longer than any wallet's code
        public void Invalid_GivesReasonAndNoCode(string text, int status)
        {
            byte[] b = Ascii.GetBytes(text);
            PaymentCode code;
            PaymentCodeStatus s = PaymentCode.TryCreate(b, 0, b.Length, out code);
            Assert.AreEqual(status, (int)s);
            Assert.AreEqual(status == 0, code != null);
            PaymentCodeScheme scheme;
            Assert.AreEqual(status, (int)PaymentCode.Check(b, 0, b.Length, out scheme));
            Assert.AreEqual(status == 0, scheme != PaymentCodeScheme.None);
        }

        [TestMethod]
        public void Check_ReadsOnlyTheRangeGiven()
        {
            byte[] b = Ascii.GetBytes("xx134526838612345678yy");
            PaymentCodeScheme scheme;
            Assert.AreEqual((int)PaymentCodeStatus.Ok, (int)PaymentCode.Check(b, 2, 18, out scheme));
            Assert.AreEqual((int)PaymentCodeScheme.WeChatPay, (int)scheme);
            Assert.AreEqual((int)PaymentCodeStatus.NotDigits, (int)PaymentCode.Check(b, 2, 19, out scheme));
        }

        [TestMethod]
        public void CopyAfterDispose_Throws()
        {
            byte[] b = Ascii.GetBytes("134526838612345678");
            PaymentCode code;
            PaymentCode.TryCreate(b, 0, b.Length, out code);
            code.Dispose();
            Expect.Throws(typeof(System.ObjectDisposedException), delegate { code.CopyTo(new byte[24], 0); });
        }
    }
}
