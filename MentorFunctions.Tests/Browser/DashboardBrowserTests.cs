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
using MentorFunctions.Tests.Fixtures.Loopback;
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

        // Consent through the chat, as it happens: two people who are not her students write to her in group DMs, the
        // bot asks her about each, and she declines one.
        var waiting = new MentorApp.User(9001, "wanda@mentoring.example.com", "Wanda Waiting");
        var declined = new MentorApp.User(9002, "dario@mentoring.example.com", "Dario Declined");
        foreach (var u in new[] { waiting, declined })
            app.Zulip.Users[u.Id] = new LoopbackUser(u.Email, u.FullName, IsBot: false);
        await app.GroupMessageAsync(waiting, mentorUser, "Hi, could you be my mentor?");
        await app.GroupMessageAsync(declined, mentorUser, "Hello!");
        Assert.Contains("won't ask again", MentorApp.ContentOf(await app.DirectMessageAsync(mentorUser, $"decline {declined.Id}")));

        // Two more outcomes for the timeline, through the chat as they happen: a reply drafted while she reviews drafts,
        // and one held back while she has paused the stand-in. And quiet hours for another mentor.
        var student = programme.Students.First(s => s.MentorId == mentor.Id);
        var studentUser = new MentorApp.User(student.Id, student.Email, student.Name);
        await app.DirectMessageAsync(mentorUser, "mode draft");
        await app.GroupMessageAsync(studentUser, mentorUser, "Could you look at my loop again?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(3));
        await app.DirectMessageAsync(mentorUser, "mode auto");
        await app.DirectMessageAsync(mentorUser, "pause");
        await app.GroupMessageAsync(studentUser, mentorUser, "Are you there?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(3));
        await app.DirectMessageAsync(mentorUser, "resume");
        var quiet = programme.Mentors[2];
        Assert.Contains("Quiet hours set", MentorApp.ContentOf(await app.DirectMessageAsync(new MentorApp.User(quiet.Id, quiet.Email, quiet.Name), "quiet 22-7 Asia/Shanghai")));

        await using var server = new DashboardTestServer(app.Get<DashboardApi>(), app.Clock, DashboardHarness.StaffEmail);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") lock (problems) problems.Add($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => { lock (problems) problems.Add("page error: " + error); };
        page.RequestFailed += (_, request) => { lock (problems) problems.Add("request failed: " + request.Url); };

        // Nothing the dashboard does reaches Zulip: it cannot be used to write as anyone.
        var zulipRequestsBefore = app.Zulip.Requests.Count;

        // The mentors table: every mentor, with their settings.
        await page.GotoAsync(server.Page.ToString());
        await page.WaitForSelectorAsync("body[data-ready]");
        Assert.Equal(programme.Mentors.Count, await page.Locator("#mentors tbody tr[data-mentor]").CountAsync());
        Assert.Contains("programme staff", await page.Locator("#viewer").InnerTextAsync());
        // Each row's numbers are the stored ones: students registered, messages the profile learned, consent questions open.
        foreach (var m in programme.Mentors)
        {
            var row = page.Locator($"#mentors tr[data-mentor='{m.Id}']");
            var students = await app.Registry.ListStudentsAsync(MentorApp.Bot, m.Id);
            Assert.Equal(students.Count.ToString(CultureInfo.InvariantCulture), await row.Locator("td[data-field='students']").InnerTextAsync());
            Assert.Equal((await StoredMentorProfileAsync(app, m.Id)).Messages.ToString(CultureInfo.InvariantCulture),
                await row.Locator("td[data-field='messages']").InnerTextAsync());
            Assert.Equal(m.Id == mentor.Id ? "1" : "0", await row.Locator("td[data-field='awaiting-consent']").InnerTextAsync());
            Assert.Equal("not paused", await row.Locator("td[data-field='pause']").InnerTextAsync());
            Assert.EndsWith(" of 50", await row.Locator("td[data-field='replies-today']").InnerTextAsync());
            Assert.Equal(m.Id == quiet.Id ? "22–07 Asia/Shanghai" : "—", await row.Locator("td[data-field='quiet']").InnerTextAsync());
        }
        await AssertAccessibleAsync(page, "mentors table", atLeastTexts: 40);
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

        // Message and sentence lengths: the bars are the stored histograms, bin for bin; the messages are every one the
        // script had the mentor write.
        await AssertBarsAreAsync(page, "#length rect.length-bar", stored.MessageLengths, "message length");
        await AssertBarsAreAsync(page, "#sentences rect.sentences-bar", stored.SentenceLengths, "sentence length");
        Assert.Equal(programme.Messages.Count(m => m.SenderId == mentor.Id).ToString(CultureInfo.InvariantCulture),
            await page.Locator("#length-svg").GetAttributeAsync("data-total"));

        // Punctuation per 1,000 characters against the programme's average, from every mentor's stored profile. The
        // script has only this mentor write "!" ("Hey!", "you got this!"), so hers is above the average: a bar right of the middle.
        var everyone = new List<StyleProfile>();
        foreach (var m in programme.Mentors) everyone.Add(await StoredMentorProfileAsync(app, m.Id));
        var exclamation = page.Locator("#marks rect.marks-bar[data-key='exclamation']");
        var mentorExclamations = stored.Marks[(int)Mark.ExclamationMark] * 1000.0 / stored.TextChars;
        var programmeExclamations = everyone.Where(p => p.TextChars > 0).Average(p => p.Marks[(int)Mark.ExclamationMark] * 1000.0 / p.TextChars);
        AssertClose(mentorExclamations, await NumberAsync(exclamation, "data-mentor"), "mentor exclamation marks");
        AssertClose(programmeExclamations, await NumberAsync(exclamation, "data-programme"), "programme exclamation marks");
        Assert.True(mentorExclamations > programmeExclamations, $"exclamation marks: mentor {mentorExclamations:F2}, programme {programmeExclamations:F2}");
        var middle = await page.Locator("#marks-svg line").Last.GetAttributeAsync("x1");
        Assert.Equal(middle, await exclamation.GetAttributeAsync("x"));
        Assert.Equal(15, await page.Locator("#marks rect.marks-bar").CountAsync());

        // Function words: each shown rate is the stored one, and the shown words are those whose count is the most
        // surprising against the programme's average rate (binomial z-score), none left out that scores higher.
        var words = await page.Locator("#function-words rect.function-words-bar").EvaluateAllAsync<string[]>(
            "bars => bars.map(b => b.dataset.word + '|' + b.dataset.mentor + '|' + b.dataset.programme)");
        Assert.Equal(DashboardStyleView.MaxFunctionWords, words.Length);
        var z = new Dictionary<string, double>();
        for (var i = 0; i < FunctionWords.Count; i++)
        {
            var rate = everyone.Average(p => (double)p.FunctionWordCounts[i] / p.TotalWords);
            if (rate > 0) z[FunctionWords.Words[i]] = Math.Abs(stored.FunctionWordCounts[i] - stored.TotalWords * rate) / Math.Sqrt(stored.TotalWords * rate * (1 - rate));
        }
        foreach (var shownWord in words.Select(w => w.Split('|')))
        {
            var i = FunctionWords.IndexOf(shownWord[0]);
            Assert.True(i >= 0, $"{shownWord[0]} is not a function word");
            AssertClose(stored.FunctionWordCounts[i] * 1000.0 / stored.TotalWords, double.Parse(shownWord[1], CultureInfo.InvariantCulture), shownWord[0]);
            AssertClose(everyone.Average(p => (double)p.FunctionWordCounts[i] / p.TotalWords) * 1000, double.Parse(shownWord[2], CultureInfo.InvariantCulture), "programme " + shownWord[0]);
        }
        var lowestShown = words.Min(w => z[w.Split('|')[0]]);
        var shownSet = words.Select(w => w.Split('|')[0]).ToHashSet();
        Assert.DoesNotContain(z, kv => !shownSet.Contains(kv.Key) && kv.Value > lowestShown + 1e-6);
        output.WriteLine("function words shown: " + string.Join(", ", words));

        Assert.True(await page.Locator("#openers li").CountAsync() >= 1);
        var openers = await page.Locator("#openers").InnerTextAsync();
        Assert.Contains(mentor.Openers, o => openers.Contains(o.TrimEnd(',', '!', '.'), StringComparison.OrdinalIgnoreCase));

        // Students with how they were enrolled, and apart from them the consent question she has not answered and the
        // student she declined (by Zulip id: the consent table keeps no names).
        Assert.Equal((await app.Registry.ListStudentsAsync(MentorApp.Bot, mentor.Id)).Count, await page.Locator("#students tbody tr[data-student]").CountAsync());
        Assert.Equal("awaiting", await page.Locator($"#consent tr[data-consent='{waiting.Id}']").GetAttributeAsync("data-state"));
        Assert.Equal("declined", await page.Locator($"#consent tr[data-consent='{declined.Id}']").GetAttributeAsync("data-state"));
        Assert.Equal(2, await page.Locator("#consent tbody tr[data-consent]").CountAsync());
        Assert.DoesNotContain(waiting.FullName, await page.Locator("#consent").InnerTextAsync());
        Assert.Contains($"from {stored.Messages} messages seen", await page.Locator("#confidence").InnerTextAsync());
        Assert.True(await page.Locator("#phrases li").CountAsync() >= 1);

        // The AI replies: the page lists what the audit trail holds for this mentor.
        var audit = await AuditEntriesAsync(app, mentor.Id, app.Host.UtcNow.AddDays(-14));
        Assert.Equal(audit, await page.Locator("#replies tbody tr[data-outcome]").CountAsync());
        Assert.Equal(audit, await page.Locator("#timeline circle.event").CountAsync());
        Assert.True(audit > 0);
        var outcomes = await page.Locator("#timeline circle.event").EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.outcome)");
        var legend = await page.Locator("#timeline .swatch").EvaluateAllAsync<string[]>("ss => ss.map(s => s.dataset.outcome)");
        output.WriteLine("timeline: " + string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Count()} {g.Key}")));
        Assert.Contains("posted", outcomes);
        Assert.Contains("drafted", outcomes);
        Assert.Contains("paused", outcomes);
        Assert.Equal(outcomes.Distinct().Order(), legend.Order());
        await AssertAccessibleAsync(page, "mentor page", atLeastTexts: 300);
        await SaveScreenshotAsync(page, "dashboard-mentor.png", fullPage: true);
        await SaveScreenshotAsync(page.Locator("section[aria-labelledby='style-title']"), "dashboard-style.png");

        // Pause from the page (until resumed): the page shows it, and so does the mentor's chat `status`.
        // With the keyboard, as someone who does not use a mouse would.
        await page.SelectOptionAsync("#pause-length", "");
        await page.Locator("#pause").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#pause-state:has-text('paused until resumed')");
        // The page re-renders the mentor before it writes the outcome line: wait for that line too.
        await page.WaitForSelectorAsync("#status:has-text('Paused.')");
        Assert.Contains("Paused.", await page.Locator("#status").InnerTextAsync());
        Assert.Equal(zulipRequestsBefore, app.Zulip.Requests.Count);
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
        // The sign-offs shown are ones the script has this mentor write ("Kind regards, Bruno", "Best regards.", ...).
        var signOffs = await page.Locator("#signoffs li").AllInnerTextsAsync();
        output.WriteLine($"{mentor.Name}'s sign-offs: " + string.Join(" | ", signOffs));
        Assert.Contains(signOffs, shown => mentor.SignOffs.Any(o => o.Length > 0 && o.Contains(shown.Split('”')[0].Trim('“', ' '), StringComparison.OrdinalIgnoreCase)));

        // Typing another mentor's address into the URL shows an error, not their data.
        await page.GotoAsync(server.Page + $"#/bots/{Uri.EscapeDataString(MentorApp.Bot)}/mentors/{programme.Mentors[0].Id}");
        await page.WaitForSelectorAsync("#status.error");
        Assert.Contains("only your own data", await page.Locator("#status").InnerTextAsync());
        Assert.DoesNotContain(programme.Mentors[0].Name, await page.Locator("#mentor-name").InnerTextAsync());
        problems.RemoveAll(p => p.Contains("403", StringComparison.Ordinal)); // the browser logs the refused fetch itself
        Assert.Empty(problems);
    }

    /// <summary>
    /// Accessibility checks in the page itself: every form control and button has an accessible name, every chart (SVG
    /// role=img) is labelled by elements that exist and hold text, and every visible piece of text (HTML and SVG) has a
    /// contrast of at least 4.5:1 against the background it is drawn on (WCAG 2.x AA; 3:1 for large text).
    /// </summary>
    private async Task AssertAccessibleAsync(IPage page, string what, int atLeastTexts)
    {
        var problems = await page.EvaluateAsync<string[]>(AccessibilityAudit);
        Assert.True(problems.Length == 0, $"{what}: " + string.Join("; ", problems.Take(20)));
        var checkedTexts = await page.EvaluateAsync<int>("() => window.__contrastChecked");
        Assert.True(checkedTexts >= atLeastTexts, $"{what}: only {checkedTexts} texts were checked for contrast");
        output.WriteLine($"{what}: controls named, charts labelled, {checkedTexts} texts at AA contrast");
    }

    private const string AccessibilityAudit = """
        () => {
          const problems = [];
          const visible = (el) => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
            return r.width > 1 && r.height > 1 && cs.visibility !== 'hidden' && cs.display !== 'none' && !el.closest('[hidden]'); };
          const nameOf = (el) => {
            if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
            const by = el.getAttribute('aria-labelledby');
            if (by) return by.split(/\s+/).map((id) => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
            if (el.id) { const l = document.querySelector(`label[for="${el.id}"]`); if (l) return l.textContent.trim(); }
            if (el.closest('label')) return el.closest('label').textContent.trim();
            return el.tagName === 'BUTTON' || el.tagName === 'A' ? el.textContent.trim() : '';
          };
          for (const el of document.querySelectorAll('input, select, textarea, button, a[href]'))
            if (visible(el) && !nameOf(el)) problems.push(`${el.tagName.toLowerCase()}#${el.id || '?'} has no accessible name`);
          for (const el of document.querySelectorAll('svg[role="img"]')) {
            const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
            if (ids.length === 0 || ids.some((id) => !document.getElementById(id) || !document.getElementById(id).textContent.trim()))
              problems.push(`chart ${el.id} is not labelled by existing text`);
          }
          const rgb = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const background = (el) => { for (let n = el; n && n.nodeType === 1; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255 }; };
          let checked = 0;
          const all = document.querySelectorAll('body *:not(script):not(style):not(option):not(title):not(desc)');
          for (const el of all) {
            const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
            if (!own || !visible(el) || el.closest('.visually-hidden')) continue;
            const cs = getComputedStyle(el);
            const isSvg = el instanceof SVGElement;
            const fg = rgb(isSvg ? cs.fill : cs.color);
            if (!fg) { problems.push(`no colour for "${el.textContent.trim().slice(0, 30)}"`); continue; }
            const bg = background(isSvg ? el.closest('svg').parentElement : el);
            const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
            const ratio = (l1 + 0.05) / (l2 + 0.05);
            const size = parseFloat(cs.fontSize), bold = Number(cs.fontWeight) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            checked++;
            if (ratio < needed) problems.push(`"${el.textContent.trim().slice(0, 30)}" contrast ${ratio.toFixed(2)} < ${needed}`);
          }
          window.__contrastChecked = checked;
          return problems;
        }
        """;

    /// <summary>The bars' counts, by their data-bin, are the stored histogram's (a bin not drawn holds nothing).</summary>
    private static async Task AssertBarsAreAsync(IPage page, string selector, long[] stored, string what)
    {
        var bars = await page.Locator(selector).EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.bin + ',' + b.dataset.count)");
        Assert.NotEmpty(bars);
        var shown = bars.Select(b => b.Split(',').Select(long.Parse).ToArray()).ToDictionary(b => (int)b[0], b => b[1]);
        for (var bin = 0; bin < stored.Length; bin++)
            Assert.True(stored[bin] == shown.GetValueOrDefault(bin), $"{what} bin {bin}: stored {stored[bin]}, page {shown.GetValueOrDefault(bin)}");
        Assert.True(stored.Sum() > 0, $"no {what}s were learned");
    }

    /// <summary>One part of the page at full size (the learned style, which the whole page shows too small to read).</summary>
    private async Task SaveScreenshotAsync(ILocator part, string name)
    {
        var folder = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, name) });
        output.WriteLine("screenshot: " + Path.Combine(folder, name));
    }

    /// <summary>The page shows rates rounded to 4 decimals.</summary>
    private static void AssertClose(double expected, double shown, string what) =>
        Assert.True(Math.Abs(expected - shown) <= 1e-3, $"{what}: expected {expected}, page shows {shown}");

    private static async Task<double> NumberAsync(ILocator locator, string attribute) =>
        double.Parse((await locator.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);

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
