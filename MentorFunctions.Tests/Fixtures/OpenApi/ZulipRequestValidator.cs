namespace MentorFunctions.Tests.Fixtures.OpenApi;

/// <summary>
/// Checks a request against Zulip's official OpenAPI description (RepoPaths.ZulipOpenApi): the operation exists for the
/// method and path, required parameters are present, no parameter is unknown, and every value fits its schema (type,
/// enum, bounds, JSON-encoded arrays and objects, oneOf/anyOf/allOf, required and additional properties).
/// A thin layer over <see cref="OpenApiDocument.ValidateRequest"/>, read the way Zulip's server reads it: oneOf is
/// checked as "matches at least one" because Zulip's alternatives overlap (an empty list is both a list of ids and a
/// list of emails), and a JSON-encoded value that is not JSON is the plain string it is where a string is allowed.
/// </summary>
public sealed class ZulipRequestValidator
{
    private static readonly Lazy<ZulipRequestValidator> Shared = new(() => new ZulipRequestValidator(RepoPaths.ZulipOpenApi));

    private static readonly OpenApiValidationOptions ZulipReading = new() { OneOfMatchesAny = true, NonJsonTextAsString = true };

    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    private readonly OpenApiDocument _document;

    public static ZulipRequestValidator Instance => Shared.Value;

    public ZulipRequestValidator(string yamlPath) => _document = OpenApiDocument.Load(yamlPath).WithOptions(ZulipReading);

    /// <summary>
    /// The problems of one request, empty when valid. <paramref name="path"/> is relative to /api/v1 (e.g. "/messages");
    /// <paramref name="form"/> holds the form-encoded body fields (null for none).
    /// </summary>
    public IReadOnlyList<string> Validate(string method, string path, IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string>? form) =>
        _document.ValidateRequest(method, path, query, form ?? NoFields);
}
