using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Tests.Commands;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("pause", CommandKind.Pause)]
    [InlineData("  PAUSE  ", CommandKind.Pause)]
    [InlineData("Pause.", CommandKind.Pause)]
    [InlineData("pause!", CommandKind.Pause)]
    [InlineData("@**Mentor Bot** pause", CommandKind.Pause)]
    [InlineData("@_**Mentor Bot|42**   pause", CommandKind.Pause)]
    [InlineData("/pause", CommandKind.Pause)]
    [InlineData("stop", CommandKind.Pause)]
    [InlineData("Resume", CommandKind.Resume)]
    [InlineData("unpause", CommandKind.Resume)]
    [InlineData("status?", CommandKind.Status)]
    [InlineData("my profile", CommandKind.Status)]
    [InlineData("HELP", CommandKind.Help)]
    [InlineData("what can you do?", CommandKind.Help)]
    [InlineData("", CommandKind.Help)]
    [InlineData("@**Mentor Bot**", CommandKind.Help)]
    [InlineData("students", CommandKind.Students)]
    [InlineData("My  students", CommandKind.Students)]
    [InlineData("human", CommandKind.Human)]
    [InlineData("Talk to my mentor", CommandKind.Human)]
    [InlineData("I want to talk to a human please", CommandKind.Human)]
    [InlineData("can I speak with my mentor?", CommandKind.Human)]
    [InlineData("forget", CommandKind.Forget)]
    [InlineData("forget me!", CommandKind.Forget)]
    [InlineData("delete my data", CommandKind.Forget)]
    [InlineData("forget cancel", CommandKind.ForgetCancel)]
    [InlineData("send", CommandKind.DraftSend)]
    [InlineData("approve", CommandKind.DraftSend)]
    [InlineData("skip", CommandKind.DraftSkip)]
    [InlineData("persona", CommandKind.PersonaShow)]
    [InlineData("persona clear", CommandKind.PersonaClear)]
    [InlineData("Persona: CLEAR.", CommandKind.PersonaClear)]
    public void Recognises_commands_whatever_the_case_spacing_punctuation_and_mentions(string text, CommandKind expected)
    {
        Assert.Equal(expected, CommandParser.Parse(text).Kind);
    }

    [Theory]
    [InlineData("hello there")]
    [InlineData("what's the capital of France")]
    [InlineData("pausing is fun?")]
    [InlineData("students are great")]
    [InlineData("forget about it")]
    [InlineData("12345")]
    [InlineData("@**Mentor Bot** can you check my homework")]
    public void Unknown_text_is_unknown_so_the_handler_answers_with_help(string text)
    {
        Assert.Equal(CommandKind.Unknown, CommandParser.Parse(text).Kind);
    }

    [Theory]
    [InlineData("pause 30m", 30)]
    [InlineData("pause 2h", 120)]
    [InlineData("pause 2 hours", 120)]
    [InlineData("pause for 2 hours", 120)]
    [InlineData("PAUSE 1D", 1440)]
    [InlineData("pause 1 day", 1440)]
    [InlineData("pause 1h30m", 90)]
    [InlineData("pause 1h 30m", 90)]
    [InlineData("pause 1 hour and 30 minutes", 90)]
    [InlineData("pause an hour", 60)]
    [InlineData("pause 45 mins.", 45)]
    [InlineData("pause 1w", 10080)]
    [InlineData("@**Bot** pause: 3h!", 180)]
    public void Pause_understands_durations(string text, int minutes)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal(CommandKind.Pause, parsed.Kind);
        Assert.Equal(TimeSpan.FromMinutes(minutes), parsed.Duration);
    }

    [Fact]
    public void Pause_without_duration_has_no_end()
    {
        var parsed = CommandParser.Parse("pause");
        Assert.Equal(CommandKind.Pause, parsed.Kind);
        Assert.Null(parsed.Duration);
    }

    [Theory]
    [InlineData("pause until monday")]
    [InlineData("pause 5 fortnights")]
    [InlineData("pause 0h")]
    [InlineData("pause 31d")]
    [InlineData("pause 999999h")]
    [InlineData("pause 2")]
    public void Pause_with_a_bad_duration_is_invalid_with_a_reason(string text)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal(CommandKind.Invalid, parsed.Kind);
        Assert.Equal(CommandKind.Pause, parsed.Intended);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Problem));
    }

    [Theory]
    [InlineData("mode auto", ReplyMode.Auto)]
    [InlineData("Mode   DRAFT", ReplyMode.Draft)]
    [InlineData("mode: off.", ReplyMode.Off)]
    [InlineData("mode automatic", ReplyMode.Auto)]
    [InlineData("draft mode", ReplyMode.Draft)]
    [InlineData("Auto mode!", ReplyMode.Auto)]
    public void Mode_understands_its_values(string text, ReplyMode expected)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal(CommandKind.Mode, parsed.Kind);
        Assert.Equal(expected, parsed.Mode);
    }

    [Theory]
    [InlineData("mode")]
    [InlineData("mode sometimes")]
    [InlineData("mode auto draft")]
    public void Mode_without_a_known_value_is_invalid(string text)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal(CommandKind.Invalid, parsed.Kind);
        Assert.Equal(CommandKind.Mode, parsed.Intended);
    }

    [Fact]
    public void Persona_keeps_the_original_case_and_line_breaks()
    {
        var parsed = CommandParser.Parse("@**Bot** persona I teach *Rust*.\nKeep it SHORT, please!");
        Assert.Equal(CommandKind.PersonaSet, parsed.Kind);
        Assert.Equal("I teach *Rust*.\nKeep it SHORT, please!", parsed.Text);
    }

    [Fact]
    public void A_persona_that_is_too_long_is_invalid()
    {
        var parsed = CommandParser.Parse("persona " + new string('x', CommandParser.MaxPersonaLength + 1));
        Assert.Equal(CommandKind.Invalid, parsed.Kind);
        Assert.Equal(CommandKind.PersonaSet, parsed.Intended);
    }

    [Theory]
    [InlineData("send 12", CommandKind.DraftSend, 12L)]
    [InlineData("Send #12.", CommandKind.DraftSend, 12L)]
    [InlineData("skip 7", CommandKind.DraftSkip, 7L)]
    [InlineData("discard", CommandKind.DraftSkip, null)]
    [InlineData("send", CommandKind.DraftSend, null)]
    public void Draft_decisions_take_an_optional_number(string text, CommandKind kind, long? id)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(id, parsed.DraftId);
    }

    [Theory]
    [InlineData("send twelve")]
    [InlineData("send 0")]
    [InlineData("skip 1 2")]
    public void A_bad_draft_number_is_invalid(string text)
    {
        Assert.Equal(CommandKind.Invalid, CommandParser.Parse(text).Kind);
    }

    [Theory]
    [InlineData("edit Sure, see you at 3!", null, "Sure, see you at 3!")]
    [InlineData("edit 12 Sure, see you at 3!", 12L, "Sure, see you at 3!")]
    [InlineData("EDIT #4: Try `cargo build` first.", 4L, "Try `cargo build` first.")]
    [InlineData("edit:\nLine one\n\nLine *two*", null, "Line one\n\nLine *two*")]
    [InlineData("@**Bot** edit 3\nHello **Ann**", 3L, "Hello **Ann**")]
    public void Edit_keeps_the_mentors_text_exactly(string text, long? id, string expected)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal(CommandKind.DraftEdit, parsed.Kind);
        Assert.Equal(id, parsed.DraftId);
        Assert.Equal(expected, parsed.Text);
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("edit 12")]
    [InlineData("edit   ")]
    public void Edit_without_text_is_invalid(string text)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal(CommandKind.Invalid, parsed.Kind);
        Assert.Equal(CommandKind.DraftEdit, parsed.Intended);
    }

    [Theory]
    [InlineData("forget confirm k7m2qx", "K7M2QX")]
    [InlineData("Forget, confirm: ABC234.", "ABC234")]
    public void Forget_confirm_carries_the_code_upper_cased(string text, string code)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal(CommandKind.ForgetConfirm, parsed.Kind);
        Assert.Equal(code, parsed.Code);
    }

    [Theory]
    [InlineData("pause @**Ann Lee** 2h", "Ann Lee", null)]
    [InlineData("mode off @**Ann Lee|77**", "Ann Lee", 77L)]
    [InlineData("resume @_**Bob|5**", "Bob", 5L)]
    public void A_mention_after_a_settings_command_is_captured_as_its_target(string text, string name, long? id)
    {
        var parsed = CommandParser.Parse(text);
        Assert.NotEqual(CommandKind.Invalid, parsed.Kind);
        Assert.Equal(name, parsed.TargetName);
        Assert.Equal(id, parsed.TargetUserId);
    }

    [Fact]
    public void Null_input_is_help_not_a_crash()
    {
        Assert.Equal(CommandKind.Help, CommandParser.Parse(null).Kind);
    }

    [Theory]
    [InlineData("quiet 22-7 Europe/Lisbon", 22, 7, "Europe/Lisbon")]
    [InlineData("  Quiet 22:00 - 07:00   America/Sao_Paulo ", 22, 7, "America/Sao_Paulo")]
    [InlineData("@**Mentor Bot** quiet 9 to 17", 9, 17, "UTC")]
    public void Quiet_hours_keep_the_time_zone_as_written(string text, int start, int end, string zone)
    {
        var command = CommandParser.Parse(text);
        Assert.Equal(CommandKind.Quiet, command.Kind);
        Assert.Equal(new MentorFunctions.Core.Storage.MentorQuietHours(start, end, zone), command.QuietHours);
    }

    [Theory]
    [InlineData("quiet off")]
    [InlineData("QUIET none")]
    public void Quiet_off_clears_them(string text)
    {
        var command = CommandParser.Parse(text);
        Assert.Equal(CommandKind.Quiet, command.Kind);
        Assert.Null(command.QuietHours);
    }

    [Theory]
    [InlineData("quiet 25-7")]
    [InlineData("quiet 7-7")]
    [InlineData("quiet tonight")]
    [InlineData("quiet 22-7 Atlantis/Capital")]
    public void Bad_quiet_hours_are_invalid_with_a_reason(string text)
    {
        var command = CommandParser.Parse(text);
        Assert.Equal(CommandKind.Invalid, command.Kind);
        Assert.Equal(CommandKind.Quiet, command.Intended);
        Assert.False(string.IsNullOrWhiteSpace(command.Problem));
    }

    [Theory]
    [InlineData("accept 201", CommandKind.Accept, 201L)]
    [InlineData("Accept @**Sam Park|201**", CommandKind.Accept, 201L)]
    [InlineData("decline 201", CommandKind.Decline, 201L)]
    [InlineData("/decline @_**Sam Park|201**", CommandKind.Decline, 201L)]
    public void Accept_and_decline_name_the_student_by_id(string text, CommandKind kind, long student)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal((kind, student), (parsed.Kind, parsed.StudentId!.Value));
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("accept sam")]
    [InlineData("accept 0")]
    [InlineData("decline 12 13")]
    [InlineData("accept @**Sam Park**")]
    public void Accept_or_decline_without_one_valid_id_says_how(string text)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal(CommandKind.Invalid, parsed.Kind);
        Assert.Contains("user id", parsed.Problem);
    }
}
