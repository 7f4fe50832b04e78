using MentorFunctions.Core.Admin;
using MentorFunctions.Core.Admin.Dashboard;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
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
    public async Task Without_App_Service_Authentication_or_a_signed_in_principal_nothing_is_shown()
    {
        await using var open = await AppAsync(new Dictionary<string, string?>());
        var (status, json, _) = await CallAsync(open, "GET", "api/me", StaffEmail);
        Assert.Equal(503, status); // a forged header is worthless when the platform is not signing people in
        Assert.Equal("signIn", Field(json));

        await using var app = await AppAsync();
        Assert.Equal(401, (await CallAsync(app, "GET", "api/me", null)).Status);
        var (page, _, login) = await CallAsync(app, "GET", "", null);
        Assert.Equal(302, page); // a person opening the page is sent to sign in, and back
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fdashboard%2F", login.Headers["Location"]);
        var garbage = await app.Get<DashboardApi>().HandleAsync(new DashboardRequest("GET", "api/me",
            new Dictionary<string, string> { [DashboardPrincipal.Header] = "not base64 {" }, new Dictionary<string, string>(), null), default);
        Assert.Equal(401, garbage.Status);

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
        Assert.Equal(404, (await CallAsync(app, "GET", "api/bots/other-bot%40example.org/mentors", StaffEmail)).Status);
        var (status, json, _) = await CallAsync(app, "POST", $"{BotPath}/mentors/{Ana.Id}/pause", StaffEmail, "{}",
            headers: new Dictionary<string, string> { ["Origin"] = "https://evil.example" });
        Assert.Equal(403, status);
        Assert.Equal("origin", Field(json));
        Assert.Null((await app.Registry.GetMentorAsync(MentorApp.Bot, Ana.Id))!.PausedUntil);

        var redirect = await app.Get<DashboardApi>().HandleAsync(new DashboardRequest("GET", "",
            new Dictionary<string, string> { [DashboardPrincipal.Header] = DashboardPrincipal.Encode(StaffEmail) }, new Dictionary<string, string>(), null, "/api/dashboard"), default);
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
