using MentorFunctions.Core.Admin;
using MentorFunctions.Core.Admin.Dashboard;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using static MentorFunctions.Tests.Admin.Dashboard.DashboardHarness;

namespace MentorFunctions.Tests.Admin.Dashboard;

/// <summary>The dashboard's endpoints over the whole app (real Azurite): who sees what, bad input, and actions shared with chat.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardApiTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly MentorApp.User Ana = new(101, "ana@mentoring.example.com", "Ana Lima");
    private static readonly MentorApp.User Bruno = new(102, "bruno@mentoring.example.com", "Bruno Costa");
    private static readonly MentorApp.User Student = new(201, "sam@mentoring.example.com", "Sam Student");

    private async Task<MentorApp> AppAsync(IDictionary<string, string?>? settings = null)
    {
        var app = new MentorApp(azurite, Start, settings ?? Settings());
        foreach (var m in new[] { Ana, Bruno })
        {
            var r = await app.Get<AdminApi>().RegisterMentorAsync(
                $$"""{"botEmail":"{{MentorApp.Bot}}","userId":{{m.Id}},"email":"{{m.Email}}","fullName":"{{m.FullName}}"}""", default);
            Assert.Equal(201, r.Status);
        }
        return app;
    }

    [Fact]
    public async Task Without_sign_in_settings_or_a_token_nothing_is_shown_and_local_runs_are_never_open_in_Azure()
    {
        // No tenant/client id (outside Azure, where start-up does not refuse it): nothing can be verified, nothing shown.
        await using var open = await AppAsync(new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = "True" });
        var (status, json, _) = await CallAsync(open, "GET", "api/me", StaffEmail);
        Assert.Equal(503, status);
        Assert.Equal("signIn", Field(json));

        // A deployment without an app registration turns the dashboard off: closed even to a valid token.
        await using var off = await AppAsync(Settings(new Dictionary<string, string?> { ["Dashboard:SignIn"] = "Off" }));
        var (offStatus, offJson, _) = await CallAsync(off, "GET", "api/me", StaffEmail);
        Assert.Equal(503, offStatus);
        Assert.Equal("signIn", Field(offJson));
        Assert.Equal(503, (await CallAsync(off, "GET", "", null)).Status);

        await using var app = await AppAsync();
        var (noToken, noTokenJson, _) = await CallAsync(app, "GET", "api/me", null);
        Assert.Equal(401, noToken);
        Assert.Equal("signIn", Field(noTokenJson));
        var (page, _, login) = await CallAsync(app, "GET", "", null);
        Assert.Equal(302, page); // where App Service Authentication runs, a person opening the page is sent to sign in, and back
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fdashboard%2F", login.Headers["Location"]);
        await using var flex = await AppAsync(Settings(new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = null }));
        Assert.Equal(401, (await CallAsync(flex, "GET", "", null)).Status); // no sign-in page to send anyone to

        // Local runs: no sign-in, but never when App Service says the app runs in Azure.
        await using var local = await AppAsync(new Dictionary<string, string?> { ["Dashboard:SignIn"] = "None" });
        var (localStatus, me, _) = await CallAsync(local, "GET", "api/me", null);
        Assert.Equal(200, localStatus);
        Assert.True(me.GetProperty("isStaff").GetBoolean());
        await using var misconfigured = await AppAsync(new Dictionary<string, string?> { ["Dashboard:SignIn"] = "None", ["WEBSITE_SITE_NAME"] = "mentor-prod" });
        Assert.Equal(503, (await CallAsync(misconfigured, "GET", "api/me", null)).Status);
    }

    [Fact]
    public async Task Staff_see_every_mentor_and_a_mentor_sees_only_their_own_data()
    {
        await using var app = await AppAsync();
        var (_, staffRows, _) = await CallAsync(app, "GET", $"{BotPath}/mentors", StaffEmail);
        Assert.Equal(2, staffRows.GetProperty("mentors").GetArrayLength());
        var (_, roleRows, _) = await CallAsync(app, "GET", $"{BotPath}/mentors", "someone@example.org", roles: ["Dashboard.Staff"]);
        Assert.Equal(2, roleRows.GetProperty("mentors").GetArrayLength());

        var (_, me, _) = await CallAsync(app, "GET", "api/me", Ana.Email.ToUpperInvariant());
        Assert.False(me.GetProperty("isStaff").GetBoolean());
        Assert.Equal(Ana.Id, me.GetProperty("bots")[0].GetProperty("mentorId").GetInt64());
        var (_, anaRows, _) = await CallAsync(app, "GET", $"{BotPath}/mentors", Ana.Email);
        Assert.Equal(Ana.Id, Assert.Single(anaRows.GetProperty("mentors").EnumerateArray()).GetProperty("userId").GetInt64());
        Assert.Equal(200, (await CallAsync(app, "GET", $"{BotPath}/mentors/{Ana.Id}", Ana.Email)).Status);
        Assert.Equal(200, (await CallAsync(app, "GET", $"{BotPath}/mentors/{Ana.Id}/replies", Ana.Email)).Status);

        // Another mentor's data, or an unknown one, is refused alike to a mentor (no probing who is registered).
        Assert.Equal(403, (await CallAsync(app, "GET", $"{BotPath}/mentors/{Bruno.Id}", Ana.Email)).Status);
        Assert.Equal(403, (await CallAsync(app, "GET", $"{BotPath}/mentors/999", Ana.Email)).Status);
        Assert.Equal(403, (await CallAsync(app, "POST", $"{BotPath}/mentors/{Bruno.Id}/pause", Ana.Email, "{}")).Status);
        Assert.Null((await app.Registry.GetMentorAsync(MentorApp.Bot, Bruno.Id))!.PausedUntil);

        // Someone signed in who is neither staff nor a mentor sees no bot at all.
        var (_, stranger, _) = await CallAsync(app, "GET", "api/me", "stranger@example.org");
        Assert.Equal(0, stranger.GetProperty("bots").GetArrayLength());
        Assert.Empty((await CallAsync(app, "GET", $"{BotPath}/mentors", "stranger@example.org")).Json.GetProperty("mentors").EnumerateArray());

        // Pairs are staff business.
        var pair = $$"""{"mentorId":{{Ana.Id}},"studentId":{{Student.Id}},"studentEmail":"{{Student.Email}}","studentFullName":"{{Student.FullName}}"}""";
        Assert.Equal(403, (await CallAsync(app, "POST", $"{BotPath}/pairs", Ana.Email, pair)).Status);
        Assert.Null(await app.Registry.GetPairAsync(MentorApp.Bot, Ana.Id, Student.Id));
    }

    [Theory]
    [InlineData("POST", "mentors/101/mode", """{"mode":"fast"}""", "application/json", 400, "mode")]
    [InlineData("POST", "mentors/101/mode", """{"mode":3}""", "application/json", 400, "mode")]
    [InlineData("POST", "mentors/101/pause", """{"minutes":0}""", "application/json", 400, "minutes")]
    [InlineData("POST", "mentors/101/pause", """{"minutes":"soon"}""", "application/json", 400, "minutes")]
    [InlineData("POST", "mentors/101/pause", """{"minutes":99999999}""", "application/json", 400, "minutes")]
    [InlineData("POST", "mentors/101/pause", """{"minutes":""", "application/json", 400, "body")]
    [InlineData("POST", "mentors/101/pause", """[1]""", "application/json", 400, "body")]
    [InlineData("POST", "mentors/101/pause", "minutes=5", "application/x-www-form-urlencoded", 415, "Content-Type")]
    [InlineData("POST", "mentors/abc/pause", "{}", "application/json", 400, "mentorId")]
    [InlineData("POST", "mentors/-5/resume", "{}", "application/json", 400, "mentorId")]
    [InlineData("POST", "mentors/999/resume", "{}", "application/json", 404, "mentorId")]
    [InlineData("GET", "mentors/101/replies?days=0", null, "", 400, "days")]
    [InlineData("GET", "mentors/101/replies?days=x", null, "", 400, "days")]
    [InlineData("GET", "mentors/101/replies?days=91", null, "", 400, "days")]
    [InlineData("GET", "mentors/99999999999999999999", null, "", 400, "mentorId")]
    [InlineData("DELETE", "mentors/101/students/abc", "{}", "application/json", 400, "studentId")]
    [InlineData("GET", "mentors/101/pause", null, "", 405, "method")]
    [InlineData("DELETE", "mentors/101", null, "application/json", 405, "method")]
    [InlineData("GET", "nothing/here", null, "", 404, "path")]
    [InlineData("POST", "pairs", """{"mentorId":101,"studentId":101,"studentEmail":"x@y.z","studentFullName":"X"}""", "application/json", 400, "studentId")]
    [InlineData("POST", "pairs", """{"mentorId":101}""", "application/json", 400, "studentId")]
    [InlineData("POST", "pairs", """{"mentorId":555,"studentId":7,"studentEmail":"x@y.z","studentFullName":"X"}""", "application/json", 404, "mentorId")]
    [InlineData("DELETE", "mentors/101/students/7", "{}", "application/json", 404, "studentId")]
    public async Task Bad_input_gets_a_clear_4xx_naming_the_field(string method, string path, string? body, string contentType, int status, string field)
    {
        await using var app = await AppAsync();
        var (actual, json, raw) = await CallAsync(app, method, $"{BotPath}/{path}", StaffEmail, body, contentType);
        Assert.Equal(status, actual);
        Assert.Equal(field, Field(json));
        Assert.StartsWith("application/json", raw.ContentType);
        var ana = await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id);
        Assert.Equal(ReplyMode.Auto, ana!.Mode);
        Assert.Null(ana.PausedUntil);
    }

    [Fact]
    public async Task An_unknown_bot_a_foreign_origin_and_a_page_without_its_slash_are_answered_plainly()
    {
        await using var app = await AppAsync();
        var (tooLong, tooLongJson, _) = await CallAsync(app, "POST", $"{BotPath}/mentors/{Ana.Id}/mode", StaffEmail,
            $$"""{"mode":"draft","note":"{{new string('x', 20_000)}}"}""");
        Assert.Equal(413, tooLong);
        Assert.Equal("body", Field(tooLongJson));
        Assert.Equal(ReplyMode.Auto, (await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id))!.Mode);
        Assert.Equal(404, (await CallAsync(app, "GET", "api/bots/other-bot%40example.org/mentors", StaffEmail)).Status);
        var (status, json, _) = await CallAsync(app, "POST", $"{BotPath}/mentors/{Ana.Id}/pause", StaffEmail, "{}",
            headers: new Dictionary<string, string> { ["Origin"] = "https://evil.example" });
        Assert.Equal(403, status);
        Assert.Equal("origin", Field(json));
        Assert.Null((await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id))!.PausedUntil);

        var redirect = await app.Get<DashboardApi>().HandleAsync(new DashboardRequest("GET", "",
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + Entra.Token(StaffEmail, app.Clock.GetUtcNow()) }, new Dictionary<string, string>(), null, "/api/dashboard"), default);
        Assert.Equal(308, redirect.Status);
        Assert.Equal("/api/dashboard/", redirect.Headers["Location"]);

        var (pageStatus, _, page) = await CallAsync(app, "GET", "", StaffEmail);
        Assert.Equal(200, pageStatus);
        Assert.StartsWith("text/html", page.ContentType);
        Assert.Contains("script-src 'self'", page.Headers["Content-Security-Policy"]);
        Assert.Equal(200, (await CallAsync(app, "GET", "assets/dashboard.js", StaffEmail)).Status);
        Assert.Equal(404, (await CallAsync(app, "GET", "assets/../../secrets", StaffEmail)).Status);
    }

    [Fact]
    public async Task Pause_resume_and_mode_from_the_dashboard_are_the_chat_commands_state()
    {
        await using var app = await AppAsync();
        var (status, row, _) = await CallAsync(app, "POST", $"{BotPath}/mentors/{Ana.Id}/pause", StaffEmail, """{"minutes":120}""");
        Assert.Equal(200, status);
        Assert.True(row.GetProperty("paused").GetBoolean());
        Assert.Equal(Start.AddHours(2), (await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id))!.PausedUntil);
        Assert.Contains("paused until 2026-03-02 11:00 UTC", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "status")));

        // A mentor pauses their own stand-in, until resumed, then resumes it in chat: the dashboard sees it.
        Assert.Equal(200, (await CallAsync(app, "POST", $"{BotPath}/mentors/{Ana.Id}/pause", Ana.Email, "")).Status);
        Assert.Contains("paused until you `resume`", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "status")));
        await app.DirectMessageAsync(Ana, "resume");
        var (_, detail, _) = await CallAsync(app, "GET", $"{BotPath}/mentors/{Ana.Id}", StaffEmail);
        Assert.False(detail.GetProperty("mentor").GetProperty("paused").GetBoolean());

        Assert.Equal(200, (await CallAsync(app, "POST", $"{BotPath}/mentors/{Ana.Id}/mode", StaffEmail, """{"mode":"draft"}""")).Status);
        Assert.Contains("**Mode:** `draft`", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "status")));
    }

    [Fact]
    public async Task Students_show_how_they_were_enrolled_and_people_awaiting_consent_or_declined_are_listed_apart()
    {
        await using var app = await AppAsync();
        var wrote = new MentorApp.User(202, "wen@mentoring.example.com", "Wen Writes");
        var waiting = new MentorApp.User(203, "ada@mentoring.example.com", "Ada Waits");
        var declined = new MentorApp.User(204, "dee@mentoring.example.com", "Dee Declined");
        foreach (var u in new[] { wrote, waiting, declined })
            app.Zulip.Users[u.Id] = new LoopbackUser(u.Email, u.FullName, IsBot: false);
        await app.PairAsync(Ana, Student);                                  // staff paired
        await app.GroupMessageAsync(Ana, wrote, "Hi Wen, welcome!");         // the mentor's own message: consent
        await app.GroupMessageAsync(waiting, Ana, "Hello, can you help me?"); // no pair: the bot asks Ana
        await app.GroupMessageAsync(declined, Ana, "Hi there");
        Assert.Contains("won't ask again", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, $"decline {declined.Id}")));

        var (status, detail, _) = await CallAsync(app, "GET", $"{BotPath}/mentors/{Ana.Id}", StaffEmail);
        Assert.Equal(200, status);
        var students = detail.GetProperty("students").EnumerateArray().ToDictionary(s => s.GetProperty("studentId").GetInt64());
        Assert.Equal([Student.Id, wrote.Id], students.Keys.Order());
        Assert.Equal("Admin", students[Student.Id].GetProperty("source").GetString());
        Assert.Equal("MentorWrote", students[wrote.Id].GetProperty("source").GetString());
        Assert.Contains("consent", students[wrote.Id].GetProperty("consent").GetString());

        var asked = detail.GetProperty("consentRequests").EnumerateArray().ToDictionary(c => c.GetProperty("studentId").GetInt64(), c => c.GetProperty("state").GetString());
        Assert.Equal(new Dictionary<long, string?> { [waiting.Id] = "awaiting", [declined.Id] = "declined" }, asked);
        // The consent table keeps ids and times only: no name reaches the page through it.
        Assert.DoesNotContain(waiting.FullName, detail.GetProperty("consentRequests").GetRawText());
        Assert.Equal(1, detail.GetProperty("mentor").GetProperty("awaitingConsent").GetInt32());
        Assert.Equal(2, detail.GetProperty("mentor").GetProperty("students").GetInt32());

        // Ana sees her own; Bruno has nobody waiting.
        Assert.Equal(2, (await CallAsync(app, "GET", $"{BotPath}/mentors/{Ana.Id}", Ana.Email)).Json.GetProperty("consentRequests").GetArrayLength());
        var (_, bruno, _) = await CallAsync(app, "GET", $"{BotPath}/mentors/{Bruno.Id}", StaffEmail);
        Assert.Equal(0, bruno.GetProperty("consentRequests").GetArrayLength());
        Assert.Equal(0, bruno.GetProperty("mentor").GetProperty("awaitingConsent").GetInt32());

        // Ana accepts the one waiting: a student now, and no longer waiting.
        await app.DirectMessageAsync(Ana, $"accept {waiting.Id}");
        var (_, after, _) = await CallAsync(app, "GET", $"{BotPath}/mentors/{Ana.Id}", StaffEmail);
        Assert.Equal("declined", Assert.Single(after.GetProperty("consentRequests").EnumerateArray()).GetProperty("state").GetString());
        Assert.Contains(after.GetProperty("students").EnumerateArray(), s => s.GetProperty("studentId").GetInt64() == waiting.Id
            && s.GetProperty("source").GetString() == "MentorAccepted");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reply_text_is_shown_only_while_the_deployment_keeps_it(bool keeps)
    {
        await using var app = await AppAsync(Settings(new Dictionary<string, string?> { ["Replies:AuditIncludeContent"] = keeps ? "true" : "false" }));
        // An entry written with text (as a deployment that kept text once did).
        await app.Get<AuditLog>().RecordAsync(new AuditEntry(Start, new ConversationKey(MentorApp.Bot, Ana.Id, Student.Id),
            7, DeliveryOutcome.Posted, null, 1, 100, 20, 240, 99, "The loop stops one early: try <=."));
        var (_, timeline, _) = await CallAsync(app, "GET", $"{BotPath}/mentors/{Ana.Id}/replies", StaffEmail);
        var e = Assert.Single(timeline.GetProperty("events").EnumerateArray());
        Assert.Equal(keeps, timeline.GetProperty("keepsContent").GetBoolean());
        Assert.Equal("posted", e.GetProperty("outcome").GetString());
        Assert.Equal(120, e.GetProperty("promptTokens").GetInt32() + e.GetProperty("completionTokens").GetInt32());
        if (keeps) Assert.Equal("The loop stops one early: try <=.", e.GetProperty("content").GetString());
        else Assert.Equal(System.Text.Json.JsonValueKind.Null, e.GetProperty("content").ValueKind);
    }

    [Fact]
    public async Task The_heatmap_is_in_the_time_zone_of_the_mentors_quiet_hours()
    {
        await using var app = await AppAsync();
        var (_, before, _) = await CallAsync(app, "GET", $"{BotPath}/mentors/{Ana.Id}", StaffEmail);
        Assert.Equal("UTC", before.GetProperty("style").GetProperty("heatmap").GetProperty("timeZone").GetString());
        Assert.Contains("Quiet hours set", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "quiet 22-7 Asia/Tokyo")));
        var (_, after, _) = await CallAsync(app, "GET", $"{BotPath}/mentors/{Ana.Id}", StaffEmail);
        var heatmap = after.GetProperty("style").GetProperty("heatmap");
        Assert.Equal("Asia/Tokyo", heatmap.GetProperty("timeZone").GetString());
        Assert.Equal(9, heatmap.GetProperty("utcOffsetHours").GetDouble());
    }

    [Fact]
    public async Task Staff_pair_and_unpair_a_student_through_the_admin_API_code()
    {
        await using var app = await AppAsync();
        var body = $$"""{"mentorId":{{Ana.Id}},"studentId":{{Student.Id}},"studentEmail":"{{Student.Email}}","studentFullName":"{{Student.FullName}}","botEmail":"elsewhere@example.org"}""";
        Assert.Equal(201, (await CallAsync(app, "POST", $"{BotPath}/pairs", StaffEmail, body)).Status);
        Assert.Equal(200, (await CallAsync(app, "POST", $"{BotPath}/pairs", StaffEmail, body)).Status);
        var pair = await app.Registry.GetPairAsync(MentorApp.Bot, Ana.Id, Student.Id);
        Assert.Equal(EnrolmentSource.Admin, pair!.Source);

        var (_, detail, _) = await CallAsync(app, "GET", $"{BotPath}/mentors/{Ana.Id}", StaffEmail);
        var student = Assert.Single(detail.GetProperty("students").EnumerateArray());
        Assert.Equal("Admin", student.GetProperty("source").GetString());
        Assert.True(detail.GetProperty("canManagePairs").GetBoolean());

        Assert.Equal(204, (await CallAsync(app, "DELETE", $"{BotPath}/mentors/{Ana.Id}/students/{Student.Id}", StaffEmail, "{}")).Status);
        Assert.Null(await app.Registry.GetPairAsync(MentorApp.Bot, Ana.Id, Student.Id));
    }
}
