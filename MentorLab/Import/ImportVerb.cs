using System.Globalization;
using MentorFunctions.Core.Style;
using MentorLab.Cli;
using MentorLab.Export;

namespace MentorLab.Import;

/// <summary>
/// `import`: learns a mentor's style and timing profile from their own history with the students they name, locally,
/// with the production learning code, and uploads only the learned profile (with the consent record) to the app's admin
/// route, or writes the request for an admin to upload. From the mentor's zuliprc (their Zulip API key goes to their
/// Zulip only) or from a Zulip export.
/// </summary>
public sealed class ImportVerb : ILabVerb
{
    /// <summary>The import stopped part-way; what was read is in the checkpoint, and the same command continues.</summary>
    public const int Interrupted = 3;

    public string Name => "import";
    public string Summary => "learn a mentor's profile from their own Zulip history (zuliprc or export) and upload it with their consent";

    public string Usage => """
          --zuliprc PATH          the mentor's zuliprc (default ~/.zuliprc); its key is sent to that Zulip site only
          --from-export PATH      instead: a Zulip export / GET /messages JSON (file or folder), with --mentor ID
          --mentor ID             the mentor's user id (with --from-export; from a zuliprc it is the account's own)
          --student ID            a student (Zulip user id) whose 1:1 conversation with the mentor is read (repeat for more)
          --registered            every student registered with the mentor in the app (needs --upload, --admin-key, --bot)
          --exemplars             include up to 8 short messages of the mentor per profile (only if the mentor agrees)
          --no-exemplars          leave them out (the default)
          --granted-by WHO        who consented (default: the zuliprc's email; required with --from-export)
          --upload URL            the Functions app (https://<app>.azurewebsites.net) to upload the profile to
          --admin-key KEY         its master key (or set MENTOR_ADMIN_KEY); sent in the x-functions-key header
          --bot EMAIL             the bot the mentor is registered with
          --out PATH              write the upload's request body (JSON) for an admin to POST instead (or as well)
          --checkpoint PATH       where progress is kept (default: PATH of --out + .checkpoint, else import.checkpoint.json)
          --page-size N           messages per GET /messages page (default and maximum 1000)
          --max-wait SECONDS      the longest rate-limit wait honoured before stopping, resumable (default 300)
        Exit codes: 0 done, 2 bad options or input, 3 stopped part-way (run the same command again to continue).
        """;

    public async Task<int> RunAsync(LabArguments arguments, LabConsole console, CancellationToken cancellationToken)
    {
        var o = ImportOptions.Read(arguments);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        try
        {
            var (learner, consent, importId) = o.ExportPath is not null
                ? await FromExportAsync(o, http, console, cancellationToken).ConfigureAwait(false)
                : await FromZulipAsync(o, http, console, cancellationToken).ConfigureAwait(false);
            var pairs = learner.Pairs.ToDictionary(p => p.Key, p => p.Value.Pair);
            var mentorMessages = learner.Mentor.Messages;
            var latencies = learner.Mentor.LogLatency.Count;
            var bodies = ProfileUpload.Bodies(importId, learner.Mentor, pairs, consent);
            if (o.OutPath is { } outPath)
            {
                for (var i = 0; i < bodies.Count; i++)
                {
                    var path = i == 0 ? outPath : Path.ChangeExtension(outPath, null) + "-" + (i + 1).ToString(CultureInfo.InvariantCulture) + ".json";
                    await File.WriteAllTextAsync(path, bodies[i], cancellationToken).ConfigureAwait(false);
                    console.Note("wrote " + path);
                }
            }
            if (o.Upload is { } app)
            {
                foreach (var body in bodies)
                {
                    var answer = await ProfileUpload.SendAsync(http, app, o.AdminKey!, o.Bot!, learner.MentorId, body, cancellationToken).ConfigureAwait(false);
                    console.Note("uploaded: " + answer);
                }
            }
            console.Out.WriteLine(FormattableString.Invariant(
                $"mentor {learner.MentorId}: {consent.Messages} messages of {consent.Conversations.Count} conversations read; {mentorMessages} of the mentor's learned, {latencies} reply latencies; exemplars {(consent.Exemplars ? "included" : "left out")}; import {importId}"));
            return LabCommandLine.Ok;
        }
        catch (ImportException e)
        {
            console.Error.WriteLine($"mentor-lab import: {e.Message}" + (e.Resumable ? $" What was read is kept in {o.CheckpointPath}; run the same command again to continue." : ""));
            return e.Resumable ? Interrupted : LabCommandLine.BadInput;
        }
        catch (HttpRequestException e)
        {
            console.Error.WriteLine($"mentor-lab import: {e.Message} What was read is kept in {o.CheckpointPath}; run the same command again to continue.");
            return Interrupted;
        }
    }

    private static async Task<(HistoryLearner, ImportConsent, string)> FromZulipAsync(ImportOptions o, HttpClient http, LabConsole console, CancellationToken ct)
    {
        var account = Zuliprc.Read(o.ZuliprcPath);
        var zulip = new ZulipHistoryClient(http, account, console) { MaxWait = o.MaxWait };
        var (mentorId, email) = await zulip.OwnUserAsync(ct).ConfigureAwait(false);
        var students = await StudentsAsync(o, http, mentorId, ct).ConfigureAwait(false);

        var checkpoint = ImportCheckpoint.Load(o.CheckpointPath);
        if (checkpoint is not null && (checkpoint.MentorId != mentorId || checkpoint.Site != account.Site.ToString()))
            throw new ImportException($"The checkpoint {o.CheckpointPath} belongs to another account's import; give another --checkpoint or delete it.", resumable: false);
        checkpoint ??= new ImportCheckpoint { MentorId = mentorId, Site = account.Site.ToString(), StartedAt = DateTimeOffset.UtcNow };
        if (checkpoint.Mentor is not null) console.Note($"continuing import {checkpoint.ImportId} from {o.CheckpointPath}");
        foreach (var s in students.Where(s => checkpoint.Conversations.All(c => c.StudentId != s)))
            checkpoint.Conversations.Add(new ConversationCheckpoint { StudentId = s });

        var learner = new HistoryLearner(mentorId, new StyleOptions());
        if (checkpoint.Mentor is { Length: > 0 } saved) learner.LoadMentor(saved);
        foreach (var c in checkpoint.Conversations.Where(c => c.Pair is { Length: > 0 })) learner.LoadPair(c.StudentId, c.Pair!);

        foreach (var c in checkpoint.Conversations.Where(c => students.Contains(c.StudentId)))
        {
            while (!c.Done)
            {
                var page = await zulip.PageAsync(c.StudentId, c.LastId, o.PageSize, ct).ConfigureAwait(false);
                learner.Learn(c.StudentId, page.Messages);
                c.MessagesRead += page.Messages.Count;
                c.Pages++;
                if (page.Messages.Count > 0) c.LastId = page.Messages[^1].Id;
                c.Done = page.FoundNewest;
                checkpoint.Mentor = learner.SaveMentor();
                c.Pair = learner.SavePair(c.StudentId);
                checkpoint.Save(o.CheckpointPath);
                // Learning continues from the stored form, as a resumed run does, so both give the same profile.
                learner.LoadMentor(checkpoint.Mentor);
                learner.LoadPair(c.StudentId, c.Pair);
                console.Note(FormattableString.Invariant($"conversation with {c.StudentId}: {c.MessagesRead} messages read ({c.Pages} page{(c.Pages == 1 ? "" : "s")}){(c.Done ? ", done" : "")}"));
            }
        }
        var read = checkpoint.Conversations.Where(c => students.Contains(c.StudentId)).Sum(c => c.MessagesRead);
        if (zulip.RateLimitWaits > 0)
            console.Note(FormattableString.Invariant($"waited out {zulip.RateLimitWaits} rate limit(s), {zulip.Waited.TotalSeconds:F1} s in all, over {zulip.Requests} requests"));
        var consent = new ImportConsent(o.GrantedBy ?? email, checkpoint.StartedAt, students, read, "zuliprc", o.Exemplars);
        return (learner, consent, checkpoint.ImportId);
    }

    private static async Task<(HistoryLearner, ImportConsent, string)> FromExportAsync(ImportOptions o, HttpClient http, LabConsole console, CancellationToken ct)
    {
        var mentorId = o.MentorId!.Value;
        var students = await StudentsAsync(o, http, mentorId, ct).ConfigureAwait(false);
        var export = ZulipExportReader.Read(o.ExportPath!, console, ct);
        var learner = new HistoryLearner(mentorId, new StyleOptions());
        long read = 0;
        foreach (var student in students)
        {
            var conversation = "dm:" + string.Join(',', new[] { mentorId, student }.Order());
            var messages = export.Messages.Where(m => m.IsDirect && m.Conversation == conversation).OrderBy(m => m.Id).ToList();
            learner.Learn(student, messages);
            read += messages.Count;
            console.Note($"conversation with {student}: {messages.Count} messages read");
        }
        var consent = new ImportConsent(o.GrantedBy!, DateTimeOffset.UtcNow, students, read, "export", o.Exemplars);
        // One id per export and mentor: uploading the same export again merges it once.
        var importId = "export-" + mentorId.ToString(CultureInfo.InvariantCulture) + "-"
                       + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                           System.Text.Encoding.UTF8.GetBytes(string.Join(',', export.Messages.Select(m => m.Id)) + "|" + string.Join(',', students))))[..16].ToLowerInvariant();
        return (learner, consent, importId);
    }

    private static async Task<List<long>> StudentsAsync(ImportOptions o, HttpClient http, long mentorId, CancellationToken ct)
    {
        var students = new List<long>();
        foreach (var s in o.Students)
        {
            // User ids, as the consent record names them (their profile card in Zulip shows them).
            if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                throw new LabUsageException($"--student {s} is not a user id (a positive whole number).");
            if (!students.Contains(id)) students.Add(id);
        }
        if (o.Registered)
            foreach (var id in await ProfileUpload.RegisteredStudentsAsync(http, o.Upload!, o.AdminKey!, o.Bot!, mentorId, ct).ConfigureAwait(false))
                if (!students.Contains(id)) students.Add(id);
        students.Remove(mentorId);
        if (students.Count == 0) throw new LabUsageException("No students to read: give --student (repeatable) or --registered.");
        return students;
    }
}

/// <summary>The import verb's settings, read from the command line.</summary>
public sealed record ImportOptions(
    string ZuliprcPath,
    string? ExportPath,
    long? MentorId,
    IReadOnlyList<string> Students,
    bool Registered,
    bool Exemplars,
    string? GrantedBy,
    Uri? Upload,
    string? AdminKey,
    string? Bot,
    string? OutPath,
    string CheckpointPath,
    int PageSize,
    TimeSpan MaxWait)
{
    public static ImportOptions Read(LabArguments a)
    {
        var zuliprc = a.String("zuliprc") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".zuliprc");
        var export = a.String("from-export");
        var mentorText = a.String("mentor");
        long? mentor = null;
        if (mentorText is not null)
            mentor = long.TryParse(mentorText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0 ? m
                : throw new LabUsageException($"Option --mentor must be a user id (got '{mentorText}').");
        var students = a.Strings("student");
        var registered = a.Flag("registered");
        var exemplars = a.Flag("exemplars");
        if (a.Flag("no-exemplars") && exemplars) throw new LabUsageException("Give --exemplars or --no-exemplars, not both.");
        var grantedBy = a.String("granted-by");
        var uploadText = a.String("upload");
        Uri? upload = null;
        if (uploadText is not null && (!Uri.TryCreate(uploadText, UriKind.Absolute, out upload) || upload.Scheme is not ("https" or "http")))
            throw new LabUsageException($"Option --upload must be the app's address, like https://<app>.azurewebsites.net (got '{uploadText}').");
        var adminKey = a.String("admin-key") ?? Environment.GetEnvironmentVariable("MENTOR_ADMIN_KEY");
        var bot = a.String("bot");
        var outPath = a.String("out");
        var checkpoint = a.String("checkpoint") ?? (outPath is null ? "import.checkpoint.json" : outPath + ".checkpoint");
        var pageSize = a.Int("page-size", ZulipHistoryClient.MaxPageSize, 1, ZulipHistoryClient.MaxPageSize);
        var maxWait = TimeSpan.FromSeconds(a.Int("max-wait", 300, 0, 24 * 3600));
        a.EnsureAllUsed();

        if (export is not null && mentor is null) throw new LabUsageException("--from-export needs --mentor (the mentor's user id).");
        if (export is not null && grantedBy is null) throw new LabUsageException("--from-export needs --granted-by (who consented).");
        if (upload is null && outPath is null) throw new LabUsageException("Give --upload URL (with --admin-key and --bot) or --out PATH.");
        if ((upload is not null || registered) && (adminKey is null || bot is null))
            throw new LabUsageException("--upload and --registered need --admin-key (or MENTOR_ADMIN_KEY) and --bot.");
        if (registered && upload is null) throw new LabUsageException("--registered reads the students from the app: give --upload URL.");
        return new ImportOptions(zuliprc, export, mentor, students, registered, exemplars, grantedBy, upload, adminKey, bot, outPath, checkpoint, pageSize, maxWait);
    }
}
