namespace MentorLab.Export;

/// <summary>A whole export: every message in time order (ties by id), each message once.</summary>
public sealed class ZulipExport(IReadOnlyList<ExportMessage> messages, int files, int duplicates)
{
    public IReadOnlyList<ExportMessage> Messages { get; } = messages;
    public int Files { get; } = files;
    /// <summary>Messages that appeared again (same id) in a later file or position and were counted once.</summary>
    public int Duplicates { get; } = duplicates;

    /// <summary>Each sender's messages, in time order.</summary>
    public IReadOnlyDictionary<long, List<ExportMessage>> BySender()
    {
        var result = new Dictionary<long, List<ExportMessage>>();
        foreach (var m in Messages)
        {
            if (!result.TryGetValue(m.SenderId, out var list)) result[m.SenderId] = list = [];
            list.Add(m);
        }
        return result;
    }
}
