using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace MentorFunctions.Tests.Durable;

/// <summary>
/// The little of the isolated worker's HTTP model a shell HTTP function uses (body, headers, URL, a response to write),
/// so a test can call the shell's own function method, as the worker would, with a real DurableTaskClient beside it.
/// </summary>
public static class ShellHttp
{
    public static (HttpRequestData Request, FunctionContext Context) Post(IServiceProvider services, Uri url, byte[] body, string contentType)
    {
        var context = new HttpFunctionContext(services);
        var request = new TestRequest(context, "POST", url, body);
        request.Headers.Add("Content-Type", contentType);
        return (request, context);
    }

    public static string ReadBody(HttpResponseData response)
    {
        response.Body.Position = 0;
        return new StreamReader(response.Body, Encoding.UTF8).ReadToEnd();
    }

    private sealed class TestRequest(FunctionContext context, string method, Uri url, byte[] body) : HttpRequestData(context)
    {
        public override Stream Body { get; } = new MemoryStream(body, writable: false);
        public override HttpHeadersCollection Headers { get; } = [];
        public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];
        public override Uri Url { get; } = url;
        public override IEnumerable<ClaimsIdentity> Identities { get; } = [];
        public override string Method { get; } = method;
        public override HttpResponseData CreateResponse() => new TestResponse(FunctionContext);
    }

    private sealed class TestResponse(FunctionContext context) : HttpResponseData(context)
    {
        public override HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;
        public override HttpHeadersCollection Headers { get; set; } = [];
        public override Stream Body { get; set; } = new MemoryStream();
        public override HttpCookies Cookies { get; } = new NoCookies();
    }

    private sealed class NoCookies : HttpCookies
    {
        public override void Append(string name, string value) => throw new NotSupportedException();
        public override void Append(IHttpCookie cookie) => throw new NotSupportedException();
        public override IHttpCookie CreateNew() => throw new NotSupportedException();
    }

    private sealed class HttpFunctionContext(IServiceProvider services) : FunctionContext
    {
        public override string InvocationId { get; } = Guid.NewGuid().ToString("N");
        public override string FunctionId => nameof(ZulipWebhook);
        public override TraceContext TraceContext => throw new NotSupportedException();
        public override BindingContext BindingContext => throw new NotSupportedException();
        public override RetryContext RetryContext => throw new NotSupportedException();
        public override IServiceProvider InstanceServices { get; set; } = services;
        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();
        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
        public override IInvocationFeatures Features => throw new NotSupportedException();
        public override CancellationToken CancellationToken => CancellationToken.None;
    }
}
