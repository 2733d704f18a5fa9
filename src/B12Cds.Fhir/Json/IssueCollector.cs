using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>Walks a parsed resource and reports every <see cref="InvalidResource"/> and <see cref="OtherResource"/> in it, with its path.</summary>
internal readonly ref struct IssueCollector
{
    private readonly List<FhirIssue> _issues;
    private readonly ReadOnlySpan<byte> _input;
    private readonly FhirParserOptions _options;

    public IssueCollector(List<FhirIssue> issues, ReadOnlySpan<byte> input, FhirParserOptions options)
    {
        _issues = issues;
        _options = options;
        _input = input;
    }

    public void Visit(Resource resource, string path, bool isRoot)
    {
        switch (resource)
        {
            case InvalidResource invalid:
                ReportInvalid(invalid, path, isRoot);
                return;
            case OtherResource other:
                if (_options.ReportUnsupportedResources)
                {
                    _issues.Add(new FhirIssue(
                        IssueIds.UnsupportedResourceType,
                        IssueSeverity.Warning,
                        "not-supported",
                        $"{other.ResourceType} is not read by B12 CDS; skipped.",
                        path));
                }

                return;
            case Bundle bundle:
                for (var i = 0; i < bundle.Entry.Count; i++)
                {
                    var entry = bundle.Entry[i];
                    if (entry.Resource is { } r)
                    {
                        Visit(r, $"{path}.entry[{i}].resource", isRoot: false);
                    }

                    if (entry.Response?.Outcome is { } outcome)
                    {
                        Visit(outcome, $"{path}.entry[{i}].response.outcome", isRoot: false);
                    }
                }

                return;
            case Parameters parameters:
                VisitParameters(parameters.Parameter, $"{path}.parameter");
                return;
            case DomainResource domain:
                for (var i = 0; i < domain.Contained.Count; i++)
                {
                    Visit(domain.Contained[i], $"{path}.contained[{i}]", isRoot: false);
                }

                return;
        }
    }

    private void VisitParameters(IReadOnlyList<ParametersParameter> parameters, string path)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Resource is { } r)
            {
                Visit(r, $"{path}[{i}].resource", isRoot: false);
            }

            VisitParameters(parameters[i].Part, $"{path}[{i}].part");
        }
    }

    private void ReportInvalid(InvalidResource invalid, string path, bool isRoot)
    {
        var (id, code) = invalid.DeclaredType switch
        {
            null => (IssueIds.MissingResourceType, "required"),
            _ when invalid.ElementPath == "resourceType" => (IssueIds.UnknownResourceType, "not-supported"),
            _ => (IssueIds.InvalidElement, "value"),
        };

        var expression = invalid.ElementPath is null ? path : $"{path}.{invalid.ElementPath}";
        var consequence = isRoot ? "Nothing was read." : "This resource was skipped; the rest was read.";
        var (line, column) = invalid.Line is null ? PositionOf(invalid.ByteOffset) : (invalid.Line, invalid.Column);
        _issues.Add(new FhirIssue(id, isRoot ? IssueSeverity.Fatal : IssueSeverity.Error, code, $"{Capitalize(invalid.Problem)}. {consequence}", expression)
        {
            Line = line,
            Column = column,
        });
    }

    private (long? Line, long? Column) PositionOf(long byteOffset)
    {
        if (byteOffset < 0 || byteOffset >= _input.Length)
        {
            return (null, null);
        }

        long line = 1, lineStart = 0;
        for (var i = 0; i < byteOffset; i++)
        {
            if (_input[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, byteOffset - lineStart + 1);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
