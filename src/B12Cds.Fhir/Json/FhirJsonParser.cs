using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>
/// Reads FHIR R4 JSON into the typed model. Never throws on bad input: every problem becomes a <see cref="FhirIssue"/>
/// with a FHIRPath-style expression, and what can safely be read is read (one bad Bundle entry does not lose the others).
/// </summary>
/// <remarks>Thread-safe: one instance can serve every request.</remarks>
public sealed class FhirJsonParser
{
    private readonly FhirParserOptions _options;
    private readonly JsonTypeInfo<Resource> _resourceInfo;
    private readonly bool _fastPath;

    /// <summary>Initializes a new instance of the <see cref="FhirJsonParser"/> class.</summary>
    public FhirJsonParser(FhirParserOptions? options = null)
        : this(options, FhirJson.Options, fastPath: true)
    {
    }

    private FhirJsonParser(FhirParserOptions? options, JsonSerializerOptions json, bool fastPath)
    {
        _options = options ?? FhirParserOptions.Default;
        _resourceInfo = (JsonTypeInfo<Resource>)json.GetTypeInfo(typeof(Resource));
        _fastPath = fastPath;
    }

    /// <summary>Creates a parser that reads the reference way, each resource by its own scoped reader: what the fast path is tested against.</summary>
    internal static FhirJsonParser Reference(FhirParserOptions? options = null) => new(options, FhirJson.ReferenceReadOptions, fastPath: false);

    /// <summary>Parses UTF-8 JSON (a leading byte-order mark is allowed).</summary>
    public FhirParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > _options.MaxBytes)
        {
            return TooLarge(utf8Json.Length);
        }

        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new FhirParseResult
            {
                Issues = [new FhirIssue(IssueIds.NotAResource, IssueSeverity.Fatal, "structure", "The input is empty: expected a FHIR resource as a JSON object. Nothing was read.")],
            };
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return new FhirParseResult
            {
                Issues = [NotUtf8(utf8Json)],
            };
        }

        // The fast path reads well-formed, ordinary FHIR JSON; the serializer reads the rest and explains what is wrong.
        if (!_fastPath || !DocumentReading.TryRead(utf8Json, out var resource))
        {
            try
            {
                resource = JsonSerializer.Deserialize(utf8Json, _resourceInfo);
            }
            catch (JsonException ex)
            {
                return Unreadable(ex);
            }
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

        // JSON that is not an object at all is no resource: nothing to hand on.
        return new FhirParseResult { Resource = resource is InvalidResource { Kind: InvalidResourceKind.NotAnObject } ? null : resource, Issues = issues };
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
                return TooLarge(_options.MaxBytes, atLeast: true);
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

    private static FhirIssue NotUtf8(ReadOnlySpan<byte> utf8Json)
    {
        var encoding = utf8Json.Length >= 2 && ((utf8Json[0] == 0xFF && utf8Json[1] == 0xFE) || (utf8Json[0] == 0xFE && utf8Json[1] == 0xFF)) ? " (it looks like UTF-16)" : string.Empty;
        // Decode until the first invalid sequence: its byte index gives the position.
        _ = System.Text.Unicode.Utf8.ToUtf16(utf8Json, new char[utf8Json.Length], out var validBytes, out _, replaceInvalidSequences: false);
        long line = 1, column = 1;
        foreach (var b in utf8Json[..validBytes])
        {
            if (b == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new FhirIssue(IssueIds.NotUtf8, IssueSeverity.Fatal, "structure", $"The input is not UTF-8 text{encoding}; FHIR JSON must be UTF-8. Nothing was read.")
        {
            Line = line,
            Column = column,
        };
    }

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
