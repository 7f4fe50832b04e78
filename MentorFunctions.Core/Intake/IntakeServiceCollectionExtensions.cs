using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WebhookIntake"/>, the mentor registry (Table Storage behind a short cache) as
    /// <see cref="IMentorRegistry"/>, and <see cref="HelpCommandHandler"/> as the fallback <see cref="ICommandHandler"/>.
    /// Everything is TryAdd, so a real command handler (or a test double) registered before or after wins.
    /// Expects TableStore, TimeProvider, IOptions&lt;ZulipOptions&gt; and logging from the host.
    /// </summary>
    public static IServiceCollection AddMentorIntake(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MentorRegistryOptions>().BindConfiguration(MentorRegistryOptions.Section);
        services.TryAddSingleton<TableMentorRegistry>();
        services.TryAddSingleton<IMentorRegistry>(sp => new CachedMentorRegistry(
            sp.GetRequiredService<TableMentorRegistry>(),
            sp.GetRequiredService<IOptions<MentorRegistryOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ICommandHandler, HelpCommandHandler>();
        services.AddPairConsent();
        services.TryAddSingleton<WebhookIntake>();
        return services;
    }
}
