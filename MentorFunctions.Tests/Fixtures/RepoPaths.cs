namespace MentorFunctions.Tests.Fixtures;

/// <summary>Finds the repository root, the project's own test data, and the reference material that may sit beside it.</summary>
public static class RepoPaths
{
    /// <summary>
    /// The setting that names Zulip's official OpenAPI description (a file). Without it the tests look for
    /// shared/zulip-openapi.yaml in the folder MENTOR_SHARED_DIR names, then beside the repository.
    /// </summary>
    public const string ZulipOpenApiVariable = "MENTOR_ZULIP_OPENAPI";

    /// <summary>The repository root: the nearest ancestor of the test binaries holding MentorFunctions.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The project's own description of the Zulip endpoints and payloads it uses (in the repository, always present).
    /// </summary>
    public static string ZulipApiUsed => Path.Combine(AppContext.BaseDirectory, "TestData", "OpenApi", "zulip-api-used.yaml");

    /// <summary>
    /// Zulip's official OpenAPI description when one is supplied (MENTOR_ZULIP_OPENAPI, MENTOR_SHARED_DIR, or shared/
    /// beside the repository), null otherwise: a fresh clone has none and validates against <see cref="ZulipApiUsed"/> alone.
    /// </summary>
    public static string? OfficialZulipOpenApi { get; } = FindOfficial();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MentorFunctions.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("MentorFunctions.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindOfficial()
    {
        const string fileName = "zulip-openapi.yaml";
        var named = Environment.GetEnvironmentVariable(ZulipOpenApiVariable);
        if (!string.IsNullOrEmpty(named))
        {
            // A setting that names a missing file is a mistake worth failing on, not a reason to skip quietly.
            return File.Exists(named) ? Path.GetFullPath(named)
                : throw new FileNotFoundException($"{ZulipOpenApiVariable} names {named}, which does not exist.", named);
        }
        var sharedDir = Environment.GetEnvironmentVariable("MENTOR_SHARED_DIR");
        if (!string.IsNullOrEmpty(sharedDir) && File.Exists(Path.Combine(sharedDir, fileName)))
            return Path.Combine(sharedDir, fileName);
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", fileName);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
