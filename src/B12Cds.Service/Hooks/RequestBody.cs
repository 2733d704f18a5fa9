using System.Buffers;

namespace B12Cds.Service.Hooks;

/// <summary>Reads a request body whole, up to a limit, without trusting Content-Length.</summary>
internal static class RequestBody
{
    /// <summary>Reads the body; returns null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

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
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }
}
