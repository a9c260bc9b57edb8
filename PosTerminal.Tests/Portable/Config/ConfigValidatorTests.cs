#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Config;
using PosTerminal.Util;

namespace PosTerminal.Tests.Config
{
    /// <summary>The configuration checks as tables: every accepted form, and every refused one with its reason.</summary>
    [TestClass]
    public class ConfigValidatorTests
    {
        [TestMethod]
        [DataRow("1.2.3.4")]
        [DataRow("10.0.0.1")]
        [DataRow("127.0.0.1")]
        [DataRow("192.168.100.200")]
        [DataRow("223.255.255.255")]
        [DataRow("8.8.8.8")]
        [DataRow("100.64.0.0")]
        [DataRow("1.0.0.0")]
        public void IPv4_Valid(string text)
        {
            Assert.AreEqual((int)ConfigStatus.Ok, (int)ConfigValidator.CheckIPv4(text));
            Assert.AreEqual((int)ConfigStatus.Ok, (int)ConfigValidator.CheckHost(text, false));
        }

        [TestMethod]
        [DataRow("", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1.2.3", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1.2.3.4.5", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1.2.3.256", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1.2.3.1000", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("01.2.3.4", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1.2.3.04", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1.2.00.4", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1..3.4", (int)ConfigStatus.NotIPv4Address)]
        [DataRow(".1.2.3", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1.2.3.4.", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1.2.3.-4", (int)ConfigStatus.NotIPv4Address)]
        [DataRow(" 1.2.3.4", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1.2.3.4 ", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("1.2.3.4a", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("999999999999999999", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("0.0.0.0", (int)ConfigStatus.AddressNotUsable)]
        [DataRow("0.1.2.3", (int)ConfigStatus.AddressNotUsable)]
        [DataRow("255.255.255.255", (int)ConfigStatus.AddressNotUsable)]
        [DataRow("224.0.0.1", (int)ConfigStatus.AddressNotUsable)]
        [DataRow("239.255.255.250", (int)ConfigStatus.AddressNotUsable)]
        [DataRow("240.0.0.1", (int)ConfigStatus.AddressNotUsable)]
        public void IPv4_Invalid(string text, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckIPv4(text));
        }

        [TestMethod]
        [DataRow("localhost")]
        [DataRow("acquirer.example.com")]
        [DataRow("pos-gw1.bank.cn")]
        [DataRow("3com.net")]
        [DataRow("a")]
        [DataRow("A-B.C-D")]
        [DataRow("xn--fiqs8s.cn")]
        [DataRow("host.a1")]
        public void HostName_Valid_OnlyWhenNamesAllowed(string text)
        {
            Assert.AreEqual((int)ConfigStatus.Ok, (int)ConfigValidator.CheckHostName(text));
            Assert.AreEqual((int)ConfigStatus.Ok, (int)ConfigValidator.CheckHost(text, true));
            Assert.AreEqual((int)ConfigStatus.HostNamesOff, (int)ConfigValidator.CheckHost(text, false));
        }

        [TestMethod]
        [DataRow("", (int)ConfigStatus.BadHostName)]
        [DataRow("-host.example.com", (int)ConfigStatus.BadHostName)]
        [DataRow("host-.example.com", (int)ConfigStatus.BadHostName)]
        [DataRow("ho_st.example.com", (int)ConfigStatus.BadHostName)]
        [DataRow("host..example.com", (int)ConfigStatus.BadHostName)]
        [DataRow("host.example.com.", (int)ConfigStatus.BadHostName)]
        [DataRow(".example.com", (int)ConfigStatus.BadHostName)]
        [DataRow("host name.com", (int)ConfigStatus.BadHostName)]
        [DataRow("host:5800", (int)ConfigStatus.BadHostName)]
        [DataRow("hést.example.com", (int)ConfigStatus.BadHostName)]
        [DataRow("host.123", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("10.0.0.256", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("0.0.0.0", (int)ConfigStatus.AddressNotUsable)]
        public void Host_Invalid_EvenWithNamesAllowed(string text, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckHost(text, true));
        }

        [TestMethod]
        public void HostName_LabelAndTotalLength_Limits()
        {
            string label63 = new string('a', 63);
            Assert.AreEqual((int)ConfigStatus.Ok, (int)ConfigValidator.CheckHostName(label63));
            Assert.AreEqual((int)ConfigStatus.BadHostName, (int)ConfigValidator.CheckHostName(label63 + "a"));
            string total64 = label63 + "." ;
            Assert.AreEqual((int)ConfigStatus.BadHostName, (int)ConfigValidator.CheckHostName(total64));
            string name64 = new string('b', 30) + "." + new string('c', 33);
            Assert.AreEqual(64, name64.Length);
            Assert.AreEqual((int)ConfigStatus.Ok, (int)ConfigValidator.CheckHostName(name64));
            Assert.AreEqual((int)ConfigStatus.BadHostName, (int)ConfigValidator.CheckHostName(name64 + "d"));
            Assert.AreEqual((int)ConfigStatus.BadHostName, (int)ConfigValidator.CheckHostName(null));
        }

        [TestMethod]
        [DataRow(1, (int)ConfigStatus.Ok)]
        [DataRow(5800, (int)ConfigStatus.Ok)]
        [DataRow(65535, (int)ConfigStatus.Ok)]
        [DataRow(0, (int)ConfigStatus.PortOutOfRange)]
        [DataRow(-1, (int)ConfigStatus.PortOutOfRange)]
        [DataRow(65536, (int)ConfigStatus.PortOutOfRange)]
        public void Port_Range(int port, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckPort(port));
        }

        [TestMethod]
        [DataRow("10.0.0.1:5800", false, "10.0.0.1", 5800)]
        [DataRow("127.0.0.1:1", false, "127.0.0.1", 1)]
        [DataRow("acquirer.example.com:65535", true, "acquirer.example.com", 65535)]
        public void Endpoint_Valid(string text, bool names, string host, int port)
        {
            string h;
            int p;
            Assert.AreEqual((int)ConfigStatus.Ok, (int)ConfigValidator.ParseEndpoint(text, names, out h, out p));
            Assert.AreEqual(host, h);
            Assert.AreEqual(port, p);
        }

        [TestMethod]
        [DataRow("10.0.0.1", false, (int)ConfigStatus.BadEndpoint)]
        [DataRow("10.0.0.1:", false, (int)ConfigStatus.BadEndpoint)]
        [DataRow(":5800", false, (int)ConfigStatus.BadEndpoint)]
        [DataRow("10.0.0.1:58a0", false, (int)ConfigStatus.BadEndpoint)]
        [DataRow("10.0.0.1:-1", false, (int)ConfigStatus.BadEndpoint)]
        [DataRow("10.0.0.1: 5800", false, (int)ConfigStatus.BadEndpoint)]
        [DataRow("10.0.0.1:0", false, (int)ConfigStatus.PortOutOfRange)]
        [DataRow("10.0.0.1:65536", false, (int)ConfigStatus.PortOutOfRange)]
        [DataRow("10.0.0.1:9999999999999", false, (int)ConfigStatus.PortOutOfRange)]
        [DataRow("10.0.0.01:5800", false, (int)ConfigStatus.NotIPv4Address)]
        [DataRow("255.255.255.255:5800", false, (int)ConfigStatus.AddressNotUsable)]
        [DataRow("acquirer.example.com:5800", false, (int)ConfigStatus.HostNamesOff)]
        [DataRow("bad_host:5800", true, (int)ConfigStatus.BadHostName)]
        public void Endpoint_Invalid(string text, bool names, int expected)
        {
            string h;
            int p;
            Assert.AreEqual(expected, (int)ConfigValidator.ParseEndpoint(text, names, out h, out p));
            Assert.IsNull(h);
            Assert.AreEqual(-1, p);
        }

        [TestMethod]
        [DataRow(1, (int)ConfigStatus.Ok)]
        [DataRow(60, (int)ConfigStatus.Ok)]
        [DataRow(0, (int)ConfigStatus.OutOfRange)]
        [DataRow(61, (int)ConfigStatus.OutOfRange)]
        [DataRow(-5, (int)ConfigStatus.OutOfRange)]
        public void ConnectTimeout_1To60(int seconds, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckConnectTimeout(seconds));
        }

        [TestMethod]
        [DataRow(5, (int)ConfigStatus.Ok)]
        [DataRow(120, (int)ConfigStatus.Ok)]
        [DataRow(4, (int)ConfigStatus.OutOfRange)]
        [DataRow(121, (int)ConfigStatus.OutOfRange)]
        [DataRow(0, (int)ConfigStatus.OutOfRange)]
        public void ResponseTimeout_5To120(int seconds, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckResponseTimeout(seconds));
        }

        [TestMethod]
        [DataRow(0, (int)ConfigStatus.Ok)]
        [DataRow(10, (int)ConfigStatus.Ok)]
        [DataRow(3600, (int)ConfigStatus.Ok)]
        [DataRow(9, (int)ConfigStatus.OutOfRange)]
        [DataRow(1, (int)ConfigStatus.OutOfRange)]
        [DataRow(3601, (int)ConfigStatus.OutOfRange)]
        [DataRow(-1, (int)ConfigStatus.OutOfRange)]
        public void EchoInterval_OffOr10To3600(int seconds, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckEchoInterval(seconds));
        }

        [TestMethod]
        [DataRow(0, (int)ConfigStatus.Ok)]
        [DataRow(3, (int)ConfigStatus.Ok)]
        [DataRow(9, (int)ConfigStatus.Ok)]
        [DataRow(10, (int)ConfigStatus.OutOfRange)]
        [DataRow(-1, (int)ConfigStatus.OutOfRange)]
        public void ReversalRetries_0To9(int retries, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckReversalRetries(retries));
        }

        [TestMethod]
        [DataRow(1, (int)ConfigStatus.Ok)]
        [DataRow(999999, (int)ConfigStatus.Ok)]
        [DataRow(0, (int)ConfigStatus.OutOfRange)]
        [DataRow(1000000, (int)ConfigStatus.OutOfRange)]
        public void Counter_1To999999(int value, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckCounter(value));
        }

        [TestMethod]
        [DataRow("6000030000", (int)ConfigStatus.Ok)]
        [DataRow("60 0001 0000", (int)ConfigStatus.Ok)]
        [DataRow("none", (int)ConfigStatus.Ok)]
        [DataRow("", (int)ConfigStatus.Ok)]
        [DataRow("6100030000", (int)ConfigStatus.BadTpdu)]
        [DataRow("60000300", (int)ConfigStatus.BadTpdu)]
        [DataRow("600003000000", (int)ConfigStatus.BadTpdu)]
        [DataRow("600003000", (int)ConfigStatus.BadHex)]
        [DataRow("60000300GG", (int)ConfigStatus.BadHex)]
        [DataRow("0x6000030000", (int)ConfigStatus.BadHex)]
        public void Tpdu_HexOf5BytesStarting60_OrNone(string text, int expected)
        {
            byte[] b;
            ConfigStatus s = ConfigValidator.ParseHex(text, out b);
            if (s == ConfigStatus.Ok) s = ConfigValidator.CheckTpdu(b);
            Assert.AreEqual(expected, (int)s);
        }

        [TestMethod]
        [DataRow("603100000001", (int)ConfigStatus.Ok)]
        [DataRow("none", (int)ConfigStatus.Ok)]
        [DataRow("00", (int)ConfigStatus.Ok)]
        [DataRow("0102030405060708091011121314151617181920212223242526272829303132", (int)ConfigStatus.Ok)]
        [DataRow("010203040506070809101112131415161718192021222324252627282930313233", (int)ConfigStatus.HeaderTooLong)]
        [DataRow("6031000000010", (int)ConfigStatus.BadHex)]
        [DataRow("NONE", (int)ConfigStatus.BadHex)]
        public void Header_UpTo32Bytes(string text, int expected)
        {
            byte[] b;
            ConfigStatus s = ConfigValidator.ParseHex(text, out b);
            if (s == ConfigStatus.Ok) s = ConfigValidator.CheckHeader(b);
            Assert.AreEqual(expected, (int)s);
        }

        [TestMethod]
        [DataRow("88880001", (int)ConfigStatus.Ok)]
        [DataRow("ABCD1234", (int)ConfigStatus.Ok)]
        [DataRow("abcd1234", (int)ConfigStatus.Ok)]
        [DataRow("8888000", (int)ConfigStatus.BadTerminalId)]
        [DataRow("888800011", (int)ConfigStatus.BadTerminalId)]
        [DataRow("8888 001", (int)ConfigStatus.BadTerminalId)]
        [DataRow("8888-001", (int)ConfigStatus.BadTerminalId)]
        [DataRow("", (int)ConfigStatus.BadTerminalId)]
        public void TerminalId_8LettersOrDigits(string text, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckTerminalId(text));
        }

        [TestMethod]
        [DataRow("898310048990001", (int)ConfigStatus.Ok)]
        [DataRow("ABC123456789XYZ", (int)ConfigStatus.Ok)]
        [DataRow("123456789012   ", (int)ConfigStatus.Ok)]
        [DataRow("1              ", (int)ConfigStatus.Ok)]
        [DataRow("89831004899000", (int)ConfigStatus.BadMerchantId)]
        [DataRow("8983100489900012", (int)ConfigStatus.BadMerchantId)]
        [DataRow(" 89831004899000", (int)ConfigStatus.BadMerchantId)]
        [DataRow("8983 1004899000", (int)ConfigStatus.BadMerchantId)]
        [DataRow("89831004899000.", (int)ConfigStatus.BadMerchantId)]
        [DataRow("               ", (int)ConfigStatus.BadMerchantId)]
        public void MerchantId_15LettersOrDigits_TrailingSpacesOnly(string text, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckMerchantId(text));
        }

        [TestMethod]
        [DataRow("POSTERMINAL DEMO SHOP", (int)ConfigStatus.Ok)]
        [DataRow("", (int)ConfigStatus.Ok)]
        [DataRow("Cafe & Bar #1 (Main St.)", (int)ConfigStatus.Ok)]
        [DataRow("0123456789012345678901234567890123456789", (int)ConfigStatus.Ok)]
        [DataRow("01234567890123456789012345678901234567890", (int)ConfigStatus.BadMerchantName)]
        [DataRow("TAB\tSHOP", (int)ConfigStatus.BadMerchantName)]
        [DataRow("CAFÉ", (int)ConfigStatus.BadMerchantName)]
        [DataRow("商店", (int)ConfigStatus.BadMerchantName)]
        public void MerchantName_PrintableAsciiUpTo40(string text, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckMerchantName(text));
        }

        [TestMethod]
        [DataRow("156", (int)ConfigStatus.Ok)]
        [DataRow("840", (int)ConfigStatus.Ok)]
        [DataRow("978", (int)ConfigStatus.Ok)]
        [DataRow("392", (int)ConfigStatus.Ok)]
        [DataRow("999", (int)ConfigStatus.UnknownCurrency)]
        [DataRow("000", (int)ConfigStatus.UnknownCurrency)]
        [DataRow("CNY", (int)ConfigStatus.BadCurrency)]
        [DataRow("15", (int)ConfigStatus.BadCurrency)]
        [DataRow("1560", (int)ConfigStatus.BadCurrency)]
        [DataRow("", (int)ConfigStatus.BadCurrency)]
        public void Currency_3DigitsKnown(string text, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckCurrency(text));
        }

        [TestMethod]
        [DataRow("cup", "cup", (int)ConfigStatus.Ok)]
        [DataRow("cup", "cup-x919", (int)ConfigStatus.Ok)]
        [DataRow("cup", "cup-tdk", (int)ConfigStatus.Ok)]
        [DataRow("cup", "cup-sm4", (int)ConfigStatus.Ok)]
        [DataRow("iso87ascii", "dukpt-tdes", (int)ConfigStatus.Ok)]
        [DataRow("iso87ascii", "dukpt-aes", (int)ConfigStatus.Ok)]
        [DataRow("cup", "dukpt-tdes", (int)ConfigStatus.SecurityNotForProfile)]
        [DataRow("cup", "dukpt-aes", (int)ConfigStatus.SecurityNotForProfile)]
        [DataRow("iso87ascii", "cup", (int)ConfigStatus.SecurityNotForProfile)]
        [DataRow("iso87ascii", "cup-sm4", (int)ConfigStatus.SecurityNotForProfile)]
        [DataRow("cup", "none", (int)ConfigStatus.UnknownSecurity)]
        [DataRow("cup", "CUP", (int)ConfigStatus.UnknownSecurity)]
        [DataRow("cup", "", (int)ConfigStatus.UnknownSecurity)]
        [DataRow("visa", "cup", (int)ConfigStatus.UnknownProfile)]
        [DataRow("Cup", "cup", (int)ConfigStatus.UnknownProfile)]
        public void ProfileAndSecurity_Combinations(string profile, string security, int expected)
        {
            Assert.AreEqual(expected, (int)ConfigValidator.CheckSecurity(profile, security));
        }

        [TestMethod]
        [DataRow("0", 0, (int)ConfigStatus.Ok)]
        [DataRow("60", 60, (int)ConfigStatus.Ok)]
        [DataRow("999999999", 999999999, (int)ConfigStatus.Ok)]
        [DataRow("1000000000", -1, (int)ConfigStatus.NotANumber)]
        [DataRow("-1", -1, (int)ConfigStatus.NotANumber)]
        [DataRow("1.5", -1, (int)ConfigStatus.NotANumber)]
        [DataRow("", -1, (int)ConfigStatus.NotANumber)]
        [DataRow(" 5", -1, (int)ConfigStatus.NotANumber)]
        public void Number_DigitsOnly(string text, int value, int expected)
        {
            int v;
            Assert.AreEqual(expected, (int)ConfigValidator.ParseNumber(text, out v));
            Assert.AreEqual(value, v);
        }

        [TestMethod]
        public void PasswordHash_UpTo64Bytes()
        {
            Assert.AreEqual((int)ConfigStatus.Ok, (int)ConfigValidator.CheckPasswordHash(0));
            Assert.AreEqual((int)ConfigStatus.Ok, (int)ConfigValidator.CheckPasswordHash(64));
            Assert.AreEqual((int)ConfigStatus.PasswordTooLong, (int)ConfigValidator.CheckPasswordHash(65));
        }

        [TestMethod]
        public void FieldNames_RoundTrip_AndAreUnique()
        {
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                ConfigField f = ConfigFields.At(i);
                string name = ConfigFields.Name(f);
                Assert.IsNotNull(name);
                ConfigField back;
                Assert.IsTrue(ConfigFields.Find(name, out back));
                Assert.AreEqual((int)f, (int)back);
                Assert.AreEqual(i, ConfigFields.IndexOf(f));
            }
            ConfigField none;
            Assert.IsFalse(ConfigFields.Find("nosuch", out none));
            Assert.AreEqual((int)ConfigField.None, (int)none);
            Assert.IsNull(ConfigFields.Name(ConfigField.None));
        }

        [TestMethod]
        public void ParseHex_SpacesBetweenPairs()
        {
            byte[] b;
            Assert.AreEqual((int)ConfigStatus.Ok, (int)ConfigValidator.ParseHex("60 31 00 00 00 01", out b));
            Assert.AreEqual("603100000001", Hex.Encode(b));
        }
    }
}
