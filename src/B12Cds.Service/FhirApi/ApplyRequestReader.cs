using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Model;
using Microsoft.Extensions.Primitives;

namespace B12Cds.Service.FhirApi;

/// <summary>
/// Reads the <c>$apply</c> inputs. The body is a Parameters resource (R4 <c>subject</c>, <c>encounter</c>,
/// <c>practitioner</c>; type level <c>planDefinition</c> or <c>url</c>; CPG <c>data</c>; B12 CDS <c>asOf</c>,
/// <c>profile</c>, <c>returnType</c>) or a plain Bundle (the data; subject: <c>?subject=</c> or its one Patient).
/// Query parameters of the same names are read when the body does not give them. Other R4 and CPG parameters are
/// accepted and ignored with a warning, as are unknown ones.
/// </summary>
internal static class ApplyRequestReader
{
    /// <summary>R4 and CPG inputs B12 CDS accepts but does not use.</summary>
    private static readonly HashSet<string> KnownUnused = new(StringComparer.Ordinal)
    {
        "organization", "userType", "userLanguage", "userTaskContext", "setting", "settingContext",
        "dataEndpoint", "contentEndpoint", "terminologyEndpoint", "parameters", "useServerData", "prefetchData",
    };

    /// <summary>Reads the inputs, or the problem that stops the call.</summary>
    public static (ApplyRequest? Request, FhirApiProblem? Problem) Read(Resource body, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(query);
        var (request, problem) = body switch
        {
            Parameters parameters => FromParameters(parameters),
            Bundle bundle => (new ApplyRequest { Data = bundle, BodyIsBundle = true }, null),
            _ => (null, FhirApiProblem.Error(
                StatusCodes.Status400BadRequest,
                FhirApiIssueIds.WrongBodyType,
                "invalid",
                $"The body of $apply must be a Parameters resource (subject and a `data` Bundle) or a Bundle of the patient's data, not {Article(body.ResourceType)}.")),
        };

        return request is null ? (null, problem) : WithQuery(request, query);
    }

    private static (ApplyRequest? Request, FhirApiProblem? Problem) FromParameters(Parameters parameters)
    {
        var request = new ApplyRequest();
        var subjects = new List<string>();
        var warnings = new List<FhirIssue>();
        Bundle? data = null;
        for (var i = 0; i < parameters.Parameter.Count; i++)
        {
            var p = parameters.Parameter[i];
            var where = $"Parameters.parameter[{i}]";
            switch (p.Name)
            {
                case "subject":
                    if (Text(p) is not { } subject)
                    {
                        return Invalid(where, "`subject` must be a string such as \"Patient/123\" (valueString).");
                    }

                    subjects.Add(subject);
                    break;
                case "data":
                    if (p.Resource is not Bundle bundle)
                    {
                        return Invalid(where, p.Resource is null
                            ? "`data` must hold a Bundle of the patient's resources in `resource`."
                            : $"`data` must be a Bundle, not {Article(p.Resource.ResourceType)}.");
                    }

                    if (data is not null)
                    {
                        return Invalid(where, "`data` is given more than once; put every resource in one Bundle.");
                    }

                    data = bundle;
                    break;
                case "asOf":
                    if (ReadDate(p.ValueDateTime ?? p.ValueDate, Text(p)) is not { } asOf)
                    {
                        return Invalid(where, "`asOf` must be a FHIR date or dateTime (valueDate or valueDateTime), e.g. 2026-11-01.");
                    }

                    request = request with { AsOf = asOf };
                    break;
                case "profile":
                    request = request with { Profile = Text(p) };
                    break;
                case "returnType":
                    if (IsBundleReturn(Text(p)) is not { } asBundle)
                    {
                        return Invalid(where, "`returnType` must be CarePlan (the default) or Bundle.");
                    }

                    request = request with { ReturnBundle = asBundle };
                    break;
                case "encounter":
                    request = request with { Encounter = Text(p) };
                    break;
                case "practitioner":
                    request = request with { Practitioner = Text(p) };
                    break;
                case "url":
                    request = WithCanonical(request, p.ValueCanonical ?? p.ValueUri ?? p.ValueString);
                    break;
                case "version":
                    request = request with { PlanDefinitionVersion = Text(p) };
                    break;
                case "planDefinition":
                    request = p.Resource is PlanDefinition definition
                        ? WithCanonical(request, definition.Url) with { PlanDefinitionId = definition.Id, PlanDefinitionVersion = definition.Version ?? request.PlanDefinitionVersion }
                        : WithCanonical(request, p.ValueCanonical ?? p.ValueUri ?? p.ValueString);
                    break;
                case { } name when KnownUnused.Contains(name):
                    warnings.Add(Ignored(where, $"`{name}` is accepted but not used by B12 CDS; ignored."));
                    break;
                default:
                    warnings.Add(Ignored(where, $"`{p.Name}` is not a parameter of $apply; ignored."));
                    break;
            }
        }

        return (request with { Subjects = subjects, Data = data, Warnings = warnings }, null);
    }

    private static (ApplyRequest? Request, FhirApiProblem? Problem) WithQuery(ApplyRequest request, IQueryCollection query)
    {
        if (request.Subjects.Count == 0 && query.TryGetValue("subject", out var subject))
        {
            request = request with { Subjects = [.. subject.OfType<string>()] };
        }

        if (request.AsOf is null && Single(query, "asOf") is { } asOfText)
        {
            if (ReadDate(null, asOfText) is not { } asOf)
            {
                return Invalid("asOf", "`asOf` must be a FHIR date or dateTime, e.g. 2026-11-01.");
            }

            request = request with { AsOf = asOf };
        }

        if (request.Profile is null && Single(query, "profile") is { } profile)
        {
            request = request with { Profile = profile };
        }

        if (Single(query, "returnType") is { } returnType)
        {
            if (IsBundleReturn(returnType) is not { } bundle)
            {
                return Invalid("returnType", "`returnType` must be CarePlan (the default) or Bundle.");
            }

            request = request with { ReturnBundle = request.ReturnBundle || bundle };
        }

        if (request.PlanDefinitionUrl is null && Single(query, "url") is { } url)
        {
            request = WithCanonical(request, url);
        }

        return (request, null);
    }

    private static ApplyRequest WithCanonical(ApplyRequest request, string? canonical)
    {
        if (string.IsNullOrWhiteSpace(canonical))
        {
            return request;
        }

        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return bar < 0
            ? request with { PlanDefinitionUrl = canonical }
            : request with { PlanDefinitionUrl = canonical[..bar], PlanDefinitionVersion = canonical[(bar + 1)..] };
    }

    private static string? Text(ParametersParameter p)
    {
        var text = p.ValueString ?? p.ValueReference?.ReferenceValue ?? p.ValueUri ?? p.ValueCode ?? p.ValueId;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static FhirDateTime? ReadDate(FhirDateTime? typed, string? text) =>
        typed ?? (FhirDateTime.TryParse(text, out var parsed) ? parsed : null);

    private static bool? IsBundleReturn(string? value) => value?.ToUpperInvariant() switch
    {
        "BUNDLE" => true,
        "CAREPLAN" => false,
        _ => null,
    };

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out StringValues values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1]!.Trim() : null;

    private static FhirIssue Ignored(string where, string message) =>
        new(FhirApiIssueIds.ParameterIgnored, IssueSeverity.Warning, "not-supported", message, where);

    private static (ApplyRequest? Request, FhirApiProblem? Problem) Invalid(string where, string message) =>
        (null, FhirApiProblem.Error(StatusCodes.Status400BadRequest, FhirApiIssueIds.InvalidParameter, "invalid", message, where));

    private static string Article(string word) => "AEIOU".Contains(word[0], StringComparison.Ordinal) ? $"an {word}" : $"a {word}";
}
