#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Util;

namespace PosTerminal.Tests.Cards
{
    /// <summary>Track 1 (ISO/IEC 7813 format B) parsing: good tracks give the fields and the name, bad ones the reason and no card.</summary>
    [TestClass]
    public class Track1Tests
    {
        [TestMethod]
        [DataRow("%B4761739001010010^TEST/CARD^30121010000000000?", "4761739001010010", "TEST/CARD", "3012", "101")]
        [DataRow("B6212260000123456782^ZHANG/SAN^3012201123?", "6212260000123456782", "ZHANG/SAN", "3012", "201")]
        [DataRow("%B622126000000^AB^2501120?", "622126000000", "AB", "2501", "120")]
        [DataRow("%B5413330000001009^MASTERCARD TEST CARD HOLDE^2806101?", "5413330000001009", "MASTERCARD TEST CARD HOLDE", "2806", "101")]
        public void TryParse_ValidTrack_GivesFieldsAndName(string track, string pan, string name, string expiry, string service)
        {
            byte[] t = Ascii.GetBytes(track);
            CardData card;
            Assert.AreEqual((int)Track1Status.Ok, (int)Track1.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card));
            byte[] buf = new byte[32];
            int n = card.CopyPan(buf, 0);
            Assert.AreEqual(pan, Ascii.GetString(buf, 0, n));
            n = card.CopyCardholderName(buf, 0);
            Assert.AreEqual(name, Ascii.GetString(buf, 0, n));
            Assert.AreEqual(name.Length, card.CardholderNameLength);
            Assert.AreEqual(expiry, card.Expiry);
            Assert.AreEqual(service, card.ServiceCode);
            Assert.AreEqual(0, card.Track2Length);
            Assert.AreEqual(service[0] == '2', card.HasChip);
            Assert.IsFalse(card.ToString().IndexOf(name) >= 0);
            Assert.AreEqual(card.MaskedPan, card.ToString());
            card.Dispose();
            Assert.AreEqual(0, card.CardholderNameLength);
        }

        [TestMethod]
        [DataRow("%?", 1)]
        [DataRow("", 1)]
        [DataRow("%A4761739001010010^TEST/CARD^3012101?", 2)]
        [DataRow("%B47617390010100A0^TEST/CARD^3012101?", 3)]
        [DataRow("%B4761739001010010^TEST/CARD^30121O1?", 3)]
        [DataRow("%B4761739001010010^TEST/CARD^301210a?", 3)]
        [DataRow("%B4761739001010010^TEST/CARD 3012101?", 4)]
        [DataRow("%B4761739001010010 TEST/CARD 3012101?", 4)]
        [DataRow("%B47617390010^TEST/CARD^3012101?", 5)]
        [DataRow("%B62122600001234567823^TEST/CARD^3012101?", 6)]
        [DataRow("%B4761739001010011^TEST/CARD^3012101?", 7)]
        [DataRow("%B4761739001010010^X^3012101?", 8)]
        [DataRow("%B4761739001010010^ABCDEFGHIJKLMNOPQRSTUVWXYZA^3012101?", 8)]
        [DataRow("%B4761739001010010^TEST/CARD^301?", 9)]
        [DataRow("%B4761739001010010^TEST/CARD^3013101?", 10)]
        [DataRow("%B4761739001010010^TEST/CARD^3000101?", 10)]
        [DataRow("%B4761739001010010^TEST/CARD^301210?", 11)]
        [DataRow("%B4761739001010010^TEST/CARD^3012?", 11)]
        [DataRow("%B4761739001010010^TEST/CARD^30121010000000000000000000000000000000000000000000?", 12)]
        public void TryParse_BadTrack_GivesReasonAndNoCard(string track, int status)
        {
            byte[] t = Ascii.GetBytes(track);
            CardData card;
            Assert.AreEqual(status, (int)Track1.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card));
            Assert.IsNull(card);
        }

        [TestMethod]
        public void TryParse_SeventySixCharacters_IsTheLimit()
        {
            string head = "%B4761739001010010^TEST/CARD^3012101";
            string body = head;
            while (body.Length < 77) body += "0";          // 76 data characters after '%'
            byte[] t = Ascii.GetBytes(body + "?");
            CardData card;
            Assert.AreEqual((int)Track1Status.Ok, (int)Track1.TryParse(t, 0, t.Length, EntryMethod.Fallback, out card));
            Assert.AreEqual((int)EntryMethod.Fallback, (int)card.Entry);
            card.Dispose();
            t = Ascii.GetBytes(body + "0?");
            Assert.AreEqual((int)Track1Status.TooLong, (int)Track1.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card));
        }

        [TestMethod]
        public void TryParse_CharacterOutsideTheTrack1Set_IsBadCharacter()
        {
            byte[] t = Ascii.GetBytes("%B4761739001010010^TEST/CARD^3012101?");
            t[22] = 0x7A;       // 'z' is not a 6-bit track 1 character
            CardData card;
            Assert.AreEqual((int)Track1Status.BadCharacter, (int)Track1.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card));
        }
    }
}
