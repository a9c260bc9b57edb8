using System;
using PosTerminal.Hal;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// Random bytes from the ESP32's hardware RNG: on nanoFramework's ESP32 targets System.Random draws from
    /// esp_random() and ignores any seed (nf-interpreter targets/ESP32/_nanoCLR/targetRandom.cpp: Initialize
    /// ignores the seed, NextBytes fills from esp_random). ESP-IDF's esp_random is a true RNG while an entropy
    /// source (the Wi-Fi radio) is running: use it after the network is up.
    /// </summary>
    public sealed class HardwareRandom : IRandom
    {
        private readonly Random _random = new Random();
        private readonly byte[] _block = new byte[16];

        /// <inheritdoc />
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            lock (_block)
            {
                while (count > 0)
                {
                    _random.NextBytes(_block);
                    int n = count < _block.Length ? count : _block.Length;
                    Array.Copy(_block, 0, buffer, offset, n);
                    offset += n;
                    count -= n;
                }
                Array.Clear(_block, 0, _block.Length);
            }
        }
    }
}
