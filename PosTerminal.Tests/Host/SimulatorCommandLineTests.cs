using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The simulator's command line, run as a process. A listener holds the port first, so the simulator prints the keys
/// it registered and then exits 1 (cannot listen) instead of serving forever.
/// </summary>
[TestClass]
public class SimulatorCommandLineTests
{
    private const string Key = "0123456789ABCDEFFEDCBA9876543210";

    private static (int Code, string Output) Simulator(params string[] args)
    {
        using TcpListener busy = new(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;
        string dll = Path.Combine(AppContext.BaseDirectory, "AcquirerSimulator.dll");
        return Repo.Run("dotnet", [dll, "--listen", "127.0.0.1:" + port, .. args], TimeSpan.FromSeconds(30));
    }

    [TestMethod]
    [DataRow("--security", "cup-sm4", "--tmk", Key)]
    [DataRow("--tmk", Key, "--security", "cup-sm4")]
    public void Tmk_AlgorithmFollowsSecurity_InAnyOrder(params string[] args)
    {
        (int code, string output) = Simulator(args);
        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "keys on file for every terminal: * MasterSessionSm4 TMK KCV ");
        StringAssert.Contains(output, "cannot listen");
        Assert.IsFalse(output.Contains(Key), "the key itself is never printed");
    }

    [TestMethod]
    [DataRow("--bdk", "T0000001=FEDCBA9876543210F1F1F1F1F1F1F1F1", "--security", "dukpt-aes")]
    [DataRow("--security", "dukpt-aes", "--bdk", "T0000001=FEDCBA9876543210F1F1F1F1F1F1F1F1")]
    public void Bdk_AlgorithmFollowsSecurity_InAnyOrder(params string[] args)
    {
        (int code, string output) = Simulator(args);
        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "keys on file for terminal T0000001: T0000001 DukptAes BDK KCV ");
    }

    [TestMethod]
    [DataRow("--tmk", Key, "--security", "dukpt-tdes", "takes --bdk")]
    [DataRow("--bdk", Key, "--security", "cup", "--bdk is for DUKPT")]
    [DataRow("--security", "cup-sm4", "--tmk", "0123456789ABCDEFFEDCBA98765432100123456789ABCDEF", "an SM4 one 16")]
    [DataRow("--tmk", "T1=XYZ", "", "", "[TID=]HEX")]
    public void WrongKeyOption_UsageError(string o1, string v1, string o2, string v2, string message)
    {
        string[] args = o2 == "" ? [o1, v1] : [o1, v1, o2, v2];
        (int code, string output) = Simulator(args);
        Assert.AreEqual(2, code, output);
        StringAssert.StartsWith(output, "error: ");
        StringAssert.Contains(output, message);
        Assert.IsFalse(output.Contains("listening"), output);
    }
}
