using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Admin;

/// <summary>
/// The admin HTTP API's behaviour; the Functions shell only passes route values and raw bodies in and the result out.
/// Bad input is a 400 naming each bad field, unknown ids a 404, and a bot this deployment does not serve a 400.
/// </summary>
public sealed class AdminApi(
    IMentorRegistry registry,
    IStyleDescriber describer,
    IStyleProfileReader profiles,
    IAuditReader audit,
    IOptions<ZulipOptions> zulip,
    TimeProvider time,
    ILogger<AdminApi> log)
{
    public const int MaxAuditEntries = 1000;
    public const int DefaultAuditEntries = 100;
    private const int MaxNameLength = 200;

    private ZulipOptions Zulip => zulip.Value;

    /// <summary>POST {botEmail, userId, email, fullName}: 201 new, 200 when updated (settings kept).</summary>
    public async Task<AdminResult> RegisterMentorAsync(string? body, CancellationToken ct)
    {
        var input = new Input(this);
        if (!input.ParseBody(body, out var root))
            return input.BadRequest();
        var bot = input.Bot(root, "botEmail");
        var userId = input.Id(root, "userId");
        var email = input.Email(root, "email");
        var fullName = input.Text(root, "fullName");
        if (input.HasErrors)
            return input.BadRequest();

        // Only the name and email change on a re-registration: the mentor's settings, as stored at the write, stay.
        var existed = false;
        var record = await registry.UpdateMentorAsync(bot!, userId, stored =>
        {
            existed = stored is not null;
            return stored is null
                ? new MentorRecord(bot!, userId, email!, fullName!, time.GetUtcNow())
                : stored with { Email = email!, FullName = fullName! };
        }, ct).ConfigureAwait(false);
        log.LogInformation("Admin: mentor {MentorId} {Outcome}", userId, existed ? "updated" : "registered");
        return Json(existed ? 200 : 201, MentorDto.From(record!), AdminJsonContext.Default.MentorDto);
    }

    /// <summary>DELETE mentors/{mentorId}: 204, or 404 when not registered. Their pairs go too.</summary>
    public async Task<AdminResult> RemoveMentorAsync(string? botEmail, string? mentorId, CancellationToken ct)
    {
        var input = new Input(this);
        var bot = input.BotRoute(botEmail);
        var id = input.IdRoute(mentorId, "mentorId");
        if (input.HasErrors)
            return input.BadRequest();
        if (!await registry.RemoveMentorAsync(bot!, id, ct).ConfigureAwait(false))
            return NotFound("mentorId", $"No mentor {id} is registered for this bot.");
        log.LogInformation("Admin: mentor {MentorId} removed", id);
        return new AdminResult(204, "");
    }

    /// <summary>POST {botEmail, mentorId, studentId, studentEmail, studentFullName}: 201 new, 200 when already paired; 404 for an unknown mentor.</summary>
    public async Task<AdminResult> RegisterPairAsync(string? body, CancellationToken ct)
    {
        var input = new Input(this);
        if (!input.ParseBody(body, out var root))
            return input.BadRequest();
        var bot = input.Bot(root, "botEmail");
        var mentorId = input.Id(root, "mentorId");
        var studentId = input.Id(root, "studentId");
        var email = input.Email(root, "studentEmail");
        var fullName = input.Text(root, "studentFullName");
        if (mentorId > 0 && mentorId == studentId)
            input.Add("studentId", "must differ from mentorId: a mentor cannot be their own student.");
        if (input.HasErrors)
            return input.BadRequest();

        if (await registry.GetMentorAsync(bot!, mentorId, ct).ConfigureAwait(false) is null)
            return NotFound("mentorId", $"No mentor {mentorId} is registered for this bot; register the mentor first.");
        var existing = await registry.GetPairAsync(bot!, mentorId, studentId, ct).ConfigureAwait(false);
        var pair = existing ?? await registry.EnrolAsync(
            new PairRecord(bot!, mentorId, studentId, email!, fullName!, time.GetUtcNow(), EnrolmentSource.Admin), ct).ConfigureAwait(false);
        log.LogInformation("Admin: pair {MentorId}/{StudentId} {Outcome}", mentorId, studentId, existing is null ? "registered" : "already present");
        return Json(existing is null ? 201 : 200, PairDto.From(pair), AdminJsonContext.Default.PairDto);
    }

    /// <summary>DELETE mentors/{mentorId}/students/{studentId}: 204, or 404.</summary>
    public async Task<AdminResult> RemovePairAsync(string? botEmail, string? mentorId, string? studentId, CancellationToken ct)
    {
        var input = new Input(this);
        var bot = input.BotRoute(botEmail);
        var mentor = input.IdRoute(mentorId, "mentorId");
        var student = input.IdRoute(studentId, "studentId");
        if (input.HasErrors)
            return input.BadRequest();
        if (!await registry.RemovePairAsync(bot!, mentor, student, ct).ConfigureAwait(false))
            return NotFound("studentId", $"Student {student} is not paired with mentor {mentor}.");
        log.LogInformation("Admin: pair {MentorId}/{StudentId} removed", mentor, student);
        return new AdminResult(204, "");
    }

    public async Task<AdminResult> ListMentorsAsync(string? botEmail, CancellationToken ct)
    {
        var input = new Input(this);
        var bot = input.BotRoute(botEmail);
        if (input.HasErrors)
            return input.BadRequest();
        var mentors = await registry.ListMentorsAsync(bot!, ct).ConfigureAwait(false);
        return Json(200, new MentorList(mentors.OrderBy(m => m.UserId).Select(MentorDto.From).ToList()), AdminJsonContext.Default.MentorList);
    }

    public async Task<AdminResult> ListStudentsAsync(string? botEmail, string? mentorId, CancellationToken ct)
    {
        var (bot, id, error) = await RegisteredMentorAsync(botEmail, mentorId, ct).ConfigureAwait(false);
        if (error is not null)
            return error;
        var students = await registry.ListStudentsAsync(bot, id, ct).ConfigureAwait(false);
        return Json(200, new StudentList(id, students.OrderBy(s => s.StudentId).Select(PairDto.From).ToList()), AdminJsonContext.Default.StudentList);
    }

    /// <summary>The mentor's style: the words summary and the snapshot it comes from.</summary>
    public async Task<AdminResult> GetProfileAsync(string? botEmail, string? mentorId, CancellationToken ct)
    {
        var (bot, id, error) = await RegisteredMentorAsync(botEmail, mentorId, ct).ConfigureAwait(false);
        if (error is not null)
            return error;
        var snapshot = await profiles.ReadMentorAsync(bot, id, ct).ConfigureAwait(false);
        var summary = await describer.DescribeMentorAsync(bot, id, ct).ConfigureAwait(false);
        return Json(200, new MentorProfile(id, summary, snapshot), AdminJsonContext.Default.MentorProfile);
    }

    /// <summary>The bot and registered mentor a route names, or the 400 / 404 to answer instead.</summary>
    private async Task<(string Bot, long MentorId, AdminResult? Error)> RegisteredMentorAsync(string? botEmail, string? mentorId, CancellationToken ct)
    {
        var input = new Input(this);
        var bot = input.BotRoute(botEmail);
        var id = input.IdRoute(mentorId, "mentorId");
        if (input.HasErrors)
            return ("", 0, input.BadRequest());
        if (await registry.GetMentorAsync(bot!, id, ct).ConfigureAwait(false) is null)
            return ("", 0, NotFound("mentorId", $"No mentor {id} is registered for this bot."));
        return (bot!, id, null);
    }

    /// <summary>The audit log, newest first. Query values: mentorId (optional), since (ISO 8601, optional), max (1..1000, default 100).</summary>
    public async Task<AdminResult> ReadAuditAsync(string? botEmail, string? mentorId, string? since, string? max, CancellationToken ct)
    {
        var input = new Input(this);
        var bot = input.BotRoute(botEmail);
        long? mentor = string.IsNullOrWhiteSpace(mentorId) ? null : input.IdRoute(mentorId, "mentorId");
        DateTimeOffset? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                from = parsed;
            else
                input.Add("since", "must be a date and time in ISO 8601, e.g. 2025-01-31T08:00:00Z.");
        }
        var limit = DefaultAuditEntries;
        if (!string.IsNullOrWhiteSpace(max)
            && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxAuditEntries))
            input.Add("max", $"must be a whole number from 1 to {MaxAuditEntries}.");
        if (input.HasErrors)
            return input.BadRequest();

        var entries = new List<AuditEntryDto>();
        await foreach (var entry in audit.ReadAsync(bot!, mentor, from, limit, ct).ConfigureAwait(false))
        {
            entries.Add(entry);
            if (entries.Count >= limit) break;
        }
        return Json(200, new AuditList(entries), AdminJsonContext.Default.AuditList);
    }

    private static AdminResult Json<T>(int status, T value, JsonTypeInfo<T> type) => new(status, JsonSerializer.Serialize(value, type));

    private static AdminResult NotFound(string field, string message) =>
        Json(404, new ErrorList([new FieldError(field, message)]), AdminJsonContext.Default.ErrorList);

    /// <summary>Collects every problem with one request, so the caller fixes them all in one go.</summary>
    private sealed class Input(AdminApi api)
    {
        private readonly List<FieldError> _errors = [];

        public bool HasErrors => _errors.Count > 0;

        public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

        public AdminResult BadRequest() => Json(400, new ErrorList(_errors), AdminJsonContext.Default.ErrorList);

        public bool ParseBody(string? body, out JsonElement root)
        {
            root = default;
            if (string.IsNullOrWhiteSpace(body))
            {
                Add("body", "is required: a JSON object.");
                return false;
            }
            try
            {
                using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
                root = doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                Add("body", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
                return false;
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                Add("body", "must be a JSON object.");
                return false;
            }
            return true;
        }

        public string? Text(JsonElement root, string field, int maxLength = MaxNameLength)
        {
            if (!Find(root, field, out var value)) return null;
            if (value.ValueKind != JsonValueKind.String)
            {
                Add(field, $"must be a string, not {Kind(value)}.");
                return null;
            }
            var text = value.GetString()!.Trim();
            if (text.Length == 0)
                Add(field, "must not be empty.");
            else if (text.Length > maxLength)
                Add(field, $"must be at most {maxLength} characters.");
            else if (text.Any(char.IsControl))
                Add(field, "must not hold control characters.");
            else
                return text;
            return null;
        }

        public string? Email(JsonElement root, string field)
        {
            var text = Text(root, field, 254);
            if (text is null) return null;
            var at = text.IndexOf('@');
            if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1 || text.Any(char.IsWhiteSpace))
            {
                Add(field, "must be an email address like name@example.org.");
                return null;
            }
            return text;
        }

        public long Id(JsonElement root, string field)
        {
            if (!Find(root, field, out var value)) return 0;
            if (value.ValueKind != JsonValueKind.Number)
            {
                Add(field, $"must be a number (a Zulip user id), not {Kind(value)}.");
                return 0;
            }
            if (!value.TryGetInt64(out var id) || id <= 0)
            {
                Add(field, "must be a positive whole number.");
                return 0;
            }
            return id;
        }

        public string? Bot(JsonElement root, string field)
        {
            var text = Text(root, field, 254);
            return text is null ? null : CheckBot(field, text);
        }

        public string? BotRoute(string? botEmail)
        {
            if (string.IsNullOrWhiteSpace(botEmail))
            {
                Add("botEmail", "is required.");
                return null;
            }
            return CheckBot("botEmail", botEmail.Trim());
        }

        public long IdRoute(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, "is required.");
                return 0;
            }
            if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                Add(field, "must be a positive whole number.");
                return 0;
            }
            return id;
        }

        private string? CheckBot(string field, string botEmail)
        {
            // The configured spelling is canonical, so records of one bot never split over two spellings.
            if (api.Zulip.FindBot(botEmail) is { } bot)
                return bot.Email;
            Add(field, "is not a bot this deployment serves.");
            return null;
        }

        private bool Find(JsonElement root, string field, out JsonElement value)
        {
            foreach (var p in root.EnumerateObject())
            {
                if (string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind != JsonValueKind.Null)
                {
                    value = p.Value;
                    return true;
                }
            }
            value = default;
            Add(field, "is required.");
            return false;
        }

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            _ => "null",
        };
    }
}
