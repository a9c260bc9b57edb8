namespace PosTerminal.Hal
{
    /// <summary>
    /// A serial byte line: a UART on the device (System.IO.Ports.SerialPort), stdin/stdout, a pty or a serial
    /// device on a PC. Used for the technician console and for reader modules that send text lines.
    /// </summary>
    public interface ISerialLine
    {
        /// <summary>
        /// Reads between 1 and <paramref name="count"/> bytes, waiting at most <paramref name="timeoutMs"/>
        /// milliseconds; returns the number read, 0 when none arrived in time.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Writes all <paramref name="count"/> bytes.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
