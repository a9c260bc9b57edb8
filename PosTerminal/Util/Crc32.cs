namespace PosTerminal.Util
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3 / zlib (reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF);
    /// check value of "123456789" is CBF43926. Bitwise, so it needs no 1 KB table in RAM.
    /// </summary>
    public static class Crc32
    {
        private const uint Polynomial = 0xEDB88320;

        /// <summary>CRC-32 of a byte range.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = 0; i < count; i++)
            {
                crc ^= data[offset + i];
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
                }
            }
            return ~crc;
        }
    }
}
