using System.Net;

namespace MentorFunctions.Core.Zulip;

/// <summary>Zulip refused a request for good: <c>{"result":"error","msg":...,"code":...}</c> with a 4xx status.</summary>
public sealed class ZulipApiException(HttpStatusCode status, string code, string message)
    : Exception($"Zulip refused the request ({(int)status} {code}): {message}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Zulip's machine-readable error code, e.g. BAD_REQUEST, or "" when the body had none.</summary>
    public string Code { get; } = code;

    /// <summary>Zulip's human-readable message (from the server, never message content).</summary>
    public string ServerMessage { get; } = message;
}

/// <summary>The deployment has no bot configured for an email.</summary>
public sealed class UnknownBotException(string botEmail)
    : Exception($"No Zulip bot is configured for '{botEmail}'.")
{
    public string BotEmail { get; } = botEmail;
}
