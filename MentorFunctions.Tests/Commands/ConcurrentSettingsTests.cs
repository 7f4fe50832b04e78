using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFunctions.Tests.Commands;

/// <summary>
/// Two instances of the app over the same tables, each with the registry cache production uses (30 s): a setting one
/// instance writes must survive a different setting the other writes, though the other's cache still holds the record
/// from before the first write.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrentSettingsTests(AzuriteFixture azurite)
{
    private const long Ann = 11;
    private static readonly TimeSpan ProductionCache = new MentorRegistryOptions().CacheTtl;

    private async Task<(ControlsHarness A, ControlsHarness B)> TwoInstancesAsync(string hint)
    {
        var a = new ControlsHarness(azurite, hint, registryCache: ProductionCache);
        var b = new ControlsHarness(azurite, hint, store: a.Store, registryCache: ProductionCache);
        await a.AddMentorAsync(Ann, "Ann Lee");
        // Both instances have answered Ann before, so both caches hold her record as it is now.
        Assert.Contains("not paused", await a.SayAsync(Ann, "status"));
        Assert.Contains("not paused", await b.SayAsync(Ann, "status"));
        return (a, b);
    }

    private static async Task<MentorRecord> StoredAsync(ControlsHarness h) => (await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!;

    [Fact]
    public async Task A_pause_on_one_instance_survives_a_persona_on_another()
    {
        var (a, b) = await TwoInstancesAsync("settingspair");

        Assert.Contains("2 hours", await a.SayAsync(Ann, "pause 2h"));
        Assert.Contains("Persona note saved", await b.SayAsync(Ann, "persona I teach Rust; keep it brief"));
        Assert.Contains("draft", await b.SayAsync(Ann, "mode draft"));
        Assert.Contains("Quiet hours set", await a.SayAsync(Ann, "quiet 22-7 Europe/Lisbon"));

        var stored = await StoredAsync(a);
        Assert.Equal(a.Time.GetUtcNow().AddHours(2), stored.PausedUntil);
        Assert.Equal("I teach Rust; keep it brief", stored.Persona);
        Assert.Equal(ReplyMode.Draft, stored.Mode);
        Assert.Equal(new MentorQuietHours(22, 7, "Europe/Lisbon"), stored.QuietHours);

        // The answer describes the record as stored, not instance A's cached copy (which still says `auto`).
        Assert.Contains("back in `draft` mode", await a.SayAsync(Ann, "resume"));
        Assert.Null((await StoredAsync(a)).PausedUntil);
        Assert.Equal("I teach Rust; keep it brief", (await StoredAsync(a)).Persona);
    }

    [Fact]
    public async Task Settings_changed_at_the_same_moment_on_two_instances_all_survive()
    {
        var (a, b) = await TwoInstancesAsync("settingsrace");

        await Task.WhenAll(
            Task.Run(() => a.SayAsync(Ann, "pause 2h")),
            Task.Run(() => b.SayAsync(Ann, "persona Warm and brief")),
            Task.Run(() => a.SayAsync(Ann, "quiet 23-6 UTC")),
            Task.Run(() => b.SayAsync(Ann, "mode draft")));

        var stored = await StoredAsync(a);
        Assert.Equal(a.Time.GetUtcNow().AddHours(2), stored.PausedUntil);
        Assert.Equal("Warm and brief", stored.Persona);
        Assert.Equal(new MentorQuietHours(23, 6, "UTC"), stored.QuietHours);
        Assert.Equal(ReplyMode.Draft, stored.Mode);
    }

    [Fact]
    public async Task A_setting_for_a_mentor_removed_meanwhile_does_not_register_them_again()
    {
        var (a, b) = await TwoInstancesAsync("settingsgone");
        var cached = (await b.Provider.GetRequiredService<IMentorRegistry>().GetMentorAsync(ControlsHarness.Bot, Ann))!;
        Assert.True(await a.Registry.RemoveMentorAsync(ControlsHarness.Bot, Ann));

        // B's cache still says Ann is a mentor; the write finds no record and leaves none.
        Assert.Null(await b.Provider.GetRequiredService<MentorControls>().PauseAsync(cached, TimeSpan.FromHours(1), default));
        Assert.Contains("only registered mentors", await b.SayAsync(Ann, "persona hello"));
        Assert.Null(await a.Registry.GetMentorAsync(ControlsHarness.Bot, Ann));
    }
}
