using System.Reflection;
using System.Runtime.InteropServices;

// Assembly identity of the device application (PosTerminal.nfproj). The SDK-style build of the core
// (PosTerminal.csproj) generates its own attributes and does not compile this file.
[assembly: AssemblyTitle("PosTerminal")]
[assembly: AssemblyDescription("Point-of-sale terminal firmware for ESP32 on .NET nanoFramework")]
[assembly: AssemblyProduct("PosTerminal")]
[assembly: AssemblyCopyright("")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
