using global::MentorLab.Export;

namespace MentorFunctions.Tests.MentorLab;

public sealed class ZulipExportReaderTests
{
    private const string Channel = """{"id":7,"sender_id":3,"sender_full_name":"Ana","timestamp":1700000000,"content":"hello","type":"stream","display_recipient":"help","subject":"git"}""";

    [Fact]
    public void Reads_a_folder_in_time_order_counting_overlapping_messages_once()
    {
        var export = ZulipExportReader.Read(LabTestData.ExportFolder);
        Assert.Equal(2, export.Files);
        Assert.Equal(120, export.Messages.Count);
        Assert.Equal(5, export.Duplicates);
        Assert.Equal(export.Messages.Count, export.Messages.Select(m => m.Id).Distinct().Count());
        Assert.True(export.Messages.Zip(export.Messages.Skip(1)).All(p => p.First.SentAt <= p.Second.SentAt));
        Assert.Equal([11L, 12L, 13L], export.BySender().Keys.Order());
        Assert.Equal(40, export.BySender()[12].Count);
    }

    [Fact]
    public void A_direct_message_group_is_its_sorted_participants_and_a_channel_message_its_topic()
    {
        var dir = LabTestData.TempFolder();
        var file = LabTestData.WriteFile(dir, "m.json", "[" + Channel + ","
            + """{"id":8,"sender_id":9,"timestamp":1700000100,"content":"hi","type":"private","display_recipient":[{"id":9,"full_name":"S"},{"id":3,"full_name":"Ana"}],"subject":""},"""
            + """{"id":9,"sender_id":3,"timestamp":1700000200,"content":"yo","type":"private","display_recipient":[{"id":3},{"id":9}],"subject":""}]""");
        var messages = ZulipExportReader.ReadFile(file);
        Assert.Equal("channel:help\u001fgit", messages[0].Conversation);
        Assert.False(messages[0].IsDirect);
        Assert.Equal("dm:3,9", messages[1].Conversation);
        Assert.Equal(messages[1].Conversation, messages[2].Conversation);
        Assert.Equal("user 9", messages[1].SenderFullName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000100), messages[1].SentAt);
    }

    [Fact]
    public void Rendered_html_content_is_read_back_as_text()
    {
        var dir = LabTestData.TempFolder();
        var file = LabTestData.WriteFile(dir, "m.json", """
            [{"id":1,"sender_id":3,"timestamp":1,"type":"stream","display_recipient":"c","subject":"t",
              "content":"<p>Try <code>git pull</code> &amp; retry :)</p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>ok</p>"}]
            """);
        var text = ZulipExportReader.ReadFile(file)[0].Content;
        Assert.Equal("Try `git pull` & retry :)\n> quoted\nok", text);
    }

    [Theory]
    [InlineData("""{"id":1}""", "expected a JSON array of messages, or an object with a \"messages\" array")]
    [InlineData("""[1]""", "message [0]: expected a message object, found a number")]
    [InlineData("""[{"sender_id":3}]""", "message [0]: \"id\" is missing")]
    [InlineData("""[{"id":5,"sender_id":"3","timestamp":1,"content":"x","type":"stream","display_recipient":"c","subject":"t"}]""", "message [0] (id 5): \"sender_id\" must be a positive whole number, found the string \"3\"")]
    [InlineData("""[{"id":5,"sender_id":3,"timestamp":1,"content":"x","type":"stream","display_recipient":"c"}]""", "message [0] (id 5): \"subject\" is missing")]
    [InlineData("""[{"id":5,"sender_id":3,"timestamp":1,"content":"x","type":"huddle","display_recipient":"c","subject":"t"}]""", "\"type\" must be \"stream\" or \"private\", found \"huddle\"")]
    [InlineData("""[{"id":5,"sender_id":3,"timestamp":1,"content":"x","type":"private","display_recipient":[{"name":"x"}],"subject":""}]""", "participant [0] of \"display_recipient\" has no positive \"id\"")]
    [InlineData("""[{"id":5,"sender_id":3,"timestamp":1,"content":null,"type":"stream","display_recipient":"c","subject":"t"}]""", "\"content\" must be a string, found null")]
    [InlineData("""[{"id":5,""", "not valid JSON")]
    public void A_malformed_export_names_the_file_the_message_and_the_problem(string json, string expected)
    {
        var dir = LabTestData.TempFolder();
        var file = LabTestData.WriteFile(dir, "bad.json", json);
        var e = Assert.Throws<ExportFormatException>(() => ZulipExportReader.Read(dir));
        Assert.StartsWith(file, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_missing_path_or_an_empty_folder_is_an_export_error()
    {
        var dir = LabTestData.TempFolder();
        Assert.Contains("holds no .json files", Assert.Throws<ExportFormatException>(() => ZulipExportReader.Read(dir)).Message);
        Assert.Contains("no such file or folder", Assert.Throws<ExportFormatException>(() => ZulipExportReader.Read(Path.Combine(dir, "nope"))).Message);
    }
}
