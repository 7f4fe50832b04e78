using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using MentorFunctions.Core.Admin;
using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using MentorFunctions.Tests.Style;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.MentorLab;

/// <summary>
/// `mentor-lab import` against the loopback Zulip (every request checked against the OpenAPI description): a mentor's
/// history of 6,100 direct messages with two students, read page by page as the mentor, with a 429 in the middle.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ImportVerbTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const long Ana = 101;
    private const string AnaEmail = "ana@mentoring.example.com";
    private const string AnaKey = "ana-own-api-key";
    private const long Sam = 201;
    private const long Kim = 202;
    private static readonly DateTimeOffset Start = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reads_5000_plus_messages_page_by_page_waits_out_a_429_and_learns_with_the_production_code()
    {
        await using var zulip = History(out var expected);
        DateTimeOffset? limitedAt = null;
        TimeSpan? waited = null;
        var calls = 0;
        zulip.FaultInjector = op =>
        {
            if (op != "get-messages") return null;
            calls++;
            if (calls == 3)
            {
                limitedAt = DateTimeOffset.UtcNow;
                return LoopbackZulipServer.RateLimited("1");
            }
            if (calls == 4) waited = DateTimeOffset.UtcNow - limitedAt;
            return null;
        };
        var dir = LabTestData.TempFolder();
        var zuliprc = Zuliprc(dir, zulip);

        var watch = Stopwatch.StartNew();
        var (code, stdout, stderr) = await LabTestData.RunAsync("import", "--zuliprc", zuliprc, "--student", Sam.ToString(CultureInfo.InvariantCulture),
            "--student", Kim.ToString(CultureInfo.InvariantCulture), "--exemplars", "--out", Path.Combine(dir, "profile.json"));
        watch.Stop();
        output.WriteLine(stderr);
        Assert.True(code == 0, stderr);
        Assert.Empty(zulip.ValidationErrors);

        // Pages: 5,200 with Sam in 6 (1,000 each, the last 200 ends at the newest), 900 with Kim in 1, and the retry.
        var pages = zulip.Requests.Where(r => LoopbackZulipServer.Operation(r) == "get-messages").ToList();
        Assert.Equal(8, pages.Count);
        Assert.All(pages, p =>
        {
            Assert.Equal($"{AnaEmail}:{AnaKey}", p.AuthUser);
            Assert.Equal("false", p.Query["apply_markdown"]);
            Assert.Equal("0", p.Query["num_before"]);
            Assert.Equal("1000", p.Query["num_after"]);
        });
        // Oldest first; a page starts after the last message of the one before; the rate-limited request is repeated as it was.
        var samIds = zulip.Messages.Where(m => m.Participants.SetEquals([Ana, Sam])).Select(m => m.Id).Order().ToArray();
        string Id(int i) => samIds[i].ToString(CultureInfo.InvariantCulture);
        Assert.Equal(["oldest", Id(999), Id(1999), Id(1999), Id(2999), Id(3999), Id(4999)], pages.Take(7).Select(p => p.Query["anchor"]));
        Assert.False(pages[0].Query.ContainsKey("include_anchor"));
        Assert.All(pages.Skip(1).Take(6), p => Assert.Equal("false", p.Query["include_anchor"]));
        Assert.Equal("oldest", pages[7].Query["anchor"]);
        Assert.Equal($$"""[{"operator":"dm","operand":[{{Kim}}]}]""", pages[^1].Query["narrow"]);
        Assert.True(waited >= TimeSpan.FromSeconds(0.9), $"the retry came {waited} after the 429");
        Assert.Contains("rate-limited by Zulip; waiting 1.0 s", stderr);
        Assert.Contains($"conversation with {Sam}: 5200 messages read (6 pages), done", stderr);
        Assert.Contains($"conversation with {Kim}: 900 messages read (1 page), done", stderr);

        // What it learned is what the production record step learns from the same messages, no more, no less.
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "profile.json")))!;
        var mentor = Profile(body["profile"]!);
        Assert.Equal(expected.Mentor.Messages, mentor.Messages);
        Assert.Equal(3050, mentor.Messages);
        Assert.Equal(expected.Mentor.LogLatency.Count, mentor.LogLatency.Count);
        Assert.Equal(expected.Mentor.Chars.Mean, mentor.Chars.Mean, 9);
        Assert.Equal(expected.Mentor.LatencyBins, mentor.LatencyBins);
        Assert.Equal(expected.Mentor.Activity, mentor.Activity);
        Assert.Equal(expected.Mentor.FunctionWordCounts, mentor.FunctionWordCounts);
        Assert.Equal(expected.Pairs[Sam].Messages, Profile(body["pairs"]![Sam.ToString(CultureInfo.InvariantCulture)]!).Messages);
        Assert.NotEmpty(mentor.Exemplars);
        Assert.Equal(6100, (long)body["consent"]!["messages"]!);
        Assert.Equal([Sam, Kim], body["consent"]!["conversations"]!.AsArray().Select(n => (long)n!));
        Assert.Equal(AnaEmail, (string?)body["consent"]!["grantedBy"]);
        // The key went to Zulip only: not in the body, not in the checkpoint, not in what was printed.
        Assert.DoesNotContain(AnaKey, body.ToJsonString());
        Assert.DoesNotContain(AnaKey, await File.ReadAllTextAsync(Path.Combine(dir, "profile.json.checkpoint")));
        Assert.DoesNotContain(AnaKey, stdout + stderr);
        output.WriteLine($"6,100 messages in {pages.Count} requests, {watch.Elapsed.TotalSeconds:F1} s including the 1 s wait");
    }

    [Fact]
    public async Task An_import_stopped_by_a_long_rate_limit_continues_from_its_checkpoint_and_counts_nothing_twice()
    {
        await using var zulip = History(out _);
        var dir = LabTestData.TempFolder();
        var zuliprc = Zuliprc(dir, zulip);
        string[] Args(string name) =>
        [
            "import", "--zuliprc", zuliprc, "--student", Sam.ToString(CultureInfo.InvariantCulture), "--student", Kim.ToString(CultureInfo.InvariantCulture),
            "--exemplars", "--max-wait", "5", "--out", Path.Combine(dir, name),
        ];

        var whole = await LabTestData.RunAsync(Args("whole.json"));
        Assert.True(whole.Code == 0, whole.Err);

        // The fourth page is refused with a wait of an hour: the import stops, keeping the three pages it learned.
        var calls = 0;
        zulip.FaultInjector = op => op == "get-messages" && ++calls == 4 ? LoopbackZulipServer.RateLimited("3600") : null;
        var stopped = await LabTestData.RunAsync(Args("resumed.json"));
        Assert.Equal(3, stopped.Code);
        Assert.Contains("run the same command again to continue", stopped.Err);
        Assert.False(File.Exists(Path.Combine(dir, "resumed.json")));
        var checkpoint = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "resumed.json.checkpoint")))!;
        Assert.Equal(3000, (long)checkpoint["conversations"]![0]!["messagesRead"]!);

        var before = zulip.Requests.Count;
        var resumed = await LabTestData.RunAsync(Args("resumed.json"));
        Assert.True(resumed.Code == 0, resumed.Err);
        Assert.Contains("continuing import", resumed.Err);
        var rerun = zulip.Requests.Skip(before).Where(r => LoopbackZulipServer.Operation(r) == "get-messages").ToList();
        Assert.NotEqual("oldest", rerun[0].Query["anchor"]);
        Assert.Equal(4, rerun.Count); // Sam's pages 4 to 6, and Kim's one
        Assert.Empty(zulip.ValidationErrors);

        // The same profiles, to the byte, as the uninterrupted run; and the same number of messages consented.
        var a = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "whole.json")))!;
        var b = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "resumed.json")))!;
        Assert.Equal(a["profile"]!.ToJsonString(), b["profile"]!.ToJsonString());
        Assert.Equal(a["pairs"]!.ToJsonString(), b["pairs"]!.ToJsonString());
        Assert.Equal((long)a["consent"]!["messages"]!, (long)b["consent"]!["messages"]!);
        Assert.Equal(3050, Profile(b["profile"]!).Messages);
    }

    [Fact]
    public async Task Uploads_through_the_admin_route_into_the_stored_profile_with_its_consent_once()
    {
        await using var zulip = History(out var expected);
        await using var app = new MentorApp(azurite, Start.AddDays(200));
        Assert.Equal(201, (await app.Get<AdminApi>().RegisterMentorAsync(
            $$"""{"botEmail":"{{MentorApp.Bot}}","userId":{{Ana}},"email":"{{AnaEmail}}","fullName":"Ana Lima"}""", default)).Status);
        foreach (var student in new[] { Sam, Kim })
            Assert.Equal(201, (await app.Get<AdminApi>().RegisterPairAsync(
                $$"""{"botEmail":"{{MentorApp.Bot}}","mentorId":{{Ana}},"studentId":{{student}},"studentEmail":"s{{student}}@example.com","studentFullName":"S {{student}}"}""", default)).Status);
        await using var functions = new AdminRoutes(app.Get<AdminApi>(), "the-master-key");
        var dir = LabTestData.TempFolder();
        var zuliprc = Zuliprc(dir, zulip);
        string[] Args(string key) =>
        [
            "import", "--zuliprc", zuliprc, "--registered", "--upload", functions.Uri.ToString(), "--admin-key", key,
            "--bot", MentorApp.Bot, "--no-exemplars", "--checkpoint", Path.Combine(dir, "ana.checkpoint"),
        ];
        var args = Args("the-master-key");

        var first = await LabTestData.RunAsync(args);
        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("\"merged\":true", first.Err);
        Assert.Equal(["GET students", "POST import"], functions.Calls);

        var stored = await MentorProfileAsync(app);
        Assert.Equal(expected.Mentor.Messages, stored.Messages);
        Assert.Equal(expected.Mentor.LatencyBins, stored.LatencyBins);
        Assert.Empty(stored.Exemplars);
        var record = Assert.Single(await app.Get<ProfileImportRecords>().ListAsync(MentorApp.Bot, Ana, default));
        Assert.Equal((AnaEmail, 6100L, ProfileImportSource.Zuliprc, false), (record.GrantedBy, record.Messages, record.Source, record.Exemplars));
        Assert.Equal(new[] { Sam, Kim }, record.Conversations);

        // Run again (the checkpoint says it is all read): the same import id, merged once.
        var again = await LabTestData.RunAsync(args);
        Assert.True(again.Code == 0, again.Err);
        Assert.Contains("\"merged\":false", again.Err);
        Assert.Equal(expected.Mentor.Messages, (await MentorProfileAsync(app)).Messages);

        // A wrong admin key is refused by the app and reported.
        var refused = await LabTestData.RunAsync(Args("wrong"));
        Assert.Equal(2, refused.Code);
        Assert.Contains("401", refused.Err);
    }

    [Fact]
    public async Task Learns_the_same_from_a_GET_messages_export()
    {
        await using var zulip = History(out var expected);
        var dir = LabTestData.TempFolder();
        // The export an admin would take: GET /messages answers, here straight from the loopback.
        var exportFile = Path.Combine(dir, "export.json");
        using (var http = new HttpClient())
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{AnaEmail}:{AnaKey}")));
            var all = new JsonArray();
            foreach (var student in new[] { Sam, Kim })
            {
                var anchor = "oldest";
                while (true)
                {
                    var narrow = Uri.EscapeDataString($$"""[{"operator":"dm","operand":[{{student}}]}]""");
                    var answer = JsonNode.Parse(await http.GetStringAsync(new Uri(zulip.Site,
                        $"api/v1/messages?anchor={anchor}&include_anchor=false&num_before=0&num_after=2000&apply_markdown=false&narrow={narrow}")))!;
                    var page = answer["messages"]!.AsArray();
                    foreach (var m in page) all.Add(m!.DeepClone());
                    if ((bool)answer["found_newest"]! || page.Count == 0) break;
                    anchor = ((long)page[^1]!["id"]!).ToString(CultureInfo.InvariantCulture);
                }
            }
            await File.WriteAllTextAsync(exportFile, all.ToJsonString());
        }

        var (code, _, stderr) = await LabTestData.RunAsync("import", "--from-export", exportFile, "--mentor", Ana.ToString(CultureInfo.InvariantCulture),
            "--student", Sam.ToString(CultureInfo.InvariantCulture), "--student", Kim.ToString(CultureInfo.InvariantCulture),
            "--granted-by", "admin@mentoring.example.com", "--out", Path.Combine(dir, "profile.json"));
        Assert.True(code == 0, stderr);
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "profile.json")))!;
        var mentor = Profile(body["profile"]!);
        Assert.Equal(expected.Mentor.Messages, mentor.Messages);
        Assert.Equal(expected.Mentor.LatencyBins, mentor.LatencyBins);
        Assert.Equal("export", (string?)body["consent"]!["source"]);
        Assert.Equal(6100, (long)body["consent"]!["messages"]!);
        Assert.Empty(mentor.Exemplars); // none without --exemplars
    }

    [Theory]
    [InlineData("--student", "201")] // neither --out nor --upload
    [InlineData("--out", "x.json")] // no student
    [InlineData("--student", "sam@example.org", "--out", "x.json")] // not a user id
    [InlineData("--student", "201", "--registered", "--out", "x.json")] // --registered without the app
    [InlineData("--student", "201", "--page-size", "5000", "--out", "x.json")]
    [InlineData("--student", "201", "--exemplars", "--no-exemplars", "--out", "x.json")]
    public async Task Bad_options_exit_2_with_one_line(params string[] options)
    {
        await using var zulip = History(out _);
        var dir = LabTestData.TempFolder();
        var (code, _, stderr) = await LabTestData.RunAsync(["import", "--zuliprc", Zuliprc(dir, zulip), .. options]);
        Assert.Equal(2, code);
        Assert.StartsWith("mentor-lab import: ", stderr);
        Assert.DoesNotContain(zulip.Requests, r => LoopbackZulipServer.Operation(r) == "get-messages");
    }

    [Fact]
    public async Task A_zuliprc_Zulip_refuses_stops_the_import_without_a_checkpoint_to_resume()
    {
        await using var zulip = History(out _);
        var dir = LabTestData.TempFolder();
        var path = LabTestData.WriteFile(dir, "zuliprc", $"[api]\nemail={AnaEmail}\nkey=not-her-key\nsite={zulip.Site}\n");
        var (code, _, stderr) = await LabTestData.RunAsync("import", "--zuliprc", path, "--student", "201", "--out", Path.Combine(dir, "x.json"));
        Assert.Equal(2, code);
        Assert.Contains("401", stderr);
        Assert.DoesNotContain("not-her-key", stderr);
    }

    // --- the history ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Ana's 1:1 history: 5,200 messages with Sam and 900 with Kim (student and mentor taking turns, the mentor answering
    /// minutes to hours later), and a group DM with the bot that the import must not read. <paramref name="expected"/>
    /// is what the production record step learns from those 1:1 messages.
    /// </summary>
    private static LoopbackZulipServer History(out (StyleProfile Mentor, Dictionary<long, StyleProfile> Pairs) expected)
    {
        var zulip = new LoopbackZulipServer("mentor-bot@mentoring.example.com", "bot-key", 9);
        zulip.Accounts[AnaEmail] = (AnaKey, Ana);
        var synth = new MessageSynth(seed: 7);
        var random = new Random(7);
        var options = new StyleOptions();
        var mentor = new StyleProfile();
        var pairs = new Dictionary<long, StyleProfile>();
        foreach (var (student, count) in new[] { (Sam, 5200), (Kim, 900) })
        {
            var pair = new StyleProfile();
            var ledger = new PairLedger();
            var at = Start.AddMinutes(random.Next(600));
            for (var i = 0; i < count; i++)
            {
                var fromMentor = i % 2 == 1;
                var sender = fromMentor ? Ana : student;
                var content = synth.Next(fromMentor ? 140 : 70);
                var id = zulip.AddDirectMessage(sender, fromMentor ? student : Ana, content, at);
                // Learned from the stamp Zulip gives (whole seconds), as the import reads it.
                var message = new ConversationMessage(id, sender, fromMentor ? ParticipantRole.Mentor : ParticipantRole.Student,
                    DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()), content);
                if (ledger.TryMarkCounted(id)) StyleLearner.Record(message, ledger, pair, fromMentor ? mentor : null, options);
                at = at.AddSeconds(fromMentor ? 3600 + random.Next(20 * 3600) : 60 + random.Next(4 * 3600));
            }
            pairs[student] = pair;
        }
        zulip.AddMessage(Sam, [Ana], "a group DM with the bot: not part of the 1:1 history", Start);
        expected = (mentor, pairs);
        return zulip;
    }

    private static string Zuliprc(string dir, LoopbackZulipServer zulip) =>
        LabTestData.WriteFile(dir, "zuliprc", $"# downloaded from Zulip\n[api]\nemail={AnaEmail}\nkey={AnaKey}\nsite={zulip.Site.ToString().TrimEnd('/')}\n");

    private static StyleProfile Profile(JsonNode node) => ProfileCodec.Deserialize(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString())).Profile;

    private static async Task<StyleProfile> MentorProfileAsync(MentorApp app)
    {
        var table = await app.Get<TableStore>().GetTableAsync(ProfileStore.TableShortName);
        var entity = await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(ProfileStore.PartitionKey(MentorApp.Bot, Ana), ProfileStore.MentorRow);
        return ProfileCodec.Deserialize(entity.Value.GetBinary("Data")).Profile;
    }

    /// <summary>
    /// The two admin routes the import calls, as the Functions shell routes them (AdminApiFunctions): the key in
    /// x-functions-key checked as the host checks the master key, then the AdminApi call.
    /// </summary>
    private sealed class AdminRoutes : IAsyncDisposable
    {
        private readonly LoopbackHttpServer _server;

        public AdminRoutes(AdminApi api, string masterKey) => _server = new LoopbackHttpServer(async context =>
        {
            var request = context.Request;
            var parts = request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            // api/mentoring/bots/{bot}/mentors/{mentorId}/students | …/profile/import
            if (request.Headers["x-functions-key"] != masterKey)
            {
                await LoopbackHttpServer.WriteAsync(context.Response, 401, "");
                return;
            }
            AdminResult result;
            var bot = WebUtility.UrlDecode(parts[3]);
            if (request.HttpMethod == "GET" && parts is [_, "mentoring", "bots", _, "mentors", _, "students"])
            {
                lock (Calls) Calls.Add("GET students");
                result = await api.ListStudentsAsync(bot, parts[5], default);
            }
            else if (request.HttpMethod == "POST" && parts is [_, "mentoring", "bots", _, "mentors", _, "profile", "import"])
            {
                lock (Calls) Calls.Add("POST import");
                using var reader = new StreamReader(request.InputStream);
                result = await api.ImportProfileAsync(bot, parts[5], await reader.ReadToEndAsync(), default);
            }
            else
            {
                result = new AdminResult(404, "");
            }
            await LoopbackHttpServer.WriteAsync(context.Response, result.Status, result.Json);
        });

        public List<string> Calls { get; } = [];
        public Uri Uri => _server.BaseUri;

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
