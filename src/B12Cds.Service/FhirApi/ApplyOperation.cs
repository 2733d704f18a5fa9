using System.Diagnostics;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Hosting;
using B12Cds.Service.Evaluation;
using B12Cds.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace B12Cds.Service.FhirApi;

/// <summary>
/// <c>PlanDefinition/$apply</c>: reads the body as a stream (at most <see cref="ServiceOptions.MaxRequestBodyBytes"/>),
/// checks the inputs, evaluates the subject's data with <see cref="PatientEvaluator"/> (the same evaluation as the
/// CDS Hooks services) and answers with the CarePlan or Bundle of <see cref="ApplyResultBuilder"/>. Refusals are
/// OperationOutcomes: 400 malformed JSON, a body that is not Parameters or Bundle, a bad parameter, no data, no or
/// several subjects; 404 an unknown PlanDefinition or version; 413 a body over the limit; 415 not JSON; 422 a
/// subject that is not in the data; 503 no valid rule set loaded.
/// </summary>
internal static partial class ApplyOperation
{
    private static readonly HashSet<string> JsonMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        FhirApiUris.FhirJson, "application/json", "application/json+fhir",
    };

    /// <summary>The service id $apply evaluations are audited under.</summary>
    public const string AuditServiceId = "PlanDefinition/$apply";

    private static readonly HashSet<string> Profiles = new(StringComparer.Ordinal) { "us", "uk" };

    /// <summary>Handles <c>POST /fhir/PlanDefinition/{id}/$apply</c>.</summary>
    public static Task<IResult> ApplyInstanceAsync(string id, HttpContext context, RuleSetProvider rules, PatientEvaluator evaluator, TimeProvider time, IOptions<ServiceOptions> options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Equals(id, FhirApiUris.PlanDefinitionId, StringComparison.Ordinal)
            ? ApplyAsync(typeLevel: false, context, rules, evaluator, time, options.Value, loggers)
            : Task.FromResult(UnknownPlanDefinition($"PlanDefinition/{id}").ToResult());
    }

    /// <summary>Handles <c>POST /fhir/PlanDefinition/$apply</c> (the PlanDefinition named by <c>url</c> or <c>planDefinition</c>).</summary>
    public static Task<IResult> ApplyTypeLevelAsync(HttpContext context, RuleSetProvider rules, PatientEvaluator evaluator, TimeProvider time, IOptions<ServiceOptions> options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ApplyAsync(typeLevel: true, context, rules, evaluator, time, options.Value, loggers);
    }

    /// <summary>No valid rule set is loaded (503).</summary>
    internal static FhirApiProblem RulesNotLoaded() => FhirApiProblem.Error(
        StatusCodes.Status503ServiceUnavailable,
        FhirApiIssueIds.RulesNotLoaded,
        "transient",
        "No valid rule set is loaded, so B12 CDS cannot evaluate or describe its rules; try again once the rules load (see /health/ready).");

    /// <summary>No such PlanDefinition (404).</summary>
    internal static FhirApiProblem UnknownPlanDefinition(string what) => FhirApiProblem.Error(
        StatusCodes.Status404NotFound,
        FhirApiIssueIds.NotFound,
        "not-found",
        $"{what} is not known here. B12 CDS publishes one PlanDefinition: PlanDefinition/{FhirApiUris.PlanDefinitionId} ({FhirApiUris.PlanDefinitionUrl}).");

    private static async Task<IResult> ApplyAsync(bool typeLevel, HttpContext context, RuleSetProvider rules, PatientEvaluator evaluator, TimeProvider time, ServiceOptions options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(ApplyOperation).FullName!);
        var started = Stopwatch.GetTimestamp();
        var (result, problem) = await TryApplyAsync(typeLevel, context, rules, evaluator, time, options).ConfigureAwait(false);
        if (problem is not null)
        {
            var issueId = problem.Issues[0].Id;
            Rejected(logger, problem.StatusCode, issueId);

            return problem.ToResult();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var resourceType = result!.Resource.ResourceType;
        Applied(logger, result.RuleSetVersion, result.Cards, resourceType, elapsed.TotalMilliseconds);
        var now = time.GetUtcNow();
        context.RequestServices.GetRequiredService<AuditWriter>().TryEnqueue(new AuditRecord
        {
            Id = Guid.CreateVersion7(now),
            Time = now,
            ServiceId = AuditServiceId,
            PatientId = result.PatientId,
            RuleSetVersion = result.RuleSetVersion,
            RulesFired = result.FiredRules,
            CardUuids = result.CardUuids,
            Outcome = result.Cards > 0 ? "cards" : "no-cards",
            Duration = elapsed,
        });

        return new FhirResourceResult(result.Resource);
    }

    private static async Task<(ApplyOutcome? Result, FhirApiProblem? Problem)> TryApplyAsync(bool typeLevel, HttpContext context, RuleSetProvider rules, PatientEvaluator evaluator, TimeProvider time, ServiceOptions options)
    {
        if (rules.Current is not { } ruleSet)
        {
            return (null, RulesNotLoaded());
        }

        var request = context.Request;
        if (!string.IsNullOrEmpty(request.ContentType)
            && (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !JsonMediaTypes.Contains(mediaType.MediaType.Value ?? string.Empty)))
        {
            return (null, FhirApiProblem.Error(
                StatusCodes.Status415UnsupportedMediaType,
                FhirApiIssueIds.UnsupportedMediaType,
                "not-supported",
                $"The body is {request.ContentType}; send FHIR JSON (application/fhir+json or application/json)."));
        }

        var (body, parseIssues, parseProblem) = await ReadBodyAsync(request, options, context.RequestAborted).ConfigureAwait(false);
        if (parseProblem is not null)
        {
            return (null, parseProblem);
        }

        var (input, inputProblem) = ApplyRequestReader.Read(body!, request.Query);
        if (inputProblem is not null)
        {
            return (null, inputProblem);
        }

        if (CheckPlanDefinition(input!, typeLevel, ruleSet.Version) is { } definitionProblem)
        {
            return (null, definitionProblem);
        }

        if (input!.Data is not { } data)
        {
            return (null, FhirApiProblem.Error(
                StatusCodes.Status400BadRequest,
                FhirApiIssueIds.DataMissing,
                "required",
                "No `data` parameter: give the patient's resources as a Bundle in the `data` parameter (B12 CDS does not fetch them from a FHIR server)."));
        }

        var applyData = new ApplyData(data);
        var (patientId, subjectProblem) = ResolveSubject(input, applyData);
        if (subjectProblem is not null)
        {
            return (null, subjectProblem);
        }

        var profile = input.Profile ?? options.Profile;
        if (!Profiles.Contains(profile))
        {
            return (null, FhirApiProblem.Error(StatusCodes.Status400BadRequest, FhirApiIssueIds.InvalidParameter, "value", $"`profile` must be us or uk, not \"{profile}\".", "profile"));
        }

        var now = time.GetUtcNow();
        var asOf = input.AsOf?.Start ?? now;
        PatientEvaluation evaluation;
        try
        {
            evaluation = evaluator.Evaluate(ruleSet, new EvaluationInput
            {
                Resources = [data],
                PatientId = patientId,
                AsOf = asOf,
                Profile = profile,
                ServiceBaseUrl = FhirApiEndpoints.ServiceBase(request, options),
            });
        }
        catch (RuleCycleException ex)
        {
            return (null, FhirApiProblem.Error(StatusCodes.Status500InternalServerError, FhirApiIssueIds.EvaluationFailed, "exception", $"The rules could not finish for this patient: {ex.Message}"));
        }

        var resource = ApplyResultBuilder.Build(new ApplyResultInput
        {
            Evaluation = evaluation,
            PatientId = patientId!,
            AsOf = asOf,
            Now = now,
            Sources = applyData.SourcesFor(patientId!),
            ReturnBundle = input.ReturnBundle,
            Encounter = input.Encounter,
            Practitioner = input.Practitioner,
            Warnings = [.. parseIssues.Select(AsWarning), .. input.Warnings],
        });
        return (new ApplyOutcome(
            resource,
            ruleSet.Version,
            evaluation.Report.Cards.Count,
            patientId!,
            [.. evaluation.Report.FiredRules.Select(r => r.Id)],
            [.. evaluation.Report.Cards.Select(c => c.Uuid).OfType<string>()]), null);
    }

    /// <summary>Reads and parses the body. Not a resource, or malformed: 400; over the limit: 413. Entries that cannot be read are skipped and reported as warnings.</summary>
    private static async Task<(Resource? Body, IReadOnlyList<FhirIssue> Issues, FhirApiProblem? Problem)> ReadBodyAsync(HttpRequest request, ServiceOptions options, CancellationToken cancellationToken)
    {
        var parser = new FhirJsonParser(new FhirParserOptions { MaxBytes = options.MaxRequestBodyBytes, ReportUnsupportedResources = false });
        FhirParseResult parsed;
        try
        {
            parsed = await parser.ParseAsync(request.Body, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, [], FhirApiProblem.Error(
                StatusCodes.Status413PayloadTooLarge,
                IssueIds.TooLarge,
                "too-long",
                $"The body is larger than the limit of {options.MaxRequestBodyBytes:N0} bytes. Nothing was read."));
        }

        if (parsed.Resource is null or InvalidResource)
        {
            var status = parsed.Issues.Any(i => i.Id == IssueIds.TooLarge) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            var issues = parsed.Issues.Count > 0
                ? parsed.Issues
                : [new FhirIssue(IssueIds.NotAResource, IssueSeverity.Fatal, "structure", "The body is not a FHIR resource.")];
            return (null, [], new FhirApiProblem(status, issues));
        }

        return (parsed.Resource, parsed.Issues, null);
    }

    private static FhirApiProblem? CheckPlanDefinition(ApplyRequest input, bool typeLevel, string version)
    {
        var named = input.PlanDefinitionUrl is not null || input.PlanDefinitionId is not null;
        if (typeLevel && !named)
        {
            return FhirApiProblem.Error(
                StatusCodes.Status400BadRequest,
                FhirApiIssueIds.InvalidParameter,
                "required",
                $"Name the PlanDefinition to apply: a `url` parameter ({FhirApiUris.PlanDefinitionUrl}), or POST to PlanDefinition/{FhirApiUris.PlanDefinitionId}/$apply.");
        }

        if (input.PlanDefinitionUrl is { } url && !string.Equals(url, FhirApiUris.PlanDefinitionUrl, StringComparison.Ordinal))
        {
            return UnknownPlanDefinition($"The PlanDefinition {url}");
        }

        if (input.PlanDefinitionUrl is null && input.PlanDefinitionId is { } id && !string.Equals(id, FhirApiUris.PlanDefinitionId, StringComparison.Ordinal))
        {
            return UnknownPlanDefinition($"PlanDefinition/{id}");
        }

        if (input.PlanDefinitionVersion is { } wanted && !string.Equals(wanted, version, StringComparison.Ordinal))
        {
            return FhirApiProblem.Error(
                StatusCodes.Status404NotFound,
                FhirApiIssueIds.NotFound,
                "not-found",
                $"Version {wanted} of the rules is not loaded; the active version is {version}.");
        }

        return null;
    }

    /// <summary>The one subject: the <c>subject</c> parameter (a Patient, which must be in the data), else a plain Bundle's one Patient.</summary>
    private static (string? PatientId, FhirApiProblem? Problem) ResolveSubject(ApplyRequest input, ApplyData data)
    {
        var patients = data.PatientIds;
        if (input.Subjects.Count > 1)
        {
            return (null, FhirApiProblem.Error(
                StatusCodes.Status400BadRequest,
                FhirApiIssueIds.SubjectAmbiguous,
                "not-supported",
                $"{input.Subjects.Count} subjects were given ({string.Join(", ", input.Subjects)}); B12 CDS applies the rules to one patient per call.",
                "subject"));
        }

        if (input.Subjects.Count == 0)
        {
            if (!input.BodyIsBundle)
            {
                return (null, FhirApiProblem.Error(
                    StatusCodes.Status400BadRequest,
                    FhirApiIssueIds.SubjectMissing,
                    "required",
                    "No `subject`: give the patient as a string parameter, e.g. \"Patient/123\" (required by $apply).",
                    "subject"));
            }

            return patients.Count switch
            {
                1 => (patients[0], null),
                0 => (null, FhirApiProblem.Error(
                    StatusCodes.Status400BadRequest,
                    FhirApiIssueIds.SubjectMissing,
                    "required",
                    "The Bundle has no Patient with an id, so the subject is unknown: add the Patient, or name it with ?subject=Patient/<id>.")),
                _ => (null, FhirApiProblem.Error(
                    StatusCodes.Status400BadRequest,
                    FhirApiIssueIds.SubjectAmbiguous,
                    "multiple-matches",
                    $"The Bundle has {patients.Count} Patients ({string.Join(", ", patients.Select(p => $"Patient/{p}"))}); name the subject with ?subject=Patient/<id> or send Parameters with a `subject`.")),
            };
        }

        var subject = input.Subjects[0];
        var marker = subject.LastIndexOf("Patient/", StringComparison.Ordinal);
        var id = marker < 0 || (marker > 0 && subject[marker - 1] != '/') ? null : subject[(marker + "Patient/".Length)..].Split('/')[0];
        if (string.IsNullOrEmpty(id))
        {
            return (null, FhirApiProblem.Error(
                StatusCodes.Status400BadRequest,
                FhirApiIssueIds.InvalidParameter,
                "not-supported",
                $"The subject \"{subject}\" is not a Patient reference; B12 CDS applies its rules to a Patient (\"Patient/123\").",
                "subject"));
        }

        if (!patients.Contains(id, StringComparer.Ordinal))
        {
            return (null, FhirApiProblem.Error(
                StatusCodes.Status422UnprocessableEntity,
                FhirApiIssueIds.SubjectNotInData,
                "processing",
                $"The subject Patient/{id} is not in the data Bundle{(patients.Count == 0 ? " (it has no Patient)" : $" (it has {string.Join(", ", patients.Select(p => $"Patient/{p}"))})")}: include the Patient resource and its record.",
                "subject"));
        }

        return (id, null);
    }

    private static FhirIssue AsWarning(FhirIssue issue) => issue.IsError ? issue with { Severity = IssueSeverity.Warning } : issue;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "$apply on rule set {RuleSetVersion}: {Cards} cards, answered with a {ResourceType} in {ElapsedMs:F1} ms")]
    private static partial void Applied(ILogger logger, string ruleSetVersion, int cards, string resourceType, double elapsedMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "$apply refused with {StatusCode} ({IssueId})")]
    private static partial void Rejected(ILogger logger, int statusCode, string issueId);

    private sealed record ApplyOutcome(Resource Resource, string RuleSetVersion, int Cards, string PatientId, IReadOnlyList<string> FiredRules, IReadOnlyList<string> CardUuids);
}
