using System.Buffers;
using B12Cds.Cards;

namespace B12Cds.Service.Hooks;

/// <summary>
/// Reads a request body whole into a <see cref="PooledBufferWriter"/> (arrays from <see cref="ArrayPool{T}.Shared"/>),
/// which goes back to the pool when the response has been sent: a hook call's body is 10–100 KB, and a fresh array
/// for each (on the large-object heap past 85 KB) would be most of what a call allocates. Its size is bounded before
/// it gets here: <see cref="Security.RequestBodyLimitMiddleware"/> answers <c>413</c> for a body over
/// <see cref="ServiceOptions.MaxRequestBodyBytes"/>, declared or counted as read.
/// </summary>
internal static class RequestBody
{
    private const int UnknownLengthStart = 16 * 1024;

    /// <summary>Reads the body to its end; the bytes stay valid until the response is complete (do not keep them longer).</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        // One byte more than a declared length, so the read that finds the end does not need a bigger buffer.
        var buffer = new PooledBufferWriter(http.Request.ContentLength is > 0 and < int.MaxValue and var length ? (int)length + 1 : UnknownLengthStart);
        http.Response.RegisterForDispose(buffer);
        while (true)
        {
            var read = await http.Request.Body.ReadAsync(buffer.GetMemory(1), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
        }
    }
}
