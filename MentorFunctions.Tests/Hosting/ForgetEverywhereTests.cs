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

    /// <summary>Every entity, in every table of this app's prefix, that names the user by id (padded or plain, in keys or values) or email.</summary>
    private static async Task<List<string>> EntitiesAboutAsync(MentorApp app, MentorApp.User user)
    {
        var store = app.Get<TableStore>();
        var prefix = store.TableName("");
        var padded = TableKeys.Id(user.Id);
        var hits = new List<string>();
        await foreach (var t in store.Service.QueryAsync(filter: (string?)null))
        {
            if (!t.Name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            await foreach (var e in store.Service.GetTableClient(t.Name).QueryAsync<TableEntity>())
            {
                var keys = e.PartitionKey + "/" + e.RowKey;
                var mentions = keys.Contains(padded)
                               || ConversationPartitions.Involves(e.PartitionKey, user.Id)
                               || e.RowKey.Split('-').Contains(user.Id.ToString())
                               || e.Where(kv => kv.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                                   .Any(kv => kv.Value is long l && l == user.Id || kv.Value is int i && i == user.Id
                                              || kv.Value is string s && s.Contains(user.Email, StringComparison.OrdinalIgnoreCase));
                if (mentions) hits.Add($"{t.Name}/{keys}");
            }
        }
        return hits;
    }
}

/// <summary>The virtual-clock host runs the workflow without Durable: there is no task hub history to purge.</summary>
internal sealed class NoDurableHistories : IConversationHistories
{
    public Task<int> PurgeUserAsync(string botEmail, long userId, CancellationToken cancellationToken) => Task.FromResult(0);
}
