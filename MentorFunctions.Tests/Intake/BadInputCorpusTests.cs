using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFunctions.Core.Intake;

namespace MentorFunctions.Tests.Intake;

/// <summary>Every case of TestData/Intake/bad/cases.jsonl gets exactly its status and error code, and nothing throws.</summary>
public sealed class BadInputCorpusTests
{
    private static List<JsonObject> All() =>
        File.ReadLines(Path.Combine(IntakeTestData.Dir, "bad", "cases.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonNode.Parse(l)!.AsObject())
            .ToList();

    public static TheoryData<string> Cases() => new(All().Select(c => c["name"]!.GetValue<string>()));

    private static JsonObject Case(string name) => All().Single(c => c["name"]!.GetValue<string>() == name);

    [Fact]
    public void The_corpus_is_large_and_covers_every_error_code()
    {
        var cases = All();
        Assert.Equal(cases.Count, cases.Select(c => c["name"]!.GetValue<string>()).Distinct().Count());
        Assert.True(cases.Count >= 40, $"only {cases.Count} cases");
        var codes = cases.Select(c => c["code"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(codes, new HashSet<string> { "BAD_JSON", "MISSING_FIELD", "BAD_FIELD", "TOO_LARGE", "BAD_CONTENT_TYPE", "UNAUTHORIZED" });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_bad_input_gets_its_exact_status_and_code(string name)
    {
        var c = Case(name);
        var body = Body(c);
        var contentType = c["contentType"]?.GetValue<string>() ?? "application/json";
        // Rejections happen before classification: the registry must never be consulted.
        var intake = IntakeTestData.CreateIntake(new UnreachableRegistry());

        var outcome = await intake.HandleAsync(body, contentType, CancellationToken.None);

        Assert.Equal(c["status"]!.GetValue<int>(), outcome.StatusCode);
        Assert.Equal(IntakeKind.Rejected, outcome.Kind);
        Assert.NotNull(outcome.Error);
        Assert.Equal(c["code"]!.GetValue<string>(), outcome.Error.CodeText);
        Assert.Null(outcome.Conversation);
        Assert.Null(outcome.Message);

        using var response = JsonDocument.Parse(outcome.ResponseJson);
        var root = response.RootElement;
        Assert.Equal("error", root.GetProperty("result").GetString());
        Assert.Equal(outcome.Error.CodeText, root.GetProperty("code").GetString());
        var msg = root.GetProperty("msg").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(msg));
        Assert.Equal(3, root.EnumerateObject().Count());

        if (c["field"]?.GetValue<string>() is { } field)
        {
            Assert.Equal(field, outcome.Error.Field);
            Assert.Contains($"'{field}'", msg);
        }
        // Never echo a secret or a value back.
        Assert.DoesNotContain(IntakeTestData.Token, outcome.ResponseJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("k3Jd9sLq", outcome.ResponseJson);
        Assert.DoesNotContain(" at ", msg); // no stack trace
    }

    private static byte[] Body(JsonObject c)
    {
        if (c["raw"] is { } raw)
            return Encoding.UTF8.GetBytes(raw.GetValue<string>());
        if (c["rawBase64"] is { } b64)
            return Convert.FromBase64String(b64.GetValue<string>());
        if (c["generate"]?.GetValue<string>() is { } generate)
        {
            var payload = IntakeTestData.Node("group-dm.json");
            switch (generate)
            {
                case "huge":
                    payload["message"]!["content"] = new string('x', WebhookIntake.MaxBodyBytes);
                    return IntakeTestData.ToBytes(payload);
                case "deep":
                    var text = payload.ToJsonString();
                    var nested = new string('[', 1000) + new string(']', 1000);
                    return Encoding.UTF8.GetBytes(text.Insert(1, $"\"extra\":{nested},"));
                default:
                    throw new InvalidOperationException("unknown generator " + generate);
            }
        }
        var basePayload = IntakeTestData.Node(c["base"]!.GetValue<string>());
        if (c["ops"] is JsonArray ops)
            IntakeTestData.Apply(basePayload, ops);
        return IntakeTestData.ToBytes(basePayload);
    }
}
