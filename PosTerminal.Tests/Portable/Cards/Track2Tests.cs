#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Util;

namespace PosTerminal.Tests.Cards
{
    /// <summary>Track 2 (ISO/IEC 7813) parsing: good tracks give the right fields, bad ones the right reason and no card.</summary>
    [TestClass]
    public class Track2Tests
    {
        [TestMethod]
        [DataRow(";6212260000123456782=30121011234567890?", "6212260000123456782", "3012", "101", "621226*********6782")]
        [DataRow("4761739001010010=30121010000000000", "4761739001010010", "3012", "101", "476173******0010")]
        [DataRow(";6250940000001231=2908201?", "6250940000001231", "2908", "201", "625094******1231")]
        [DataRow(";622126000000=2501120?", "622126000000", "2501", "120", "************")]
        public void TryParse_ValidTrack_GivesFields(string track, string pan, string expiry, string service, string masked)
        {
            byte[] t = Ascii.GetBytes(track);
            CardData card;
            Assert.AreEqual((int)Track2Status.Ok, (int)Track2.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card));
            byte[] p = new byte[19];
            int n = card.CopyPan(p, 0);
            Assert.AreEqual(pan, Ascii.GetString(p, 0, n));
            Assert.AreEqual(expiry, card.Expiry);
            Assert.AreEqual(service, card.ServiceCode);
            Assert.AreEqual(masked, card.MaskedPan);
            Assert.AreEqual(masked, card.ToString());
            Assert.AreEqual(service[0] == '2', card.HasChip);
            card.Dispose();
            Assert.AreEqual(0, card.PanLength);
        }

        [TestMethod]
        [DataRow(";?", 1)]
        [DataRow("", 1)]
        [DataRow(";62122600001234A6782=3012101?", 2)]
        [DataRow(";6212260000123456782=3012=101?", 2)]
        [DataRow(";6212260000123456782D3012101?", 2)]
        [DataRow(";62122600001234567823012101?", 3)]
        [DataRow(";62122600001=3012101?", 4)]
        [DataRow(";62122600001234567823=3012101?", 5)]
        [DataRow(";6212260000123456783=30121011234567890?", 6)]
        [DataRow(";6212260000123456782=301?", 7)]
        [DataRow(";6212260000123456782=3013101?", 8)]
        [DataRow(";6212260000123456782=3000101?", 8)]
        [DataRow(";6212260000123456782=301210?", 9)]
        [DataRow(";6212260000123456782=301210112345678901234?", 10)]
        public void TryParse_BadTrack_GivesReasonAndNoCard(string track, int status)
        {
            byte[] t = Ascii.GetBytes(track);
            CardData card;
            Assert.AreEqual(status, (int)Track2.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card));
            Assert.IsNull(card);
        }

        [TestMethod]
        [DataRow("79927398713", true)]
        [DataRow("79927398710", false)]
        [DataRow("4761739001010010", true)]
        [DataRow("6212260000123456782", true)]
        [DataRow("0", false)]
        public void Luhn_KnownNumbers(string digits, bool valid)
        {
            byte[] d = Ascii.GetBytes(digits);
            Assert.AreEqual(valid, Luhn.IsValid(d, 0, d.Length));
        }
    }
}
