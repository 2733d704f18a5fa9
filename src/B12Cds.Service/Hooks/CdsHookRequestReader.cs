using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace B12Cds.Service.Hooks;

/// <summary>Why a CDS Hooks request body cannot be used: the reason in plain words and where (a JSON path), when known.</summary>
public sealed record RequestProblem(string Reason, string? Path);

/// <summary>
/// Reads a CDS Hooks 2.0 service request in one forward pass over its UTF-8 bytes, checking what the specification
/// requires of the members it names. Unknown members (e.g. <c>extension</c>) are skipped; resource-valued members are
/// sliced out, not materialised.
/// </summary>
public static class CdsHookRequestReader
{
    private const int MaxIdentifierLength = 256;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The user identifier tokens of CDS Hooks 2.0, by the resource type of <c>context.userId</c>.</summary>
    private static readonly Dictionary<string, string> UserTokens = new(StringComparer.Ordinal)
    {
        ["Practitioner"] = "userPractitionerId",
        ["PractitionerRole"] = "userPractitionerRoleId",
        ["Patient"] = "userPatientId",
        ["RelatedPerson"] = "userRelatedPersonId",
    };

    /// <summary>Reads <paramref name="body"/>; on failure <paramref name="problem"/> says why and where.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out CdsHookRequest? request, [NotNullWhen(false)] out RequestProblem? problem)
    {
        request = null;
        try
        {
            request = Read(body);
            problem = null;
            return true;
        }
        catch (RequestFormatException ex)
        {
            problem = new RequestProblem(ex.Message, ex.Path);
            return false;
        }
        catch (JsonException ex)
        {
            problem = new RequestProblem(
                $"The body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).",
                null);
            return false;
        }
    }

    private static CdsHookRequest Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new RequestFormatException("The body is empty: a CDS Hooks request is a JSON object.", null);
        }

        var reader = new Utf8JsonReader(body.Span, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RequestFormatException("The body must be a JSON object (a CDS Hooks request).", null);
        }

        string? hook = null, hookInstance = null, fhirServer = null, accessToken = null;
        var hasAuthorization = false;
        ContextMembers? context = null;
        Dictionary<string, ReadOnlyMemory<byte>?>? prefetch = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!seen.Add(name))
            {
                throw new RequestFormatException($"'{name}' appears twice.", name);
            }

            reader.Read();
            switch (name)
            {
                case "hook":
                    hook = ReadIdentifier(ref reader, name);
                    break;
                case "hookInstance":
                    hookInstance = ReadIdentifier(ref reader, name);
                    break;
                case "fhirServer":
                    fhirServer = ReadString(ref reader, name);
                    break;
                case "fhirAuthorization":
                    hasAuthorization = reader.TokenType != JsonTokenType.Null;
                    accessToken = hasAuthorization ? ReadAuthorization(ref reader) : null;
                    break;
                case "context":
                    context = ReadContext(ref reader, body);
                    break;
                case "prefetch":
                    prefetch = ReadPrefetch(ref reader, body);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (hook is null)
        {
            throw new RequestFormatException("'hook' is required: the hook that triggered this call (e.g. patient-view).", "hook");
        }

        if (hookInstance is null)
        {
            throw new RequestFormatException("'hookInstance' is required: a UUID for this invocation.", "hookInstance");
        }

        if (context is null)
        {
            throw new RequestFormatException("'context' is required.", "context");
        }

        if (context.PatientId is null)
        {
            throw new RequestFormatException("'context.patientId' is required: the patient the advice is for.", "context.patientId");
        }

        Uri? server = null;
        if (fhirServer is not null
            && (!Uri.TryCreate(fhirServer, UriKind.Absolute, out server) || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp)))
        {
            throw new RequestFormatException("'fhirServer' must be an absolute https URL (the EHR's FHIR base).", "fhirServer");
        }

        if (hasAuthorization && server is null)
        {
            throw new RequestFormatException("'fhirServer' is required when 'fhirAuthorization' is given.", "fhirServer");
        }

        return new CdsHookRequest
        {
            Hook = hook,
            HookInstance = hookInstance,
            FhirServer = server,
            AccessToken = accessToken,
            PatientId = context.PatientId,
            UserId = context.UserId,
            EncounterId = context.EncounterId,
            ContextTokens = context.Tokens,
            DraftOrders = context.DraftOrders,
            Selections = context.Selections,
            Prefetch = prefetch ?? [],
        };
    }

    private static string ReadAuthorization(ref Utf8JsonReader reader)
    {
        ExpectObject(ref reader, "fhirAuthorization");
        string? token = null, tokenType = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "access_token":
                    token = ReadString(ref reader, "fhirAuthorization.access_token");
                    break;
                case "token_type":
                    tokenType = ReadString(ref reader, "fhirAuthorization.token_type");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (string.IsNullOrEmpty(token))
        {
            throw new RequestFormatException("'fhirAuthorization.access_token' is required.", "fhirAuthorization.access_token");
        }

        if (!string.Equals(tokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestFormatException("'fhirAuthorization.token_type' must be 'Bearer'.", "fhirAuthorization.token_type");
        }

        return token;
    }

    private static ContextMembers ReadContext(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body)
    {
        ExpectObject(ref reader, "context");
        var members = new ContextMembers();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var path = "context." + name;
            reader.Read();
            switch (name)
            {
                case "patientId":
                    members.Tokens[path] = members.PatientId = ReadIdentifier(ref reader, path);
                    break;
                case "userId":
                    members.Tokens[path] = members.UserId = ReadIdentifier(ref reader, path);
                    break;
                case "encounterId" when reader.TokenType != JsonTokenType.Null:
                    members.Tokens[path] = members.EncounterId = ReadIdentifier(ref reader, path);
                    break;
                case "draftOrders" when reader.TokenType != JsonTokenType.Null:
                    members.DraftOrders = Slice(ref reader, body, path);
                    break;
                case "selections":
                    members.Selections = ReadStrings(ref reader, path);
                    break;
                case var _ when reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray:
                    reader.Skip();
                    break;
                case var _ when reader.TokenType == JsonTokenType.String:
                    members.Tokens[path] = reader.GetString()!;
                    break;
                case var _ when reader.TokenType is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    members.Tokens[path] = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                    break;
                default:
                    break;
            }
        }

        if (members.UserId is { } userId && userId.Split('/') is [var type, var id] && UserTokens.TryGetValue(type, out var token))
        {
            members.Tokens[token] = id;
        }

        return members;
    }

    private static Dictionary<string, ReadOnlyMemory<byte>?> ReadPrefetch(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body)
    {
        var prefetch = new Dictionary<string, ReadOnlyMemory<byte>?>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return prefetch;
        }

        ExpectObject(ref reader, "prefetch");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            var path = "prefetch." + key;
            if (prefetch.ContainsKey(key))
            {
                throw new RequestFormatException($"'{path}' appears twice.", path);
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                prefetch[key] = null;
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new RequestFormatException($"'{path}' must be a FHIR resource (a JSON object) or null.", path);
            }

            prefetch[key] = Slice(ref reader, body, path);
        }

        return prefetch;
    }

    /// <summary>Returns the bytes of the object or array the reader is on, and leaves the reader at its end.</summary>
    private static ReadOnlyMemory<byte> Slice(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RequestFormatException($"'{path}' must be a FHIR resource (a JSON object).", path);
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.TokenStartIndex + 1;
        return body[start..end];
    }

    private static string[] ReadStrings(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new RequestFormatException($"'{path}' must be an array of strings.", path);
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(ReadString(ref reader, path));
        }

        return [.. values];
    }

    private static string ReadIdentifier(ref Utf8JsonReader reader, string path)
    {
        var value = ReadString(ref reader, path);
        if (value.Length == 0 || value.Length > MaxIdentifierLength || value.Any(char.IsControl))
        {
            throw new RequestFormatException($"'{path}' must be a non-empty string of at most {MaxIdentifierLength} characters.", path);
        }

        return value;
    }

    private static string ReadString(ref Utf8JsonReader reader, string path) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new RequestFormatException($"'{path}' must be a string.", path);

    private static void ExpectObject(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RequestFormatException($"'{path}' must be a JSON object.", path);
        }
    }

    private sealed class ContextMembers
    {
        public string? PatientId { get; set; }

        public string? UserId { get; set; }

        public string? EncounterId { get; set; }

        public ReadOnlyMemory<byte>? DraftOrders { get; set; }

        public IReadOnlyList<string> Selections { get; set; } = [];

        public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);
    }

    private sealed class RequestFormatException(string message, string? path) : Exception(message)
    {
        public string? Path { get; } = path;
    }
}
