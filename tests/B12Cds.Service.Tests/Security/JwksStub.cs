using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace B12Cds.Service.Tests.Security;

/// <summary>Publishes JWK Sets at URLs without a network; can be taken down; counts the requests per URL.</summary>
internal sealed class JwksStub : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    public bool Down { get; set; }

    public void Publish(string url, params TestSigningKey[] keys) => _documents[url] = TestSigningKey.JwksJson(keys);

    public void PublishJson(string url, string json) => _documents[url] = json;

    public int Requests(string url) => _requests.TryGetValue(url, out var count) ? count : 0;

    public int TotalRequests => _requests.Values.Sum();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        _requests.AddOrUpdate(url, 1, (_, n) => n + 1);
        if (Down)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }

        return Task.FromResult(_documents.TryGetValue(url, out var json)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    /// <summary>An <see cref="IHttpClientFactory"/> whose clients all go to this stub.</summary>
    public IHttpClientFactory ClientFactory() => new Factory(this);

    /// <summary>A handler that forwards to the stub, for IHttpClientFactory to own (and dispose) instead of the stub.</summary>
    public HttpMessageHandler Forwarder() => new ForwardingHandler(this);

    private sealed class Factory(JwksStub stub) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(stub, disposeHandler: false);
    }

    private sealed class ForwardingHandler(JwksStub stub) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            stub.SendAsync(request, cancellationToken);
    }
}
