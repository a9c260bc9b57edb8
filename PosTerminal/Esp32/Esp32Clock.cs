using System;
using nanoFramework.Hardware.Esp32;
using PosTerminal.Hal;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// The ESP32's clocks. Monotonic time is the 64-bit microsecond timer since boot (1 ms resolution here, never
    /// jumps, does not wrap in practice); local time is the system UTC clock, which SNTP sets once Wi-Fi is up, plus
    /// a configurable offset (the device has no time-zone database).
    /// </summary>
    /// <remarks>
    /// API: nanoframework/nanoFramework.Hardware.Esp32 nanoFramework.Hardware.Esp32/HighResTimer.cs at tag v1.6.40
    /// (<c>public static UInt64 GetCurrent()</c>, "number of micro seconds since boot", backed by esp_timer_get_time
    /// in nf-interpreter targets/ESP32/_nanoCLR/nanoFramework.Hardware.ESP32/nanoFramework_hardware_esp32_native_Hardware_Esp32_HighResTimer.cpp).
    /// Chosen over Environment.TickCount64 (nanoFramework.Runtime.Native, System/Environment.cs) because that one
    /// counts FreeRTOS ticks (10 ms) and needs one more package. DateTime.UtcNow is in mscorlib 1.17.11.
    /// </remarks>
    public sealed class Esp32Clock : IClock
    {
        private const int MaxOffsetMinutes = 14 * 60;            // UTC-14:00 .. UTC+14:00 covers every zone in use

        private int _utcOffsetMinutes;

        /// <summary>A clock whose <see cref="Now"/> is UTC plus <paramref name="utcOffsetMinutes"/> minutes.</summary>
        public Esp32Clock(int utcOffsetMinutes)
        {
            UtcOffsetMinutes = utcOffsetMinutes;
        }

        /// <summary>Offset of local time from UTC in minutes, -840..840 (e.g. 480 for UTC+08:00).</summary>
        public int UtcOffsetMinutes
        {
            get { return _utcOffsetMinutes; }
            set
            {
                if (value < -MaxOffsetMinutes || value > MaxOffsetMinutes) throw new ArgumentOutOfRangeException();
                _utcOffsetMinutes = value;
            }
        }

        /// <inheritdoc />
        public long MonotonicMs
        {
            get { return (long)(HighResTimer.GetCurrent() / 1000); }
        }

        /// <inheritdoc />
        public DateTime Now
        {
            get { return DateTime.UtcNow.AddMinutes(_utcOffsetMinutes); }
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }
    }
}
