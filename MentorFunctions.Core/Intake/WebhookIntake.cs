using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Intake;

/// <summary>
/// Zulip's outgoing-webhook endpoint, minus HTTP: checks and parses the body, authenticates the bot, and classifies the
/// message as a conversation message, a command (answered at once) or something to ignore. Bad input is answered with a
/// typed error, never an exception. Storage failures while classifying do propagate: they are not the caller's fault.
/// </summary>
public sealed partial class WebhookIntake
{
    /// <summary>
    /// The largest body accepted, sized from Zulip's worst case: a message of 10,000 characters (Zulip's limit) arrives
    /// twice as JSON text (<c>data</c> and <c>message.content</c>), where each non-BMP character is escaped to 12 bytes,
    /// plus <c>rendered_content</c>, where each emoji becomes a <c>&lt;span&gt;</c> that repeats its name three times
    /// (about 230 bytes for a long name). Rejecting a valid message would lose it: Zulip posts "Failure!" instead.
    /// </summary>
    public const int MaxBodyBytes = MaxMessageCharacters * (2 * 12 + RenderedBytesPerCharacter) + EnvelopeBytes;

    private const int MaxMessageCharacters = 10_000;
    private const int RenderedBytesPerCharacter = 400;
    private const int EnvelopeBytes = 64 * 1024;


    private readonly IOptionsMonitor<ZulipOptions> _zulip;
    private readonly IMentorRegistry _registry;
    private readonly ICommandHandler _commands;
    private readonly PairConsent _consent;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookIntake> _logger;

    public WebhookIntake(
        IOptionsMonitor<ZulipOptions> zulip,
        IMentorRegistry registry,
        ICommandHandler commands,
        PairConsent consent,
        TimeProvider time,
        ILogger<WebhookIntake> logger)
    {
        _zulip = zulip;
        _registry = registry;
        _commands = commands;
        _consent = consent;
        _time = time;
        _logger = logger;
    }

    public async Task<WebhookOutcome> HandleAsync(ReadOnlyMemory<byte> body, string? contentType, CancellationToken ct)
    {
        if (body.Length > MaxBodyBytes)
            return Reject(new IntakeError(IntakeErrorCode.TooLarge, $"The body is larger than {MaxBodyBytes} bytes."));
        if (!WebhookBodyParser.IsAcceptableContentType(contentType))
            return Reject(new IntakeError(IntakeErrorCode.BadContentType, "Content-Type must be application/json (UTF-8)."));

        var payload = WebhookBodyParser.Parse(body.Span, out var parseError);
        if (payload is null)
            return Reject(parseError!);

        if (string.IsNullOrWhiteSpace(payload.BotEmail))
            return Reject(Missing("bot_email"));
        if (payload.Token is null)
            return Reject(Missing("token"));

        var bot = Authenticate(payload.BotEmail, payload.Token);
        if (bot is null)
            return Reject(new IntakeError(IntakeErrorCode.Unauthorized, "Unknown bot or wrong token."));

        if (Validate(payload) is { } invalid)
            return Reject(invalid);

        var message = payload.Message!;
        var messageId = message.Id!.Value;
        if (payload.Trigger == WebhookTrigger.Unknown)
            return Ignore(bot, messageId, IgnoreReason.UnknownTrigger);
        if (message.Type == ZulipMessageType.Unknown)
            return Ignore(bot, messageId, IgnoreReason.UnknownMessageType);
        if (string.Equals(message.SenderEmail, bot.Email, StringComparison.OrdinalIgnoreCase))
            return Ignore(bot, messageId, IgnoreReason.OwnMessage);

        if (message.Type == ZulipMessageType.Stream)
            return await CommandAsync(bot, payload, isDirect: false, ct).ConfigureAwait(false);

        var users = message.DisplayRecipient!.Users!;
        var botIndex = -1;
        var senderIsParticipant = false;
        for (var i = 0; i < users.Count; i++)
        {
            if (botIndex < 0 && string.Equals(users[i].Email, bot.Email, StringComparison.OrdinalIgnoreCase))
                botIndex = i;
        }
        // The sender must be one of the humans: a sender id matching only the bot's entry is not a participant.
        for (var i = 0; i < users.Count; i++)
        {
            if (i != botIndex && users[i].Id == message.SenderId)
                senderIsParticipant = true;
        }
        if (botIndex < 0)
            return Ignore(bot, messageId, IgnoreReason.BotNotParticipant);
        if (!senderIsParticipant)
            return Ignore(bot, messageId, IgnoreReason.SenderNotParticipant);

        try
        {
            return users.Count switch
            {
                2 => await CommandAsync(bot, payload, isDirect: true, ct).ConfigureAwait(false),
                3 => await ConversationAsync(bot, message, users, botIndex, ct).ConfigureAwait(false),
                _ => Ignore(bot, messageId, IgnoreReason.TooManyParticipants),
            };
        }
        catch (Exception e) when (e is Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException
                                       or Azure.Identity.CredentialUnavailableException or TransientStepException
                                       or HttpRequestException or TimeoutException or ZulipApiException)
        {
            // The registry could not be read or written: refuse visibly rather than drop a valid message.
            LogUnavailable(messageId, e.GetType().Name);
            return WebhookOutcome.Unavailable("The mentor registry is unavailable; try again shortly.", messageId);
        }
    }

    private ZulipBotOptions? Authenticate(string botEmail, string token)
    {
        var bot = _zulip.CurrentValue.FindBot(botEmail.Trim());
        // An unknown bot costs the same comparison as a known one, so timing does not reveal which bots are configured.
        var matches = WebhookTokenCheck.Matches(bot?.WebhookToken ?? "", token);
        return matches && bot is not null ? bot : null;
    }

    /// <summary>The fields classification relies on; everything else in the payload is optional.</summary>
    private static IntakeError? Validate(OutgoingWebhookPayload payload)
    {
        if (payload.Trigger is null)
            return Missing("trigger");
        if (payload.Message is not { } m)
            return Missing("message");
        if (m.Id is not { } id)
            return Missing("message.id");
        if (id <= 0)
            return OutOfRange("message.id");
        if (m.SenderId is not { } senderId)
            return Missing("message.sender_id");
        if (senderId <= 0)
            return OutOfRange("message.sender_id");
        if (m.SenderEmail is null)
            return Missing("message.sender_email");
        if (m.SenderFullName is null)
            return Missing("message.sender_full_name");
        if (m.Content is null)
            return Missing("message.content");
        if (m.Timestamp is not { } timestamp)
            return Missing("message.timestamp");
        if (timestamp < 0 || timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return OutOfRange("message.timestamp");
        if (m.Type is null)
            return Missing("message.type");
        if (m.DisplayRecipient is null)
            return Missing("message.display_recipient");

        if (m.Type == ZulipMessageType.Private)
        {
            if (m.DisplayRecipient.Users is not { } users)
                return new IntakeError(IntakeErrorCode.BadField,
                    "Field 'message.display_recipient' must be a list of users for a direct message.", "message.display_recipient");
            for (var i = 0; i < users.Count; i++)
            {
                if (users[i].Id is not { } userId)
                    return Missing($"message.display_recipient[{i}].id");
                if (userId <= 0)
                    return OutOfRange($"message.display_recipient[{i}].id");
                if (users[i].Email is null)
                    return Missing($"message.display_recipient[{i}].email");
            }
        }
        return null;
    }

    private async Task<WebhookOutcome> ConversationAsync(
        ZulipBotOptions bot, WebhookMessage message, IReadOnlyList<RecipientUser> users, int botIndex, CancellationToken ct)
    {
        var messageId = message.Id!.Value;
        var first = users[botIndex == 0 ? 1 : 0];
        var second = users[botIndex == 2 ? 1 : 2];
        long firstId = first.Id!.Value, secondId = second.Id!.Value;

        var firstMentor = await _registry.GetMentorAsync(bot.Email, firstId, ct).ConfigureAwait(false);
        var secondMentor = await _registry.GetMentorAsync(bot.Email, secondId, ct).ConfigureAwait(false);

        PairRecord? pair;
        if (firstMentor is not null && secondMentor is not null)
        {
            // Mentors may mentor each other: whichever pair exists decides who is the student.
            pair = await _registry.GetPairAsync(bot.Email, firstId, secondId, ct).ConfigureAwait(false)
                   ?? await _registry.GetPairAsync(bot.Email, secondId, firstId, ct).ConfigureAwait(false);
            if (pair is null)
                return Ignore(bot, messageId, IgnoreReason.BothMentorsUnpaired);
        }
        else if ((firstMentor ?? secondMentor) is { } mentor)
        {
            var studentId = mentor.UserId == firstId ? secondId : firstId;
            pair = await _registry.GetPairAsync(bot.Email, mentor.UserId, studentId, ct).ConfigureAwait(false);
            if (pair is null or { Source: EnrolmentSource.Unconsented })
            {
                // No pair without the mentor's consent: their own message in this group DM, or `accept`.
                if (message.SenderId != mentor.UserId)
                    return Ignore(bot, messageId, ReasonFor(await _consent.OnStudentMessageAsync(bot, mentor, studentId, ct).ConfigureAwait(false)));
                var (outcome, enrolled) = await _consent.OnMentorMessageAsync(bot, mentor, studentId, ct).ConfigureAwait(false);
                if (enrolled is null)
                    return Ignore(bot, messageId, ReasonFor(outcome));
                pair = enrolled;
                LogEnrolled(bot.Email, pair.MentorId, pair.StudentId, messageId);
            }
        }
        else
        {
            return Ignore(bot, messageId, IgnoreReason.NoMentor);
        }

        var key = new ConversationKey(bot.Email, pair.MentorId, pair.StudentId);
        var role = message.SenderId == pair.MentorId ? ParticipantRole.Mentor : ParticipantRole.Student;
        var conversationMessage = new ConversationMessage(
            messageId, message.SenderId!.Value, role, DateTimeOffset.FromUnixTimeSeconds(message.Timestamp!.Value), message.Content!);
        LogConversation(key.InstanceId, messageId, role);
        return new WebhookOutcome
        {
            StatusCode = 200,
            ResponseJson = WebhookOutcome.NoResponseJson,
            Kind = IntakeKind.Conversation,
            Conversation = key,
            Message = conversationMessage,
            MessageId = messageId,
        };
    }

    private async Task<WebhookOutcome> CommandAsync(ZulipBotOptions bot, OutgoingWebhookPayload payload, bool isDirect, CancellationToken ct)
    {
        var message = payload.Message!;
        var messageId = message.Id!.Value;
        var request = new CommandRequest(
            bot.Email, message.SenderId!.Value, message.SenderEmail!, message.SenderFullName!,
            CommandText.StripBotMention(message.Content!, payload.BotFullName), isDirect, messageId);

        string? content;
        try
        {
            content = (await _commands.HandleAsync(request, ct).ConfigureAwait(false)).Content;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A failing command must not become a 5xx: Zulip would post "Failure! Third party responded with 500".
            LogCommandFailed(e, bot.Email, messageId);
            // In the language the command names or is written in; nothing else is safe to read after a failure.
            var language = CommandParser.Parse(request.Text).LanguageHint ?? Languages.LanguageDetector.Detect(request.Text) ?? Languages.Language.Default;
            content = Languages.Texts.HelpTexts.CommandFailed.Template(language);
        }

        LogCommand(bot.Email, messageId, isDirect);
        return new WebhookOutcome
        {
            StatusCode = 200,
            ResponseJson = string.IsNullOrWhiteSpace(content)
                ? WebhookOutcome.NoResponseJson
                : System.Text.Json.JsonSerializer.Serialize(new WebhookContentBody(content), IntakeJsonContext.Default.WebhookContentBody),
            Kind = IntakeKind.Command,
            MessageId = messageId,
        };
    }

    private static IgnoreReason ReasonFor(ConsentOutcome outcome) => outcome switch
    {
        ConsentOutcome.Declined => IgnoreReason.MentorDeclined,
        ConsentOutcome.NotAHuman => IgnoreReason.NotAHuman,
        _ => IgnoreReason.PairNotEnrolled,
    };

    private WebhookOutcome Ignore(ZulipBotOptions bot, long messageId, IgnoreReason reason)
    {
        LogIgnored(bot.Email, messageId, reason);
        return new WebhookOutcome
        {
            StatusCode = 200,
            ResponseJson = WebhookOutcome.NoResponseJson,
            Kind = IntakeKind.Ignored,
            IgnoreReason = reason,
            MessageId = messageId,
        };
    }

    private WebhookOutcome Reject(IntakeError error)
    {
        LogRejected(error.StatusCode, error.CodeText, error.Field);
        return WebhookOutcome.Rejected(error);
    }

    private static IntakeError Missing(string field) =>
        new(IntakeErrorCode.MissingField, $"Field '{field}' is missing or null.", field);

    private static IntakeError OutOfRange(string field) =>
        new(IntakeErrorCode.BadField, $"Field '{field}' is out of range.", field);

    // Ids and outcomes only: never message text, tokens or other field values.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook rejected with {Status} {Code} (field {Field})")]
    private partial void LogRejected(int status, string code, string? field);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook message {MessageId} not accepted: storage unavailable ({ErrorType})")]
    private partial void LogUnavailable(long messageId, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook message {MessageId} for bot {BotEmail} ignored: {Reason}")]
    private partial void LogIgnored(string botEmail, long messageId, IgnoreReason reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook message {MessageId} for bot {BotEmail} is a command (direct: {IsDirect})")]
    private partial void LogCommand(string botEmail, long messageId, bool isDirect);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command handler failed for message {MessageId} of bot {BotEmail}")]
    private partial void LogCommandFailed(Exception exception, string botEmail, long messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook message {MessageId} belongs to conversation {InstanceId} ({Role})")]
    private partial void LogConversation(string instanceId, long messageId, ParticipantRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-enrolled student {StudentId} with mentor {MentorId} of bot {BotEmail} (message {MessageId})")]
    private partial void LogEnrolled(string botEmail, long mentorId, long studentId, long messageId);
}
