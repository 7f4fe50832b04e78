using System.Text.Json;
using MentorFunctions.Core.Admin;
using MentorFunctions.Tests.Commands;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Admin;

[Collection(AzuriteCollection.Name)]
public sealed class AdminApiTests(AzuriteFixture azurite)
{
    private const string Bot = ControlsHarness.Bot;

    private static string[] ErrorFields(AdminResult r)
    {
        using var doc = JsonDocument.Parse(r.Json);
        return doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToArray();
    }

    [Fact]
    public async Task Registers_a_mentor_then_updates_it_keeping_settings()
    {
        var h = new ControlsHarness(azurite, "adminreg");
        var created = await h.Admin.RegisterMentorAsync("""{"botEmail":"MENTOR-BOT@zulip.example.org","userId":11,"email":"ann@example.org","fullName":" Ann Lee "}""", default);
        Assert.Equal(201, created.Status);
        using (var doc = JsonDocument.Parse(created.Json))
        {
            Assert.Equal(Bot, doc.RootElement.GetProperty("botEmail").GetString());
            Assert.Equal("Ann Lee", doc.RootElement.GetProperty("fullName").GetString());
            Assert.Equal("Auto", doc.RootElement.GetProperty("mode").GetString());
        }
        await h.SayAsync(11, "mode draft");

        var updated = await h.Admin.RegisterMentorAsync("""{"botEmail":"mentor-bot@zulip.example.org","userId":11,"email":"ann@new.example.org","fullName":"Ann Lee-Ray"}""", default);
        Assert.Equal(200, updated.Status);
        var ann = await h.Registry.GetMentorAsync(Bot, 11);
        Assert.Equal(("ann@new.example.org", "Ann Lee-Ray", Core.Storage.ReplyMode.Draft), (ann!.Email, ann.FullName, ann.Mode));
    }

    [Theory]
    [InlineData("""{"userId":11,"email":"a@b.org","fullName":"A"}""", "botEmail")]
    [InlineData("""{"botEmail":"other-bot@zulip.example.org","userId":11,"email":"a@b.org","fullName":"A"}""", "botEmail")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","email":"a@b.org","fullName":"A"}""", "userId")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","userId":"11","email":"a@b.org","fullName":"A"}""", "userId")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","userId":-5,"email":"a@b.org","fullName":"A"}""", "userId")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","userId":0,"email":"a@b.org","fullName":"A"}""", "userId")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","userId":1.5,"email":"a@b.org","fullName":"A"}""", "userId")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","userId":99999999999999999999,"email":"a@b.org","fullName":"A"}""", "userId")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","userId":11,"email":"not-an-email","fullName":"A"}""", "email")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","userId":11,"email":"a@b.org","fullName":"   "}""", "fullName")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","userId":11,"email":"a@b.org","fullName":42}""", "fullName")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","userId":11,"email":"a@b.org","fullName":null}""", "fullName")]
    [InlineData("""{"botEmail":"mentor-bot@zulip.example.org","userId":11,"email":"a@b.org""", "body")]
    [InlineData("""[1,2,3]""", "body")]
    [InlineData("""not json""", "body")]
    [InlineData("", "body")]
    public async Task Register_mentor_rejects_bad_input_naming_the_field(string body, string field)
    {
        var h = new ControlsHarness(azurite, "adminbad");
        var r = await h.Admin.RegisterMentorAsync(body, default);
        Assert.Equal(400, r.Status);
        Assert.Equal([field], ErrorFields(r));
        Assert.Empty(await h.Registry.ListMentorsAsync(Bot));
    }

    [Fact]
    public async Task Every_bad_field_is_reported_at_once()
    {
        var h = new ControlsHarness(azurite, "adminmany");
        var r = await h.Admin.RegisterMentorAsync("""{"botEmail":"nobody@x.org","userId":"x","email":"x"}""", default);
        Assert.Equal(400, r.Status);
        Assert.Equal(["botEmail", "userId", "email", "fullName"], ErrorFields(r));
    }

    [Fact]
    public async Task Pairs_need_a_known_mentor_and_two_different_people()
    {
        var h = new ControlsHarness(azurite, "adminpair");
        const string pair = """{"botEmail":"mentor-bot@zulip.example.org","mentorId":11,"studentId":21,"studentEmail":"stu@example.org","studentFullName":"Stu Dent"}""";
        var unknown = await h.Admin.RegisterPairAsync(pair, default);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(["mentorId"], ErrorFields(unknown));

        await h.AddMentorAsync(11, "Ann Lee");
        Assert.Equal(201, (await h.Admin.RegisterPairAsync(pair, default)).Status);
        Assert.Equal(200, (await h.Admin.RegisterPairAsync(pair, default)).Status);
        Assert.Single(await h.Registry.ListStudentsAsync(Bot, 11));

        var self = await h.Admin.RegisterPairAsync(pair.Replace("\"studentId\":21", "\"studentId\":11"), default);
        Assert.Equal(400, self.Status);
        Assert.Equal(["studentId"], ErrorFields(self));

        var students = await h.Admin.ListStudentsAsync(Bot, "11", default);
        Assert.Equal(200, students.Status);
        using var doc = JsonDocument.Parse(students.Json);
        var s = Assert.Single(doc.RootElement.GetProperty("students").EnumerateArray());
        Assert.Equal(21, s.GetProperty("studentId").GetInt64());
        Assert.Equal("Admin", s.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Removals_answer_204_then_404()
    {
        var h = new ControlsHarness(azurite, "adminremove");
        await h.AddMentorAsync(11, "Ann Lee");
        await h.PairAsync(11, 21, "Stu Dent");

        Assert.Equal(204, (await h.Admin.RemovePairAsync(Bot, "11", "21", default)).Status);
        Assert.Equal(404, (await h.Admin.RemovePairAsync(Bot, "11", "21", default)).Status);
        Assert.Equal(204, (await h.Admin.RemoveMentorAsync(Bot, "11", default)).Status);
        Assert.Equal(404, (await h.Admin.RemoveMentorAsync(Bot, "11", default)).Status);
        Assert.Equal(404, (await h.Admin.ListStudentsAsync(Bot, "11", default)).Status);
        Assert.Equal(404, (await h.Admin.GetProfileAsync(Bot, "11", default)).Status);
    }

    [Theory]
    [InlineData("mentor-bot@zulip.example.org", "abc", "mentorId")]
    [InlineData("mentor-bot@zulip.example.org", "-3", "mentorId")]
    [InlineData("mentor-bot@zulip.example.org", "", "mentorId")]
    [InlineData("stranger@zulip.example.org", "11", "botEmail")]
    [InlineData("", "11", "botEmail")]
    public async Task Route_values_are_validated(string bot, string mentorId, string field)
    {
        var h = new ControlsHarness(azurite, "adminroute");
        await h.AddMentorAsync(11, "Ann Lee");
        foreach (var r in new[]
                 {
                     await h.Admin.RemoveMentorAsync(bot, mentorId, default),
                     await h.Admin.ListStudentsAsync(bot, mentorId, default),
                     await h.Admin.GetProfileAsync(bot, mentorId, default),
                 })
        {
            Assert.Equal(400, r.Status);
            Assert.Contains(field, ErrorFields(r));
        }
        Assert.NotNull(await h.Registry.GetMentorAsync(Bot, 11));
    }

    [Fact]
    public async Task Lists_mentors_and_reads_a_profile()
    {
        var h = new ControlsHarness(azurite, "adminlist");
        await h.AddMentorAsync(12, "Bob Ray");
        await h.AddMentorAsync(11, "Ann Lee");
        var list = await h.Admin.ListMentorsAsync(Bot, default);
        using (var doc = JsonDocument.Parse(list.Json))
            Assert.Equal([11L, 12L], doc.RootElement.GetProperty("mentors").EnumerateArray().Select(m => m.GetProperty("userId").GetInt64()));
        Assert.Equal(400, (await h.Admin.ListMentorsAsync("x@y.org", default)).Status);

        var profile = await h.Admin.GetProfileAsync(Bot, "11", default);
        Assert.Equal(200, profile.Status);
        using var p = JsonDocument.Parse(profile.Json);
        Assert.Equal("Short, friendly answers with a question back.", p.RootElement.GetProperty("summary").GetString());
        Assert.Equal(42, p.RootElement.GetProperty("snapshot").GetProperty("messagesSeen").GetInt64());
        Assert.Equal(6.5, p.RootElement.GetProperty("snapshot").GetProperty("timing").GetProperty("logMeanSeconds").GetDouble());
    }

    [Fact]
    public async Task Reads_the_audit_log_with_validated_filters()
    {
        var t0 = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(0, 5)
            .Select(i => new AuditEntryDto(t0.AddHours(i), Bot, i % 2 == 0 ? 11 : 12, 21, "reply.posted", "Posted", 100 + i, null))
            .ToList();
        var h = new ControlsHarness(azurite, "adminaudit", entries);

        var all = await h.Admin.ReadAuditAsync(Bot, null, null, null, default);
        Assert.Equal(200, all.Status);
        using (var doc = JsonDocument.Parse(all.Json))
            Assert.Equal(5, doc.RootElement.GetProperty("entries").GetArrayLength());
        Assert.Equal((null, null, AdminApi.DefaultAuditEntries), h.Audit.Calls.Last());

        var filtered = await h.Admin.ReadAuditAsync(Bot, "11", "2025-03-01T01:30:00Z", "1", default);
        using (var doc = JsonDocument.Parse(filtered.Json))
        {
            var e = Assert.Single(doc.RootElement.GetProperty("entries").EnumerateArray());
            Assert.Equal(104, e.GetProperty("messageId").GetInt64());
        }
        Assert.Equal((11L, t0.AddMinutes(90), 1), h.Audit.Calls.Last());

        var bad = await h.Admin.ReadAuditAsync("nobody@x.org", "x", "yesterday-ish", "5000", default);
        Assert.Equal(400, bad.Status);
        Assert.Equal(["botEmail", "mentorId", "since", "max"], ErrorFields(bad));
    }
}
