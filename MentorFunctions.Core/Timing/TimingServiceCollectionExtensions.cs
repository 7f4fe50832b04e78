using Microsoft.Extensions.DependencyInjection;

namespace MentorFunctions.Core.Timing;

public static class TimingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TimingOptions"/> (section "Timing"), <see cref="DelayPlanner"/> and <see cref="UrgencyScorer"/>.</summary>
    public static IServiceCollection AddMentorTiming(this IServiceCollection services)
    {
        services.AddOptions<TimingOptions>()
            .BindConfiguration(TimingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.MinDelay >= TimeSpan.Zero && o.MaxDelay >= o.MinDelay, "Timing: need 0 <= MinDelay <= MaxDelay.")
            .ValidateOnStart();
        services.AddSingleton<DelayPlanner>();
        services.AddSingleton<UrgencyScorer>();
        return services;
    }
}
