namespace MentorLab.Import;

/// <summary>
/// An import that stopped: Zulip or the admin API refused, or a rate-limit wait was longer than allowed. When
/// <see cref="Resumable"/>, what was read so far is in the checkpoint and running the same command again continues.
/// </summary>
public sealed class ImportException(string message, bool resumable, Exception? inner = null) : Exception(message, inner)
{
    public bool Resumable { get; } = resumable;
}
