namespace PosTerminal.Hal
{
    /// <summary>
    /// Named areas of non-volatile memory (files on the ESP32's internal flash drive, files on the host).
    /// A write is NOT assumed to be atomic: a power cut may leave any prefix of it. The core makes records
    /// power-safe on top of this (see Storage.RecordStore).
    /// </summary>
    public interface INonVolatileStore
    {
        /// <summary>Reads up to <paramref name="count"/> bytes of area <paramref name="name"/>; returns the bytes read, 0 when it does not exist.</summary>
        int Read(string name, byte[] buffer, int offset, int count);

        /// <summary>Replaces the content of area <paramref name="name"/>; returns false when the medium failed.</summary>
        bool Write(string name, byte[] buffer, int offset, int count);
    }
}
