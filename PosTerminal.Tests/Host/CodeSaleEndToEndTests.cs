using System;
using System.Linq;
using System.Threading.Tasks;
using AcquirerSimulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Iso8583;
using PosTerminal.Security;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Host;

/// <summary>
/// Sales paid with payment codes against the simulator over loopback: each wallet, both profiles, MAC'd and DUKPT
/// security; and the simulator's own check of the code a request carries.
/// </summary>
[TestClass]
public class CodeSaleEndToEndTests
{
    private static PaymentCode Code(string digits)
    {
        byte[] b = Ascii.GetBytes(digits);
        Assert.AreEqual(PaymentCodeStatus.Ok, PaymentCode.TryCreate(b, 0, b.Length, out PaymentCode code));
        return code;
    }

    [TestMethod]
    [DataRow("cup", "cup", "134526838612345678", "WeChat Pay")]
    [DataRow("cup", "cup-x919", "284412345678901234", "Alipay")]
    [DataRow("cup", "cup-sm4", "6226012345678901234", "UnionPay")]
    [DataRow("cup", "cup-tdk", "2500000000000000", "Alipay")]
    [DataRow("iso87ascii", "dukpt-tdes", "134526838612345678", "WeChat Pay")]
    [DataRow("iso87ascii", "dukpt-aes", "300000000000000000000000", "Alipay")]
    public async Task CodeSale_Approved_CodeOnlyMaskedInTheHostLog(string profile, string security, string digits, string wallet)
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Find(profile), SecuritySettings.Named(security));
        Terminal t = sim.SignedOnTerminal();
        TxnOutcome o;
        using (PaymentCode code = Code(digits)) o = t.Sale(code, 2599);
        Assert.AreEqual(TxnResult.Approved, o.Result, o.ResponseCode + " " + string.Join("\n", sim.Log));
        Assert.AreEqual(2599, o.ApprovedAmountMinor);
        string masked = digits[..2] + new string('*', digits.Length - 6) + digits[^4..];
        Assert.AreEqual(masked, o.MaskedPan);
        Assert.IsTrue(sim.Log.Any(l => l.Contains($"code={masked} ({wallet})") && l.Contains("-> 00")), string.Join("\n", sim.Log));
        Assert.IsFalse(sim.Log.Any(l => l.Contains(digits)), "the full code is never logged");
        Assert.IsFalse(o.Receipt.Contains(digits));
    }

    [TestMethod]
    public async Task CodeSale_HostRules_ApplyAsToCards()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.CupDefault(), "pan=13:rc=51");
        Terminal t = sim.SignedOnTerminal();
        using PaymentCode wechat = Code("134526838612345678");
        using PaymentCode alipay = Code("284412345678901234");
        Assert.AreEqual("51", t.Sale(wechat, 100).ResponseCode);
        Assert.AreEqual(TxnResult.Approved, t.Sale(alipay, 100).Result);
    }

    // The host does not trust the terminal's check: a request whose code no wallet issues is declined with 14.
    [TestMethod]
    [DataRow("cup", "134526838612345", "14")]             // WeChat prefix, 15 digits
    [DataRow("cup", "6901234567892", "14")]               // a product barcode
    [DataRow("cup", null, "30")]                          // no code at all
    [DataRow("iso87ascii", "99999999999999999", "14")]
    [DataRow("cup", "134526838612345678", "00")]          // (control)
    [DataRow("iso87ascii", "284412345678901234", "00")]   // (control)
    public void Simulator_ChecksTheCodeItself(string profileName, string digits, string rc)
    {
        AcquirerProfile profile = AcquirerProfile.Find(profileName);
        SimulatorOptions options = new() { Profile = profile, Security = NoSecurity.For(profile) };
        RequestHandler handler = new(options, new Ledger());
        MessageSpec spec = profile.SpecFor(options.Security);
        IsoMessage rq = new(spec) { Mti = 200 };
        rq.Set(IsoField.ProcessingCode, "000000");
        rq.SetNumber(IsoField.Amount, 100);
        rq.SetNumber(IsoField.Stan, 7);
        rq.Set(IsoField.EntryMode, "030");
        rq.Set(IsoField.ConditionCode, profile.CodeSale.ConditionCode);
        rq.Set(IsoField.TerminalId, "88880001");
        rq.Set(IsoField.MerchantId, "898310048990001");
        rq.Set(IsoField.Currency, "156");
        if (digits != null)
        {
            byte[] d = Ascii.GetBytes(digits);
            if (profile.CodeTag == 0)
            {
                rq.SetBytes(profile.CodeField, d, 0, d.Length);
            }
            else
            {
                byte[] tlv = new byte[3 + d.Length];
                tlv[0] = 0x5F; tlv[1] = 0x01; tlv[2] = (byte)d.Length;
                Array.Copy(d, 0, tlv, 3, d.Length);
                rq.SetBytes(profile.CodeField, tlv, 0, tlv.Length);
            }
        }
        IsoMessage rs = new(spec);
        handler.Handle("test", rq, new byte[1], 0, 0, rs);
        Assert.AreEqual(rc, rs.GetString(IsoField.ResponseCode));
    }
}
