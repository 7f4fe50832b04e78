using Microsoft.Extensions.Hosting;

namespace MentorFunctions;

/// <summary>
/// Everything Program.cs adds to the Functions worker's builder. The start-up test builds the worker through this same
/// method, so a registration or options mistake fails CI rather than the first request in Azure.
/// </summary>
public static class MentorWorker
{
    public static IHostApplicationBuilder Configure(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMentorFunctionsShell();
        builder.Services.AddMentorTelemetry(builder.Configuration);
        return builder;
    }
}
