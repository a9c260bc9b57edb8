using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Emulator;
using PosTerminal.Emulator.Board;

namespace PosTerminal.Tests.Host;

/// <summary>The emulator's demo end to end: the README's main command, in-process and as a real process.</summary>
[TestClass]
public class DemoTests
{
    private static async Task<(int Code, string Output)> Demo(params string[] options)
    {
        string dir = Path.Combine(Path.GetTempPath(), "posterminal-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            StringWriter output = new();
            StringWriter error = new();
            string[] args = ["demo", "--data-dir", dir, .. options];
            int code = await Cli.Run(args, output, error);
            return (code, output + error.ToString());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    private static void AssertNoClearCardData(string output)
    {
        Assert.IsFalse(output.Contains("6212260000123456782"), "clear PAN in output");
        Assert.IsFalse(output.Contains("30121011234567890"), "track data in output");
        Assert.IsFalse(output.Contains("62 12 26 00 00 12"), "PAN bytes in a hex dump");
    }

    [TestMethod]
    public async Task Demo_Default_ApprovedSaleWithMaskedTraceAndReceipt()
    {
        (int code, string output) = await Demo();
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "[TPDU 6000030000] [HEADER 603100000001]");
        StringAssert.Contains(output, "MTI  Message type indicator");
        StringAssert.Contains(output, "02 00  | 0200");
        StringAssert.Contains(output, "02 10  | 0210");
        StringAssert.Contains(output, "F60  Reserved private (type, batch)");
        StringAssert.Contains(output, "APPROVED (00)");
        StringAssert.Contains(output, "621226*********6782");
        StringAssert.Contains(output, "RESULT approved (00 APPROVED) via primary 127.0.0.1:");
        AssertNoClearCardData(output);
    }

    [TestMethod]
    public async Task Demo_ConfiguredTpduAndHeader_SentAndSwappedInTheReply()
    {
        (int code, string output) = await Demo("--tpdu", "6000120034", "--header", "603100000002");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "[TPDU 6000120034] [HEADER 603100000002]");
        StringAssert.Contains(output, "[TPDU 6000340012] [HEADER 603100000002]");
    }

    [TestMethod]
    [DataRow("cup", "cup")]
    [DataRow("cup", "cup-sm4")]
    [DataRow("cup", "cup-tdk")]
    [DataRow("iso87ascii", "dukpt-tdes")]
    [DataRow("iso87ascii", "dukpt-aes")]
    public async Task Demo_SecurityModes_KeysLoadedSignOnAndPinSaleApproved(string profile, string security)
    {
        (int code, string output) = await Demo("--profile", profile, "--security", security, "--card", profile == "cup" ? "cup-debit" : "visa");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "PIN entered");
        StringAssert.Contains(output, " PIN ok");
        StringAssert.Contains(output, " MAC ok -> 00");
        if (profile == "cup")
        {
            StringAssert.Contains(output, "master key combined: Ok");
            StringAssert.Contains(output, "SIGN-ON Ok (00), batch 000001");
            StringAssert.Contains(output, "key check values: PIK ");
            StringAssert.Contains(output, "F52  PIN data");
            StringAssert.Contains(output, "F64  Message authentication code");
        }
        else
        {
            StringAssert.Contains(output, "DUKPT initial key injected");
        }
        foreach (string secret in new[] { DemoKeys.TmkComponent1, DemoKeys.TmkComponent2, DemoKeys.Sm4TmkComponent1, DemoKeys.Sm4TmkComponent2, DemoKeys.TdesBdk, DemoKeys.AesBdk })
            Assert.IsFalse(output.Contains(secret, StringComparison.OrdinalIgnoreCase), "key material in the output");
        AssertNoClearCardData(output);
    }

    [TestMethod]
    public async Task Demo_WrongPin_Declined55()
    {
        (int code, string output) = await Demo("--pin", "000000", "--no-trace");
        Assert.AreEqual(Emulator.Demo.Declined, code, output);
        StringAssert.Contains(output, "INCORRECT PIN (55)");
    }

    [TestMethod]
    public async Task Demo_WrongResponseMac_NotAcceptedReversalDue()
    {
        (int code, string output) = await Demo("--wrong-response-mac", "--no-trace");
        Assert.AreEqual(Emulator.Demo.NotCompleted, code, output);
        StringAssert.Contains(output, "response MAC wrong: not accepted");
        StringAssert.Contains(output, "reversal due (reason A0)");
    }

    [TestMethod]
    public async Task Demo_ShowFailover_BackupServes()
    {
        (int code, string output) = await Demo("--show-failover");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "-- connect primary 127.0.0.1:");
        StringAssert.Contains(output, ": refused");
        StringAssert.Contains(output, "via backup 1");
    }

    [TestMethod]
    public async Task Demo_Declined_ExitCode3()
    {
        (int code, string output) = await Demo("--amount", "1.51", "--no-trace");
        Assert.AreEqual(Emulator.Demo.Declined, code, output);
        StringAssert.Contains(output, "INSUFFICIENT FUNDS (51)");
    }

    [TestMethod]
    public async Task Demo_BadCard_NothingSent()
    {
        (int code, string output) = await Demo("--card", "bad-luhn");
        Assert.AreEqual(Emulator.Demo.NotCompleted, code, output);
        StringAssert.Contains(output, "swipe rejected (BadLuhn)");
        Assert.IsFalse(output.Contains("02 00  | 0200"), "a sale was sent");
    }

    [TestMethod]
    public async Task Demo_AsciiProfile_Approved()
    {
        (int code, string output) = await Demo("--profile", "iso87ascii", "--card", "visa");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "F7   Transmission date and time");
        StringAssert.Contains(output, "476173******0010");
        Assert.IsFalse(output.Contains("4761739001010010"));
    }

    [TestMethod]
    [DataRow("--amount", "12.345")]
    [DataRow("--port", "70000")]
    [DataRow("--host", "127.0.0.1")]
    [DataRow("--profile", "visa")]
    [DataRow("--bogus", "1")]
    [DataRow("--tpdu", "7000030000")]
    [DataRow("--tpdu", "60000300")]
    [DataRow("--header", "6031XX")]
    public async Task Demo_BadOption_UsageErrorExit2(string option, string value)
    {
        (int code, string output) = await Demo(option, value);
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, "error:");
    }

    [TestMethod]
    public async Task Demo_StanAdvancesAcrossRuns()
    {
        string dir = Path.Combine(Path.GetTempPath(), "posterminal-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            for (int i = 1; i <= 2; i++)
            {
                StringWriter output = new();
                // the second run names the directory as `run` does (--data): the same store either way
                Assert.AreEqual(0, await Cli.Run(["demo", i == 1 ? "--data-dir" : "--data", dir, "--no-trace"], output, output));
                // each run signs on (one STAN), sells by card and by code, then settles (0500 and the batch end: two
                // STANs); each run's simulator is new, so its sign-on brings batch 1 again
                StringAssert.Contains(output.ToString(), $"STAN {5 * i - 3:D6}");
                StringAssert.Contains(output.ToString(), $"STAN {5 * i - 2:D6}");
                StringAssert.Contains(output.ToString(), "RESULT settled batch 000001: totals agree, next batch 000002");
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void Demo_AsAProcess_ExitsZeroWithApprovedResult()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "PosTerminal.Emulator.dll");
        string dir = Path.Combine(Path.GetTempPath(), "posterminal-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            (int code, string output) = Repo.Run("dotnet", [dll, "demo", "--data-dir", dir], TimeSpan.FromMinutes(2));
            Assert.AreEqual(0, code, output);
            StringAssert.Contains(output, "RESULT approved");
            AssertNoClearCardData(output);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    /// <summary>How often <paramref name="what"/> occurs in <paramref name="text"/>.</summary>
    internal static int Count(string text, string what)
    {
        int n = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    [TestMethod]
    public async Task Demo_SecondSaleByPaymentCode_Approved()
    {
        (int code, string output) = await Demo("--code", "unionpay");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "payment code scanned: 62*************1234 (UnionPay)");
        StringAssert.Contains(output, "code=62*************1234 (UnionPay)");
        StringAssert.Contains(output, "CODE         62*************1234");
        StringAssert.Contains(output, "ENTRY                       CODE");
        Assert.AreEqual(2, Count(output, "02 00  | 0200"), "two sales sent");
        Assert.AreEqual(2, Count(output, "RESULT approved"));
        Assert.IsFalse(output.Contains("6226012345678901234"), "the full code in the output");
        AssertNoClearCardData(output);
    }

    [TestMethod]
    [DataRow("product", "UnknownPrefix")]
    [DataRow("short-wechat", "WrongLength")]
    [DataRow("url", "NotDigits")]
    public async Task Demo_BadCode_RejectedNothingSent(string name, string reason)
    {
        (int code, string output) = await Demo("--code", name);
        Assert.AreEqual(4, code, output);
        StringAssert.Contains(output, $"code rejected ({reason}): not a payment code, nothing sent");
        Assert.AreEqual(1, Count(output, "02 00  | 0200"), "only the card sale was sent");
        Assert.AreEqual(1, Count(output, "0200 SALE"), "the simulator saw one sale");
    }

    [TestMethod]
    public async Task Demo_NoCode_OneSale()
    {
        (int code, string output) = await Demo("--no-code");
        Assert.AreEqual(0, code, output);
        Assert.AreEqual(1, Count(output, "02 00  | 0200"));
        Assert.IsFalse(output.Contains("payment code"));
    }

    [TestMethod]
    public async Task Demo_ChipCardSwiped_UseChip_NothingSent()
    {
        (int code, string output) = await Demo("--card", "cup-chip");
        Assert.AreEqual(4, code, output);
        StringAssert.Contains(output, "USE CHIP");
        Assert.AreEqual(0, Count(output, "02 00  | 0200"));
    }
}
