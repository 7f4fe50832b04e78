using MentorFunctions.Core.Hosting;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFunctions;

/// <summary>What the Functions worker registers beyond the Functions defaults: Core, and the shell's Durable adapters.</summary>
public static class ShellServiceCollectionExtensions
{
    /// <summary>Program.cs calls this; the Durable test host composes the worker the same way.</summary>
    public static IServiceCollection AddMentorFunctionsShell(this IServiceCollection services)
    {
        services.AddMentorFunctionsCore();
        // Lets Durable's retry handler see a step's Retry-After (TransientStepException) in the failure details.
        services.TryAddSingleton<IExceptionPropertiesProvider, TransientStepExceptionProperties>();
        return services;
    }
}
