namespace MentorFunctions.Tests.Fixtures;

/// <summary>Finds the repository root and the shared reference material beside it.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest ancestor of the test binaries holding MentorFunctions.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Zulip's official OpenAPI description. It lives in the reference folder beside the repository (shared/), not in it:
    /// the tests read it where it is rather than keep a copy of another project's file.
    /// </summary>
    public static string ZulipOpenApi => FindShared("zulip-openapi.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MentorFunctions.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("MentorFunctions.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindShared(string fileName)
    {
        var overridden = Environment.GetEnvironmentVariable("MENTOR_SHARED_DIR");
        if (!string.IsNullOrEmpty(overridden) && File.Exists(Path.Combine(overridden, fileName)))
            return Path.Combine(overridden, fileName);
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", fileName);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException(
            $"shared/{fileName} was not found beside the repository (or in MENTOR_SHARED_DIR). The Zulip schema tests need it.", fileName);
    }
}
