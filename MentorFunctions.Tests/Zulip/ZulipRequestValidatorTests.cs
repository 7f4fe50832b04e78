using MentorFunctions.Tests.Fixtures.OpenApi;

namespace MentorFunctions.Tests.Zulip;

public sealed class ZulipRequestValidatorTests
{
    private static readonly ZulipRequestValidator Validator = ZulipRequestValidator.Instance;
    private static readonly Dictionary<string, string> None = [];

    [Fact]
    public void Accepts_the_requests_the_client_sends()
    {
        Assert.Empty(Validator.Validate("POST", "/messages", None, new Dictionary<string, string> { ["type"] = "direct", ["to"] = "[10,20]", ["content"] = "hi" }));
        Assert.Empty(Validator.Validate("GET", "/messages", new Dictionary<string, string>
        {
            ["anchor"] = "newest", ["num_before"] = "100", ["num_after"] = "0", ["apply_markdown"] = "false",
            ["narrow"] = """[{"operator":"dm","operand":[10,20]}]""",
        }, null));
        Assert.Empty(Validator.Validate("POST", "/typing", None, new Dictionary<string, string> { ["op"] = "start", ["type"] = "direct", ["to"] = "[10,20]" }));
        Assert.Empty(Validator.Validate("GET", "/users/me", None, null));
    }

    [Theory]
    [InlineData("POST", "/messages", "type=bogus&to=[1]&content=x", "bogus")]
    [InlineData("POST", "/messages", "type=direct&to=[1]", "content")]
    [InlineData("POST", "/messages", "type=direct&to=[1]&content=x&colour=red", "colour")]
    [InlineData("POST", "/typing", "op=pause&to=[1]", "pause")]
    [InlineData("POST", "/typing", "op=start&to=[\"a\"]", "to")]
    [InlineData("GET", "/messages", "?num_before=-1&narrow=[]", "below")]
    [InlineData("GET", "/messages", "?num_before=many", "integer")]
    [InlineData("GET", "/messages", "?narrow=[{\"operator\":\"dm\"}]", "operand")]
    [InlineData("GET", "/messages", "?narrow=not-json", "JSON")]
    [InlineData("GET", "/messages", "?apply_markdown=maybe", "boolean")]
    [InlineData("DELETE", "/users/me/nothing", "", "no path")]
    [InlineData("PUT", "/typing", "", "no operation")]
    public void Rejects_a_request_that_does_not_fit_the_schema(string method, string path, string parameters, string expected)
    {
        var query = new Dictionary<string, string>();
        Dictionary<string, string>? form = null;
        if (parameters.StartsWith('?'))
            query = Parse(parameters[1..]);
        else if (parameters.Length > 0)
            form = Parse(parameters);
        var errors = Validator.Validate(method, path, query, form);
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, string> Parse(string s) =>
        s.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
