namespace MentorLab.Export;

/// <summary>
/// One message of a Zulip export, as <c>GET /messages</c> returns it. <see cref="Content"/> is the Markdown source
/// (exports taken with <c>apply_markdown=false</c>); rendered HTML is turned back into plain text by the reader.
/// </summary>
public sealed record ExportMessage(
    long Id,
    long SenderId,
    string SenderFullName,
    DateTimeOffset SentAt,
    string Content,
    bool IsDirect,
    string Conversation,
    string File,
    int Index);
