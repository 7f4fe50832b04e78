using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using global::MentorLab.Export;
using MentorFunctions.Tests.Fixtures.Loopback;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.MentorLab;

/// <summary>
/// `mentor-lab replies` end to end on the committed fixture chat (three mentors with distinct habits, five students,
/// direct messages and two channel topics) against the loopback model, with responders that make the expected
/// figures known: the mentor's real reply verbatim, a fixed long text, scripted failures.
/// </summary>
public sealed class RepliesVerbTests(ITestOutputHelper log)
{
    private static readonly long[] MentorIds = [11, 12, 13];

    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "TestData", "MentorLab", "replies");

    /// <summary>The fixture as the verb reads it, and every student message the mentor answered, keyed by its text.</summary>
    private sealed class Chat
    {
        public Chat()
        {
            Export = ZulipExportReader.Read(Fixture);
            var answered = new Dictionary<string, (ExportMessage Student, ExportMessage Reply)>(StringComparer.Ordinal);
            foreach (var conversation in Export.Messages.GroupBy(m => m.Conversation))
            {
                var list = conversation.ToList();
                for (var i = 1; i < list.Count; i++)
                    if (MentorIds.Contains(list[i].SenderId) && list[i - 1].SenderId != list[i].SenderId)
                        Assert.True(answered.TryAdd(list[i - 1].Content, (list[i - 1], list[i])), "the fixture's answered messages are unique: " + list[i - 1].Id);
            }
            Answered = answered;
            // The verbatim responder finds its item by the prompt's last student text: no key may end another.
            foreach (var a in answered.Keys)
                foreach (var b in answered.Keys)
                    Assert.True(a == b || !a.EndsWith(b, StringComparison.Ordinal), $"fixture: '{a}' ends with '{b}'");
        }

        public ZulipExport Export { get; }
        public IReadOnlyDictionary<string, (ExportMessage Student, ExportMessage Reply)> Answered { get; }

        /// <summary>The item a request was for: the answered message its last user turn ends with.</summary>
        public (ExportMessage Student, ExportMessage Reply) ItemOf(ChatRequest request)
        {
            var last = request.Messages.Last(m => m.Role == "user").Content;
            var key = Answered.Keys.Where(k => last.EndsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
            Assert.NotNull(key);
            return Answered[key];
        }

        /// <summary>A deterministic model: the mentor's real reply, with usage derived from the request.</summary>
        public ChatReply Verbatim(ChatRequest request) =>
            LoopbackOpenAIServer.Completion(ItemOf(request).Reply.Content, promptTokens: PromptTokens(request), completionTokens: ItemOf(request).Reply.Content.Length / 4 + 1);

        public static int PromptTokens(ChatRequest request) => request.Messages.Sum(m => m.Content.Length) / 4 + 7;
    }

    private static async Task<(int Code, string Out, string Err, JsonElement Json, string Folder)> RunAsync(LoopbackOpenAIServer model, params string[] extra)
    {
        var dir = LabTestData.TempFolder();
        var json = Path.Combine(dir, "replies.json");
        string[] args =
        [
            "replies", "--input", Fixture, "--model-endpoint", new Uri(model.Endpoint, "v1/").ToString(), "--provider", "openai",
            "--deployment", "llama3.1", "--model-key", "lab-key", "--json", json, "--html-dir", Path.Combine(dir, "html"), .. extra,
        ];
        if (!extra.Contains("--retries")) args = [.. args, "--retries", "0"];
        var (code, output, error) = await LabTestData.RunAsync(args);
        var root = File.Exists(json) ? JsonDocument.Parse(File.ReadAllBytes(json)).RootElement : default;
        return (code, output, error, root, dir);
    }

    private static Dictionary<long, JsonElement> Mentors(JsonElement root) =>
        root.GetProperty("mentors").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetInt64());

    [Fact]
    public async Task Verbatim_replies_score_as_the_real_ones_and_each_prompt_holds_only_its_own_conversation()
    {
        var chat = new Chat();
        await using var model = new LoopbackOpenAIServer();
        model.Responder = chat.Verbatim;
        var (code, output, error, root, _) = await RunAsync(model);
        Assert.True(code == 0, error);
        Assert.Contains("replies generated", output);
        log.WriteLine(output);

        var mentors = Mentors(root);
        Assert.Equal(MentorIds, mentors.Keys.Order());
        Assert.Equal(3, root.GetProperty("candidates").GetInt32());
        var requests = model.Requests;
        Assert.Equal(mentors.Values.Sum(m => m.GetProperty("attempted").GetInt32()), requests.Count);
        foreach (var m in mentors.Values)
        {
            var attempted = m.GetProperty("attempted").GetInt32();
            Assert.InRange(attempted, 3, 20);
            Assert.Equal(attempted, m.GetProperty("generated").GetInt32());
            Assert.Empty(m.GetProperty("failures").EnumerateArray());
            // The same texts attribute the same way, whichever method, and lie on the same distributions.
            var a = m.GetProperty("attribution");
            Assert.Equal(a.GetProperty("realProfileTop1").GetDouble(), a.GetProperty("aiProfileTop1").GetDouble());
            Assert.Equal(a.GetProperty("realDeltaTop1").GetDouble(), a.GetProperty("aiDeltaTop1").GetDouble());
            Assert.Equal(a.GetProperty("realPooledProfileRank").GetInt32(), a.GetProperty("aiPooledProfileRank").GetInt32());
            Assert.Equal(a.GetProperty("realPooledDeltaRank").GetInt32(), a.GetProperty("aiPooledDeltaRank").GetInt32());
            Assert.Equal(1.0 / 3, a.GetProperty("chanceTop1").GetDouble(), 9);
            foreach (var d in m.GetProperty("distributions").EnumerateArray())
            {
                Assert.Equal(0, d.GetProperty("d").GetDouble());
                Assert.Equal(d.GetProperty("realMedian").GetDouble(), d.GetProperty("aiMedian").GetDouble());
            }
            var signatures = m.GetProperty("signatures").EnumerateArray().ToList();
            Assert.NotEmpty(signatures);
            foreach (var s in signatures)
                Assert.Equal(s.GetProperty("heldOutRate").GetDouble(), s.GetProperty("aiRate").GetDouble());
            Assert.Equal(m.GetProperty("emoji").GetProperty("heldOutPerMessage").GetDouble(), m.GetProperty("emoji").GetProperty("aiPerMessage").GetDouble());
            Assert.Equal(attempted, m.GetProperty("cost").GetProperty("tokensFromUsage").GetInt32());
        }
        // Bea signs nearly every message off the same way: that is among her signature items at a rate near 1.
        Assert.Contains(Mentors(root)[12].GetProperty("signatures").EnumerateArray(), s => s.GetProperty("trainingRate").GetDouble() > 0.75);

        // Tokens are the model's usage, summed.
        var summary = root.GetProperty("summary");
        Assert.Equal(requests.Sum(Chat.PromptTokens), summary.GetProperty("promptTokens").GetInt64());
        Assert.Equal(requests.Sum(r => chat.ItemOf(r).Reply.Content.Length / 4 + 1), summary.GetProperty("completionTokens").GetInt64());
        Assert.Equal(requests.Count, summary.GetProperty("generated").GetInt32());
        Assert.All(requests, r => Assert.Equal("Bearer lab-key", r.Authorization));

        // Every prompt: the answered student's message is there, and nothing any student wrote anywhere else.
        var studentMessages = chat.Export.Messages.Where(m => !MentorIds.Contains(m.SenderId)).ToList();
        var channelItems = 0;
        foreach (var request in requests)
        {
            var (student, reply) = chat.ItemOf(request);
            var prompt = string.Join("\n", request.Messages.Select(t => t.Content));
            Assert.Contains(student.Content, prompt);
            Assert.DoesNotContain(reply.Content, prompt);
            foreach (var other in studentMessages.Where(o => o.SenderId != student.SenderId || o.Conversation != student.Conversation))
                Assert.False(prompt.Contains(other.Content, StringComparison.Ordinal), $"the prompt for {reply.Id} holds message {other.Id} of another conversation or student");
            Assert.Equal("system", request.Messages[0].Role);
            if (!student.IsDirect)
            {
                channelItems++;
                // Nor the mentor's answers to other people in the topic: they may quote them.
                var topic = chat.Export.Messages.Where(x => x.Conversation == student.Conversation && x.Id < reply.Id).OrderBy(x => x.Id).ToList();
                long? lastOther = null;
                var answersToOthers = new List<string>();
                var own = new HashSet<string>(StringComparer.Ordinal);
                foreach (var m in topic)
                {
                    if (m.SenderId != reply.SenderId) { lastOther = m.SenderId; if (m.SenderId == student.SenderId) own.Add(m.Content); continue; }
                    if (lastOther is { } o && o != student.SenderId) answersToOthers.Add(m.Content);
                    else own.Add(m.Content);
                }
                foreach (var answer in answersToOthers.Where(t => t.Length >= 40 && !own.Contains(t)))
                    Assert.False(prompt.Contains(answer, StringComparison.Ordinal), $"the prompt for {reply.Id} holds the mentor's answer to someone else");
            }
        }
        // The isolation above is tested where it can fail: channel topics with several students.
        Assert.True(channelItems >= 3, $"{channelItems} held-out replies in channel topics");
    }

    [Fact]
    public async Task A_fixed_long_reply_is_far_from_every_real_length_and_its_tokens_are_estimated_without_usage()
    {
        var chat = new Chat();
        var text = string.Join(' ', Enumerable.Repeat("Thanks for the detailed question, let me walk through every step of it carefully.", 40));
        Assert.True(chat.Answered.Values.Max(a => a.Reply.Content.Length) < text.Length / 2);
        await using var model = new LoopbackOpenAIServer();
        model.Responder = _ => LoopbackOpenAIServer.CompletionWithoutUsage(text);
        var dir = LabTestData.TempFolder();
        var json = Path.Combine(dir, "replies.json");
        // Azure's wire format this time, and a model whose tokenizer is known.
        var (code, output, error) = await LabTestData.RunAsync("replies", "--input", Fixture, "--model-endpoint", model.Endpoint.ToString(),
            "--deployment", "stand-in", "--model", "gpt-4o-mini", "--model-key", "k", "--json", json, "--retries", "0");
        Assert.True(code == 0, error);
        log.WriteLine(output);
        Assert.All(model.Requests, r => Assert.Equal("/openai/deployments/stand-in/chat/completions", r.Path));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        Assert.Equal("o200k_base", doc.RootElement.GetProperty("model").GetProperty("tokenizer").GetString());
        foreach (var m in Mentors(doc.RootElement).Values)
        {
            var distributions = m.GetProperty("distributions").EnumerateArray().ToDictionary(d => d.GetProperty("measure").GetString()!);
            Assert.Equal(1, distributions["chars"].GetProperty("d").GetDouble());
            Assert.Equal(1, distributions["words"].GetProperty("d").GetDouble());
            Assert.True(distributions["chars"].GetProperty("p").GetDouble() < 0.05);
            var cost = m.GetProperty("cost");
            var generated = m.GetProperty("generated").GetInt32();
            Assert.Equal(generated, cost.GetProperty("tokensEstimated").GetInt32());
            Assert.Equal(0, cost.GetProperty("tokensFromUsage").GetInt32());
            // The same answer every time: the same completion count, a real count of the text (not zero).
            var perReply = m.GetProperty("pairs").EnumerateArray().Select(p => p.GetProperty("completionTokens").GetInt32()).Distinct().ToList();
            Assert.Single(perReply);
            Assert.InRange(perReply[0], text.Length / 8, text.Length / 2);
            Assert.All(m.GetProperty("pairs").EnumerateArray(), p => Assert.True(p.GetProperty("promptTokens").GetInt32() > 100));
        }
    }

    [Fact]
    public async Task Without_include_text_no_message_text_reaches_any_output()
    {
        var chat = new Chat();
        await using var model = new LoopbackOpenAIServer();
        model.Responder = chat.Verbatim;
        var (code, output, error, root, dir) = await RunAsync(model);
        Assert.True(code == 0, error);
        Assert.False(root.GetProperty("includesText").GetBoolean());

        var texts = new List<string> { output, error };
        CollectStrings(root, texts);
        var pages = Directory.GetFiles(Path.Combine(dir, "html"), "*.html");
        Assert.Equal(4, pages.Length);
        texts.AddRange(pages.Select(p => WebUtility.HtmlDecode(File.ReadAllText(p))));
        foreach (var message in chat.Export.Messages)
            foreach (var line in message.Content.Split('\n').Where(l => l.Trim().Length >= 16))
                Assert.DoesNotContain(texts, t => t.Contains(line.Trim(), StringComparison.Ordinal));
        // Nor the key, whichever output.
        Assert.DoesNotContain(texts, t => t.Contains("lab-key", StringComparison.Ordinal));
        Assert.All(Mentors(root).Values.SelectMany(m => m.GetProperty("signatures").EnumerateArray()), s => Assert.False(s.TryGetProperty("text", out _)));
        Assert.All(Mentors(root).Values.SelectMany(m => m.GetProperty("pairs").EnumerateArray()), p => Assert.False(p.TryGetProperty("real", out _)));
    }

    [Fact]
    public async Task With_include_text_the_pairs_stand_side_by_side_escaped()
    {
        var chat = new Chat();
        const string answer = "<script>alert(\"gotcha\")</script> use <b>textContent</b> & stay safe";
        await using var model = new LoopbackOpenAIServer();
        model.Responder = _ => LoopbackOpenAIServer.Completion(answer);
        var (code, _, error, root, dir) = await RunAsync(model, "--include-text");
        Assert.True(code == 0, error);
        Assert.True(root.GetProperty("includesText").GetBoolean());

        var caio = Mentors(root)[13];
        var pairs = caio.GetProperty("pairs").EnumerateArray().ToList();
        Assert.All(pairs, p => Assert.Equal(answer, p.GetProperty("ai").GetString()));
        foreach (var p in pairs)
        {
            var real = chat.Export.Messages.Single(m => m.Id == p.GetProperty("realReplyId").GetInt64());
            Assert.Equal(real.Content, p.GetProperty("real").GetString());
            Assert.EndsWith(chat.Export.Messages.Single(m => m.Id == p.GetProperty("studentMessageId").GetInt64()).Content, p.GetProperty("student").GetString());
        }
        Assert.Contains(caio.GetProperty("signatures").EnumerateArray(), s => s.TryGetProperty("text", out var t) && t.GetString()!.Length > 0);

        var page = File.ReadAllText(Path.Combine(dir, "html", "replies-13.html"));
        Assert.Contains("The replies side by side", page);
        Assert.Contains("<table class=\"text\">", page);
        Assert.Contains("&lt;script&gt;alert(&quot;gotcha&quot;)&lt;/script&gt;", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("<b>", page);
        // The channel topic about escaping: a student's own markup shows as text too.
        var escapingItem = pairs.FirstOrDefault(p => p.GetProperty("student").GetString()!.Contains('<'));
        Assert.True(escapingItem.ValueKind == JsonValueKind.Object, "a held-out student message with markup in it");
        Assert.Contains(WebUtility.HtmlEncode(escapingItem.GetProperty("student").GetString()!.Split("\n\n")[^1]), page);
    }

    [Fact]
    public async Task An_answer_the_output_guard_would_withhold_is_counted_and_still_scored()
    {
        await using var model = new LoopbackOpenAIServer();
        model.Responder = _ => LoopbackOpenAIServer.Completion("This is Ana here, let me check that for you.");
        var (code, _, error, root, _) = await RunAsync(model);
        Assert.True(code == 0, error);
        foreach (var (id, m) in Mentors(root))
        {
            var flags = m.GetProperty("guardFlags").EnumerateArray().ToList();
            var generated = m.GetProperty("generated").GetInt32();
            Assert.True(generated > 0);
            if (id == 11)
            {
                // Ana's stand-in claiming to be Ana in person would never be posted.
                Assert.Equal("guard-claims-human", Assert.Single(flags).GetProperty("reason").GetString());
                Assert.Equal(generated, flags[0].GetProperty("count").GetInt32());
            }
            else
            {
                Assert.Empty(flags);
            }
            Assert.Equal(generated, m.GetProperty("cost").GetProperty("replies").GetInt32());
        }
    }

    [Fact]
    public async Task Model_failures_are_counted_by_kind_and_the_run_goes_on()
    {
        var chat = new Chat();
        await using var model = new LoopbackOpenAIServer();
        var n = 0;
        model.Responder = request => (Interlocked.Increment(ref n) % 4) switch
        {
            1 => LoopbackOpenAIServer.Error(500, "server_error", "The server had an error"),
            2 => LoopbackOpenAIServer.Error(400, "invalid_request_error", "Bad request"),
            3 => LoopbackOpenAIServer.Error(429, "rate_limit_exceeded", "Slow down", new Dictionary<string, string> { ["Retry-After"] = "0" }),
            _ => chat.Verbatim(request),
        };
        var (code, output, error, root, _) = await RunAsync(model, "--mentors", "11,13");
        Assert.True(code == 0, error);
        Assert.Equal([11L, 13L], Mentors(root).Keys.Order());
        var summary = root.GetProperty("summary");
        var attempted = summary.GetProperty("attempted").GetInt32();
        Assert.Equal(model.Requests.Count, attempted);
        Assert.Equal(attempted / 4, summary.GetProperty("generated").GetInt32());
        Assert.Equal(attempted - attempted / 4, summary.GetProperty("failed").GetInt32());
        var kinds = Mentors(root).Values.SelectMany(m => m.GetProperty("failures").EnumerateArray())
            .GroupBy(f => f.GetProperty("kind").GetString() + " " + f.GetProperty("detail").GetString())
            .ToDictionary(g => g.Key, g => g.Sum(f => f.GetProperty("count").GetInt32()));
        Assert.Equal((attempted + 3) / 4, kinds["ServerError 500"]);
        Assert.Equal((attempted + 2) / 4, kinds["Refused 400 invalid_request_error"]);
        Assert.Equal((attempted + 1) / 4, kinds["RateLimited 429"]);
        Assert.Contains("failures for", output);
        // Failed items keep their place, with no tokens and no text.
        var pairs = Mentors(root).Values.SelectMany(m => m.GetProperty("pairs").EnumerateArray()).ToList();
        Assert.Equal(attempted, pairs.Count);
        Assert.All(pairs.Where(p => p.TryGetProperty("failure", out _)), p => Assert.Equal(0, p.GetProperty("promptTokens").GetInt32()));
    }

    [Fact]
    public async Task A_filtered_an_empty_and_a_late_answer_are_typed_failures()
    {
        var chat = new Chat();
        await using var model = new LoopbackOpenAIServer();
        var n = 0;
        model.Responder = request => (Interlocked.Increment(ref n) % 4) switch
        {
            1 => LoopbackOpenAIServer.ContentFilterRefusal(),
            2 => LoopbackOpenAIServer.Completion("   "),
            // Well past the 1 s limit: a loaded machine cannot turn this into an answer.
            3 => LoopbackOpenAIServer.Completion("too late") with { Delay = TimeSpan.FromSeconds(6) },
            _ => chat.Verbatim(request),
        };
        var (code, _, error, root, _) = await RunAsync(model, "--mentors", "Caio Rocha", "--max-replies", "4", "--timeout-seconds", "1");
        Assert.True(code == 0, error);
        var caio = Mentors(root)[13];
        var kinds = caio.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Timeout", "ContentFiltered", "EmptyAnswer"], kinds);
        Assert.Equal(1, caio.GetProperty("generated").GetInt32());
        var failures = caio.GetProperty("pairs").EnumerateArray().Select(p => p.TryGetProperty("failure", out var f) ? f.GetString() : null).ToList();
        Assert.Equal(["ContentFiltered", "EmptyAnswer", "Timeout", null], failures);
    }

    [Fact]
    public async Task An_endpoint_nobody_listens_on_is_a_connection_failure_for_every_reply()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var dir = LabTestData.TempFolder();
        var json = Path.Combine(dir, "replies.json");
        var (code, output, error) = await LabTestData.RunAsync("replies", "--input", Fixture, "--model-endpoint", $"http://127.0.0.1:{port}/v1/",
            "--provider", "openai", "--deployment", "llama3.1", "--mentors", "11", "--max-replies", "2", "--retries", "0", "--json", json);
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("failed").GetInt32());
        Assert.Equal(0, summary.GetProperty("generated").GetInt32());
        var failure = Assert.Single(Mentors(doc.RootElement)[11].GetProperty("failures").EnumerateArray());
        Assert.Equal("Connection", failure.GetProperty("kind").GetString());
        Assert.Contains("0 of 2 replies generated (2 failed)", output);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_the_servers_Retry_After()
    {
        var chat = new Chat();
        await using var model = new LoopbackOpenAIServer();
        var n = 0;
        model.Responder = request => Interlocked.Increment(ref n) % 2 == 1
            ? LoopbackOpenAIServer.Error(503, "unavailable", "Try again", new Dictionary<string, string> { ["Retry-After"] = "0" })
            : chat.Verbatim(request);
        var (code, _, error, root, _) = await RunAsync(model, "--mentors", "Bea Schmidt", "--retries", "1");
        Assert.True(code == 0, error);
        var bea = Mentors(root)[12];
        var generated = bea.GetProperty("generated").GetInt32();
        Assert.Equal(bea.GetProperty("attempted").GetInt32(), generated);
        Assert.Equal(2 * generated, bea.GetProperty("cost").GetProperty("calls").GetInt32());
        Assert.Equal(2 * generated, model.Requests.Count);
    }

    [Fact]
    public async Task Mentors_and_max_replies_limit_the_calls_and_the_order_is_the_same_every_run()
    {
        var chat = new Chat();
        await using var model = new LoopbackOpenAIServer();
        model.Responder = chat.Verbatim;
        var first = await RunAsync(model, "--mentors", "bea schmidt,11", "--max-replies", "2");
        var second = await RunAsync(model, "--mentors", "11,Bea Schmidt", "--max-replies", "2");
        Assert.True(first.Code == 0 && second.Code == 0, first.Err + second.Err);
        Assert.Equal(8, model.Requests.Count);
        static List<long> Ids(JsonElement root) => root.GetProperty("mentors").EnumerateArray()
            .SelectMany(m => m.GetProperty("pairs").EnumerateArray().Select(p => p.GetProperty("realReplyId").GetInt64())).ToList();
        var ids = Ids(first.Json);
        Assert.Equal(ids, Ids(second.Json));
        Assert.Equal([11L, 12L], Mentors(first.Json).Keys);
        // The earliest held-out replies: in time order within each mentor, and more were there to take.
        foreach (var m in Mentors(first.Json).Values)
        {
            var times = m.GetProperty("pairs").EnumerateArray().Select(p => chat.Export.Messages.Single(x => x.Id == p.GetProperty("realReplyId").GetInt64()).SentAt).ToList();
            Assert.Equal(times.Order(), times);
            Assert.Equal(2, m.GetProperty("attempted").GetInt32());
            Assert.True(m.GetProperty("heldOutReplies").GetInt32() > 2);
        }
    }

    [Theory]
    [InlineData("--deployment", "d", "needs --model-endpoint")]
    [InlineData("--model-endpoint", "ftp://x", "--model-endpoint must be an http(s) URL")]
    [InlineData("--provider", "bedrock", "--provider must be azure or openai")]
    [InlineData("--max-replies", "0", "--max-replies must be a whole number")]
    [InlineData("--mentors", "Nobody Here", "'Nobody Here' is not an author")]
    [InlineData("--min-messages", "1000", "replies needs two or more")]
    [InlineData("--colour", "blue", "Unknown option --colour")]
    [InlineData("--model-endpoint", "http://models.example.com/v1", "must be https when a model key is set")]
    public async Task Bad_arguments_exit_with_the_usage_code_and_call_no_model(string option, string value, string expected)
    {
        await using var model = new LoopbackOpenAIServer();
        var args = new List<string> { "replies", "--input", Fixture };
        if (option != "--model-endpoint") args.AddRange(["--model-endpoint", model.Endpoint.ToString()]);
        if (option != "--deployment") args.AddRange(["--deployment", "d"]);
        if (expected == "needs --model-endpoint")
        {
            args.RemoveRange(3, 2);
            expected = "Option --model-endpoint is required";
        }
        args.AddRange([option, value]);
        if (expected.Contains("model key", StringComparison.Ordinal)) args.AddRange(["--model-key", "lab-key"]);
        var (code, _, error) = await LabTestData.RunAsync([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.Empty(model.Requests);
    }

    private static void CollectStrings(JsonElement e, List<string> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String: into.Add(e.GetString()!); break;
            case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) CollectStrings(p.Value, into); break;
            case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) CollectStrings(x, into); break;
        }
    }
}
