using System.Net;

namespace B12Cds.LoadTest;

/// <summary>
/// The body of one hook call: a pre-built <see cref="HookRequestBody"/> written to the connection in three pieces
/// (before the <c>hookInstance</c>, a fresh UUID, after it), so the body is never copied per request.
/// </summary>
public sealed class HookRequestContent : HttpContent
{
    private const int UuidLength = 36;
    private readonly HookRequestBody _body;
    private readonly byte[] _instance = new byte[UuidLength];

    /// <summary>Creates the content of <paramref name="body"/> with hook instance <paramref name="instance"/>.</summary>
    public HookRequestContent(HookRequestBody body, Guid instance)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.InstanceOffset < 0)
        {
            throw new ArgumentException("The body has no hookInstance placeholder.", nameof(body));
        }

        _body = body;
        instance.TryFormat(_instance, out _, "D");
        Headers.TryAddWithoutValidation("Content-Type", "application/json");
    }

    /// <summary>Gets the hook instance UUID written into the body.</summary>
    public ReadOnlySpan<byte> Instance => _instance;

    /// <summary>Copies the full body (with the instance patched in); for tests and the self-test.</summary>
    public byte[] ToArray()
    {
        var copy = (byte[])_body.Body.Clone();
        _instance.CopyTo(copy, _body.InstanceOffset);
        return copy;
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc />
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var body = _body.Body.AsMemory();
        var offset = _body.InstanceOffset;
        await stream.WriteAsync(body[..offset], cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(_instance.AsMemory(), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body[(offset + UuidLength)..], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var body = _body.Body.AsSpan();
        var offset = _body.InstanceOffset;
        stream.Write(body[..offset]);
        stream.Write(_instance);
        stream.Write(body[(offset + UuidLength)..]);
    }

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = _body.Body.Length;
        return true;
    }
}
