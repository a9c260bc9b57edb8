using System;

namespace PosTerminal.Util
{
    /// <summary>Small operations on byte ranges that mscorlib lacks on nanoFramework.</summary>
    public static class Bytes
    {
        /// <summary>True when both ranges hold the same bytes.</summary>
        public static bool Equal(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (a[aOffset + i] != b[bOffset + i]) return false;
            }
            return true;
        }

        /// <summary>True when both arrays are null, or both have the same length and content.</summary>
        public static bool Equal(byte[] a, byte[] b)
        {
            if (a == null || b == null) return a == b;
            return a.Length == b.Length && Equal(a, 0, b, 0, a.Length);
        }

        /// <summary>Reads an unsigned 16-bit big-endian value.</summary>
        public static int ReadUInt16BE(byte[] src, int offset)
        {
            return (src[offset] << 8) | src[offset + 1];
        }

        /// <summary>Writes an unsigned 16-bit big-endian value.</summary>
        public static void WriteUInt16BE(int value, byte[] dst, int offset)
        {
            dst[offset] = (byte)(value >> 8);
            dst[offset + 1] = (byte)value;
        }

        /// <summary>Reads an unsigned 32-bit big-endian value.</summary>
        public static uint ReadUInt32BE(byte[] src, int offset)
        {
            return ((uint)src[offset] << 24) | ((uint)src[offset + 1] << 16) | ((uint)src[offset + 2] << 8) | src[offset + 3];
        }

        /// <summary>Writes an unsigned 32-bit big-endian value.</summary>
        public static void WriteUInt32BE(uint value, byte[] dst, int offset)
        {
            dst[offset] = (byte)(value >> 24);
            dst[offset + 1] = (byte)(value >> 16);
            dst[offset + 2] = (byte)(value >> 8);
            dst[offset + 3] = (byte)value;
        }

        /// <summary>Overwrites an array with zeros; null is ignored. Used on every buffer that held secrets.</summary>
        public static void Wipe(byte[] data)
        {
            if (data != null) Array.Clear(data, 0, data.Length);
        }

        /// <summary>A new array holding a copy of the range.</summary>
        public static byte[] Copy(byte[] src, int offset, int count)
        {
            byte[] b = new byte[count];
            Array.Copy(src, offset, b, 0, count);
            return b;
        }
    }
}
