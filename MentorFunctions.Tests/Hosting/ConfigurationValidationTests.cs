using MentorFunctions.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Tests.Hosting;

/// <summary>A deployment with missing settings fails at start-up with messages naming them, not at the first student message.</summary>
public sealed class ConfigurationValidationTests
{
    [Fact]
    public void Missing_settings_stop_the_app_at_start_up_with_their_names()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build());
        services.AddMentorFunctionsCore();
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var messages = error is AggregateException all
            ? string.Join("\n", all.InnerExceptions.Select(e => e.Message))
            : error.Message;
        Assert.Contains("Zulip:Bots:0:Site", messages);
        Assert.Contains("Storage:ConnectionString", messages);
        Assert.Contains("Endpoint", messages);
    }
}
