using System.Security.Cryptography;
using System.Text;
using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Core.Privacy;

/// <summary>
/// Seals a conversation message's text (AES-256-GCM under the pair's key from <see cref="PairKeyStore"/>) before it
/// enters Durable's event and activity payloads, and opens it in the record step. The text is bound to its conversation
/// and message id, so a sealed text moved elsewhere does not open. Ids, roles and times stay readable: the workflow
/// needs them and they are not message text.
/// </summary>
public sealed class MessageSealer(PairKeyStore keys)
{
    /// <summary>Marks sealed text; anything without it is plain text from before sealing existed.</summary>
    public const string Prefix = "sealed:v1:";

    private const int NonceBytes = 12, TagBytes = 16;

    public async Task<ConversationMessage> SealAsync(ConversationKey conversation, ConversationMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Always sealed, even a text that happens to start with the prefix: the prefix alone never proves sealing.
        var key = await keys.GetOrCreateAsync(conversation, ct).ConfigureAwait(false);
        var plain = Encoding.UTF8.GetBytes(message.Content);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Context(conversation, message));
        return message with { Content = Prefix + Convert.ToBase64String(sealedBytes) };
    }

    /// <summary>The message with its text opened; null when it cannot be opened (the pair's key is gone: forgotten).</summary>
    public async Task<ConversationMessage?> OpenAsync(ConversationKey conversation, ConversationMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.Content.StartsWith(Prefix, StringComparison.Ordinal))
            return message;
        if (await keys.GetAsync(conversation, ct).ConfigureAwait(false) is not { } key)
            return null;
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(message.Content[Prefix.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (sealedBytes.Length < NonceBytes + TagBytes)
            return null;
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length),
                sealedBytes.AsSpan(NonceBytes + plain.Length), plain, Context(conversation, message));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return message with { Content = Encoding.UTF8.GetString(plain) };
    }

    private static byte[] Context(ConversationKey conversation, ConversationMessage message) =>
        Encoding.UTF8.GetBytes($"{conversation.InstanceId}:{message.MessageId}:{message.SenderId}");
}
