using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFunctions.Tests.Intake;

namespace MentorFunctions.Tests.Fixtures.OpenApi;

public sealed class OpenApiSchemaValidatorTests
{
    private const string WebhookPath = "/zulip-outgoing-webhook";

    public static TheoryData<string> Descriptions => ZulipDescriptions.Present;

    public static TheoryData<string, string> PayloadsByDescription
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var description in ZulipDescriptions.PresentNames)
                foreach (var file in new[] { "channel-mention.json", "direct-message.json", "group-dm.json", "legacy-private-message.json" })
                    data.Add(description, file);
            return data;
        }
    }

    public static TheoryData<string, string, string, string> WrongPayloadsByDescription
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var description in ZulipDescriptions.PresentNames)
                foreach (var (path, raw, expected) in WrongPayloads)
                    data.Add(description, path, raw, expected);
            return data;
        }
    }

    private static readonly (string Path, string Raw, string Expected)[] WrongPayloads =
    [
        ("message.sender_id", "\"20\"", "$.message.sender_id: expected integer, got string"),
        ("message.id", "4711.5", "$.message.id: expected integer, got number"),
        ("token", "null", "$.token: expected string, got null"),
        ("bot_nickname", "\"x\"", "$.bot_nickname: property is not allowed"),
        ("message.colour", "\"x\"", "$.message.colour: property is not allowed"),
        ("message.display_recipient", "7", "$.message.display_recipient: matches none of oneOf"),
        ("message.display_recipient[0].id", "\"ten\"", "$.message.display_recipient: matches none of oneOf"),
        ("message.reactions[0].reaction_type", "\"sticker\"", "$.message.reactions[0].reaction_type: \"sticker\" is not one of"),
        ("message.is_me_message", "0", "$.message.is_me_message: expected boolean, got integer"),
    ];

    private static JsonElement Json(string json) => JsonAssert.Parse(json);

    private static JsonElement Json(JsonNode node) => JsonAssert.Parse(node.ToJsonString());

    [Theory]
    [MemberData(nameof(PayloadsByDescription))]
    public void Recorded_webhook_payloads_match_zulips_schema(string description, string file)
    {
        var zulip = ZulipDescriptions.Named(description);
        var errors = zulip.ValidateResponse(WebhookPath, "post", 200, Json(IntakeTestData.Node(file)));
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Zulips_own_example_payload_matches_its_schema(string description)
    {
        var zulip = ZulipDescriptions.Named(description);
        var example = zulip.ResponseSchema(WebhookPath, "post", "200").GetProperty("example");
        Assert.Empty(zulip.ValidateResponse(WebhookPath, "post", 200, example));
    }

    [Theory]
    [MemberData(nameof(WrongPayloadsByDescription))]
    public void A_wrong_payload_is_rejected_with_the_path_of_the_fault(string description, string path, string rawValue, string expectedStart)
    {
        var zulip = ZulipDescriptions.Named(description);
        var payload = IntakeTestData.Node("group-dm.json");
        IntakeTestData.Apply(payload, new JsonArray(new JsonArray("set", path, rawValue)));
        var errors = zulip.ValidateResponse(WebhookPath, "post", 200, Json(payload));
        Assert.Contains(errors, e => e.StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void A_nullable_field_accepts_null(string description)
    {
        var zulip = ZulipDescriptions.Named(description);
        var payload = IntakeTestData.Node("group-dm.json");
        payload["message"]!["avatar_url"] = null;
        Assert.Empty(zulip.ValidateResponse(WebhookPath, "post", 200, Json(payload)));
    }

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void A_required_property_that_is_missing_is_reported(string description)
    {
        var zulip = ZulipDescriptions.Named(description);
        var errors = zulip.ValidateResponse("/messages", "post", 200, Json("""{"result":"success","msg":""}"""));
        Assert.Contains("$.id: required property is missing", errors);
        Assert.Empty(zulip.ValidateResponse("/messages", "post", 200, Json("""{"result":"success","msg":"","id":42}""")));
    }

    [Fact]
    public void Keywords_behave_as_openapi_3_0_defines_them()
    {
        var doc = OpenApiDocument.Parse("""
            openapi: 3.0.1
            components:
              schemas:
                Id: {type: integer, minimum: 1}
                Pet:
                  type: object
                  required: [id, kind]
                  additionalProperties: {type: string}
                  properties:
                    id: {$ref: "#/components/schemas/Id"}
                    kind: {type: string, enum: [cat, dog], nullable: true}
                    tags: {type: array, items: {type: string}, maxItems: 2}
                    size:
                      anyOf: [{type: integer}, {type: string, pattern: "^[SML]$"}]
                    either:
                      oneOf: [{type: number}, {type: integer}]
                    "yes": {type: boolean}
            """);
        var pet = doc.Resolve("#/components/schemas/Pet");
        Assert.Empty(doc.ValidateSchema(pet, Json("""{"id":1,"kind":null,"tags":["a"],"size":"M","note":"x","yes":true}""")));
        Assert.Empty(doc.ValidateSchema("#/components/schemas/Pet", Json("""{"id":2.0,"kind":"dog","size":3}""")));

        var errors = doc.ValidateSchema(pet, Json("""{"id":0,"kind":"cow","tags":["a",1,"c"],"size":"XL","note":5,"either":4}"""));
        Assert.Contains("$.id: 0 is below the minimum 1", errors);
        Assert.Contains(errors, e => e.StartsWith("$.kind: \"cow\" is not one of", StringComparison.Ordinal));
        Assert.Contains("$.tags[1]: expected string, got integer", errors);
        Assert.Contains("$.tags: has 3 items, more than 2", errors);
        Assert.Contains(errors, e => e.StartsWith("$.size: matches none of anyOf", StringComparison.Ordinal));
        Assert.Contains("$.note: expected string, got integer", errors);
        Assert.Contains("$.either: matches 2 branches of oneOf, exactly one expected", errors);

        Assert.Contains("$.kind: required property is missing", doc.ValidateSchema(pet, Json("""{"id":3}""")));
        Assert.Contains("$: expected object, got array", doc.ValidateSchema(pet, Json("[]")));
        Assert.Contains(doc.ValidateSchema(pet, Json("""{"id":1.5,"kind":"cat"}""")), e => e == "$.id: expected integer, got number");
    }

    [Fact]
    public void Plain_yaml_scalars_are_typed_and_quoted_ones_stay_strings()
    {
        var doc = OpenApiDocument.Parse("""
            a: 200
            b: "200"
            c: true
            d: ~
            e: 1.5
            f: 12345678901234567890123
            """);
        Assert.Equal(JsonValueKind.Number, doc.Root.GetProperty("a").ValueKind);
        Assert.Equal(JsonValueKind.String, doc.Root.GetProperty("b").ValueKind);
        Assert.Equal(JsonValueKind.True, doc.Root.GetProperty("c").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.Root.GetProperty("d").ValueKind);
        Assert.Equal(1.5, doc.Root.GetProperty("e").GetDouble());
        Assert.Equal("12345678901234567890123", doc.Root.GetProperty("f").GetRawText());
    }

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Query_parameters_with_json_content_are_validated_by_their_schema(string description)
    {
        var zulip = ZulipDescriptions.Named(description);
        // GET /messages takes narrow as a JSON-encoded query value, described with content: application/json.
        var schema = zulip.ParameterSchema("/messages", "get", "narrow");
        Assert.Empty(zulip.ValidateSchema(schema, Json("""[{"operator":"dm","operand":[12,34]}]""")));
        Assert.NotEmpty(zulip.ValidateSchema(schema, Json("""{"operator":"dm"}""")));
    }

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Form_requests_decode_json_encoded_fields_before_validation(string description)
    {
        var zulip = ZulipDescriptions.Named(description);
        var valid = zulip.ValidateFormRequest("/messages", "post",
            [new("type", "direct"), new("to", "[10,20]"), new("content", "Hello")]);
        Assert.Empty(valid);

        var wrongType = zulip.ValidateFormRequest("/messages", "post",
            [new("type", "letter"), new("to", "[10,20]"), new("content", "Hello")]);
        Assert.Contains(wrongType, e => e.StartsWith("$.type: \"letter\" is not one of", StringComparison.Ordinal));

        var missing = zulip.ValidateFormRequest("/messages", "post", [new("type", "direct"), new("to", "[10]")]);
        Assert.Contains("$.content: required property is missing", missing);

        var badJson = zulip.ValidateFormRequest("/messages", "post", [new("type", "direct"), new("to", "[10,"), new("content", "x")]);
        Assert.Contains("$.to: is not valid JSON", badJson);
    }
}
