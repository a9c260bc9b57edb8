using PosTerminal.Hal;
using PosTerminal.Iso8583;

namespace PosTerminal.Link
{
    /// <summary>
    /// Hooks for traces and counters. Called on the exchanging thread; implementations must be quick and must
    /// print only masked views (<see cref="MessageDump"/>), never the raw frame.
    /// </summary>
    public interface ILinkObserver
    {
        /// <summary>A connect attempt to host <paramref name="index"/> ended with <paramref name="status"/>.</summary>
        void OnConnect(int index, HostEndpoint host, LinkStatus status);

        /// <summary>A request frame was sent; <paramref name="message"/> holds its wire offsets, relative to <paramref name="messageOffset"/>.</summary>
        void OnSent(IsoMessage message, byte[] frame, int messageOffset, int frameLength);

        /// <summary>A frame was received and decoded; <paramref name="matched"/> tells whether it answers the request.</summary>
        void OnReceived(IsoMessage message, byte[] frame, int messageOffset, int frameLength, bool matched);

        /// <summary>A received frame did not decode; it was dropped.</summary>
        void OnFormatError(IsoFormatException error, int frameLength);
    }
}
