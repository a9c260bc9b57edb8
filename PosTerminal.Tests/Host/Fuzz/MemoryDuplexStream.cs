using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PosTerminal.Tests.Host.Fuzz;

/// <summary>
/// A connection in memory: reads deliver the given bytes, then end of stream (the peer closed); writes are kept. Reads
/// and writes complete synchronously, so a handler awaiting them runs on the caller's thread without the thread pool.
/// </summary>
public sealed class MemoryDuplexStream(byte[] data, int offset, int count) : Stream
{
    private readonly MemoryStream _written = new();
    private int _at = offset;
    private readonly int _end = offset + count;

    /// <summary>Everything written so far.</summary>
    public byte[] Written() => _written.ToArray();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int off, int n) => Read(buffer.AsSpan(off, n));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, _end - _at);
        data.AsSpan(_at, n).CopyTo(buffer);
        _at += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int off, int n, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, off, n));

    public override void Write(byte[] buffer, int off, int n) => _written.Write(buffer, off, n);

    public override void Write(ReadOnlySpan<byte> buffer) => _written.Write(buffer);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _written.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int off, int n, CancellationToken cancellationToken)
    {
        _written.Write(buffer, off, n);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override long Seek(long off, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
