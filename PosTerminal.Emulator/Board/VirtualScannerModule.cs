using System;
using System.Text;
using System.Threading;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Board;

/// <summary>
/// The virtual board's payment-code scanner: a GM65-class module on a UART as the firmware sees it, an
/// <see cref="ISerialLine"/> that sends each decoded symbol as ASCII followed by CR. <see cref="Scan"/> "scans" a
/// code (any text: a wallet's code, a product barcode, a URL); the firmware's driver reads the line and decides.
/// Reads wait up to their timeout for a scan made from another thread. Thread-safe.
/// </summary>
public sealed class VirtualScannerModule : ISerialLine
{
    private readonly object _gate = new();
    private readonly byte[] _queue = new byte[1024];
    private int _head;
    private int _count;

    /// <summary>Symbols scanned so far.</summary>
    public int Scans { get; private set; }

    /// <summary>Bytes the firmware wrote to the module (it writes none: the module is set up by its setup codes).</summary>
    public int BytesWritten { get; private set; }

    /// <summary>Scans <paramref name="symbol"/>: its ASCII bytes and a CR go on the line.</summary>
    public void Scan(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        byte[] b = Encoding.ASCII.GetBytes(symbol + "\r");
        lock (_gate)
        {
            if (_count + b.Length > _queue.Length) throw new InvalidOperationException("the scanner's line is full");
            foreach (byte x in b) _queue[(_head + _count++) % _queue.Length] = x;
            Array.Clear(b);
            Scans++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        lock (_gate)
        {
            if (!GateWait.Until(_gate, () => _count != 0, timeoutMs)) return 0;
            int n = Math.Min(count, _count);
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = _queue[_head];
                _queue[_head] = 0;
                _head = (_head + 1) % _queue.Length;
            }
            _count -= n;
            return n;
        }
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        lock (_gate) BytesWritten += count;
    }
}
