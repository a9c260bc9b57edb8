#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using PosTerminal.Crypto;
using PosTerminal.Util;

namespace PosTerminal.Tests.Crypto
{
    /// <summary>
    /// AES DUKPT (ANSI X9.24-3-2017) against every AES vector of ../shared/vectors/dukpt.json (section "aes"), the
    /// rest of the X9 supplement as transcribed by openemv/dukpt and payments.md §9.3, working keys of the other
    /// key types, and the counter edge cases.
    /// </summary>
    [TestClass]
    public class DukptAesTests
    {
        // dukpt.json aes.bdk / aes.ikid / aes.ik / aes.bdk256 / aes.ik256.
        private const string Bdk128 = "FEDCBA9876543210F1F1F1F1F1F1F1F1";
        private const string Bdk192 = "FEDCBA9876543210F1F1F1F1F1F1F1F1FEDCBA9876543210";
        private const string Bdk256 = "FEDCBA9876543210F1F1F1F1F1F1F1F1FEDCBA9876543210F1F1F1F1F1F1F1F1";
        private const string InitialKeyId = "1234567890123456";
        private const string Ik128 = "1273671EA26AC29AFA4D1084127652A1";
        private const string Ik256 = "CE9CE0C101D1138F97FB6CAD4DF045A7083D4EAE2D35A31789D01CCF0949550F";

        private const int Tdea2 = (int)DukptAesKeyType.Tdea2;
        private const int Tdea3 = (int)DukptAesKeyType.Tdea3;
        private const int Aes128 = (int)DukptAesKeyType.Aes128;
        private const int Aes192 = (int)DukptAesKeyType.Aes192;
        private const int Aes256 = (int)DukptAesKeyType.Aes256;

        // dukpt.json aes.ik (ANSI X9.24-3:2017 B.1 sample test vectors) and aes.ik256 (Supplement, AES-256 BDK).
        [TestMethod]
        [DataRow("FEDCBA9876543210F1F1F1F1F1F1F1F1", "1234567890123456", "1273671EA26AC29AFA4D1084127652A1")]
        [DataRow("FEDCBA9876543210F1F1F1F1F1F1F1F1FEDCBA9876543210F1F1F1F1F1F1F1F1", "1234567890123456",
            "CE9CE0C101D1138F97FB6CAD4DF045A7083D4EAE2D35A31789D01CCF0949550F")]
        public void InitialKey_X924B1_MatchesPublished(string bdkHex, string ikidHex, string ikHex)
        {
            byte[] bdk = Hex.Decode(bdkHex);
            byte[] ik = new byte[bdk.Length];
            using (DukptAes dukpt = new DukptAes())
            {
                dukpt.DeriveInitialKey(bdk, 0, bdk.Length, Hex.Decode(ikidHex), 0, ik, 0);
            }
            Assert.AreEqual(ikHex, Hex.Encode(ik));
        }

        // dukpt.json aes.sequence[*].txn_key: intermediate derivation key per KSN, AES-128 BDK.
        [TestMethod]
        // ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (p.2): first eight counters
        [DataRow("123456789012345600000001", "4F21B565BAD9835E112B6465635EAE44")]
        [DataRow("123456789012345600000002", "2F34D68DE10F68D38091A73B9E7C437C")]
        [DataRow("123456789012345600000003", "031504E530365CF81264238540518318")]
        [DataRow("123456789012345600000004", "0EEFC7ADA628BA68878DA9165A8A1887")]
        [DataRow("123456789012345600000005", "C2A7AC328A5DA2D6002D62465BFC028B")]
        [DataRow("123456789012345600000006", "D30F7D9351DA58448A2F5E92B4EE3B7D")]
        [DataRow("123456789012345600000007", "A8253CEED9AC042C54F75D35C8352278")]
        [DataRow("123456789012345600000008", "718EE6CF0B27E53D5F7AF99C4D8146A2")]
        // Supplement (pp.5-6): around 0x1FFFF (16 one-bits at 0x1FFFE; 0x1FFFF itself is skipped)
        [DataRow("12345678901234560001FFFE", "E21E8C8D347F8561A2BE752DAA85A111")]
        [DataRow("123456789012345600020000", "F7AE9025468A25D37B7249CFFED224C8")]
        [DataRow("123456789012345600020001", "692C8EA4013645135B36497131DF9D2C")]
        // Supplement (pp.5-6): the last four counters, FFFF0000 being the last valid one
        [DataRow("1234567890123456FFFE2000", "48E585B694EB0B18D5C35443E163C0BA")]
        [DataRow("1234567890123456FFFE4000", "396C2C7CA1EA701C03B86B7D41F0C562")]
        [DataRow("1234567890123456FFFE8000", "0387625F189B58AE03EF0E8CCA41105E")]
        [DataRow("1234567890123456FFFF0000", "F6BA59389BD14A9855BE9727E7C52E3C")]
        public void TransactionKey_Aes128_X924Supplement_MatchesPublished(string ksnHex, string keyHex)
        {
            byte[] key = new byte[16];
            using (DukptAes dukpt = new DukptAes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveTransactionKey(Hex.Decode(Ik128), 0, 16, Hex.Decode(ksnHex), 0, key, 0));
            }
            Assert.AreEqual(keyHex, Hex.Encode(key));
        }

        // ANSI X9.24-3:2017 Supplement test vectors, AES-256 BDK (pp.7-12), as transcribed by openemv/dukpt
        // test/dukpt_aes256_test.c: the same KSNs from the AES-256 initial key of dukpt.json aes.ik256.
        [TestMethod]
        [DataRow("123456789012345600000001", "54AC2B32B145EA4A554CB8BC44B17467063A799856B1CCC2A138D36E8DBF78B3")]
        [DataRow("123456789012345600000002", "5DD5A0253842BBBE1D7C0DA27021412C6F1FAB53FB928DEAE56DA06090A9DE97")]
        [DataRow("123456789012345600000003", "8EEEF7C464AE415BB1D73FAED21993CD669F7999092A579EC6DD3CC680C65171")]
        [DataRow("123456789012345600000004", "C18CBED570B3B89ECADA7CEC9C224CD5A86ECF3DE377D3EFAB720F8C4D76B9D0")]
        [DataRow("123456789012345600000005", "6B3C3C93307151C25DC2309456F01C5C3108DAD571C321899A9B7E0C009FD2EB")]
        [DataRow("123456789012345600000006", "B8BB61AE3E2D5CD8C699E0C578FB2C7B89B0C0CF02DBAB60864D8049C986C844")]
        [DataRow("123456789012345600000007", "88D0ACA287B3066F5DE0C93396337D4C2DA8D92C1F720A576D62CEB4C979E01E")]
        [DataRow("123456789012345600000008", "20A796D5077D51B8E7613893A4F095B134E02917DC84BD391F3661D0873FF308")]
        [DataRow("12345678901234560001FFFE", "A289508CBF1228452CD86AB77B15CB35577AC828C18BB66681E5A16D6C9CCED3")]
        [DataRow("123456789012345600020000", "D62DDA94A47D7DA5D763443B4ECB15EA8DD62E0E4F915958BA459591F8312E37")]
        [DataRow("123456789012345600020001", "44110A1102748D4A3AC326F53D8CAC650212590CA7126D54546DDE0F20E89CEE")]
        [DataRow("1234567890123456FFFE2000", "4625EB06E4886D4AFCC9AE37ED4F4E4E1653C9E60E3F24742A87A26AA96AB7A6")]
        [DataRow("1234567890123456FFFE4000", "FF20E1BB575539ACCB44E3111BE8757F83AE8549A2DD71B441A4A424F7FFD4B1")]
        [DataRow("1234567890123456FFFE8000", "630535C9C53E1EC6524016930B56F6728909C45403536B419AEBCB25B7351C07")]
        [DataRow("1234567890123456FFFF0000", "6D6DB7AAAE8B3EA90E57A39E4BBA71E173B21B446B30A78D64BFC6A8806C55EE")]
        public void TransactionKey_Aes256_X924Supplement_MatchesPublished(string ksnHex, string keyHex)
        {
            byte[] key = new byte[32];
            using (DukptAes dukpt = new DukptAes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveTransactionKey(Hex.Decode(Ik256), 0, 32, Hex.Decode(ksnHex), 0, key, 0));
            }
            Assert.AreEqual(keyHex, Hex.Encode(key));
        }

        // dukpt.json aes.sequence[0..7]: PIN (1000), MAC generation (2000) and data encryption (3000) AES-128 working
        // keys. ANSI X9.24-3:2017 Supplement test vectors, AES-128 BDK (p.2).
        [TestMethod]
        [DataRow("123456789012345600000001", "AF8CB133A78F8DC2D1359F18527593FB", "A2DC23DE6FDE0824A2BC321E08E4B8B7", "A35C412EFD41FDB98B69797C02DCD08F")]
        [DataRow("123456789012345600000002", "D30BDC73EC9714B000BEC66BDB7B6D09", "484C3B06E8562704528CD5B46FB12FB6", "D639514AA33AC43AD9229E433D6D4E5B")]
        [DataRow("123456789012345600000003", "7D69F01F3B45449F62C7816ECE723268", "A5DF7D9D800CA769766F0C77CA4E6E6C", "EF17F6AB45B4820C93A3DCB21BC491AD")]
        [DataRow("123456789012345600000004", "91A0588318EC2673214271F70137896E", "E6E4679647D8A9057C1FC15537CB4C4E", "B3BD44C08BB6BA27C3BB4711D7D70387")]
        [DataRow("123456789012345600000005", "35A43BC9EFEB09C756204B57E3FB7D4D", "0588185FE1FF8C7E22FAD78C1C61F065", "CA02DF6F30B39E14BD0B4A30E460920F")]
        [DataRow("123456789012345600000006", "02DCC6CD1201A3A2CA7099559C862123", "7B60F72A5639C0EE7EB2100FA80BB793", "C9B8A7C4E486180B2229115164F0B293")]
        [DataRow("123456789012345600000007", "6ECF912F3B18CA11A7A27BB60705FD09", "BAA08CA263C69525BC6B1BA8F4275D69", "0FA8F1F0A2DD7B1005A862D77CDED698")]
        [DataRow("123456789012345600000008", "4D9DF3FBEE3448FC3E676D04320A90F5", "6FD572E5D59E618875F193484F9178FB", "650F34204ABD4E57764D61AC3D266FB1")]
        public void WorkingKeys_Aes128_X924Supplement_MatchPublished(string ksnHex, string pinHex, string macHex, string dataHex)
        {
            byte[] ik = Hex.Decode(Ik128);
            byte[] ksn = Hex.Decode(ksnHex);
            byte[] key = new byte[16];
            using (DukptAes dukpt = new DukptAes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveWorkingKey(ik, 0, 16, ksn, 0,
                    DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes128, key, 0));
                Assert.AreEqual(pinHex, Hex.Encode(key));
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveWorkingKey(ik, 0, 16, ksn, 0,
                    DukptAesKeyUsage.MacGeneration, DukptAesKeyType.Aes128, key, 0));
                Assert.AreEqual(macHex, Hex.Encode(key));
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveWorkingKey(ik, 0, 16, ksn, 0,
                    DukptAesKeyUsage.DataEncrypt, DukptAesKeyType.Aes128, key, 0));
                Assert.AreEqual(dataHex, Hex.Encode(key));
            }
        }

        // payments.md §9.3 "Working keys" table, counter 1, every usage (ANSI X9.24-3:2017 Supplement, AES-128 BDK).
        [TestMethod]
        [DataRow(0x1000, "AF8CB133A78F8DC2D1359F18527593FB")]
        [DataRow(0x2000, "A2DC23DE6FDE0824A2BC321E08E4B8B7")]
        [DataRow(0x2001, "DBB463945B286C07CD3AD82EE96FD9C9")]
        [DataRow(0x2002, "85675439D18D7F1158BD8E3EAA3D502B")]
        [DataRow(0x3000, "A35C412EFD41FDB98B69797C02DCD08F")]
        [DataRow(0x3001, "16292C6EA8F64C5420A0584BFBC577BE")]
        [DataRow(0x3002, "A308E080DD15A1B741F1721BF67DE11C")]
        [DataRow(0x0002, "36A724B7BEFA5A25F5E7B5782A4554A2")]
        public void WorkingKey_EveryUsage_Counter1_MatchesPublished(int usage, string keyHex)
        {
            byte[] key = new byte[16];
            using (DukptAes dukpt = new DukptAes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveWorkingKey(Hex.Decode(Ik128), 0, 16,
                    Hex.Decode("123456789012345600000001"), 0, (DukptAesKeyUsage)usage, DukptAesKeyType.Aes128, key, 0));
            }
            Assert.AreEqual(keyHex, Hex.Encode(key));
        }

        // Other key types and BDK sizes, host path (BDK -> initial key -> working key). These are not in dukpt.json:
        // they are the X9.24-3 Annex B / ASC X9 reference-algorithm values as quoted by public DUKPT test suites
        // (2TDEA/3TDEA from the AES-128 BDK, AES-128/AES-256 from the AES-256 BDK, AES-128/AES-192 from the AES-192 BDK
        // FEDCBA9876543210F1F1F1F1F1F1F1F1FEDCBA9876543210, AES-128 at counters 1FFFE and 20000), each recomputed here
        // with an independent OpenSSL-based reference before use.
        [TestMethod]
        [DataRow(Bdk128, "123456789012345600000001", 0x1000, Tdea2, "630C706D9546E47D4449313F61C4D4AB")]
        [DataRow(Bdk128, "123456789012345600000001", 0x2000, Tdea2, "5D8FD787E8A796D07035FFCA9B5800BB")]
        [DataRow(Bdk128, "123456789012345600000001", 0x3000, Tdea2, "BD44121C223F831446A01EE3A4CB58D2")]
        [DataRow(Bdk128, "123456789012345600000001", 0x1000, Tdea3, "EA8B3F37EB9B15831167EF2977FD8762D9B5913F35766F6A")]
        [DataRow(Bdk128, "123456789012345600000001", 0x2000, Tdea3, "2A1061A6EAC2C14FAC3758EA07B3648A624B24E942785BF1")]
        [DataRow(Bdk128, "123456789012345600000001", 0x3000, Tdea3, "F716DFBC6B2D2D5825B694EEEE181A013F2F1C09380BBE0C")]
        [DataRow(Bdk128, "12345678901234560001FFFE", 0x1000, Aes128, "DDF7E08A84B5478C498D007C743BF762")]
        [DataRow(Bdk128, "12345678901234560001FFFE", 0x2000, Aes128, "6D7623AD652734B8FAE1B6E093EACE3D")]
        [DataRow(Bdk128, "12345678901234560001FFFE", 0x3000, Aes128, "8E4E5D5E0F01C54F01F4ACA1C8F8EDCE")]
        [DataRow(Bdk128, "123456789012345600020000", 0x1000, Aes128, "AB828BE7B58C7EC5D5ED0D5D320A0C9D")]
        [DataRow(Bdk128, "123456789012345600020000", 0x2000, Aes128, "0B59D3D7D93028D97135FB895CACE24E")]
        [DataRow(Bdk128, "123456789012345600020000", 0x3000, Aes128, "13361208975755318FE7AE28C9616014")]
        [DataRow(Bdk256, "123456789012345600000001", 0x1000, Aes256, "8C1AB7BEE973829E30242E0BBBDD4946D540C98FC1B5BDCF94790001A23FD502")]
        [DataRow(Bdk256, "123456789012345600000001", 0x2000, Aes256, "61DABDF4B340CF461EE860B1D1AB55357142BD2D6977306859CF49AEFE8F1549")]
        [DataRow(Bdk256, "123456789012345600000001", 0x3000, Aes256, "71EB36C9A6B7F801D1D1700C29741FC5A5C4E9B45D742DA7AF6992B8AA29AF58")]
        [DataRow(Bdk256, "123456789012345600000001", 0x1000, Aes128, "09C9C432966811D6B2C3336BAC1B1202")]
        [DataRow(Bdk256, "123456789012345600000001", 0x2000, Aes128, "F04A1FABD4176E15490CEC82E217A96D")]
        [DataRow(Bdk256, "123456789012345600000001", 0x3000, Aes128, "616D59AE91F8CC7016F89FDA29605FA4")]
        [DataRow(Bdk192, "123456789012345600000001", 0x1000, Aes128, "3C318CDBF08322279557201E98DBB3F3")]
        [DataRow(Bdk192, "123456789012345600000001", 0x2000, Aes128, "3E7009C74E8166BC9059D3D92D36B487")]
        [DataRow(Bdk192, "123456789012345600000001", 0x3000, Aes128, "04C5C3926A8B9B2B833F33D4C6E581EE")]
        [DataRow(Bdk192, "123456789012345600000003", 0x1000, Aes128, "6DE9A0A37D6927280B7E223C4BE7580F")]
        [DataRow(Bdk192, "123456789012345600000003", 0x2000, Aes128, "D2D13AF44E71EB6E8539FFDA3C37A5D6")]
        [DataRow(Bdk192, "123456789012345600000003", 0x3000, Aes128, "FDCB88BEA1EFE48EAEE83A48513FF515")]
        [DataRow(Bdk192, "123456789012345600000001", 0x1000, Aes192, "C5043EDC7F2C001097974D40FF82A050B64A1AB27879F3DB")]
        [DataRow(Bdk192, "123456789012345600000001", 0x2000, Aes192, "7FB32FB0F68F0E4A2594765F9EB1C472727EE305A5EE35E1")]
        [DataRow(Bdk192, "123456789012345600000001", 0x3000, Aes192, "C1D4541AE0E33949DD03F2A10B5E5486BBCAC1C520320E0C")]
        [DataRow(Bdk192, "123456789012345600000003", 0x1000, Aes192, "64AE12F5E0FB2001B22520CED9C5CF1A8AA45AAA3F264882")]
        [DataRow(Bdk192, "123456789012345600000003", 0x2000, Aes192, "29A29A9C943EAA03D2F5CAD146BA765094C2CF0343C53D1A")]
        [DataRow(Bdk192, "123456789012345600000003", 0x3000, Aes192, "A5DDCE36A4ECC8781C466C2270BA499EC4654AA166392EFC")]
        public void WorkingKey_KeyTypesAndBdkSizes_MatchReference(string bdkHex, string ksnHex, int usage, int type, string keyHex)
        {
            byte[] bdk = Hex.Decode(bdkHex);
            byte[] key = new byte[DukptAes.KeyLength((DukptAesKeyType)type)];
            Assert.AreEqual(keyHex.Length / 2, key.Length);
            using (DukptAes dukpt = new DukptAes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveWorkingKeyFromBdk(bdk, 0, bdk.Length, Hex.Decode(ksnHex), 0,
                    (DukptAesKeyUsage)usage, (DukptAesKeyType)type, key, 0));
            }
            Assert.AreEqual(keyHex, Hex.Encode(key));
        }

        // A working key from a transaction key the caller already holds (dukpt.json aes.sequence[7], counter 8), and the
        // Ksn overloads, in place.
        [TestMethod]
        public void WorkingKeyFromTransactionKey_AndKsnOverloads_MatchPublished()
        {
            Ksn ksn;
            Assert.IsTrue(Ksn.TryParse("123456789012345600000008", out ksn));
            byte[] txn = new byte[16];
            byte[] pin = new byte[16];
            using (DukptAes dukpt = new DukptAes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveTransactionKey(Hex.Decode(Ik128), 0, 16, ksn, txn, 0));
                Assert.AreEqual("718EE6CF0B27E53D5F7AF99C4D8146A2", Hex.Encode(txn));
                byte[] ksnBytes = new byte[Ksn.AesLength];
                ksn.CopyTo(ksnBytes, 0);
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveWorkingKeyFromTransactionKey(txn, 0, 16, ksnBytes, 0,
                    DukptAesKeyUsage.MacGeneration, DukptAesKeyType.Aes128, txn, 0));
                Assert.AreEqual("6FD572E5D59E618875F193484F9178FB", Hex.Encode(txn));
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveWorkingKey(Hex.Decode(Ik128), 0, 16, ksn,
                    DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes128, pin, 0));
                Assert.AreEqual("4D9DF3FBEE3448FC3E676D04320A90F5", Hex.Encode(pin));
            }
        }

        // Counter walk: the supplement's KSN sequences (openemv/dukpt test/dukpt_aes128_test.c advances through them):
        // the first counter, 1FFFE -> 20000 (1FFFF has 17 one-bits), and the last four counters.
        [TestMethod]
        [DataRow("123456789012345600000000", "123456789012345600000001")]
        [DataRow("123456789012345600000007", "123456789012345600000008")]
        [DataRow("12345678901234560001FFFE", "123456789012345600020000")]
        [DataRow("123456789012345600020000", "123456789012345600020001")]
        [DataRow("1234567890123456FFFE2000", "1234567890123456FFFE4000")]
        [DataRow("1234567890123456FFFE4000", "1234567890123456FFFE8000")]
        [DataRow("1234567890123456FFFE8000", "1234567890123456FFFF0000")]
        public void Advance_X924Supplement_FollowsPublishedKsns(string fromHex, string toHex)
        {
            Ksn ksn;
            Assert.IsTrue(Ksn.TryParse(fromHex, out ksn));
            Assert.AreEqual((int)DukptStatus.Ok, (int)ksn.Advance());
            Assert.AreEqual(toHex, ksn.ToString());
        }

        [TestMethod]
        public void Advance_PastFfff0000_ReportsExhaustionAndKeepsKsn()
        {
            uint next;
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)DukptAes.NextCounter(DukptAes.LastCounter, out next));
            Assert.AreEqual(DukptAes.LastCounter, next);
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)DukptAes.NextCounter(0xFFFFFFFF, out next));

            Ksn ksn;
            Assert.IsTrue(Ksn.TryParse("1234567890123456FFFF0000", out ksn));
            Assert.IsTrue(ksn.IsCounterValid);
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)ksn.Advance());
            Assert.AreEqual("1234567890123456FFFF0000", ksn.ToString());
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)ksn.Advance());
        }

        [TestMethod]
        [DataRow(0L, false)]            // the initial KSN: never a transaction
        [DataRow(1L, true)]             // first counter
        [DataRow(0x0001FFFEL, true)]    // exactly 16 one-bits
        [DataRow(0x0001FFFFL, false)]   // 17 one-bits
        [DataRow(0xFFFF0000L, true)]    // last valid counter
        [DataRow(0xFFFF0001L, false)]   // 17 one-bits
        [DataRow(0xFFFFFFFFL, false)]   // 32 one-bits (the X9.24-3 update-key counter, not a transaction)
        public void IsValidCounter_SixteenOneBitsAtMost(long counter, bool valid)
        {
            Assert.AreEqual(valid, DukptAes.IsValidCounter((uint)counter));
        }

        [TestMethod]
        [DataRow(0L, 1L)]
        [DataRow(0x0000FFFFL, 0x00010000L)]   // plain carry
        [DataRow(0x0001FFFEL, 0x00020000L)]   // supplement: 1FFFF skipped
        [DataRow(0xFFFE8000L, 0xFFFF0000L)]   // supplement: to the last counter
        public void NextCounter_SkipsCountersWithSeventeenOneBits(long from, long expected)
        {
            uint next;
            Assert.AreEqual((int)DukptStatus.Ok, (int)DukptAes.NextCounter((uint)from, out next));
            Assert.AreEqual((uint)expected, next);
        }

        // Counter 0 and counters with 17 one-bits are refused. The supplement does list a key for 0001FFFF
        // (1FE368988089CDD76DA18A3458E113BA); a device never uses that counter, so this implementation refuses it
        // like openemv/dukpt does.
        [TestMethod]
        [DataRow("123456789012345600000000")]
        [DataRow("12345678901234560001FFFF")]
        [DataRow("1234567890123456FFFF0001")]
        public void Derive_UnusableCounter_ReturnsCounterInvalid(string ksnHex)
        {
            byte[] key = new byte[16];
            using (DukptAes dukpt = new DukptAes())
            {
                Assert.AreEqual((int)DukptStatus.CounterInvalid,
                    (int)dukpt.DeriveTransactionKey(Hex.Decode(Ik128), 0, 16, Hex.Decode(ksnHex), 0, key, 0));
                Assert.AreEqual((int)DukptStatus.CounterInvalid, (int)dukpt.DeriveWorkingKey(Hex.Decode(Ik128), 0, 16,
                    Hex.Decode(ksnHex), 0, DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes128, key, 0));
                Assert.AreEqual((int)DukptStatus.CounterInvalid, (int)dukpt.DeriveWorkingKeyFromTransactionKey(Hex.Decode(Ik128), 0, 16,
                    Hex.Decode(ksnHex), 0, DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes128, key, 0));
            }
            Assert.AreEqual("00000000000000000000000000000000", Hex.Encode(key));
        }

        // X9.24-3 6.2.2: a working key is never stronger than its derivation key.
        [TestMethod]
        [DataRow(Bdk128, Aes192)]
        [DataRow(Bdk128, Aes256)]
        [DataRow(Bdk192, Aes256)]
        public void WorkingKey_StrongerThanDerivationKey_IsRefused(string bdkHex, int type)
        {
            byte[] bdk = Hex.Decode(bdkHex);
            byte[] key = new byte[32];
            using (DukptAes dukpt = new DukptAes())
            {
                Assert.AreEqual((int)DukptStatus.WorkingKeyTooStrong, (int)dukpt.DeriveWorkingKeyFromBdk(bdk, 0, bdk.Length,
                    Hex.Decode("123456789012345600000001"), 0, DukptAesKeyUsage.PinEncryption, (DukptAesKeyType)type, key, 0));
            }
            Assert.AreEqual("0000000000000000000000000000000000000000000000000000000000000000", Hex.Encode(key));
        }

        [TestMethod]
        [DataRow(Tdea2, 16)]
        [DataRow(Tdea3, 24)]
        [DataRow(Aes128, 16)]
        [DataRow(Aes192, 24)]
        [DataRow(Aes256, 32)]
        public void KeyLength_PerType(int type, int length)
        {
            Assert.AreEqual(length, DukptAes.KeyLength((DukptAesKeyType)type));
        }

        // Programming errors throw, and nothing thrown or printed carries key bytes.
        [TestMethod]
        public void BadArguments_Throw_WithoutKeyBytes()
        {
            byte[] ik = Hex.Decode(Ik128);
            byte[] ksn = Hex.Decode("123456789012345600000001");
            DukptAes dukpt = new DukptAes();
            Exception e = Expect.Throws(typeof(ArgumentException), delegate
            {
                dukpt.DeriveTransactionKey(ik, 0, 15, ksn, 0, new byte[16], 0);
            });
            Assert.IsTrue(e.Message.IndexOf(Ik128) < 0);
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate
            {
                dukpt.DeriveWorkingKey(ik, 0, 16, ksn, 0, DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes128, new byte[8], 0);
            });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate
            {
                dukpt.DeriveWorkingKey(ik, 0, 16, ksn, 0, (DukptAesKeyUsage)0x8000, DukptAesKeyType.Aes128, new byte[16], 0);
            });
            Expect.Throws(typeof(ArgumentException), delegate
            {
                dukpt.DeriveInitialKey(Hex.Decode(Bdk128), 0, 8, Hex.Decode(InitialKeyId), 0, new byte[16], 0);
            });
            Ksn tdes;
            Assert.IsTrue(Ksn.TryParse("FFFF9876543210E00001", out tdes));
            Expect.Throws(typeof(ArgumentException), delegate { dukpt.DeriveTransactionKey(ik, 0, 16, tdes, new byte[16], 0); });
            Assert.IsTrue(dukpt.ToString().IndexOf(Ik128) < 0);
            dukpt.Dispose();
        }
    }
}
