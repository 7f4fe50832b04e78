using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Timing;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorFunctions.Tests.Timing;

/// <summary>The organisation's week as the prior of each mentor's active hours: computed, stored nowhere, refreshed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrganisationActivityTests(AzuriteFixture azurite)
{
    private const string Bot = "mentor-bot@zulip.example.com";
    private const string OtherBot = "other-bot@zulip.example.com";
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static long[] Counts(params (int Hour, long Count)[] cells)
    {
        var counts = new long[ActivityPattern.Hours];
        foreach (var (hour, count) in cells) counts[hour] = count;
        return counts;
    }

    [Fact]
    public void The_organisations_pattern_is_everyones_hours_summed_with_neighbouring_hours_shared()
    {
        var sum = Counts((0, 4), (10, 8), (167, 4));
        var shares = ActivityPattern.Shares(sum);
        Assert.Equal(1, shares.Sum(), 12);
        // Recomputed by hand: half an hour's own count plus a quarter of each neighbour's, over the 16 messages.
        Assert.Equal((0.5 * 4 + 0.25 * 4) / 16, shares[0], 12);
        Assert.Equal((0.5 * 4 + 0.25 * 4) / 16, shares[167], 12);
        Assert.Equal(0.25 * 4 / 16, shares[1], 12);
        Assert.Equal(0.5 * 8 / 16, shares[10], 12);
        Assert.Equal(0.25 * 8 / 16, shares[11], 12);
        Assert.Empty(ActivityPattern.Shares(new long[ActivityPattern.Hours]));
        Assert.Same(OrganisationWeek.None, ActivityPattern.Organisation([new long[ActivityPattern.Hours]]));
    }

    [Fact]
    public void The_concentration_is_large_where_mentors_keep_the_same_hours_and_small_where_they_do_not()
    {
        var random = new Random(5);
        long[] Mentor(Func<int> hour, int messages)
        {
            var counts = new long[ActivityPattern.Hours];
            for (var i = 0; i < messages; i++) counts[hour()]++;
            return counts;
        }
        // Ten mentors drawing from one timetable (weekday office hours): the others' week predicts each of them well.
        int Office() => random.Next(5) * 24 + 9 + random.Next(8);
        var alike = ActivityPattern.Organisation(Enumerable.Range(0, 10).Select(_ => Mentor(Office, 60)).ToList());
        // Ten mentors each keeping their own three hours of the week: the others' week says little about anyone.
        var apart = ActivityPattern.Organisation(Enumerable.Range(0, 10).Select(m => Mentor(() => (m * 16 + random.Next(3)) % ActivityPattern.Hours, 60)).ToList());
        Assert.Equal(10, alike.Mentors);
        Assert.True(alike.Concentration >= 16 * apart.Concentration, $"alike {alike.Concentration}, apart {apart.Concentration}");
        Assert.True(alike.Concentration >= 256, $"alike {alike.Concentration}");
        Assert.True(apart.Concentration <= 8, $"apart {apart.Concentration}");
        // Mentors whose hours began as message counts are in the week but not in the estimate.
        var migrated = ActivityPattern.Organisation(Enumerable.Range(0, 10).Select(i => (Mentor(Office, 60), i >= 2)).ToList());
        Assert.Equal(ActivityPattern.DefaultConcentration, migrated.Concentration);
        Assert.Equal(10, migrated.Mentors);
        // Fewer than three mentors: nothing to estimate from, the default holds.
        var two = ActivityPattern.Organisation([Mentor(Office, 10), Mentor(Office, 10)]);
        Assert.Equal(ActivityPattern.DefaultConcentration, two.Concentration);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(0.5, 0.57236494292470008)] // ln √π
    [InlineData(10.0, 12.801827480081469)] // ln 9!
    [InlineData(0.01, 4.5994798780420219)]
    [InlineData(1000.5, 5908.674175848678)]
    public void Log_gamma_matches_known_values(double x, double expected) =>
        Assert.Equal(expected, ActivityPattern.LogGamma(x), 1e-12 * Math.Max(1, Math.Abs(expected)));

    [Fact]
    public void A_mentor_with_few_messages_leans_on_the_organisation_and_one_with_many_on_their_own_hours()
    {
        // The programme is busy on weekday afternoons (14:00-17:59 UTC); this mentor writes at 08:00 on Mondays.
        var programme = new long[ActivityPattern.Hours];
        for (var day = 0; day < 5; day++)
            for (var hour = 14; hour < 18; hour++) programme[day * 24 + hour] = 50;
        var organisation = new OrganisationWeek(ActivityPattern.Shares(programme), 40, 12);
        const int mondayEight = 8, tuesdayFifteen = 24 + 15;

        var few = ActivityPattern.Smoothed(Counts((mondayEight, 3)), organisation);
        var many = ActivityPattern.Smoothed(Counts((mondayEight, 3000)), organisation);
        var alone = ActivityPattern.Smoothed(Counts((mondayEight, 3)));
        Assert.Equal(1, few.Sum(), 9);
        Assert.Equal(1, many.Sum(), 9);
        // Three messages: the programme's afternoons are likelier than with the mentor's own habit as the only prior.
        Assert.True(few[tuesdayFifteen] > 10 * alone[tuesdayFifteen], $"{few[tuesdayFifteen]:E2} against {alone[tuesdayFifteen]:E2}");
        // Three thousand: the mentor's own hour dominates and the programme's afternoons are a small share.
        Assert.True(many[mondayEight] > 0.45, $"{many[mondayEight]:F3}");
        Assert.True(many[tuesdayFifteen] < few[tuesdayFifteen] / 10);
        // A mentor nobody has seen write is expected when the programme is.
        var unseen = StyleBlend.Read(7, null, null, organisationActivity: organisation).Timing.ActivityByHourOfWeek;
        Assert.Equal(organisation.Shares.Length, unseen.Count);
        for (var h = 0; h < organisation.Shares.Length; h++) Assert.Equal(organisation.Shares[h], unseen[h], 12);
        Assert.Empty(StyleBlend.Read(7, null, null).Timing.ActivityByHourOfWeek);
    }

    [Fact]
    public async Task The_store_sums_every_mentor_profile_of_the_bot_keeps_it_for_the_refresh_time_and_drops_a_forgotten_mentor()
    {
        var tables = azurite.CreateStore("orgactivity");
        var time = new FakeTimeProvider(Monday.AddDays(30));
        var store = new ProfileStore(tables, time, Options.Create(new StyleOptions { OrganisationActivityRefresh = TimeSpan.FromHours(1) }));
        var expected = new Dictionary<long, long[]>();
        var id = 1L;
        async Task Write(string bot, long mentor, long student, int hourOfWeek, int weeks)
        {
            for (var i = 0; i < weeks; i++)
            {
                // Two messages in the same clock hour of each week: one active hour.
                foreach (var minutes in new[] { 5, 35 })
                {
                    var at = Monday.AddDays(7 * i).AddHours(hourOfWeek).AddMinutes(minutes);
                    Assert.True(await store.RecordAsync(new ConversationKey(bot, mentor, student), new ConversationMessage(id++, mentor, ParticipantRole.Mentor, at, "Sure, try it and tell me.")));
                }
                if (bot == Bot)
                {
                    if (!expected.TryGetValue(mentor, out var counts)) expected[mentor] = counts = new long[ActivityPattern.Hours];
                    counts[hourOfWeek]++;
                }
            }
        }
        OrganisationWeek Expected() => ActivityPattern.Organisation(expected.Values.ToList());
        await Write(Bot, 11, 21, 10, 6);
        await Write(Bot, 11, 22, 34, 2); // a second pair: the mentor row counts each hour once
        await Write(Bot, 12, 23, 100, 4);
        await Write(OtherBot, 13, 24, 150, 8); // another bot's mentors are another organisation

        var shares = await store.OrganisationActivityAsync(Bot);
        Assert.Equal(Expected().Shares, shares.Shares);
        Assert.Equal(2, shares.Mentors);

        // Kept for the refresh time: a new mentor shows only after it.
        await Write(Bot, 14, 25, 60, 5);
        Assert.Same(shares, await store.OrganisationActivityAsync(Bot));
        time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(Expected().Shares, (await store.OrganisationActivityAsync(Bot)).Shares);

        // forget erases the mentor's profiles; on the instance that ran it, the next read no longer counts their hours.
        await new ProfilePersonalDataStore(tables, store).DeleteUserAsync(Bot, 11, CancellationToken.None);
        expected.Remove(11);
        Assert.Equal(Expected().Shares, (await store.OrganisationActivityAsync(Bot)).Shares);

        // The reply's snapshot uses it: the mentor with 12 messages at hour 100 has weight at hour 60, where only mentor 14 wrote.
        var snapshot = await store.ReadMentorAsync(Bot, 12);
        Assert.True(snapshot.Timing.ActivityByHourOfWeek[60] > 0.01, $"{snapshot.Timing.ActivityByHourOfWeek[60]:E2}");
        var withoutPrior = StyleBlend.Read(12, null, null).Timing.ActivityByHourOfWeek;
        Assert.Empty(withoutPrior);
    }

    [Fact]
    public async Task Storage_that_cannot_be_read_gives_no_prior_instead_of_failing_the_plan()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nobody listens there now
        var options = new Azure.Data.Tables.TableClientOptions();
        options.Retry.MaxRetries = 0;
        var unreachable = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString.Replace($":{azurite.Port}/", $":{port}/", StringComparison.Ordinal), options);
        var store = new ProfileStore(new TableStore(unreachable, "tunreachable"), new FakeTimeProvider(Monday), Options.Create(new StyleOptions()));
        Assert.False((await store.OrganisationActivityAsync(Bot)).IsKnown);
    }
}
