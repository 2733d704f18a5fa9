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

    /// <summary>Reports problems in <paramref name="resource"/> and everything it contains.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="path">Its FHIRPath-style location.</param>
    /// <param name="isRoot">Whether it is the input's top-level resource.</param>
    /// <param name="parentOffset">The absolute byte offset of the resource containing it (0 for the root): offsets nest.</param>
    public void Visit(Resource resource, string path, bool isRoot, long parentOffset = 0)
    {
        var offset = parentOffset + resource.SourceOffset;
        switch (resource)
        {
            case InvalidResource invalid:
                ReportInvalid(invalid, path, isRoot, offset);
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
                    if (entry.Resource is { } r && MayHaveIssues(r))
                    {
                        Visit(r, $"{path}.entry[{i}].resource", isRoot: false, offset);
                    }

                    if (entry.Response?.Outcome is { } outcome)
                    {
                        Visit(outcome, $"{path}.entry[{i}].response.outcome", isRoot: false, offset);
                    }
                }

                return;
            case Parameters parameters:
                VisitParameters(parameters.Parameter, $"{path}.parameter", offset);
                return;
            case DomainResource domain:
                for (var i = 0; i < domain.Contained.Count; i++)
                {
                    Visit(domain.Contained[i], $"{path}.contained[{i}]", isRoot: false, offset);
                }

                return;
        }
    }

    /// <summary>Gets a value indicating whether visiting the resource can report anything: a typed resource with nothing nested cannot (and is skipped without building its path).</summary>
    private static bool MayHaveIssues(Resource resource) => resource switch
    {
        InvalidResource or OtherResource or Bundle or Parameters => true,
        DomainResource domain => domain.Contained.Count > 0,
        _ => false,
    };

    private void VisitParameters(IReadOnlyList<ParametersParameter> parameters, string path, long offset)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Resource is { } r)
            {
                Visit(r, $"{path}[{i}].resource", isRoot: false, offset);
            }

            VisitParameters(parameters[i].Part, $"{path}[{i}].part", offset);
        }
    }

    private void ReportInvalid(InvalidResource invalid, string path, bool isRoot, long offset)
    {
        var (id, code) = invalid.Kind switch
        {
            InvalidResourceKind.NotAnObject => (IssueIds.NotAResource, "structure"),
            InvalidResourceKind.MissingResourceType => (IssueIds.MissingResourceType, "required"),
            InvalidResourceKind.UnknownResourceType => (IssueIds.UnknownResourceType, "not-supported"),
            _ => (IssueIds.InvalidElement, "value"),
        };

        var expression = invalid.ElementPath is null ? path : $"{path}.{invalid.ElementPath}";
        var consequence = isRoot ? "Nothing was read." : "This resource was skipped; the rest was read.";
        var message = isRoot && invalid.Kind == InvalidResourceKind.NotAnObject
            ? $"The input is not a FHIR resource: {invalid.Problem}."
            : $"{Capitalize(invalid.Problem)}. {consequence}";

        // The reader reports a problem inside a resource relative to that resource's start; place it in the input.
        var (startLine, startColumn) = PositionOf(offset);
        var (line, column) = invalid.Line is { } relativeLine && startLine is { } l0 && startColumn is { } c0
            ? (l0 + relativeLine - 1, relativeLine == 1 ? c0 + invalid.Column - 1 : invalid.Column)
            : (startLine, startColumn);
        _issues.Add(new FhirIssue(id, isRoot ? IssueSeverity.Fatal : IssueSeverity.Error, code, message, isRoot && invalid.Kind == InvalidResourceKind.NotAnObject ? null : expression)
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
