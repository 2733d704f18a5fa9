using System.Buffers;

namespace B12Cds.Service.Hooks;

/// <summary>
/// Reads a request body whole into a buffer from <see cref="ArrayPool{T}.Shared"/>, which goes back to the pool when
/// the response has been sent: a hook call's body is 10–100 KB, and a fresh array for each (on the large-object heap
/// past 85 KB) would be most of what a call allocates. Its size is bounded before it gets here:
/// <see cref="Security.RequestBodyLimitMiddleware"/> answers <c>413</c> for a body over
/// <see cref="ServiceOptions.MaxRequestBodyBytes"/>, declared or counted as read.
/// </summary>
internal static class RequestBody
{
    private const int UnknownLengthStart = 16 * 1024;

    /// <summary>Reads the body to its end; the bytes stay valid until the response is complete (do not keep them longer).</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        // One byte more than a declared length, so the read that finds the end does not need a bigger buffer.
        var buffer = new PooledBuffer(http.Request.ContentLength is > 0 and < int.MaxValue and var length ? (int)length + 1 : UnknownLengthStart);
        http.Response.RegisterForDispose(buffer);
        while (true)
        {
            var read = await http.Request.Body.ReadAsync(buffer.Free, cancellationToken);
            if (read == 0)
            {
                return buffer.Written;
            }

            buffer.Advance(read);
        }
    }

    /// <summary>A growing buffer of pooled arrays; disposing it returns the array.</summary>
    private sealed class PooledBuffer(int capacity) : IDisposable
    {
        private byte[]? _array = ArrayPool<byte>.Shared.Rent(capacity);
        private int _written;

        public ReadOnlyMemory<byte> Written => Array.AsMemory(0, _written);

        /// <summary>Gets the free space, doubling the buffer first when it is full.</summary>
        public Memory<byte> Free
        {
            get
            {
                if (_written == Array.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Array.Length * 2);
                    Array.AsSpan(0, _written).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(Array);
                    _array = larger;
                }

                return Array.AsMemory(_written);
            }
        }

        private byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

        public void Advance(int count) => _written += count;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _array, null) is { } array)
            {
                ArrayPool<byte>.Shared.Return(array);
            }
        }
    }
}
