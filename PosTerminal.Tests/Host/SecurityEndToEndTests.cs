using System;
using System.Linq;
using System.Threading.Tasks;
using AcquirerSimulator.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Security;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The terminal's crypto against the simulator's independent crypto (.NET, BouncyCastle) over loopback: sign-on and
/// key check values, PIN blocks, request and response MACs, track encryption, DUKPT, SM4.
/// </summary>
[TestClass]
public class SecurityEndToEndTests
{
    private const string DebitTrack = ";6212260000123456782=30121011234567890?";
    private const string VisaTrack = ";4761739001010010=30121010000000000?";

    private static TxnOutcome PinSale(Terminal t, string track, string pin, long amount)
    {
        using CardData card = SimulatorFixture.Card(track);
        using PinEntry p = SimulatorFixture.Pin(pin);
        return t.Sale(card, amount, p);
    }

    [TestMethod]
    [DataRow("cup")]
    [DataRow("cup-x919")]
    [DataRow("cup-tdk")]
    [DataRow("cup-sm4")]
    public async Task SignOn_KeysInstalled_CheckValuesAgreeWithTheHost(string security)
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.Named(security));
        Terminal t = sim.Terminal();
        SignOnOutcome o = t.SignOn();
        Assert.AreEqual(SignOnResult.Ok, o.Result, o.KeyStatus.ToString());
        Assert.AreEqual(1, o.Batch);
        using TerminalKeyState host = sim.Options.Keys.Get("88880001");
        Assert.AreEqual(CupWorkingKeySet.CheckValueOf(host.WorkingKeys.Pik)[..6], o.PinKeyCheck);
        Assert.AreEqual(CupWorkingKeySet.CheckValueOf(host.WorkingKeys.Mak)[..6], o.MacKeyCheck);
        Assert.AreEqual(security == "cup-x919" ? 16 : security == "cup-sm4" ? 16 : 8, t.Keys.Get(KeySlot.MacKey).Length);
        Assert.AreEqual(security == "cup-tdk", o.TrackKeyCheck != null);
        Assert.AreEqual(security == "cup-sm4" ? KeyAlgorithm.Sm4 : KeyAlgorithm.Tdes, t.Keys.Get(KeySlot.PinKey).Algorithm);
    }

    [TestMethod]
    public async Task SignOn_TamperedCheckValue_KeySetRejected_OldKeysKept()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.Named("cup-tdk"));
        Terminal t = sim.Terminal();
        SignOnOutcome first = t.SignOn();
        Assert.AreEqual(SignOnResult.Ok, first.Result);
        sim.Options.CorruptSignOnCheckValue = true;
        SignOnOutcome second = t.SignOn();
        Assert.AreEqual(SignOnResult.KeysRejected, second.Result);
        Assert.AreEqual(KeyLoadStatus.CheckValueMismatch, second.KeyStatus);
        Assert.AreEqual(first.PinKeyCheck, second.PinKeyCheck);       // not even the PIK (whose CV was fine) changed
        Assert.AreEqual(first.MacKeyCheck, second.MacKeyCheck);
        Assert.AreEqual(first.TrackKeyCheck, second.TrackKeyCheck);
    }

    [TestMethod]
    public async Task SignOn_WithoutMasterKey_NotSent()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.CupDefault());
        Terminal t = sim.Terminal();
        t.Keys.Remove(KeySlot.MasterKey);
        Assert.AreEqual(SignOnResult.NoMasterKey, t.SignOn().Result);
        Assert.AreEqual(0, sim.Host.Frames);
    }

    [TestMethod]
    public async Task Sale_BeforeSignOn_RefusedNotSignedOn()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.CupDefault());
        using CardData card = SimulatorFixture.Card(DebitTrack);
        TxnOutcome o = sim.Terminal().Sale(card, 100);
        Assert.AreEqual(TxnResult.Refused, o.Result);
        Assert.AreEqual(RefusalReason.NotSignedOn, o.Refusal);
    }

    [TestMethod]
    [DataRow("cup", "123456", "00")]
    [DataRow("cup", "654321", "55")]
    [DataRow("cup-x919", "123456", "00")]
    [DataRow("cup-tdk", "123456", "00")]
    [DataRow("cup-sm4", "123456", "00")]
    [DataRow("cup-sm4", "1234", "55")]
    public async Task PinSale_MasterSession_HostChecksPinAndMac(string security, string pin, string rc)
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.Named(security));
        Terminal t = sim.SignedOnTerminal();
        TxnOutcome o = PinSale(t, DebitTrack, pin, 2500);
        Assert.AreEqual(rc, o.ResponseCode, string.Join("\n", sim.Log));
        Assert.AreEqual(rc == "00" ? TxnResult.Approved : TxnResult.Declined, o.Result);
        Assert.IsTrue(o.PinEntered);
        Assert.IsTrue(sim.Log.Any(l => l.Contains(rc == "00" ? "PIN ok" : "PIN wrong")), string.Join("\n", sim.Log));
        if (security == "cup-tdk") Assert.IsTrue(sim.Log.Any(l => l.Contains("track decrypted")));
    }

    [TestMethod]
    [DataRow("dukpt-tdes", "1234", "00")]
    [DataRow("dukpt-tdes", "9999", "55")]
    [DataRow("dukpt-aes", "1234", "00")]
    [DataRow("dukpt-aes", "4321", "55")]
    public async Task PinSale_Dukpt_EveryTransactionItsOwnKey(string security, string pin, string rc)
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Iso87Ascii, SecuritySettings.Named(security));
        Terminal t = sim.Terminal();
        string before = t.Dukpt.Current.ToString();
        TxnOutcome first = PinSale(t, VisaTrack, pin, 1000);
        string middle = t.Dukpt.Current.ToString();
        TxnOutcome second = PinSale(t, VisaTrack, pin, 1001);
        Assert.AreEqual(rc, first.ResponseCode, string.Join("\n", sim.Log));
        Assert.AreEqual(rc, second.ResponseCode);
        Assert.AreNotEqual(before, middle);
        Assert.AreNotEqual(middle, t.Dukpt.Current.ToString());
    }

    [TestMethod]
    [DataRow("dukpt-tdes")]
    [DataRow("dukpt-aes")]
    public async Task Dukpt_TrackEncryption_HostDecrypts(string security)
    {
        SecuritySettings sec = SecuritySettings.Named(security).WithTrackEncryption(true);
        await using SimulatorFixture sim = new(AcquirerProfile.Iso87Ascii, sec);
        TxnOutcome o = PinSale(sim.Terminal(), VisaTrack, "1234", 777);
        Assert.AreEqual("00", o.ResponseCode, string.Join("\n", sim.Log));
        Assert.IsTrue(sim.Log.Any(l => l.Contains("track decrypted")));
    }

    [TestMethod]
    public async Task RequestMacWrong_HostAnswersA0()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.CupDefault());
        Terminal t = sim.SignedOnTerminal();
        // The host issues new working keys the terminal never receives: the terminal's MAC no longer verifies.
        Assert.IsTrue(sim.Options.Keys.TrySignOn("88880001", CupKeyLayout.Double40, 1, out CupWorkingKeySet other));
        other.Dispose();
        using CardData card = SimulatorFixture.Card(DebitTrack);
        TxnOutcome o = t.Sale(card, 100);
        Assert.AreEqual(TxnResult.Declined, o.Result);
        Assert.AreEqual("A0", o.ResponseCode);
        Assert.IsTrue(sim.Log.Any(l => l.Contains("request MAC wrong -> A0")));
        Assert.AreEqual(0, sim.Host.Ledger.Entries.Count);
    }

    [TestMethod]
    public async Task ResponseMacWrong_NotAccepted_ReversalDueA0()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.CupDefault());
        Terminal t = sim.SignedOnTerminal();
        sim.Options.WrongResponseMac = true;
        using CardData card = SimulatorFixture.Card(DebitTrack);
        TxnOutcome o = t.Sale(card, 100);
        Assert.AreEqual(TxnResult.MacFailed, o.Result);
        Assert.AreEqual("A0", o.ReversalReason);
        Assert.IsFalse(o.IsApproved);
        StringAssert.Contains(o.Receipt, "MAC ERROR");
    }

    [TestMethod]
    [DataRow("cup", "cup-debit")]
    [DataRow("cup-x919", "cup-debit")]
    [DataRow("cup-sm4", "cup-debit")]
    [DataRow("dukpt-tdes", "visa")]
    [DataRow("dukpt-aes", "visa")]
    public async Task ResponseMacWrongOrMissing_ApprovalNotAccepted_InEveryMode(string security, string card)
    {
        bool dukpt = security.StartsWith("dukpt", StringComparison.Ordinal);
        await using SimulatorFixture sim = new(dukpt ? AcquirerProfile.Iso87Ascii : null, SecuritySettings.Named(security));
        Terminal t = sim.SignedOnTerminal();
        string track = card == "visa" ? VisaTrack : DebitTrack;
        string pin = card == "visa" ? "1234" : "123456";

        sim.Options.WrongResponseMac = true;
        TxnOutcome wrong = PinSale(t, track, pin, 100);
        sim.Options.WrongResponseMac = false;
        // The A0 reversal goes out (and is answered with a good MAC) before the next sale may start.
        Assert.AreEqual(ReversalStatus.Done, t.SendPendingReversal());
        sim.Options.OmitResponseMac = true;
        TxnOutcome missing = PinSale(t, track, pin, 101);
        sim.Options.OmitResponseMac = false;
        TxnOutcome good = PinSale(t, track, pin, 102);

        Assert.AreEqual(TxnResult.MacFailed, wrong.Result, "wrong MAC");
        Assert.AreEqual("A0", wrong.ReversalReason);
        Assert.AreEqual(TxnResult.MacFailed, missing.Result, "approval without MAC");
        Assert.AreEqual("A0", missing.ReversalReason);
        Assert.AreEqual(TxnResult.Approved, good.Result, string.Join("\n", sim.Log.TakeLast(2)));
    }

    [TestMethod]
    public async Task DeclineWithoutMac_IsTakenAsDeclined()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.CupDefault());
        Terminal t = sim.SignedOnTerminal();
        sim.Options.OmitResponseMac = true;
        TxnOutcome o = PinSale(t, DebitTrack, "123456", 151);
        Assert.AreEqual(TxnResult.Declined, o.Result);
        Assert.AreEqual("51", o.ResponseCode);
    }

    [TestMethod]
    public async Task X919_SingleDesMacKeyInStore_SaleRefusedKeysUnsuitable()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.CupDefault());
        Terminal t = sim.SignedOnTerminal();                       // cup: the MAK is single DES
        t.Settings = t.Settings.WithSecurity(SecuritySettings.Named("cup-x919"));
        using CardData card = SimulatorFixture.Card(DebitTrack);
        TxnOutcome o = t.Sale(card, 100);
        Assert.AreEqual(TxnResult.Refused, o.Result);
        Assert.AreEqual(RefusalReason.KeysUnsuitable, o.Refusal);
        Assert.AreEqual(0, o.Stan);
    }

    [TestMethod]
    public async Task ManySignOnsAndSales_RandomKeys_TerminalAndHostAlwaysAgree()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.Named("cup-tdk"));
        Terminal t = sim.Terminal();
        Random rnd = new(20261127);
        for (int round = 0; round < 25; round++)
        {
            Assert.AreEqual(SignOnResult.Ok, t.SignOn().Result);   // fresh random PIK/MAK/TDK every round
            long amount = rnd.Next(1, 5000) * 100 + rnd.Next(0, 49);
            TxnOutcome o = PinSale(t, DebitTrack, "123456", amount);
            Assert.AreEqual(TxnResult.Approved, o.Result, $"round {round}: {o.ResponseCode}\n" + string.Join("\n", sim.Log.TakeLast(3)));
        }
        Assert.AreEqual(25, sim.Host.Ledger.Entries.Count);
    }

    [TestMethod]
    public async Task NothingSecretInLogsReceiptsOrKeyTexts()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.Named("cup-tdk"));
        Terminal t = sim.SignedOnTerminal();
        TxnOutcome o = PinSale(t, DebitTrack, "123456", 4321);
        string[] keys = [KeyHex(t, KeySlot.MasterKey), KeyHex(t, KeySlot.PinKey), KeyHex(t, KeySlot.MacKey), KeyHex(t, KeySlot.TrackKey)];
        string shown = string.Join("\n", sim.Log) + o.Receipt + string.Join("\n", Enum.GetValues<KeySlot>().Select(s => t.Keys.Get(s)?.ToString()));
        foreach (string k in keys) Assert.IsFalse(shown.Contains(k, StringComparison.OrdinalIgnoreCase), "a key is visible");
        Assert.IsFalse(shown.Contains("6212260000123456782"));
        Assert.IsFalse(shown.Contains("30121011234567890"));
    }

    private static string KeyHex(Terminal t, KeySlot slot) => Hex.Encode(t.Keys.Get(slot).Key);
}
