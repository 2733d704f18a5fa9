using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using B12Cds.Fhir.Model;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace B12Cds.Service.Prefetch;

/// <summary>Fetching one key from the EHR's FHIR server: the pages, the attempts through the pipeline, and what each failure means.</summary>
public sealed partial class PrefetchResolver
{
    private async Task<PrefetchKeyResult> FetchAsync(PrefetchTemplate template, FetchStart start, string? token, string? patientId, string callId, CancellationToken deadline)
    {
        var started = _time.GetTimestamp();
        var server = start.Server;
        var pipeline = _pipelines.For(server);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var entries = start.Entries;
        var problems = start.Problems;
        var pages = start.Pages;
        var status = 0;
        var result = default(PrefetchKeyResult);
        try
        {
            for (Uri? next = start.First; next is not null;)
            {
                pages++;
                using var response = await pipeline.ExecuteAsync(
                    static (state, ct) => SendAsync(state.Client, state.Uri, state.Token, state.MaxBytes, ct),
                    (Client: client, Uri: next, Token: token, MaxBytes: _options.MaxResponseBytes),
                    deadline).ConfigureAwait(false);
                status = (int)response.StatusCode;
                var body = response.Content is ByteArrayContent ? await response.Content.ReadAsByteArrayAsync(deadline).ConfigureAwait(false) : [];
                if (!response.IsSuccessStatusCode)
                {
                    result = Failure(template, response.StatusCode, body, patientId);
                    break;
                }

                var page = PrefetchReader.Read(body, template.Area, patientId);
                problems.AddRange(page.Problems);
                if (page.Kind != PageKind.Data)
                {
                    result = FromPage(template, start.OkState, page with { Problems = problems });
                    break;
                }

                entries.AddRange(page.Entries);
                next = null;
                if (page.Next is { } link)
                {
                    if (pages >= _options.MaxPages)
                    {
                        problems.Add($"only the first {pages.ToString(CultureInfo.InvariantCulture)} pages were read");
                    }
                    else if (Uri.TryCreate(server, link, out var linkUri) && IsOnServer(linkUri, server))
                    {
                        next = linkUri;
                    }
                    else
                    {
                        problems.Add("a next page on another server was not followed");
                    }
                }
            }

            result ??= Result(template, start.OkState, Join(problems), entries);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            result = Result(template, PrefetchKeyState.TimedOut, "the EHR's FHIR server did not answer in time");
        }
        catch (BrokenCircuitException)
        {
            result = Failed(template, callId, "the EHR's FHIR server is not answering (circuit open)", "circuit open");
        }
        catch (TimeoutRejectedException)
        {
            result = Failed(template, callId, $"the EHR's FHIR server did not answer within {_options.AttemptTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms, {(_options.MaxRetries + 1).ToString(CultureInfo.InvariantCulture)} times", "attempt timeouts");
        }
        catch (ResponseTooLargeException ex)
        {
            result = Failed(template, callId, $"the EHR's FHIR server sent more than {ex.Limit.ToString(CultureInfo.InvariantCulture)} bytes", "response too large");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            result = Failed(template, callId, "the EHR's FHIR server could not be reached", ex.GetType().Name);
        }

        var elapsed = ElapsedMs(started);
        PrefetchLog.KeyFetched(_logger, callId, template.Key, result.State, elapsed, result.Resources.Count, pages, status);

        return result;
    }

    private PrefetchKeyResult Failed(PrefetchTemplate template, string callId, string problem, string reason)
    {
        PrefetchLog.FetchFailed(_logger, callId, template.Key, reason);
        return Result(template, PrefetchKeyState.Failed, problem);
    }

    /// <summary>An error status: an OperationOutcome in the body is reported as such; otherwise the status is.</summary>
    private static PrefetchKeyResult Failure(PrefetchTemplate template, HttpStatusCode status, byte[] body, string? patientId)
    {
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        if (body.Length > 0 && PrefetchReader.Read(body, template.Area, patientId) is { Kind: PageKind.OperationOutcome } outcome)
        {
            return Result(template, PrefetchKeyState.OperationOutcome, $"HTTP {code}: {Join(outcome.Problems)}");
        }

        var why = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "refused access",
            HttpStatusCode.NotFound => "found nothing at the query",
            _ when (int)status is >= 300 and < 400 => "redirected elsewhere (not followed)",
            _ => "answered with an error",
        };
        return Result(template, PrefetchKeyState.Failed, $"the EHR's FHIR server {why} (HTTP {code})");
    }

    /// <summary>One attempt: GET with the FHIR JSON media type and the bearer token, the body read (up to the limit) within the attempt's time.</summary>
    private static async ValueTask<HttpResponseMessage> SendAsync(HttpClient client, Uri uri, string? token, long maxBytes, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
        if (!string.IsNullOrEmpty(token))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (FhirServerPipelines.IsTransient(response.StatusCode))
        {
            return response; // retried (or given up on) without reading the body
        }

        try
        {
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new ResponseTooLargeException(maxBytes);
            }

            var buffer = new MemoryStream();
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        throw new ResponseTooLargeException(maxBytes);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }

            var old = response.Content;
            response.Content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
            old.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Where a key's fetch starts: the server, the first URL, the state when it succeeds, and the pages already in hand (a paged prefetch).</summary>
    private sealed record FetchStart(Uri Server, Uri First, PrefetchKeyState OkState, List<BundleEntry> Entries, List<string> Problems, int Pages);
}
