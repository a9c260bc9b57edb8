using System.Threading;

namespace PosTerminal.Cards.Readers
{
    /// <summary>
    /// Cancels a <see cref="CardWait"/> from another thread (the cashier's cancel key, the console, the host app). The
    /// wait notices within one reader poll.
    /// </summary>
    public sealed class CancelSignal
    {
        // 1 once cancelled; Interlocked so the write on one thread is seen on the other (nanoFramework has no volatile).
        private int _cancelled;

        /// <summary>True once <see cref="Cancel"/> was called (until <see cref="Reset"/>).</summary>
        public bool IsCancelled
        {
            get { return Interlocked.CompareExchange(ref _cancelled, 0, 0) != 0; }
        }

        /// <summary>Asks the wait to stop.</summary>
        public void Cancel()
        {
            Interlocked.Exchange(ref _cancelled, 1);
        }

        /// <summary>Makes the signal usable for the next wait.</summary>
        public void Reset()
        {
            Interlocked.Exchange(ref _cancelled, 0);
        }
    }
}
