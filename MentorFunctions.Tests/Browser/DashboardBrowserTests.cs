using System.Globalization;
using Azure.Data.Tables;
using MentorFunctions.Core.Admin.Dashboard;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Timing;
using MentorFunctions.Tests.Admin.Dashboard;
using MentorFunctions.Tests.EndToEnd;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.Browser;

/// <summary>
/// The dashboard in a real browser (Playwright driving Debian's Chromium) against the app's own code over real Azurite,
/// after a scripted fortnight of mentoring went through the real intake and workflow. Set DASHBOARD_SCREENSHOTS to a
/// folder to save the pages as PNG (docs/ holds the ones the README shows).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Staff_see_the_learned_style_with_the_stored_numbers_a_pause_round_trips_to_chat_status_and_a_mentor_sees_only_their_own()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var programme = ScriptedProgramme.Generate(seed: 5, targetMessages: 200, days: 8);
        await using var app = new MentorApp(azurite, programme.Start, DashboardHarness.Settings(ProgrammeSettings.Default()));
        var result = await ProgrammeDriver.RunAsync(app, programme);
        output.WriteLine($"{programme.Messages.Count} scripted messages, {result.AiPosts.Count} AI replies, in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.NotEmpty(result.AiPosts);
        var mentor = programme.Mentors[0];
        var mentorUser = new MentorApp.User(mentor.Id, mentor.Email, mentor.Name);

        await using var server = new DashboardTestServer(app.Get<DashboardApi>(), DashboardHarness.StaffEmail);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") lock (problems) problems.Add($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => { lock (problems) problems.Add("page error: " + error); };
        page.RequestFailed += (_, request) => { lock (problems) problems.Add("request failed: " + request.Url); };

        // The mentors table: every mentor, with their settings.
        await page.GotoAsync(server.Page.ToString());
        await page.WaitForSelectorAsync("body[data-ready]");
        Assert.Equal(programme.Mentors.Count, await page.Locator("#mentors tbody tr[data-mentor]").CountAsync());
        Assert.Contains("programme staff", await page.Locator("#viewer").InnerTextAsync());
        await SaveScreenshotAsync(page, "dashboard-mentors.png", fullPage: false);

        // One mentor's page, opened from the table with the keyboard.
        await page.Locator($"#mentors tr[data-mentor='{mentor.Id}'] a").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#heatmap rect.cell");
        await page.WaitForSelectorAsync("#mentor-name:has-text('" + mentor.Name + "')");

        // Heatmap: each of the 168 cells holds the number of messages the script had the mentor write in that UTC hour.
        var expected = new long[7, 24];
        foreach (var m in programme.Messages.Where(m => m.SenderId == mentor.Id))
        {
            var how = DelayPlanner.HourOfWeek(m.At);
            expected[how / 24, how % 24]++;
        }
        var cells = await page.Locator("#heatmap rect.cell").EvaluateAllAsync<string[]>(
            "cells => cells.map(c => c.dataset.day + ',' + c.dataset.hour + ',' + c.dataset.count)");
        Assert.Equal(168, cells.Length);
        foreach (var cell in cells)
        {
            var p = cell.Split(',').Select(long.Parse).ToArray();
            Assert.True(expected[p[0], p[1]] == p[2], $"day {p[0]} hour {p[1]}: page shows {p[2]}, the script wrote {expected[p[0], p[1]]}");
        }
        Assert.Equal(programme.Messages.Count(m => m.SenderId == mentor.Id).ToString(CultureInfo.InvariantCulture),
            await page.Locator("#heatmap-svg").GetAttributeAsync("data-total"));

        // Latency histogram: the bars are the stored profile's latency bins, read here straight from Table Storage.
        var stored = await StoredMentorProfileAsync(app, mentor.Id);
        var bars = await page.Locator("#latency rect.bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.bin + ',' + b.dataset.count)");
        var shown = bars.Select(b => b.Split(',').Select(int.Parse).ToArray()).ToDictionary(b => b[0], b => (long)b[1]);
        for (var bin = 0; bin < LatencyHistogram.Bins; bin++)
            Assert.True(stored.LatencyBins[bin] == shown.GetValueOrDefault(bin), $"latency bin {bin}: stored {stored.LatencyBins[bin]}, page {shown.GetValueOrDefault(bin)}");
        var samples = stored.LatencyBins.Sum();
        Assert.True(samples >= 12, $"only {samples} latencies were learned");
        Assert.Equal(samples.ToString(CultureInfo.InvariantCulture), await page.Locator("#latency-svg").GetAttributeAsync("data-samples"));
        // And they are the script's: the learned median is within one bin (a factor of 1.33) of the scripted answers' median.
        var scripted = programme.Bursts.Where(b => b.Conversation.MentorId == mentor.Id && b.MentorAnswerAt is not null)
            .Select(b => (b.MentorAnswerAt!.Value - b.FirstAt).TotalSeconds).Order().ToArray();
        var learnedMedian = LatencyHistogram.Quantile(stored.LatencyBins, 0.5);
        var scriptedMedian = scripted[scripted.Length / 2];
        output.WriteLine($"latency samples {samples} of {scripted.Length} answered bursts; median learned {learnedMedian:F0} s, scripted {scriptedMedian:F0} s");
        Assert.InRange(learnedMedian / scriptedMedian, 1 / 1.5, 1.5);

        // The planner's overlay: the delays it draws from this profile, as shares summing to 1.
        var plannerShares = await page.Locator("#latency circle.planner").EvaluateAllAsync<double[]>("cs => cs.map(c => Number(c.dataset.share))");
        Assert.InRange(plannerShares.Sum(), 0.999, 1.001);

        // Message length and habits against the programme average, phrases and openers.
        var meanChars = double.Parse((await page.Locator("#length-stats").GetAttributeAsync("data-mean"))!, CultureInfo.InvariantCulture);
        Assert.Equal(stored.Chars.Mean, meanChars, 3);
        var questions = double.Parse((await page.Locator("#habits rect.habit[data-key='questions']").GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        Assert.Equal(stored.Rate(stored.Questions), questions, 3);
        Assert.True(await page.Locator("#openers li").CountAsync() >= 1);
        var openers = await page.Locator("#openers").InnerTextAsync();
        Assert.Contains(mentor.Openers, o => openers.Contains(o.TrimEnd(',', '!', '.'), StringComparison.OrdinalIgnoreCase));

        // The AI replies: the page lists what the audit trail holds for this mentor.
        var audit = await AuditEntriesAsync(app, mentor.Id, app.Host.UtcNow.AddDays(-14));
        Assert.Equal(audit, await page.Locator("#replies tbody tr[data-outcome]").CountAsync());
        Assert.Equal(audit, await page.Locator("#timeline circle.event").CountAsync());
        Assert.True(audit > 0);
        await SaveScreenshotAsync(page, "dashboard-mentor.png", fullPage: true);

        // Pause from the page (until resumed): the page shows it, and so does the mentor's chat `status`.
        await page.SelectOptionAsync("#pause-length", "");
        await page.ClickAsync("#pause");
        await page.WaitForSelectorAsync("#pause-state:has-text('paused until resumed')");
        // The page re-renders the mentor before it writes the outcome line: wait for that line too.
        await page.WaitForSelectorAsync("#status:has-text('Paused.')");
        Assert.Contains("Paused.", await page.Locator("#status").InnerTextAsync());
        var status = MentorApp.ContentOf(await app.DirectMessageAsync(mentorUser, "status"));
        Assert.Contains("**Pause:** paused until you `resume`", status);

        // Resume in chat: the page shows it after a reload.
        await app.DirectMessageAsync(mentorUser, "resume");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#pause-state:has-text('not paused')");
        Assert.Contains("not paused", await page.Locator($"#mentors tr[data-mentor='{mentor.Id}'] td[data-field='pause']").InnerTextAsync());

        Assert.Empty(problems);
        output.WriteLine($"staff pages checked after {clock.Elapsed.TotalSeconds:F1} s");
        await MentorSeesOnlyTheirOwnPageAsync(programme, server);
        output.WriteLine($"mentor page checked after {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>A mentor signed in sees only their own page, without pair controls, and cannot open another's.</summary>
    private async Task MentorSeesOnlyTheirOwnPageAsync(ScriptedProgramme programme, DashboardTestServer server)
    {
        var mentor = programme.Mentors[1];
        server.SignedInAs = mentor.Email;
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (problems) problems.Add(message.Text); };
        page.PageError += (_, error) => { lock (problems) problems.Add(error); };

        await page.GotoAsync(server.Page.ToString());
        await page.WaitForSelectorAsync("body[data-ready]");
        await page.WaitForSelectorAsync("#heatmap rect.cell");
        Assert.Equal(1, await page.Locator("#mentors tbody tr[data-mentor]").CountAsync());
        Assert.Equal(mentor.Name, await page.Locator("#mentor-name").InnerTextAsync());
        Assert.True(await page.Locator("#add-pair").IsHiddenAsync());
        Assert.Equal(0, await page.Locator("#students button").CountAsync());

        // Typing another mentor's address into the URL shows an error, not their data.
        await page.GotoAsync(server.Page + $"#/bots/{Uri.EscapeDataString(MentorApp.Bot)}/mentors/{programme.Mentors[0].Id}");
        await page.WaitForSelectorAsync("#status.error");
        Assert.Contains("only your own data", await page.Locator("#status").InnerTextAsync());
        Assert.DoesNotContain(programme.Mentors[0].Name, await page.Locator("#mentor-name").InnerTextAsync());
        problems.RemoveAll(p => p.Contains("403", StringComparison.Ordinal)); // the browser logs the refused fetch itself
        Assert.Empty(problems);
    }

    private async Task SaveScreenshotAsync(IPage page, string name, bool fullPage)
    {
        var folder = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = fullPage });
        output.WriteLine("screenshot: " + Path.Combine(folder, name));
    }

    private static async Task<StyleProfile> StoredMentorProfileAsync(MentorApp app, long mentorId)
    {
        var table = await app.Get<TableStore>().GetTableAsync(ProfileStore.TableShortName);
        var entity = await table.GetEntityAsync<TableEntity>(ProfileStore.PartitionKey(MentorApp.Bot, mentorId), ProfileStore.MentorRow);
        return ProfileCodec.Deserialize(entity.Value.GetBinary("Data")).Profile;
    }

    private static async Task<int> AuditEntriesAsync(MentorApp app, long mentorId, DateTimeOffset since)
    {
        var table = await app.Get<TableStore>().GetTableAsync(AuditLog.TableName);
        var (from, to) = ConversationPartitions.Range(MentorApp.Bot, mentorId);
        var count = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey.CompareTo(from) >= 0 && x.PartitionKey.CompareTo(to) < 0))
            if (e.GetDateTimeOffset("At") >= since) count++;
        return count;
    }
}
