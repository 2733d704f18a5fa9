namespace B12Cds.Service.Prefetch;

/// <summary>A FHIR server's response was larger than <see cref="PrefetchOptions.MaxResponseBytes"/>: not retried, the key fails.</summary>
internal sealed class ResponseTooLargeException(long limit) : Exception($"The response was larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
