using Microsoft.Extensions.Options;

namespace B12Cds.Service.Security;

/// <summary>Checks the request-limit settings of <see cref="ServiceOptions"/> at start: a positive body limit and CORS origins that are plain origins.</summary>
internal sealed class RequestLimitsOptionsValidator : IValidateOptions<ServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaxRequestBodyBytes <= 0)
        {
            errors.Add($"{ServiceOptions.Section}:MaxRequestBodyBytes must be positive.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            var valid = Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && uri.GetLeftPart(UriPartial.Authority).Equals(origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
            if (!valid)
            {
                errors.Add($"{ServiceOptions.Section}:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port], no path, no wildcard).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
