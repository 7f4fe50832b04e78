namespace MentorFunctions.Tests.Fixtures.OpenApi;

/// <summary>
/// The descriptions of Zulip's API the tests validate against: the project's own (TestData/OpenApi/zulip-api-used.yaml),
/// always; and Zulip's official one, when it is supplied (<see cref="RepoPaths.OfficialZulipOpenApi"/>).
/// </summary>
public static class ZulipDescriptions
{
    public const string ProjectName = "project";
    public const string OfficialName = "official";

    public static OpenApiDocument Project => OpenApiDocument.Load(RepoPaths.ZulipApiUsed);

    /// <summary>The official description, or null when none is supplied.</summary>
    public static OpenApiDocument? Official => RepoPaths.OfficialZulipOpenApi is { } path ? OpenApiDocument.Load(path) : null;

    /// <summary>The names of the descriptions present (the project's first).</summary>
    public static IReadOnlyList<string> PresentNames =>
        RepoPaths.OfficialZulipOpenApi is null ? [ProjectName] : [ProjectName, OfficialName];

    /// <summary><see cref="PresentNames"/> for [MemberData].</summary>
    public static TheoryData<string> Present => new(PresentNames);

    public static OpenApiDocument Named(string name) => name switch
    {
        ProjectName => Project,
        OfficialName => Official ?? throw new InvalidOperationException("No official Zulip description is supplied."),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "project or official"),
    };
}

/// <summary>A test that needs Zulip's official description: skipped, saying how to supply it, when it is absent.</summary>
public sealed class OfficialZulipFactAttribute : FactAttribute
{
    public OfficialZulipFactAttribute()
    {
        if (RepoPaths.OfficialZulipOpenApi is null)
            Skip = $"Zulip's official OpenAPI description is not supplied (set {RepoPaths.ZulipOpenApiVariable}, or put shared/zulip-openapi.yaml beside the repository).";
    }
}
