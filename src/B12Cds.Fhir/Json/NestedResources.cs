using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json;

/// <summary>The resources a resource holds directly: Bundle entries and outcomes, Parameters values, contained resources.</summary>
internal static class NestedResources
{
    /// <summary>Moves the <see cref="Resource.SourceOffset"/> of each resource held directly by <paramref name="resource"/>.</summary>
    public static void ShiftOffsets(Resource resource, long by) => ForEach(resource, by, static (nested, by) => nested.SourceOffset += by);

    /// <summary>Calls <paramref name="action"/> on each resource held directly by <paramref name="resource"/>, with <paramref name="state"/>.</summary>
    public static void ForEach<TState>(Resource resource, TState state, Action<Resource, TState> action)
    {
        switch (resource)
        {
            case Bundle bundle:
                foreach (var entry in bundle.Entry)
                {
                    Call(entry.Resource, state, action);
                    Call(entry.Response?.Outcome, state, action);
                }

                break;
            case Parameters parameters:
                ForEachParameter(parameters.Parameter, state, action);
                break;
            case DomainResource domain:
                foreach (var contained in domain.Contained)
                {
                    action(contained, state);
                }

                break;
        }
    }

    private static void ForEachParameter<TState>(IReadOnlyList<ParametersParameter> parameters, TState state, Action<Resource, TState> action)
    {
        foreach (var parameter in parameters)
        {
            Call(parameter.Resource, state, action);
            ForEachParameter(parameter.Part, state, action);
        }
    }

    private static void Call<TState>(Resource? resource, TState state, Action<Resource, TState> action)
    {
        if (resource is not null)
        {
            action(resource, state);
        }
    }
}
