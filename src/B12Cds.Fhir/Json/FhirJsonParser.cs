using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>
/// Reads FHIR R4 JSON into the typed model. Never throws on bad input: every problem becomes a <see cref="FhirIssue"/>
/// with a FHIRPath-style expression, and what can safely be read is read (one bad Bundle entry does not lose the others).
/// </summary>
/// <remarks>Thread-safe: one instance can serve every request.</remarks>
public sealed class FhirJsonParser
{
    private static readonly JsonTypeInfo<Resource> ResourceInfo = (JsonTypeInfo<Resource>)FhirJson.Options.GetTypeInfo(typeof(Resource));
    private readonly FhirParserOptions _options;

    /// <summary>Initializes a new instance of the <see cref="FhirJsonParser"/> class.</summary>
    public FhirJsonParser(FhirParserOptions? options = null)
    {
        _options = options ?? FhirParserOptions.Default;
    }

    /// <summary>Parses UTF-8 JSON (a leading byte-order mark is allowed).</summary>
    public FhirParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > _options.MaxBytes)
        {
            return TooLarge(utf8Json.Length);
        }

        if (utf8Json.StartsWith("\xEF\xBB\xBF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        Resource? resource;
        try
        {
            resource = JsonSerializer.Deserialize(utf8Json, ResourceInfo);
        }
        catch (JsonException ex)
        {
            return Unreadable(ex);
        }

        if (resource is null)
        {
            return new FhirParseResult
            {
                Issues = [new FhirIssue(IssueIds.NotAResource, IssueSeverity.Fatal, "structure", "The input is JSON null, not a FHIR resource.")],
            };
        }

        var issues = new List<FhirIssue>();
        new IssueCollector(issues, utf8Json, _options).Visit(resource, resource.ResourceType, isRoot: true);
        return new FhirParseResult { Resource = resource, Issues = issues };
    }

    /// <summary>Parses JSON text.</summary>
    public FhirParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetMaxByteCount(json.Length) > _options.MaxBytes && Encoding.UTF8.GetByteCount(json) > _options.MaxBytes)
        {
            return TooLarge(Encoding.UTF8.GetByteCount(json));
        }

        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a stream to its end (refusing it, unread, once it passes <see cref="FhirParserOptions.MaxBytes"/>) and parses it.</summary>
    public async Task<FhirParseResult> ParseAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length - stream.Position > _options.MaxBytes)
        {
            return TooLarge(stream.Length - stream.Position);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxBytes)
            {
                return TooLarge(buffer.Length + read, atLeast: true);
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Parses a file, checking its size before reading it.</summary>
    public FhirParseResult ParseFile(string path)
    {
        var length = new FileInfo(path).Length;
        return length > _options.MaxBytes ? TooLarge(length) : Parse(File.ReadAllBytes(path));
    }

    private FhirParseResult TooLarge(long length, bool atLeast = false) => new()
    {
        Issues =
        [
            new FhirIssue(
                IssueIds.TooLarge,
                IssueSeverity.Fatal,
                "too-long",
                $"The input is {(atLeast ? "more than " : string.Empty)}{length:N0} bytes; the limit is {_options.MaxBytes:N0} bytes. Nothing was read."),
        ],
    };

    private static FhirParseResult Unreadable(JsonException ex)
    {
        var root = ex.InnerException as JsonException ?? ex;
        var isSyntax = ex is FhirSyntaxException || root.GetType().Name == "JsonReaderException" || ex.Path is null;
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        message = (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
        var (id, text) = isSyntax && !message.StartsWith("a FHIR resource must be", StringComparison.Ordinal)
            ? (IssueIds.MalformedJson, $"The input is not valid JSON: {message}. Nothing was read.")
            : (IssueIds.NotAResource, $"The input is not a FHIR resource: {message}.");
        return new FhirParseResult
        {
            Issues =
            [
                new FhirIssue(id, IssueSeverity.Fatal, "structure", text)
                {
                    Line = root.LineNumber + 1 ?? ex.LineNumber + 1,
                    Column = root.BytePositionInLine + 1 ?? ex.BytePositionInLine + 1,
                },
            ],
        };
    }
}
