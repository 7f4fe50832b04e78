using MentorFunctions.Tests.Fixtures.OpenApi;

namespace MentorFunctions.Tests.Zulip;

public sealed class ZulipRequestValidatorTests
{
    private static readonly Dictionary<string, string> None = [];

    public static TheoryData<string> Descriptions => ZulipDescriptions.Present;

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Accepts_the_requests_the_client_sends(string description)
    {
        var validator = ZulipRequestValidator.For(description);
        Assert.Empty(validator.Validate("POST", "/messages", None, new Dictionary<string, string> { ["type"] = "direct", ["to"] = "[10,20]", ["content"] = "hi" }));
        Assert.Empty(validator.Validate("GET", "/messages", new Dictionary<string, string>
        {
            ["anchor"] = "newest", ["num_before"] = "100", ["num_after"] = "0", ["apply_markdown"] = "false",
            ["narrow"] = """[{"operator":"dm","operand":[10,20]}]""",
        }, null));
        Assert.Empty(validator.Validate("POST", "/typing", None, new Dictionary<string, string> { ["op"] = "start", ["type"] = "direct", ["to"] = "[10,20]" }));
        Assert.Empty(validator.Validate("GET", "/users/me", None, null));
        Assert.Empty(validator.Validate("GET", "/users/42", None, null));
    }

    private static readonly string[][] BadRequests =
    [
        ["POST", "/messages", "type=bogus&to=[1]&content=x", "bogus"],
        ["POST", "/messages", "type=direct&to=[1]", "content"],
        ["POST", "/messages", "type=direct&to=[1]&content=x&colour=red", "colour"],
        ["POST", "/typing", "op=pause&to=[1]", "pause"],
        ["POST", "/typing", "op=start&to=[\"a\"]", "to"],
        ["GET", "/messages", "?num_before=-1&narrow=[]", "below"],
        ["GET", "/messages", "?num_before=many", "integer"],
        ["GET", "/messages", "?narrow=[{\"operator\":\"dm\"}]", "operand"],
        ["GET", "/messages", "?narrow=not-json", "JSON"],
        ["GET", "/messages", "?apply_markdown=maybe", "boolean"],
        ["GET", "/users/me", "?colour=red", "unknown parameter"],
        ["GET", "/users/42", "?client_gravatar=perhaps", "boolean"],
        ["DELETE", "/users/me/nothing", "", "no path"],
        ["PUT", "/typing", "", "no operation"],
    ];

    public static TheoryData<string, string, string, string, string> BadRequestsByDescription
    {
        get
        {
            var data = new TheoryData<string, string, string, string, string>();
            foreach (var description in ZulipDescriptions.PresentNames)
                foreach (var r in BadRequests)
                    data.Add(description, r[0], r[1], r[2], r[3]);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadRequestsByDescription))]
    public void Rejects_a_request_that_does_not_fit_the_schema(string description, string method, string path, string parameters, string expected)
    {
        var validator = ZulipRequestValidator.For(description);
        var query = new Dictionary<string, string>();
        Dictionary<string, string>? form = null;
        if (parameters.StartsWith('?'))
            query = Parse(parameters[1..]);
        else if (parameters.Length > 0)
            form = Parse(parameters);
        var errors = validator.Validate(method, path, query, form);
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, string> Parse(string s) =>
        s.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
