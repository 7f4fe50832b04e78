namespace MentorFunctions.Tests.Fixtures.OpenApi;

/// <summary>
/// Checks a request against the descriptions of Zulip's API (<see cref="ZulipDescriptions"/>): the project's own always,
/// Zulip's official one as well when it is supplied. In each: the operation exists for the method and path, required
/// parameters are present, no parameter is unknown, and every value fits its schema (type, enum, bounds, JSON-encoded
/// arrays and objects, oneOf/anyOf/allOf, required and additional properties).
/// A thin layer over <see cref="OpenApiDocument.ValidateRequest"/>, read the way Zulip's server reads it: oneOf is
/// checked as "matches at least one" because Zulip's alternatives overlap (an empty list is both a list of ids and a
/// list of emails), and a JSON-encoded value that is not JSON is the plain string it is where a string is allowed.
/// </summary>
public sealed class ZulipRequestValidator
{
    private static readonly Lazy<ZulipRequestValidator> Shared = new(() => new ZulipRequestValidator(
        ZulipDescriptions.PresentNames.Select(name => (name, ZulipDescriptions.Named(name)))));

    private static readonly OpenApiValidationOptions ZulipReading = new() { OneOfMatchesAny = true, NonJsonTextAsString = true };

    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    private readonly (string Name, OpenApiDocument Document)[] _documents;

    /// <summary>Every description present; a problem found by the official one is prefixed "official: ".</summary>
    public static ZulipRequestValidator Instance => Shared.Value;

    /// <summary>One named description only (<see cref="ZulipDescriptions.Named"/>).</summary>
    public static ZulipRequestValidator For(string name) => new([(name, ZulipDescriptions.Named(name))]);

    private ZulipRequestValidator(IEnumerable<(string Name, OpenApiDocument Document)> documents) =>
        _documents = documents.Select(d => (d.Name, d.Document.WithOptions(ZulipReading))).ToArray();

    /// <summary>
    /// The problems of one request, empty when valid. <paramref name="path"/> is relative to /api/v1 (e.g. "/messages");
    /// <paramref name="form"/> holds the form-encoded body fields (null for none).
    /// </summary>
    public IReadOnlyList<string> Validate(string method, string path, IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string>? form) =>
        _documents.SelectMany(d => d.Document.ValidateRequest(method, path, query, form ?? NoFields)
                .Select(e => d.Name == ZulipDescriptions.ProjectName ? e : $"{d.Name}: {e}"))
            .ToList();
}
