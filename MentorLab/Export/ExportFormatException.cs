namespace MentorLab.Export;

/// <summary>
/// An export that cannot be read. The message names the file, the message (its position in the file's array and its
/// id, when it has one) and what is wrong, so a programme can fix the export rather than guess.
/// </summary>
public sealed class ExportFormatException : Exception
{
    public ExportFormatException(string file, int? index, long? messageId, string problem, Exception? inner = null)
        : base(Describe(file, index, messageId, problem), inner)
    {
        File = file;
        Index = index;
        MessageId = messageId;
        Problem = problem;
    }

    public string File { get; }
    /// <summary>The message's 0-based position in the file's array, when the problem is in one message.</summary>
    public int? Index { get; }
    public long? MessageId { get; }
    public string Problem { get; }

    private static string Describe(string file, int? index, long? id, string problem)
    {
        var where = index is null ? file : $"{file}, message [{index}]" + (id is null ? "" : $" (id {id})");
        return $"{where}: {problem}";
    }
}
