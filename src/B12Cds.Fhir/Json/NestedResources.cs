using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>The resources a resource holds directly: Bundle entries and outcomes, Parameters values, contained resources.</summary>
internal static class NestedResources
{
    /// <summary>Moves the <see cref="Resource.SourceOffset"/> of each resource held directly by <paramref name="resource"/>.</summary>
    public static void ShiftOffsets(Resource resource, long by)
    {
        switch (resource)
        {
            case Bundle bundle:
                foreach (var entry in bundle.Entry)
                {
                    Shift(entry.Resource, by);
                    Shift(entry.Response?.Outcome, by);
                }

                break;
            case Parameters parameters:
                ShiftParameters(parameters.Parameter, by);
                break;
            case DomainResource domain:
                foreach (var contained in domain.Contained)
                {
                    Shift(contained, by);
                }

                break;
        }
    }

    private static void ShiftParameters(IReadOnlyList<ParametersParameter> parameters, long by)
    {
        foreach (var parameter in parameters)
        {
            Shift(parameter.Resource, by);
            ShiftParameters(parameter.Part, by);
        }
    }

    private static void Shift(Resource? resource, long by)
    {
        if (resource is not null)
        {
            resource.SourceOffset += by;
        }
    }
}
