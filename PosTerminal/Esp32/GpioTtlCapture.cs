using System;
using System.Device.Gpio;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using PosTerminal.Hal;

namespace PosTerminal.Esp32
{
    /// <summary>
    /// The CP, STROBE and DATA lines of one track of a TTL magstripe module on three GPIO inputs, as the core's
    /// <see cref="ITtlLineCapture"/>: every level change is recorded, with a µs timestamp, into arrays allocated once.
    /// The lines are open collector with 10 kΩ pull-ups to 3V3 on the board (the input-only GPIO34-39 have no internal
    /// ones). Wiring: PosTerminal/Cards/Magstripe/README.md.
    /// </summary>
    /// <remarks>
    /// <para>How a capture works. The pins' value-changed events are recorded from construction on, so a swipe that
    /// starts while another reader of the card-read wait is being polled is not lost: a swipe begins when CP goes low
    /// and is finished once CP has been high again for <see cref="CardGoneMs"/> (a shorter high pulse is a glitch: it
    /// and the CP edges around it are removed). <see cref="Capture"/> waits up to its timeout for a finished swipe; one
    /// still under way when the time is up is returned by the next call. When the reader has not been polled for
    /// <see cref="MaxPollGapMs"/>, the next capture first drops a swipe that began more than that long ago (a card
    /// swiped while no sale was waiting must never pay for the next one). A CP pulse without any STROBE edge is not a
    /// swipe (GPIO36/39 can see spurious low pulses, ESP32 errata) and is dropped. If the buffer fills before CP
    /// returns high the swipe ends there, and the lines are ignored until CP is high again.</para>
    /// <para>Timing limits. System.Device.Gpio delivers edges as managed events: the ESP32 ISR posts each level change
    /// (only when the level differs from the last one posted, so each line's levels alternate) to the CLR's event queue,
    /// and the handler here runs later on the event thread. The order of the edges is kept, so DATA is sampled right
    /// at each STROBE fall; the timestamp (<see cref="HighResTimer.GetCurrent"/>, µs since boot) is the handler's time,
    /// not the edge's, so the strobe periods carry the dispatch jitter. At the strobe rates of a fast swipe (4.4 kHz on
    /// track 2 at 150 cm/s, 3 events per bit) the interpreter may fall behind or drop edges: the core then reports a
    /// Dropout rather than a wrong card. The raw head on the RMT is the board's default for that reason; a production
    /// TTL board should timestamp STROBE in a peripheral (README.md, "Capturing on the ESP32"). Native debounce is not
    /// used: nanoFramework's ESP32 debounce is a FreeRTOS timer of at least one 10 ms tick, which would cut the
    /// start of the swipe.</para>
    /// <para>Allocation: none in this class after the constructor. The GPIO library allocates two small objects per
    /// edge (GpioPinEvent, PinValueChangedEventArgs). The recorded levels are the track's bits: they are wiped when a
    /// capture has copied them and when a swipe is dropped.</para>
    /// <para>API (nanoframework/System.Device.Gpio at tag v1.1.62): System.Device.Gpio/GpioController.cs
    /// (<c>GpioController()</c>, <c>OpenPin(int pinNumber, PinMode mode)</c> returning a GpioPin, <c>ClosePin(int)</c>;
    /// its pin list is static, so its Dispose would close every pin of the application),
    /// GpioPin.cs (<c>event PinValueChangedEventHandler ValueChanged</c>, <c>Read()</c>, <c>PinNumber</c>,
    /// <c>Dispose()</c>), PinValueChangedEventArgs.cs (<c>ChangeType</c> PinEventTypes.Falling or Rising,
    /// <c>PinNumber</c>), GpioPinEventListener.cs (data2 == 0 means Falling); native side nanoframework/nf-interpreter
    /// targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp (gpio_isr: posts only on a level change; debounce
    /// minimum one tick) and src/System.Device.Gpio/sys_dev_gpio_native_System_Device_Gpio_GpioPin.cpp
    /// (PostManagedEvent(EVENT_GPIO, 0, pin, state)). Timer: nanoframework/nanoFramework.Hardware.Esp32
    /// nanoFramework.Hardware.Esp32/HighResTimer.cs (<c>static UInt64 GetCurrent()</c>, µs since boot).</para>
    /// </remarks>
    public sealed class GpioTtlCapture : ITtlLineCapture, IDisposable
    {
        /// <summary>CP high for this long ends a swipe (the module raises CP ~150 ms after the last flux reversal), in ms.</summary>
        public const int CardGoneMs = 1;

        /// <summary>Sleep between two looks for a finished swipe, in milliseconds (one FreeRTOS tick is 10 ms).</summary>
        public const int PollIntervalMs = 10;

        /// <summary>Not polled for this long, the next capture drops an older swipe, in milliseconds.</summary>
        public const int MaxPollGapMs = 1000;

        private const int Idle = 0;          // waiting for CP to go low
        private const int Recording = 1;     // a swipe is being recorded
        private const int Finished = 2;      // a swipe waits for Capture; the lines are not recorded
        private const int Ignoring = 3;      // waiting for CP to go high (a dropped or overlong swipe)

        private readonly object _sync = new object();
        private readonly GpioController _gpio;
        private readonly GpioPin _cp;
        private readonly GpioPin _strobe;
        private readonly GpioPin _data;
        private readonly int _cpPin;
        private readonly int _strobePin;
        private readonly byte[] _lines;
        private readonly byte[] _levels;
        private readonly int[] _times;
        private int _count;
        private int _state;
        private bool _cpLow;
        private bool _sawStrobe;
        private int _cpHighIndex = -1;       // index of a CP rise not yet confirmed, -1 when none
        private ulong _cpHighUs;
        private ulong _startUs;
        private ulong _lastReturnUs;
        private bool _polled;
        private readonly IClock _clock;

        /// <summary>
        /// A capture on GPIO <paramref name="cpPin"/>, <paramref name="strobePin"/> and <paramref name="dataPin"/>
        /// holding up to <paramref name="capacity"/> events of one swipe (MagstripeReader.MaxEvents of the track), timed by
        /// <paramref name="clock"/> for the capture timeout. Opens the pins as inputs and starts recording.
        /// </summary>
        public GpioTtlCapture(int cpPin, int strobePin, int dataPin, int capacity, IClock clock)
        {
            if (clock == null) throw new ArgumentNullException();
            if (capacity < 2) throw new ArgumentOutOfRangeException();
            _clock = clock;
            _cpPin = cpPin;
            _strobePin = strobePin;
            _lines = new byte[capacity];
            _levels = new byte[capacity];
            _times = new int[capacity];
            _gpio = new GpioController();
            _cp = _gpio.OpenPin(cpPin, PinMode.Input);
            _strobe = _gpio.OpenPin(strobePin, PinMode.Input);
            _data = _gpio.OpenPin(dataPin, PinMode.Input);
            _cpLow = _cp.Read() == PinValue.Low;
            _state = _cpLow ? Ignoring : Idle;              // a card already in the slot is not a swipe we saw begin
            PinValueChangedEventHandler handler = new PinValueChangedEventHandler(OnValueChanged);
            _cp.ValueChanged += handler;
            _strobe.ValueChanged += handler;
            _data.ValueChanged += handler;
        }

        /// <inheritdoc />
        public int Capture(byte[] lines, byte[] levels, int[] timesUs, int offset, int maxCount, int timeoutMs)
        {
            if (lines == null || levels == null || timesUs == null) throw new ArgumentNullException();
            if (offset < 0 || maxCount < 0 || offset + maxCount > lines.Length || offset + maxCount > levels.Length
                || offset + maxCount > timesUs.Length)
            {
                throw new ArgumentOutOfRangeException();
            }
            try
            {
                lock (_sync)
                {
                    ulong now = HighResTimer.GetCurrent();
                    if ((!_polled || now - _lastReturnUs > MaxPollGapMs * 1000UL) && _state != Idle && _state != Ignoring
                        && now - _startUs > MaxPollGapMs * 1000UL)
                    {
                        Drop();
                    }
                }
                Deadline deadline = Deadline.In(_clock, timeoutMs);
                while (true)
                {
                    lock (_sync)
                    {
                        ConfirmCardGone(HighResTimer.GetCurrent());
                        if (_state == Finished)
                        {
                            int n = _count < maxCount ? _count : maxCount;
                            Array.Copy(_lines, 0, lines, offset, n);
                            Array.Copy(_levels, 0, levels, offset, n);
                            Array.Copy(_times, 0, timesUs, offset, n);
                            Wipe();
                            _state = _cpLow ? Ignoring : Idle;
                            return n;
                        }
                    }
                    int remaining = deadline.RemainingMs(_clock);
                    if (remaining <= 0) return 0;
                    Thread.Sleep(remaining < PollIntervalMs ? remaining : PollIntervalMs);
                }
            }
            finally
            {
                lock (_sync)
                {
                    _lastReturnUs = HighResTimer.GetCurrent();
                    _polled = true;
                }
            }
        }

        // The pins' event handler (the CLR's event thread): one level change of one line.
        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            ulong now = HighResTimer.GetCurrent();
            byte level = (e.ChangeType & PinEventTypes.Rising) != 0 ? (byte)1 : (byte)0;
            TtlLine line = e.PinNumber == _cpPin ? TtlLine.CardPresent : e.PinNumber == _strobePin ? TtlLine.Strobe : TtlLine.Data;
            lock (_sync)
            {
                if (line == TtlLine.CardPresent) _cpLow = level == 0;
                switch (_state)
                {
                    case Idle:
                        if (line == TtlLine.CardPresent && level == 0)
                        {
                            _state = Recording;
                            _startUs = now;
                            _count = 0;
                            _sawStrobe = false;
                            _cpHighIndex = -1;
                            Record(line, 0, now);
                        }
                        break;
                    case Recording:
                        ConfirmCardGone(now);
                        if (_state != Recording) break;
                        if (line == TtlLine.CardPresent)
                        {
                            if (level == 1)
                            {
                                _cpHighIndex = _count;
                                _cpHighUs = now;
                                Record(line, 1, now);
                            }
                            else if (_cpHighIndex >= 0)
                            {
                                // CP was high only briefly: a glitch, the card is still there. Forget both edges.
                                Clear(_cpHighIndex, _count - _cpHighIndex);
                                _count = _cpHighIndex;
                                _cpHighIndex = -1;
                            }
                            break;
                        }
                        if (line == TtlLine.Strobe) _sawStrobe = true;
                        Record(line, level, now);
                        if (_count == _lines.Length) Finish();   // full: the swipe ends here
                        break;
                    case Ignoring:
                        if (line == TtlLine.CardPresent && level == 1) _state = Idle;
                        break;
                }
            }
        }

        // Under the lock: ends the swipe once CP has stayed high for CardGoneMs.
        private void ConfirmCardGone(ulong now)
        {
            if (_state != Recording || _cpHighIndex < 0 || now - _cpHighUs < CardGoneMs * 1000UL) return;
            Clear(_cpHighIndex + 1, _count - _cpHighIndex - 1);  // edges after the card left are not part of it
            _count = _cpHighIndex + 1;
            _cpHighIndex = -1;
            Finish();
        }

        private void Finish()
        {
            if (!_sawStrobe)
            {
                Drop();                                          // a CP pulse alone: not a swipe
                return;
            }
            _state = Finished;
        }

        private void Drop()
        {
            Wipe();
            _cpHighIndex = -1;
            _state = _cpLow ? Ignoring : Idle;
        }

        private void Record(TtlLine line, byte level, ulong now)
        {
            if (_count >= _lines.Length) return;
            ulong t = now - _startUs;
            _lines[_count] = (byte)line;
            _levels[_count] = level;
            _times[_count] = t > int.MaxValue ? int.MaxValue : (int)t;
            _count++;
        }

        private void Clear(int index, int count)
        {
            if (count <= 0) return;
            Array.Clear(_lines, index, count);
            Array.Clear(_levels, index, count);
            Array.Clear(_times, index, count);
        }

        private void Wipe()
        {
            Clear(0, _count);
            _count = 0;
        }

        /// <summary>Stops recording and releases the pins.</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                Wipe();
                _state = Ignoring;
            }
            // ClosePin, not GpioController.Dispose: the controller's pin list is static, and its Dispose would close
            // every pin of the application.
            _gpio.ClosePin(_cp.PinNumber);
            _gpio.ClosePin(_strobe.PinNumber);
            _gpio.ClosePin(_data.PinNumber);
        }
    }
}
