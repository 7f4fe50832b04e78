using System.Text.Json;
using MentorLab.Cli;

namespace MentorLab.Export;

/// <summary>
/// Reads a Zulip message export: one JSON file, or a folder of them (*.json, recursively, in name order). Each file is a
/// JSON array of message objects as <c>GET /messages</c> returns them, or that endpoint's whole answer
/// (<c>{"result":"success","messages":[…]}</c>). Required fields: id, sender_id, timestamp, content, type,
/// display_recipient (a channel name, or the list of a direct message's participants) and, for channel messages,
/// subject. A message seen twice (overlapping pages) is counted once.
/// </summary>
public static class ZulipExportReader
{
    public static ZulipExport Read(string path, LabConsole? console = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string[] files;
        if (Directory.Exists(path))
        {
            files = Directory.GetFiles(path, "*.json", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            if (files.Length == 0) throw new ExportFormatException(path, null, null, "the folder holds no .json files.");
        }
        else if (File.Exists(path))
        {
            files = [path];
        }
        else
        {
            throw new ExportFormatException(path, null, null, "no such file or folder.");
        }

        var messages = new List<ExportMessage>();
        var seen = new HashSet<long>();
        var duplicates = 0;
        for (var f = 0; f < files.Length; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            console?.Progress("reading files", f, files.Length);
            foreach (var m in ReadFile(files[f]))
            {
                if (seen.Add(m.Id)) messages.Add(m);
                else duplicates++;
            }
        }
        console?.Progress("reading files", files.Length, files.Length);
        messages.Sort(static (a, b) => a.SentAt != b.SentAt ? a.SentAt.CompareTo(b.SentAt) : a.Id.CompareTo(b.Id));
        return new ZulipExport(messages, files.Length, duplicates);
    }

    /// <summary>The messages of one file, in file order.</summary>
    public static List<ExportMessage> ReadFile(string file)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(file);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            throw new ExportFormatException(file, null, null, $"not valid JSON{where}.", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (!root.TryGetProperty("messages", out var inner) || inner.ValueKind != JsonValueKind.Array)
                    throw new ExportFormatException(file, null, null, "expected a JSON array of messages, or an object with a \"messages\" array.");
                root = inner;
            }
            else if (root.ValueKind != JsonValueKind.Array)
            {
                throw new ExportFormatException(file, null, null, $"expected a JSON array of messages, found {Kind(root.ValueKind)}.");
            }

            return ReadMessages(root, file);
        }
    }

    /// <summary>
    /// The messages of a JSON array as <c>GET /messages</c> answers them, in array order; <paramref name="source"/> names
    /// where they came from in errors (a file, or a request).
    /// </summary>
    public static List<ExportMessage> ReadMessages(JsonElement array, string source)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new ExportFormatException(source, null, null, $"expected a JSON array of messages, found {Kind(array.ValueKind)}.");
        var result = new List<ExportMessage>(array.GetArrayLength());
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            result.Add(ReadMessage(source, index, element));
            index++;
        }
        return result;
    }

    private static ExportMessage ReadMessage(string file, int index, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new ExportFormatException(file, index, null, $"expected a message object, found {Kind(e.ValueKind)}.");
        long? id = null;
        ExportFormatException Bad(string problem) => new(file, index, id, problem);

        id = PositiveLong(e, "id", Bad);
        var senderId = PositiveLong(e, "sender_id", Bad);
        var timestamp = Number(e, "timestamp", Bad);
        if (timestamp < 0 || timestamp > 253402300799) throw Bad($"\"timestamp\" {timestamp} is not a time in seconds since 1970.");
        var content = RequiredString(e, "content", Bad);
        var type = RequiredString(e, "type", Bad);
        var name = e.TryGetProperty("sender_full_name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : $"user {senderId}";

        if (!e.TryGetProperty("display_recipient", out var recipient))
            throw Bad("\"display_recipient\" is missing.");
        string conversation;
        bool direct;
        switch (type)
        {
            case "stream" or "channel":
                if (recipient.ValueKind != JsonValueKind.String)
                    throw Bad($"a channel message's \"display_recipient\" must be the channel name, found {Kind(recipient.ValueKind)}.");
                var topic = RequiredString(e, "subject", Bad);
                conversation = "channel:" + recipient.GetString() + "\u001f" + topic;
                direct = false;
                break;
            case "private" or "direct":
                conversation = "dm:" + Participants(recipient, senderId, Bad);
                direct = true;
                break;
            default:
                throw Bad($"\"type\" must be \"stream\" or \"private\", found \"{type}\".");
        }

        if (ZulipHtml.LooksRendered(content)) content = ZulipHtml.ToText(content);
        return new ExportMessage(id.Value, senderId, name, DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(timestamp * 1000)),
            content, direct, conversation, file, index);
    }

    /// <summary>A direct-message group is its sorted participant ids (the sender included), whoever sent the message.</summary>
    private static string Participants(JsonElement recipient, long senderId, Func<string, ExportFormatException> bad)
    {
        if (recipient.ValueKind != JsonValueKind.Array)
            throw bad($"a direct message's \"display_recipient\" must be the list of participants, found {Kind(recipient.ValueKind)}.");
        var ids = new SortedSet<long> { senderId };
        var i = 0;
        foreach (var user in recipient.EnumerateArray())
        {
            if (user.ValueKind != JsonValueKind.Object || !user.TryGetProperty("id", out var uid) || uid.ValueKind != JsonValueKind.Number
                || !uid.TryGetInt64(out var value) || value <= 0)
                throw bad($"participant [{i}] of \"display_recipient\" has no positive \"id\".");
            ids.Add(value);
            i++;
        }
        return string.Join(',', ids);
    }

    private static long PositiveLong(JsonElement e, string field, Func<string, ExportFormatException> bad)
    {
        if (!e.TryGetProperty(field, out var v)) throw bad($"\"{field}\" is missing.");
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var value) || value <= 0)
            throw bad($"\"{field}\" must be a positive whole number, found {Show(v)}.");
        return value;
    }

    private static double Number(JsonElement e, string field, Func<string, ExportFormatException> bad)
    {
        if (!e.TryGetProperty(field, out var v)) throw bad($"\"{field}\" is missing.");
        if (v.ValueKind != JsonValueKind.Number) throw bad($"\"{field}\" must be a number, found {Show(v)}.");
        return v.GetDouble();
    }

    private static string RequiredString(JsonElement e, string field, Func<string, ExportFormatException> bad)
    {
        if (!e.TryGetProperty(field, out var v)) throw bad($"\"{field}\" is missing.");
        if (v.ValueKind != JsonValueKind.String) throw bad($"\"{field}\" must be a string, found {Show(v)}.");
        return v.GetString()!;
    }

    private static string Show(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => "the string \"" + Truncate(v.GetString()!) + "\"",
        JsonValueKind.Number => v.GetRawText(),
        _ => Kind(v.ValueKind),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
