using System.Buffers;

namespace B12Cds.Service.Hooks;

/// <summary>
/// Reads a request body whole. Its size is bounded before it gets here: <see cref="Security.RequestBodyLimitMiddleware"/>
/// answers <c>413</c> for a body over <see cref="ServiceOptions.MaxRequestBodyBytes"/>, declared or counted as read.
/// </summary>
internal static class RequestBody
{
    /// <summary>Reads the body to its end.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 16 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(8 * 1024);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
        }
    }
}
