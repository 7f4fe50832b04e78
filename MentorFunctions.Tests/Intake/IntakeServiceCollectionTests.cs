using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Intake;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Tests.Intake;

[Collection(AzuriteCollection.Name)]
public sealed class IntakeServiceCollectionTests(AzuriteFixture azurite)
{
    private ServiceProvider Build(Action<IServiceCollection>? extra = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MentorRegistry:CacheTtl"] = "00:00:05",
            ["Zulip:Bots:0:Site"] = "https://mentoring.zulip.example.com",
            ["Zulip:Bots:0:Email"] = IntakeTestData.BotEmail,
            ["Zulip:Bots:0:ApiKey"] = "not-used",
            ["Zulip:Bots:0:WebhookToken"] = IntakeTestData.Token,
        }).Build();
        var services = new ServiceCollection();
        // What the host provides.
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(azurite.CreateStore("di"));
        services.AddOptions<ZulipOptions>().BindConfiguration(ZulipOptions.Section);
        extra?.Invoke(services);
        services.AddMentorIntake();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task Registers_a_working_intake_over_the_cached_table_registry()
    {
        using var provider = Build();

        Assert.IsType<CachedMentorRegistry>(provider.GetRequiredService<IMentorRegistry>());
        Assert.IsType<HelpCommandHandler>(provider.GetRequiredService<ICommandHandler>());
        Assert.Equal(TimeSpan.FromSeconds(5), provider.GetRequiredService<IOptions<MentorRegistryOptions>>().Value.CacheTtl);
        Assert.Same(provider.GetRequiredService<WebhookIntake>(), provider.GetRequiredService<WebhookIntake>());

        var outcome = await provider.GetRequiredService<WebhookIntake>()
            .HandleAsync(IntakeTestData.Bytes("group-dm.json"), "application/json", CancellationToken.None);
        Assert.Equal(IgnoreReason.NoMentor, outcome.IgnoreReason); // authenticated against configuration, classified against storage
    }

    [Fact]
    public void A_real_command_handler_registered_first_is_kept()
    {
        var handler = new RecordingCommandHandler(_ => CommandReply.None);
        using var provider = Build(s => s.AddSingleton<ICommandHandler>(handler));
        Assert.Same(handler, provider.GetRequiredService<ICommandHandler>());
    }
}
