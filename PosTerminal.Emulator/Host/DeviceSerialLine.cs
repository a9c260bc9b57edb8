using System;
using System.IO;
using System.IO.Ports;
using System.Threading;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Host;

/// <summary>
/// A real serial device (a USB serial adapter, /dev/ttyUSB0, COM3) through System.IO.Ports, 8 data bits, no parity,
/// 1 stop bit, no flow control: how a technician's cable meets the board's console UART. When the device fails (the
/// adapter was unplugged) reads wait out their timeout and writes are dropped, and the device is opened again, at
/// most once a second, until it is back.
/// </summary>
public sealed class DeviceSerialLine : ISerialLine, IDisposable
{
    /// <summary>The console's usual speed (the ESP32 board's console UART runs at 115200 8N1 too).</summary>
    public const int DefaultBaud = 115200;

    private const int ReopenIntervalMs = 1000;
    private const int WriteTimeoutMs = 2000;
    private const int ReadTimeoutMs = 500;

    // How often a waiting read looks for arrived bytes (a console keystroke then takes at most this long to show).
    private const int ArrivalPollMs = 10;

    private readonly object _lock = new();
    private SerialPort _port;
    private long _nextReopenMs;
    private bool _disposed;

    private DeviceSerialLine(string portName, int baud)
    {
        PortName = portName;
        Baud = baud;
    }

    /// <summary>The device, e.g. /dev/ttyUSB0.</summary>
    public string PortName { get; }

    /// <summary>Its speed in bits per second.</summary>
    public int Baud { get; }

    /// <summary>Opens <paramref name="portName"/> at <paramref name="baud"/> 8N1; throws IOException, UnauthorizedAccessException or ArgumentException with the reason.</summary>
    public static DeviceSerialLine Open(string portName, int baud = DefaultBaud)
    {
        ArgumentException.ThrowIfNullOrEmpty(portName);
        if (baud < 50 || baud > 4_000_000) throw new ArgumentException("a baud rate is 50-4000000");
        DeviceSerialLine line = new(portName, baud);
        line._port = line.OpenPort();
        return line;
    }

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (count <= 0) return 0;
        SerialPort port = Current();
        if (port == null)
        {
            Thread.Sleep(Math.Max(0, Math.Min(timeoutMs, ReopenIntervalMs)));
            return 0;
        }
        try
        {
            // Waits by looking at what has arrived, and reads only what is there: a read that times out inside
            // System.IO.Ports may drop bytes arriving as it is cancelled.
            long until = Environment.TickCount64 + Math.Max(0, timeoutMs);
            while (true)
            {
                int available = port.BytesToRead;
                if (available > 0) return port.Read(buffer, offset, Math.Min(count, available));
                long left = until - Environment.TickCount64;
                if (left <= 0) return 0;
                Thread.Sleep((int)Math.Min(left, ArrivalPollMs));
            }
        }
        catch (TimeoutException)
        {
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            Lost(port);
            return 0;
        }
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        SerialPort port = Current();
        if (port == null) return;
        try
        {
            port.Write(buffer, offset, count);
        }
        catch (TimeoutException)
        {
            // nobody reads (flow stopped): the bytes are lost, as on a wire
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            Lost(port);
        }
    }

    /// <summary>Closes the device.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _port?.Dispose();
            _port = null;
        }
    }

    private SerialPort OpenPort()
    {
        SerialPort p = new(PortName, Baud, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None, WriteTimeout = WriteTimeoutMs, ReadTimeout = ReadTimeoutMs,
        };
        try
        {
            p.Open();
            return p;
        }
        catch
        {
            p.Dispose();
            throw;
        }
    }

    // The open port, or null while it is lost (reopened here at most once a second).
    private SerialPort Current()
    {
        lock (_lock)
        {
            if (_disposed) return null;
            if (_port != null) return _port;
            long now = Environment.TickCount64;
            if (now < _nextReopenMs) return null;
            _nextReopenMs = now + ReopenIntervalMs;
            try
            {
                _port = OpenPort();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                _port = null;
            }
            return _port;
        }
    }

    private void Lost(SerialPort port)
    {
        lock (_lock)
        {
            if (_port != port) return;
            _port = null;
            _nextReopenMs = Environment.TickCount64 + ReopenIntervalMs;
        }
        port.Dispose();
    }
}
