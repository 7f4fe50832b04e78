using MentorFunctions.Core.Privacy;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Hosting;

/// <summary>`forget` across every store of the composed app: registry, profiles, drafts, audit, ledger, limits.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ForgetEverywhereTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly MentorApp.User Ana = new(101, "ana@mentoring.example.com", "Ana Lima");
    private static readonly MentorApp.User Sam = new(201, "sam@mentoring.example.com", "Sam Park");
    private static readonly MentorApp.User Kim = new(202, "kim@mentoring.example.com", "Kim Lee");

    [Theory]
    [InlineData(201)]
    [InlineData(101)]
    public async Task After_forget_no_table_holds_anything_about_the_user(long userId)
    {
        await using var app = new MentorApp(azurite, Monday10);
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
        // Conversations with two students: style learning, an AI reply (audit, ledger, limits) and a pending draft.
        foreach (var student in new[] { Sam, Kim })
        {
            await app.GroupMessageAsync(student, Ana, "Hello, how do I start the project?");
            await app.Host.AdvanceAsync(TimeSpan.FromMinutes(2));
            await app.GroupMessageAsync(Ana, student, "Hey! Start with the README, then ping me.");
            await app.Host.AdvanceAsync(TimeSpan.FromMinutes(2));
            await app.GroupMessageAsync(student, Ana, "Thanks! And the tests?");
            await app.Host.AdvanceAsync(TimeSpan.FromHours(1));
        }
        Assert.Equal(2, app.Zulip.BotMessagesTo(Ana.Id, Sam.Id).Count + app.Zulip.BotMessagesTo(Ana.Id, Kim.Id).Count);
        await app.DirectMessageAsync(Ana, "mode draft");
        await app.GroupMessageAsync(Sam, Ana, "One more thing?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));

        var user = userId == Ana.Id ? Ana : Sam;
        var other = userId == Ana.Id ? Kim : Kim; // Kim's data with nobody but Ana must stay when Sam forgets.
        Assert.NotEmpty(await EntitiesAboutAsync(app, user));

        var ask = await app.DirectMessageAsync(user, "forget");
        var code = Code().Match(ask.ResponseJson).Groups[1].Value;
        Assert.NotEmpty(code);
        var done = await app.DirectMessageAsync(user, $"forget confirm {code}");
        Assert.Contains("Done", done.ResponseJson);

        // Only the queued purge of the user's orchestration histories still names them, until the maintenance run
        // (every 5 minutes in Azure) carries it out. The virtual-clock host keeps no Durable history to purge; the
        // Durable test host's ForgetEverywhereTests purges a real one.
        Assert.All(await EntitiesAboutAsync(app, user), row => Assert.Contains(HistoryPurgeRequests.TableName, row));
        var report = await app.Get<PrivacyMaintenance>().RunAsync(new NoDurableHistories(), CancellationToken.None);
        Assert.Equal(1, report.UsersPurged);
        Assert.Empty(await EntitiesAboutAsync(app, user));
        if (userId == Sam.Id)
        {
            Assert.NotEmpty(await EntitiesAboutAsync(app, other));
            Assert.NotNull(await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id));
        }
    }

    [GeneratedRegex(@"forget confirm ([A-Z0-9]+)")]
    private static partial Regex Code();

    private static Task<List<string>> EntitiesAboutAsync(MentorApp app, MentorApp.User user) =>
        StoredRows.MentioningAsync(app.Get<TableStore>(), user.Id, user.Email);
}
