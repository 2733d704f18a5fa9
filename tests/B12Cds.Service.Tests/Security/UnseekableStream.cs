namespace B12Cds.Service.Tests.Security;

/// <summary>A body whose length HttpClient cannot know, so it is sent chunked without a <c>Content-Length</c>.</summary>
internal sealed class UnseekableStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;
}
