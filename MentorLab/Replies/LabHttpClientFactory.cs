namespace MentorLab.Replies;

/// <summary>The one HttpClient the model client sends through (the Functions app gets its client from DI instead).</summary>
internal sealed class LabHttpClientFactory(HttpClient client) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => client;
}
