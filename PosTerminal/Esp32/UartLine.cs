using System;
using System.IO.Ports;
using System.Threading;
using PosTerminal.Hal;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// An ESP32 UART (System.IO.Ports.SerialPort, 8N1, no handshake) as the core's <see cref="ISerialLine"/>.
    /// The pins must have been assigned first (<see cref="Board.ConfigurePins"/>). The constructor does no I/O;
    /// <see cref="Open"/> starts the UART. Owns the port.
    /// </summary>
    /// <remarks>
    /// API: nanoframework/System.IO.Ports System.IO.Ports/SerialPort.cs at tag v1.1.139: SerialPort(string portName,
    /// int baudRate, ...), Open(), Close(), Dispose(), BytesToRead, Read(byte[], int, int), Write(byte[], int, int),
    /// WriteTimeout. ESP32 quirk (nf-interpreter targets/ESP32/_nanoCLR/System.IO.Ports/sys_io_ser_native_System_IO_Ports_SerialPort.cpp,
    /// Read___I4__SZARRAY_U1__I4__I4): Read waits until ALL <c>count</c> bytes have arrived, and on ReadTimeout
    /// throws TimeoutException having consumed nothing. So this adapter only ever reads what BytesToRead says is
    /// already in the ring buffer, and otherwise polls with short sleeps until the caller's timeout.
    /// Port names: "COMn" is UART n-1 on ESP32 (same file, PORT_INDEX_TO_UART_NUM).
    /// </remarks>
    public sealed class UartLine : ISerialLine, IDisposable
    {
        /// <summary>Sleep between checks of the receive buffer, in milliseconds (one FreeRTOS tick is 10 ms).</summary>
        public const int PollIntervalMs = 10;

        /// <summary>Time allowed for one write, in milliseconds (a UART without handshake never stalls for long).</summary>
        public const int WriteTimeoutMs = 2000;

        private readonly SerialPort _port;
        private readonly IClock _clock;

        /// <summary>
        /// A line on <paramref name="portName"/> ("COM2", "COM3") at <paramref name="baudRate"/> bit/s, timed by
        /// <paramref name="clock"/>.
        /// </summary>
        public UartLine(string portName, int baudRate, IClock clock)
        {
            if (portName == null || clock == null) throw new ArgumentNullException();
            _clock = clock;
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
        }

        /// <summary>Opens the UART; throws if the port does not exist or is taken (COM1 belongs to the debugger).</summary>
        public void Open()
        {
            _port.Handshake = Handshake.None;
            _port.WriteTimeout = WriteTimeoutMs;
            _port.Open();
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (count <= 0) return 0;
            Deadline deadline = Deadline.In(_clock, timeoutMs);
            while (true)
            {
                int available = _port.BytesToRead;
                if (available > 0)
                {
                    try
                    {
                        // never ask for more than is buffered: Read would block for the rest
                        return _port.Read(buffer, offset, available < count ? available : count);
                    }
                    catch (TimeoutException)
                    {
                        return 0;
                    }
                }
                int remaining = deadline.RemainingMs(_clock);
                if (remaining <= 0) return 0;
                Thread.Sleep(remaining < PollIntervalMs ? remaining : PollIntervalMs);
            }
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (count <= 0) return;
            _port.Write(buffer, offset, count);
        }

        /// <summary>Closes the UART.</summary>
        public void Dispose()
        {
            _port.Dispose();
        }
    }
}
