using MentorFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFunctions.Core.Style;

public static class StyleServiceCollectionExtensions
{
    /// <summary>
    /// The style profiles: <see cref="ProfileStore"/> as <see cref="IMessageRecorder"/> and <see cref="IStyleProfileReader"/>.
    /// Needs <see cref="TableStore"/> and <see cref="TimeProvider"/> from the host; options from section "Style".
    /// </summary>
    public static IServiceCollection AddMentorStyle(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StyleOptions>().BindConfiguration(StyleOptions.Section);
        services.TryAddSingleton<ProfileStore>();
        services.TryAddSingleton<IMessageRecorder>(sp => sp.GetRequiredService<ProfileStore>());
        services.TryAddSingleton<IStyleProfileReader>(sp => sp.GetRequiredService<ProfileStore>());
        return services;
    }
}
