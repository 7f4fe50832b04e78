using System.ComponentModel.DataAnnotations;

namespace MentorFunctions.Core.Zulip;

/// <summary>The Zulip bots this deployment serves (configuration section "Zulip"). One deployment may serve several organisations.</summary>
public sealed class ZulipOptions
{
    public const string Section = "Zulip";

    public List<ZulipBotOptions> Bots { get; set; } = [];

    /// <summary>The bot configured for an email (case-insensitive), or null.</summary>
    public ZulipBotOptions? FindBot(string botEmail)
    {
        foreach (var bot in Bots)
        {
            if (string.Equals(bot.Email, botEmail, StringComparison.OrdinalIgnoreCase))
                return bot;
        }
        return null;
    }
}

/// <summary>One outgoing-webhook bot: "Zulip:Bots:0:Site", "Zulip:Bots:0:Email", ...</summary>
public sealed class ZulipBotOptions
{
    /// <summary>The organisation's Zulip URL, e.g. https://mentoring.zulipchat.com.</summary>
    [Required]
    public Uri Site { get; set; } = null!;

    /// <summary>The bot's email, as Zulip sends it in <c>bot_email</c>.</summary>
    [Required]
    public string Email { get; set; } = "";

    /// <summary>The bot's API key (for REST calls as the bot). A secret: from Key Vault or local settings, never the repo.</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>The bot's outgoing-webhook token, compared in constant time with the payload's <c>token</c>. A secret.</summary>
    [Required]
    public string WebhookToken { get; set; } = "";

    /// <summary>
    /// When a registered mentor writes in a group DM with the bot and one other human, that message is the mentor's
    /// consent: the human becomes their student. Off: only an admin or the mentor's `accept` enrols. A message from
    /// the other human never enrols them; it makes the bot ask the mentor instead.
    /// </summary>
    public bool AutoEnrolStudents { get; set; } = true;
}
