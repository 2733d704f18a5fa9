using Microsoft.Extensions.Options;

namespace B12Cds.Service.Security;

/// <summary>Checks <see cref="SecurityOptions"/> at start, so a misconfigured allowlist stops the service instead of refusing calls one by one.</summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        const string S = SecurityOptions.Section;

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{S}:ClockSkew must be between 0 and 5 minutes.");
        }

        if (options.MaxTokenLifetime <= TimeSpan.Zero || options.MaxTokenLifetime > TimeSpan.FromHours(24))
        {
            errors.Add($"{S}:MaxTokenLifetime must be positive and at most 24 hours.");
        }

        if (options.JwksCacheDuration <= TimeSpan.Zero)
        {
            errors.Add($"{S}:JwksCacheDuration must be positive.");
        }

        if (options.JwksMinimumRefreshInterval < TimeSpan.Zero)
        {
            errors.Add($"{S}:JwksMinimumRefreshInterval must not be negative.");
        }

        if (options.JwksFetchTimeout <= TimeSpan.Zero || options.JwksFetchTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{S}:JwksFetchTimeout must be positive and at most 1 minute.");
        }

        if (options.JwksMaxResponseBytes <= 0)
        {
            errors.Add($"{S}:JwksMaxResponseBytes must be positive.");
        }

        if (options.ReplayCacheCapacity <= 0)
        {
            errors.Add($"{S}:ReplayCacheCapacity must be positive.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.TrustedIssuers.Count; i++)
        {
            var issuer = options.TrustedIssuers[i];
            var at = $"{S}:TrustedIssuers:{i}";
            if (string.IsNullOrWhiteSpace(issuer.Issuer))
            {
                errors.Add($"{at}:Issuer is required.");
            }
            else if (!seen.Add(issuer.Issuer))
            {
                errors.Add($"{at}:Issuer '{issuer.Issuer}' is listed twice.");
            }

            if (string.IsNullOrEmpty(issuer.JwksUrl) && issuer.AllowedJkuUrls.Count == 0)
            {
                errors.Add($"{at} needs a JwksUrl or at least one AllowedJkuUrls entry: its keys must come from somewhere.");
            }

            foreach (var url in issuer.AllowedJkuUrls.Prepend(issuer.JwksUrl).OfType<string>())
            {
                if (!IsKeySetUrl(url))
                {
                    errors.Add($"{at}: '{url}' is not an absolute https URL (http only for localhost).");
                }
            }

            if (issuer.Tenants.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{at}:Tenants has an empty entry.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsKeySetUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
