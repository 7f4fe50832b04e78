using System.Text.Json;

namespace MentorFunctions.Tests.MentorLab;

public sealed class MentorLabCommandLineTests
{
    [Fact]
    public async Task Help_lists_the_verbs_and_a_verbs_options()
    {
        var (code, output, _) = await LabTestData.RunAsync("help");
        Assert.Equal(0, code);
        Assert.Contains("attribution", output);
        (code, output, _) = await LabTestData.RunAsync("help", "attribution");
        Assert.Equal(0, code);
        Assert.Contains("--min-messages", output);
        (code, output, _) = await LabTestData.RunAsync("attribution", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--windows", output);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "unknown verb 'frobnicate'")]
    [InlineData(new[] { "attribution" }, "Option --input is required")]
    [InlineData(new[] { "attribution", "--input", "x", "--min-messages", "ten" }, "--min-messages must be a whole number")]
    [InlineData(new[] { "attribution", "--input", "x", "--colour", "red" }, "Unknown option --colour")]
    [InlineData(new[] { "attribution", "stray" }, "Unexpected argument 'stray'")]
    [InlineData(new[] { "attribution", "--input", "/nonexistent/mentor-lab" }, "no such file or folder")]
    public async Task A_bad_command_line_is_one_clear_line_and_exit_code_2(string[] args, string expected)
    {
        var (code, output, error) = await LabTestData.RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task A_malformed_export_names_the_file_and_message_without_a_stack_trace()
    {
        var dir = LabTestData.TempFolder();
        File.Copy(Path.Combine(LabTestData.ExportFolder, "2023-11-a.json"), Path.Combine(dir, "a.json"));
        var bad = LabTestData.WriteFile(dir, "b.json", """[{"id":1,"sender_id":2,"timestamp":"noon","content":"x","type":"stream","display_recipient":"c","subject":"t"}]""");
        var (code, _, error) = await LabTestData.RunAsync("attribution", "--input", dir);
        Assert.Equal(2, code);
        Assert.Contains(bad + ", message [0] (id 1): \"timestamp\" must be a number, found the string \"noon\"", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Too_few_authors_is_explained()
    {
        var (code, _, error) = await LabTestData.RunAsync("attribution", "--input", LabTestData.ExportFolder, "--min-messages", "1000");
        Assert.Equal(2, code);
        Assert.Contains("0 author(s) have at least 1000 messages", error);
    }

    [Fact]
    public async Task Attribution_runs_end_to_end_on_the_fixture_export()
    {
        var dir = LabTestData.TempFolder();
        var json = Path.Combine(dir, "attribution.json");
        var html = Path.Combine(dir, "report", "attribution.html");
        var (code, output, error) = await LabTestData.RunAsync("attribution", "--input", LabTestData.ExportFolder, "--min-messages", "30",
            "--windows", "15,30", "--json", json, "--html", html);
        Assert.True(code == 0, error);
        Assert.Contains("3 authors with >= 30 messages", output);
        Assert.Contains("profile top-1", output);
        Assert.Contains("reading files", error); // progress goes to stderr

        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = doc.RootElement;
        Assert.Equal(120, root.GetProperty("messages").GetInt32());
        Assert.Equal(3, root.GetProperty("authors").GetArrayLength());
        foreach (var author in root.GetProperty("authors").EnumerateArray())
        {
            Assert.Equal(32, author.GetProperty("trainMessages").GetInt32()); // 80% of 40, time-ordered
            Assert.Equal(8, author.GetProperty("testMessages").GetInt32());
            Assert.InRange(author.GetProperty("storedBytes").GetInt32(), 1, 32 * 1024);
        }
        var accuracy = root.GetProperty("accuracy").EnumerateArray().ToList();
        Assert.Equal([15, 30], accuracy.Select(a => a.GetProperty("minTokens").GetInt32()));
        Assert.All(accuracy, a =>
        {
            Assert.True(a.GetProperty("windows").GetInt32() > 0);
            Assert.Equal(1.0 / 3, a.GetProperty("chanceTop1").GetDouble(), 9);
            // Three authors who write nothing alike: both methods find them from a few held-out messages.
            Assert.True(a.GetProperty("deltaTop1").GetDouble() >= 0.8);
            Assert.True(a.GetProperty("profileTop1").GetDouble() >= 0.8);
        });
        var page = File.ReadAllText(html);
        Assert.Contains("<svg", page);
        Assert.Contains("Top-1 accuracy by window size", page);
        Assert.Contains("Bea Schmidt", page);
    }
}
