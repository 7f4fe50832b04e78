using System.Security.Cryptography;
using System.Text;

namespace MentorFunctions.Core.Conversations;

/// <summary>One mentor–student conversation as one bot sees it. Everything that crosses the workflow boundary names it.</summary>
public sealed record ConversationKey(string BotEmail, long MentorId, long StudentId)
{
    /// <summary>
    /// The Durable instance id: deterministic, so every message of a conversation reaches the same orchestration,
    /// and free of the characters Durable and Table keys reject. The bot email is hashed because it holds '@' and
    /// may be long; mentor and student ids stay readable for operators.
    /// </summary>
    public string InstanceId => $"conv-{BotHash(BotEmail)}-{MentorId}-{StudentId}";

    /// <summary>A short, stable, case-insensitive hash of a bot email (12 hex characters).</summary>
    public static string BotHash(string botEmail)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(botEmail.Trim().ToLowerInvariant()), hash);
        return Convert.ToHexStringLower(hash[..6]);
    }
}
