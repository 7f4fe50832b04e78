using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorLab.Import;

/// <summary>How far one conversation was read: the last message id learned, and the pair profile with its ledger.</summary>
public sealed class ConversationCheckpoint
{
    public long StudentId { get; set; }
    public long? LastId { get; set; }
    public long MessagesRead { get; set; }
    public int Pages { get; set; }
    public bool Done { get; set; }
    /// <summary>The pair profile and its ledger, in the stored profile format.</summary>
    public byte[]? Pair { get; set; }
}

/// <summary>
/// The state of an import on disk, written after every page (to a temporary file, then moved over the old one), so an
/// import stopped anywhere (a crash, Ctrl-C, a rate-limit wait too long) continues from the last page learned and counts
/// nothing twice. It holds the learned profiles (numbers and exemplars), ids and counts; never the API key, never
/// message text beyond the exemplars.
/// </summary>
public sealed class ImportCheckpoint
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;
    public string ImportId { get; set; } = Guid.NewGuid().ToString("N");
    public long MentorId { get; set; }
    public string Site { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>The mentor-wide profile, in the stored profile format.</summary>
    public byte[]? Mentor { get; set; }
    public List<ConversationCheckpoint> Conversations { get; set; } = [];

    public static ImportCheckpoint? Load(string path)
    {
        if (!File.Exists(path)) return null;
        ImportCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize(File.ReadAllBytes(path), ImportJsonContext.Default.ImportCheckpoint);
        }
        catch (JsonException e)
        {
            throw new ImportException($"The checkpoint {path} is damaged ({e.Message}); delete it to start over.", resumable: false, e);
        }
        if (checkpoint is null || checkpoint.Version != CurrentVersion)
            throw new ImportException($"The checkpoint {path} is not one this version reads; delete it to start over.", resumable: false);
        return checkpoint;
    }

    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, ImportJsonContext.Default.ImportCheckpoint));
        File.Move(temporary, path, overwrite: true);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(ImportCheckpoint))]
internal sealed partial class ImportJsonContext : JsonSerializerContext;
