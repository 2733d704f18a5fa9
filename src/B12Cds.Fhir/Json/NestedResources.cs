using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>The resources a resource holds directly: Bundle entries and outcomes, Parameters values, contained resources.</summary>
internal static class NestedResources
{
    /// <summary>Moves the <see cref="Resource.SourceOffset"/> of each resource held directly by <paramref name="resource"/>.</summary>
    public static void ShiftOffsets(Resource resource, long by) => ForEach(resource, nested => nested.SourceOffset += by);

    /// <summary>Calls <paramref name="action"/> on each resource held directly by <paramref name="resource"/>.</summary>
    public static void ForEach(Resource resource, Action<Resource> action)
    {
        switch (resource)
        {
            case Bundle bundle:
                foreach (var entry in bundle.Entry)
                {
                    Call(entry.Resource, action);
                    Call(entry.Response?.Outcome, action);
                }

                break;
            case Parameters parameters:
                ForEachParameter(parameters.Parameter, action);
                break;
            case DomainResource domain:
                foreach (var contained in domain.Contained)
                {
                    action(contained);
                }

                break;
        }
    }

    private static void ForEachParameter(IReadOnlyList<ParametersParameter> parameters, Action<Resource> action)
    {
        foreach (var parameter in parameters)
        {
            Call(parameter.Resource, action);
            ForEachParameter(parameter.Part, action);
        }
    }

    private static void Call(Resource? resource, Action<Resource> action)
    {
        if (resource is not null)
        {
            action(resource);
        }
    }
}
