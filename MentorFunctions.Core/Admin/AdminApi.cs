using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Consent;
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
    ILogger<AdminApi> log,
    IProfileImporter importer)
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
        var summary = await describer.DescribeMentorAsync(bot, id, Languages.Language.Default, ct).ConfigureAwait(false);
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

    /// <summary>
    /// POST mentors/{mentorId}/profile/import {importId?, profile, pairs?, consent}: merges a profile learned from the
    /// mentor's history (by mentor-lab import) into the stored one and records the consent. 201 merged; 200 when this
    /// import id was merged before (nothing changes); 400 naming each bad field (a profile version this deployment does
    /// not read, a profile that learned from more messages than consented, ...); 404 for an unknown mentor; 413 over
    /// <see cref="MaxImportBytes"/>. Without consent to exemplars, the uploaded profiles' exemplars are dropped.
    /// </summary>
    public async Task<AdminResult> ImportProfileAsync(string? botEmail, string? mentorId, string? body, CancellationToken ct)
    {
        if (body is not null && System.Text.Encoding.UTF8.GetByteCount(body) > MaxImportBytes)
            return ImportTooLarge();
        var (bot, id, error) = await RegisteredMentorAsync(botEmail, mentorId, ct).ConfigureAwait(false);
        if (error is not null)
            return error;
        var input = new Input(this);
        if (!input.ParseBody(body, out var root))
            return input.BadRequest();

        var importId = ImportId(input, root);
        var mentorProfile = ImportedProfile(input, root, "profile", required: true);
        var consentElement = input.Object(root, "consent");
        input.Prefix = "consent.";
        var consent = consentElement is { } c ? ReadConsent(input, c, id) : null;
        input.Prefix = "";
        var pairs = new Dictionary<long, StyleProfile>();
        if (root.TryGetProperty("pairs", out var pairsElement) && pairsElement.ValueKind != JsonValueKind.Null)
        {
            if (pairsElement.ValueKind != JsonValueKind.Object)
                input.Add("pairs", "must be an object of student id to profile.");
            else
                foreach (var p in pairsElement.EnumerateObject())
                {
                    if (!long.TryParse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var studentId) || studentId <= 0)
                        input.Add($"pairs.{p.Name}", "must be keyed by a student id (a positive whole number).");
                    else if (consent is not null && !consent.Value.Conversations.Contains(studentId))
                        input.Add($"pairs.{p.Name}", "is a conversation the consent does not name.");
                    else if (ImportedProfile(input, p.Value, $"pairs.{p.Name}", required: true) is { } pair)
                        pairs[studentId] = pair;
                }
            if (pairs.Count > MaxImportPairs)
                input.Add("pairs", $"must hold at most {MaxImportPairs} profiles.");
        }
        // A pair profile only for a student registered with this mentor: the import must not open a conversation the
        // programme has not set up (the consent names conversations; the registry says who may be answered at all).
        var registered = pairs.Count == 0
            ? []
            : (await registry.ListStudentsAsync(bot!, id, ct).ConfigureAwait(false)).Select(p => p.StudentId).ToHashSet();
        foreach (var studentId in pairs.Keys.Order().ToList())
        {
            if (!registered.Contains(studentId))
            {
                input.Add($"pairs.{studentId.ToString(CultureInfo.InvariantCulture)}", "is not a student registered with this mentor: register the pair first.");
                pairs.Remove(studentId);
            }
        }
        if (mentorProfile is not null && consent is not null && mentorProfile.Messages > consent.Value.Messages)
            input.Add("consent.messages", $"is {consent.Value.Messages}, fewer than the {mentorProfile.Messages} messages the profile learned from.");
        if (input.HasErrors || mentorProfile is null || consent is null)
            return input.BadRequest();

        var (grantedBy, grantedAt, conversations, messages, source, exemplars) = consent.Value;
        if (!exemplars)
        {
            mentorProfile.Exemplars.Clear();
            foreach (var pair in pairs.Values) pair.Exemplars.Clear();
        }
        var record = new ProfileImportRecord(bot, id, importId, grantedBy, grantedAt, conversations, messages, source, exemplars,
            time.GetUtcNow(), 0, 0);
        var outcome = await importer.ImportAsync(record, mentorProfile, pairs, ct).ConfigureAwait(false);
        log.LogInformation("Admin: profile import {ImportId} for mentor {MentorId}: {Outcome}, {Before} -> {After} messages",
            importId, id, outcome.Merged ? "merged" : "already merged", outcome.MessagesBefore, outcome.MessagesAfter);
        return Json(outcome.Merged ? 201 : 200,
            new ProfileImportResult(importId, outcome.Merged, outcome.MessagesBefore, outcome.MessagesAfter, pairs.Count, exemplars),
            AdminJsonContext.Default.ProfileImportResult);
    }

    public const int MaxImportBytes = 64 * 1024;

    /// <summary>The 413 for an import body over <see cref="MaxImportBytes"/>.</summary>
    public static AdminResult ImportTooLarge() =>
        Json(413, new ErrorList([new FieldError("body", $"is larger than {MaxImportBytes / 1024} KB; a learned profile is a few KB.")]), AdminJsonContext.Default.ErrorList);
    public const int MaxImportPairs = 98;
    public const int MaxImportConversations = 500;

    private static string ImportId(Input input, JsonElement root)
    {
        if (!root.TryGetProperty("importId", out var value) || value.ValueKind == JsonValueKind.Null)
            return Guid.NewGuid().ToString("N");
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        if (text.Length is 0 or > 64 || !text.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
            input.Add("importId", "must be 1 to 64 letters, digits or '-' (the tool sends one so a repeated upload merges once).");
        return text;
    }

    /// <summary>A profile in the stored format (as ProfileCodec writes it), checked so a damaged one cannot spoil the stored profile.</summary>
    private static StyleProfile? ImportedProfile(Input input, JsonElement root, string field, bool required)
    {
        var value = root;
        if (field == "profile" && !root.TryGetProperty("profile", out value))
        {
            if (required) input.Add(field, "is required: the learned profile, as mentor-lab import writes it.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            input.Add(field, "must be a profile object.");
            return null;
        }
        if (!value.TryGetProperty("v", out var v) || !v.TryGetInt32(out var version) || version < 1 || version > ProfileFormat.CurrentVersion)
        {
            input.Add($"{field}.v", $"must be a profile format version this deployment reads (1 to {ProfileFormat.CurrentVersion}).");
            return null;
        }
        StyleProfile profile;
        try
        {
            profile = ProfileCodec.Deserialize(System.Text.Encoding.UTF8.GetBytes(value.GetRawText())).Profile;
        }
        catch (Exception e) when (e is ProfileFormatException or JsonException or ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            input.Add(field, "is not a readable profile: " + (e is ProfileFormatException ? e.Message : "a field has the wrong type or range."));
            return null;
        }
        if (StyleProfileChecks.Problem(profile) is { } problem)
        {
            input.Add(field, problem);
            return null;
        }
        return profile;
    }

    private static (string GrantedBy, DateTimeOffset GrantedAt, IReadOnlyList<long> Conversations, long Messages, ProfileImportSource Source, bool Exemplars)?
        ReadConsent(Input input, JsonElement consent, long mentorId)
    {
        var grantedBy = input.Text(consent, "grantedBy", 254);
        DateTimeOffset grantedAt = default;
        if (input.Text(consent, "grantedAt", 40) is { } at
            && !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out grantedAt))
            input.Add("grantedAt", "must be a date and time in ISO 8601, e.g. 2025-01-31T08:00:00Z.");
        var conversations = new List<long>();
        if (consent.TryGetProperty("conversations", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (!item.TryGetInt64(out var student) || student <= 0 || student == mentorId)
                {
                    input.Add("conversations", "must list the students' ids (positive whole numbers, not the mentor's).");
                    break;
                }
                if (!conversations.Contains(student)) conversations.Add(student);
            }
            if (conversations.Count == 0 || conversations.Count > MaxImportConversations)
                input.Add("conversations", $"must name 1 to {MaxImportConversations} students.");
        }
        else
        {
            input.Add("conversations", "is required: the ids of the students whose conversations were read.");
        }
        long messages = 0;
        if (!consent.TryGetProperty("messages", out var n) || !n.TryGetInt64(out messages) || messages < 0)
            input.Add("messages", "must be the number of messages read (a whole number, 0 or more).");
        var source = ProfileImportSource.Zuliprc;
        if (input.Text(consent, "source", 16) is { } s)
        {
            if (s == "zuliprc") source = ProfileImportSource.Zuliprc;
            else if (s == "export") source = ProfileImportSource.Export;
            else input.Add("source", "must be \"zuliprc\" or \"export\".");
        }
        var exemplars = false;
        if (consent.TryGetProperty("exemplars", out var ex) && ex.ValueKind != JsonValueKind.Null)
        {
            if (ex.ValueKind is JsonValueKind.True or JsonValueKind.False) exemplars = ex.GetBoolean();
            else input.Add("exemplars", "must be true (the mentor agreed to share the exemplars) or false.");
        }
        return grantedBy is null ? null : (grantedBy, grantedAt, conversations, messages, source, exemplars);
    }

    private static AdminResult Json<T>(int status, T value, JsonTypeInfo<T> type) => new(status, JsonSerializer.Serialize(value, type));

    private static AdminResult NotFound(string field, string message) =>
        Json(404, new ErrorList([new FieldError(field, message)]), AdminJsonContext.Default.ErrorList);

    /// <summary>Collects every problem with one request, so the caller fixes them all in one go.</summary>
    private sealed class Input(AdminApi api)
    {
        private readonly List<FieldError> _errors = [];

        public bool HasErrors => _errors.Count > 0;

        /// <summary>Put before the field names of errors (for fields of a nested object, e.g. "consent.").</summary>
        public string Prefix { get; set; } = "";

        public void Add(string field, string message) => _errors.Add(new FieldError(Prefix + field, message));

        public JsonElement? Object(JsonElement root, string field)
        {
            if (!Find(root, field, out var value)) return null;
            if (value.ValueKind == JsonValueKind.Object) return value;
            _errors.Add(new FieldError(field, $"must be an object, not {Kind(value)}."));
            return null;
        }

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
