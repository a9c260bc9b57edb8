namespace PosTerminal.Hal
{
    /// <summary>
    /// Random bytes for PIN block fill, key generation and nonces: the ESP32's hardware RNG on the device (System.Random
    /// is backed by esp_random there), the operating system's CSPRNG on a PC, a seeded source in tests.
    /// </summary>
    public interface IRandom
    {
        /// <summary>Fills <paramref name="count"/> bytes of <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        void NextBytes(byte[] buffer, int offset, int count);
    }
}
