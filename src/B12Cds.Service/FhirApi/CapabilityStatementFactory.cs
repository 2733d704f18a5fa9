using System.Reflection;
using B12Cds.Fhir.Model;

namespace B12Cds.Service.FhirApi;

/// <summary>Describes the FHIR API (<c>GET /fhir/metadata</c>): PlanDefinition read and search, and <c>$apply</c>, with the software and rule-set versions.</summary>
internal static class CapabilityStatementFactory
{
    /// <summary>Gets the service's version: the assembly's informational version (without a build-metadata suffix), else its version.</summary>
    public static string SoftwareVersion { get; } = ReadSoftwareVersion();

    /// <summary>Builds the statement for the server at <paramref name="fhirBase"/>.</summary>
    /// <param name="fhirBase">The FHIR base URL, e.g. <c>https://cds.example.org/fhir</c>.</param>
    /// <param name="ruleSetVersion">The active rule-set version, or null when no valid rule set is loaded.</param>
    /// <param name="now">When the statement is made.</param>
    public static CapabilityStatement Create(string fhirBase, string? ruleSetVersion, DateTimeOffset now)
    {
        var rules = ruleSetVersion is null ? "no valid rule set is loaded" : $"rule set {ruleSetVersion}";
        return new CapabilityStatement
        {
            Id = "b12cds",
            Version = ruleSetVersion,
            Name = "B12CdsCapabilityStatement",
            Title = "B12 CDS FHIR R4 API",
            Status = "active",
            Experimental = false,
            Date = FhirDateTime.FromInstant(now),
            Publisher = "B12 CDS",
            Description = $"Vitamin B12 deficiency decision support as a FHIR R4 PlanDefinition ({rules}).",
            Kind = "instance",
            Software = new CapabilityStatementSoftware { Name = "B12 CDS", Version = SoftwareVersion },
            Implementation = new CapabilityStatementImplementation { Description = $"B12 CDS {SoftwareVersion}, {rules}", Url = fhirBase },
            FhirVersion = "4.0.1",
            Format = [FhirApiUris.FhirJson, "json"],
            Rest =
            [
                new CapabilityStatementRest
                {
                    Mode = "server",
                    Documentation = "The rule set is published as PlanDefinition/" + FhirApiUris.PlanDefinitionId +
                        ". $apply takes a Parameters body (subject, data Bundle, optional asOf, profile, returnType) or a plain Bundle, and returns a CarePlan.",
                    Resource =
                    [
                        new CapabilityStatementResource
                        {
                            Type = "PlanDefinition",
                            Profile = "http://hl7.org/fhir/StructureDefinition/PlanDefinition",
                            Interaction =
                            [
                                new CapabilityStatementInteraction { Code = "read" },
                                new CapabilityStatementInteraction { Code = "search-type" },
                            ],
                            SearchParam =
                            [
                                new CapabilityStatementSearchParam { Name = "_id", Type = "token", Definition = "http://hl7.org/fhir/SearchParameter/Resource-id" },
                                new CapabilityStatementSearchParam { Name = "url", Type = "uri", Definition = "http://hl7.org/fhir/SearchParameter/PlanDefinition-url" },
                                new CapabilityStatementSearchParam { Name = "version", Type = "token", Definition = "http://hl7.org/fhir/SearchParameter/PlanDefinition-version" },
                            ],
                            Operation =
                            [
                                new CapabilityStatementOperation
                                {
                                    Name = "apply",
                                    Definition = FhirApiUris.ApplyOperationDefinition,
                                    Documentation = "Also accepts the CPG `data` Bundle, `asOf` (evaluation date, default now), `profile` (us|uk) and `returnType` (CarePlan|Bundle).",
                                },
                            ],
                        },
                    ],
                },
            ],
        };
    }

    private static string ReadSoftwareVersion()
    {
        var assembly = typeof(CapabilityStatementFactory).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrWhiteSpace(informational))
        {
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }

        return assembly.GetName().Version?.ToString() ?? "0.0.0";
    }
}
