using System;
using System.Threading;
using nanoFramework.Hardware.Esp32.Rmt;
using PosTerminal.Hal;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// A raw magnetic head's comparator output measured by an ESP32 RMT receive channel, as the core's
    /// <see cref="IFluxCapture"/>: one tick is 1 µs, and <see cref="EndOfSwipeUs"/> without a transition ends a swipe
    /// (the RMT's idle threshold). Wiring and settings: PosTerminal/Cards/Magstripe/README.md.
    /// </summary>
    /// <remarks>
    /// <para>How a capture works. The receiver runs from the first <see cref="Capture"/> on and keeps running, so a
    /// swipe that starts while another reader of the card-read wait is being polled is not lost. The RMT hands over a
    /// swipe only once it has ended (the idle threshold), so <see cref="Capture"/> waits up to its timeout for a
    /// <i>finished</i> swipe; one still under way when the time is up is returned by the next call. When the reader has
    /// not been polled for <see cref="MaxPollGapMs"/>, the next capture first throws away whatever the RMT collected
    /// meanwhile (a card swiped while no sale was waiting must never pay for the next one). A burst shorter than
    /// <see cref="MinIntervals"/> transitions (a noise pulse through the filter) is dropped and the wait goes on.</para>
    /// <para>Allocation. <see cref="ReceiverChannel.GetAllItems"/> is the only way to read the RMT: per finished swipe
    /// it allocates one <see cref="RmtCommand"/>[] and one RmtCommand object per item (two durations each: about 320
    /// objects for a track 2 swipe); an empty poll returns null and allocates nothing. This adapter allocates nothing
    /// per capture itself. The durations describe the track's bits, so each RmtCommand is overwritten (durations 0,
    /// levels low) as soon as it is copied; the ESP-IDF ring buffer the driver copies them from is not wiped.</para>
    /// <para>Blocking. <see cref="ReceiverChannelSettings.ReceiveTimeout"/> is zero, so GetAllItems never waits inside
    /// native code (a native wait would stall every managed thread); the adapter polls every
    /// <see cref="PollIntervalMs"/> with Thread.Sleep instead.</para>
    /// <para>RMT memory. On the original ESP32 a receive channel cannot wrap around its RAM: a swipe must fit in
    /// <c>64 × NumberOfMemoryBlocks</c> items (two durations each, the last one the end marker). Track 2 (at most
    /// <c>MagstripeReader.MaxIntervals</c> = 632 durations) needs 5 blocks (<see cref="MemoryBlocksFor"/>), so the
    /// channel must be one that has 4 free channels after it (channel 0 on the ESP32; RX channels 4-7 on the ESP32-S3
    /// have at most 4 blocks). A swipe longer than the memory is lost by the driver; measure on the board.</para>
    /// <para>API (nanoframework/nanoFramework.Hardware.Esp32.Rmt at tag v2.0.53):
    /// nanoFramework.Hardware.Esp32.Rmt/ReceiverChannelSettings.cs (<c>ReceiverChannelSettings(int channel, int
    /// pinNumber)</c>; <c>IdleThreshold</c> (ushort, ticks), <c>EnableFilter</c>, <c>FilterThreshold</c> (byte),
    /// <c>ReceiveTimeout</c> (TimeSpan), <c>EnableDemodulation</c> (default true: must be off for a baseband signal)),
    /// RmtChannelSettings.cs (<c>ClockDivider</c> (byte, default 80), <c>NumberOfMemoryBlocks</c> 1-8,
    /// <c>BufferSize</c> = ring buffer size in items, default 100), RmtChannel.cs (static <c>SourceClockFrequency</c>:
    /// 80 MHz, 32 MHz on the ESP32-H2), ReceiverChannel.cs (<c>ReceiverChannel(ReceiverChannelSettings)</c>,
    /// <c>Start(bool clearBuffer)</c>, <c>Stop()</c>, <c>GetAllItems()</c>, <c>Dispose()</c>), RmtCommand.cs
    /// (<c>Duration0/Duration1</c> ushort ≤ 32767 with setters, <c>Level0/Level1</c>). Native side
    /// (nanoframework/nf-interpreter targets/ESP32/_nanoCLR/nanoFramework.Hardware.Esp32.Rmt/
    /// nanoFramework_hardware_esp32_rmt_native_nanoFramework_Hardware_Esp32_Rmt_ReceiverChannel.cpp): the channel is
    /// configured (rmt_config, rmt_driver_install with BufferSize × 4 bytes of ring buffer) by the constructor but not
    /// started; GetAllItems waits ReceiveTimeout in xRingbufferReceive, builds the array from one ring-buffer entry
    /// (one idle-terminated frame) and returns null when there is none; Start(true) drains the ring buffer and resets
    /// the channel memory; the filter threshold is passed to ESP-IDF, which counts it in source-clock (APB) cycles.</para>
    /// </remarks>
    public sealed class RmtFluxCapture : IFluxCapture, IDisposable
    {
        /// <summary>No transition for this long ends a swipe, in µs (longer than a track 2 bit cell at 10 cm/s, 3.4 ms).</summary>
        public const ushort EndOfSwipeUs = 15000;

        /// <summary>Receive filter: pulses shorter than this many APB cycles are ignored (255 at 80 MHz ≈ 3.2 µs, the maximum).</summary>
        public const byte FilterCycles = 255;

        /// <summary>Sleep between two looks at the RMT ring buffer, in milliseconds (one FreeRTOS tick is 10 ms).</summary>
        public const int PollIntervalMs = 10;

        /// <summary>Not polled for this long, the next capture drops what the RMT collected meanwhile, in milliseconds.</summary>
        public const int MaxPollGapMs = 1000;

        /// <summary>A frame with fewer durations than this is noise, not a swipe (the clocking zeros alone give more).</summary>
        public const int MinIntervals = 16;

        /// <summary>Items of one RMT memory block.</summary>
        public const int ItemsPerBlock = 64;

        // Ring buffer room, in whole channel memories (frames): a swipe plus the noise bursts around it.
        private const int RingBufferFrames = 3;

        private readonly ReceiverChannel _channel;
        private readonly IClock _clock;
        private bool _running;
        private long _lastReturnMs;

        /// <summary>
        /// A receiver on GPIO <paramref name="pin"/> using RMT channel <paramref name="channel"/> with
        /// <paramref name="memoryBlocks"/> memory blocks (<see cref="MemoryBlocksFor"/>), timed by <paramref name="clock"/>.
        /// Configures the channel; the receiver starts with the first capture.
        /// </summary>
        public RmtFluxCapture(int pin, int channel, int memoryBlocks, IClock clock)
        {
            if (clock == null) throw new ArgumentNullException();
            if (memoryBlocks < 1 || memoryBlocks > 8) throw new ArgumentOutOfRangeException();
            _clock = clock;
            ReceiverChannelSettings settings = new ReceiverChannelSettings(channel, pin);
            settings.ClockDivider = (byte)(RmtChannel.SourceClockFrequency / 1000000);   // 1 µs ticks
            settings.NumberOfMemoryBlocks = (byte)memoryBlocks;
            settings.BufferSize = RingBufferFrames * memoryBlocks * ItemsPerBlock;
            settings.IdleThreshold = EndOfSwipeUs;
            settings.EnableFilter = true;
            settings.FilterThreshold = FilterCycles;
            settings.ReceiveTimeout = TimeSpan.Zero;
            settings.EnableDemodulation = false;
            settings.SignalInverterEnabled = false;
            _channel = new ReceiverChannel(settings);
        }

        /// <summary>
        /// Memory blocks a channel needs to hold <paramref name="intervals"/> durations plus the end marker (5 for
        /// track 2); throws when even 8 blocks (the whole RMT RAM) are too few.
        /// </summary>
        public static int MemoryBlocksFor(int intervals)
        {
            int items = (intervals + 1 + 1) / 2;
            int blocks = (items + ItemsPerBlock - 1) / ItemsPerBlock;
            if (intervals < 1 || blocks > 8) throw new ArgumentOutOfRangeException();
            return blocks;
        }

        /// <inheritdoc />
        public int Capture(int[] intervalsUs, int offset, int maxCount, int timeoutMs)
        {
            if (intervalsUs == null) throw new ArgumentNullException();
            if (offset < 0 || maxCount < 0 || offset + maxCount > intervalsUs.Length) throw new ArgumentOutOfRangeException();
            try
            {
                if (!_running || _clock.MonotonicMs - _lastReturnMs > MaxPollGapMs)
                {
                    _channel.Start(true);                        // drains the ring buffer: nothing stale is read
                    _running = true;
                }
                Deadline deadline = Deadline.In(_clock, timeoutMs);
                while (true)
                {
                    RmtCommand[] items = _channel.GetAllItems();
                    if (items != null && items.Length > 0)
                    {
                        int n = CopyAndWipe(items, intervalsUs, offset, maxCount);
                        if (n >= MinIntervals) return n;
                        Array.Clear(intervalsUs, offset, n);     // a noise burst: keep waiting
                    }
                    int remaining = deadline.RemainingMs(_clock);
                    if (remaining <= 0) return 0;
                    Thread.Sleep(remaining < PollIntervalMs ? remaining : PollIntervalMs);
                }
            }
            finally
            {
                _lastReturnMs = _clock.MonotonicMs;
            }
        }

        // Every duration of the frame up to the end marker (0, or the idle threshold itself), then wipes the items.
        private static int CopyAndWipe(RmtCommand[] items, int[] dst, int offset, int maxCount)
        {
            int n = 0;
            bool ended = false;
            for (int i = 0; i < items.Length; i++)
            {
                RmtCommand c = items[i];
                if (c == null) continue;
                int d0 = c.Duration0;
                int d1 = c.Duration1;
                c.Duration0 = 0;
                c.Duration1 = 0;
                c.Level0 = false;
                c.Level1 = false;
                if (ended) continue;
                if (d0 == 0 || d0 >= EndOfSwipeUs)
                {
                    ended = true;
                    continue;
                }
                if (n < maxCount) dst[offset + n++] = d0;
                if (d1 == 0 || d1 >= EndOfSwipeUs)
                {
                    ended = true;
                    continue;
                }
                if (n < maxCount) dst[offset + n++] = d1;
            }
            return n;
        }

        /// <summary>Stops the receiver and frees the RMT channel.</summary>
        public void Dispose()
        {
            if (_running)
            {
                _channel.Stop();
                _running = false;
            }
            _channel.Dispose();
        }
    }
}
