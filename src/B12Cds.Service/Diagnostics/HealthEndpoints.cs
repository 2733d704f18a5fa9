using B12Cds.Rules.Hosting;

namespace B12Cds.Service.Diagnostics;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (a valid rule set is loaded).</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Json(new HealthStatus("live", null, null)))
            .WithName("HealthLive")
            .WithTags("Health")
            .AllowAnonymous();

        app.MapGet("/health/ready", (RuleSetProvider rules) => rules.Current is { } ruleSet
                ? Results.Json(new HealthStatus("ready", ruleSet.Version, rules.LastLoaded))
                : Results.Json(new HealthStatus("not ready: no valid rule set is loaded", null, null), statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithName("HealthReady")
            .WithTags("Health")
            .AllowAnonymous();
    }

    private sealed record HealthStatus(string Status, string? RuleSetVersion, DateTimeOffset? LoadedAt);
}
