using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MentorFunctions.Tests.Fixtures.OpenApi;

/// <summary>
/// An OpenAPI 3.0 document (YAML or JSON) loaded once per path and converted to JSON, with schema validation for the
/// keywords real API descriptions use: $ref (to "#/..."), type (integer distinct from number), nullable, enum,
/// properties, required, additionalProperties, items, allOf / anyOf / oneOf / not, and the common length and range
/// bounds. Unknown keywords (format, description, example, ...) are ignored, as a validator must.
/// Errors are strings "&lt;JSON path&gt;: &lt;what is wrong&gt;"; an empty list means valid.
/// Requests as sent on the wire (query and form text) are validated by <see cref="ValidateRequest"/>.
/// </summary>
public sealed class OpenApiDocument
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiDocument>> Loaded = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    private OpenApiDocument(JsonElement root, OpenApiValidationOptions options)
    {
        Root = root;
        Options = options;
    }

    /// <summary>The whole document as JSON.</summary>
    public JsonElement Root { get; }

    /// <summary>How strictly this view of the document validates (<see cref="OpenApiValidationOptions.Strict"/> unless changed).</summary>
    public OpenApiValidationOptions Options { get; }

    /// <summary>Loads (once per process and path) a YAML or JSON OpenAPI document.</summary>
    public static OpenApiDocument Load(string path) =>
        Loaded.GetOrAdd(Path.GetFullPath(path), p => new Lazy<OpenApiDocument>(() => Parse(File.ReadAllText(p)))).Value;

    /// <summary>Builds a document from YAML or JSON text (not cached).</summary>
    public static OpenApiDocument Parse(string yamlOrJson) => new(YamlToJson.Convert(yamlOrJson), OpenApiValidationOptions.Strict);

    /// <summary>The same document validating with other options (the loaded one is shared, so it is never changed).</summary>
    public OpenApiDocument WithOptions(OpenApiValidationOptions options) => new(Root, options);

    /// <summary>Resolves a local reference such as "#/components/schemas/MessagesBase".</summary>
    public JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
            throw new NotSupportedException($"Only local references are supported: {reference}");
        var node = Root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node))
                throw new KeyNotFoundException($"Reference {reference} does not resolve (at '{segment}').");
        }
        return node;
    }

    /// <summary>The operation object of a path ("/messages") and method ("post").</summary>
    public JsonElement Operation(string pathKey, string method)
    {
        if (!Root.GetProperty("paths").TryGetProperty(pathKey, out var path))
            throw new KeyNotFoundException($"No path {pathKey} in the document.");
        if (!path.TryGetProperty(method.ToLowerInvariant(), out var operation))
            throw new KeyNotFoundException($"No {method} operation on {pathKey}.");
        return operation;
    }

    /// <summary>
    /// The path template that serves a concrete request path ("/users/42" → "/users/{user_id}"). As OpenAPI asks, a
    /// template with more literal segments wins ("/users/me" before "/users/{user_id}"); null when none matches.
    /// </summary>
    public string? FindPath(string requestPath)
    {
        var segments = requestPath.Trim('/').Split('/');
        string? best = null;
        var bestLiterals = -1;
        foreach (var template in Root.GetProperty("paths").EnumerateObject())
        {
            var parts = template.Name.Trim('/').Split('/');
            if (parts.Length != segments.Length || !parts.Zip(segments).All(x => IsTemplated(x.First) || x.First == x.Second))
                continue;
            var literals = parts.Count(p => !IsTemplated(p));
            if (literals > bestLiterals)
                (best, bestLiterals) = (template.Name, literals);
        }
        return best;

        static bool IsTemplated(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
    }

    /// <summary>
    /// The parameters of an operation, references resolved: its own first, then those of its path that it does not
    /// override (same name and location).
    /// </summary>
    public IEnumerable<JsonElement> Parameters(string pathKey, string method)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var owner in new[] { Operation(pathKey, method), Root.GetProperty("paths").GetProperty(pathKey) })
        {
            if (!owner.TryGetProperty("parameters", out var parameters))
                continue;
            foreach (var p in parameters.EnumerateArray())
            {
                var parameter = Deref(p);
                if (seen.Add((parameter.GetProperty("name").GetString()!, parameter.GetProperty("in").GetString()!)))
                    yield return parameter;
            }
        }
    }

    /// <summary>The schema of a response body.</summary>
    public JsonElement ResponseSchema(string pathKey, string method, string status, string mediaType = "application/json")
    {
        var responses = Operation(pathKey, method).GetProperty("responses");
        if (!responses.TryGetProperty(status, out var response))
            throw new KeyNotFoundException($"No {status} response for {method} {pathKey}.");
        response = Deref(response);
        return response.GetProperty("content").GetProperty(mediaType).GetProperty("schema");
    }

    /// <summary>Validates a response body against the schema of that path, method and status.</summary>
    public IReadOnlyList<string> ValidateResponse(string pathKey, string method, string status, JsonElement value) =>
        ValidateSchema(ResponseSchema(pathKey, method, status), value);

    public IReadOnlyList<string> ValidateResponse(string pathKey, string method, int status, JsonElement value) =>
        ValidateResponse(pathKey, method, status.ToString(CultureInfo.InvariantCulture), value);

    /// <summary>
    /// The schema of a named parameter (path-level parameters included). A parameter described with
    /// <c>content: application/json</c> (Zulip's JSON-encoded form values) yields that media type's schema.
    /// </summary>
    public JsonElement ParameterSchema(string pathKey, string method, string name)
    {
        foreach (var parameter in Parameters(pathKey, method))
        {
            if (parameter.GetProperty("name").GetString() == name)
                return SchemaOf(parameter, out _);
        }
        throw new KeyNotFoundException($"No parameter {name} on {method} {pathKey}.");
    }

    private static JsonElement SchemaOf(JsonElement parameter, out bool jsonEncoded)
    {
        jsonEncoded = false;
        if (parameter.TryGetProperty("schema", out var schema))
            return schema;
        var media = parameter.GetProperty("content").EnumerateObject().First();
        jsonEncoded = media.Name == "application/json";
        return media.Value.GetProperty("schema");
    }

    /// <summary>Validates one parameter value (already decoded from its wire form into JSON).</summary>
    public IReadOnlyList<string> ValidateParameter(string pathKey, string method, string name, JsonElement value) =>
        ValidateSchema(ParameterSchema(pathKey, method, name), value);

    /// <summary>The schema of a request body; the only media type when <paramref name="mediaType"/> is null.</summary>
    public JsonElement RequestBodySchema(string pathKey, string method, string? mediaType = null) =>
        RequestBodyMedia(pathKey, method, mediaType).GetProperty("schema");

    /// <summary>Validates a JSON request body.</summary>
    public IReadOnlyList<string> ValidateRequestBody(string pathKey, string method, JsonElement body, string? mediaType = null) =>
        ValidateSchema(RequestBodySchema(pathKey, method, mediaType), body);

    /// <summary>
    /// Validates a form-encoded request body as sent on the wire (name → value). Each value is read as
    /// <see cref="ReadWireValue"/> reads it: fields the description's <c>encoding</c> marks as application/json are
    /// parsed as JSON (Zulip's lists). Errors are rooted at "$".
    /// </summary>
    public IReadOnlyList<string> ValidateFormRequest(string pathKey, string method, IEnumerable<KeyValuePair<string, string>> form)
    {
        var errors = new List<string>();
        ValidateForm(RequestBodyMedia(pathKey, method, "application/x-www-form-urlencoded"), form, "$", errors);
        return errors;
    }

    /// <summary>
    /// Validates a request as sent on the wire: <paramref name="requestPath"/> is concrete and relative to the
    /// servers' base ("/messages", "/users/42"), <paramref name="query"/> and <paramref name="form"/> hold the decoded
    /// query and form-encoded body fields. Reported: a path or method the document does not describe, query
    /// parameters and form fields that are missing though required or that the operation does not know, and values
    /// that do not fit their schema. Errors read "&lt;operationId&gt;: query.&lt;name&gt;...: &lt;what is wrong&gt;"
    /// (form.&lt;name&gt; for body fields).
    /// </summary>
    public IReadOnlyList<string> ValidateRequest(
        string method, string requestPath, IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string> form)
    {
        var pathKey = FindPath(requestPath);
        if (pathKey is null)
            return [$"no path {requestPath} in the API description"];
        if (!Root.GetProperty("paths").GetProperty(pathKey).TryGetProperty(method.ToLowerInvariant(), out var operation))
            return [$"no operation {method.ToUpperInvariant()} {pathKey}"];

        var errors = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in Parameters(pathKey, method).Where(p => p.GetProperty("in").GetString() == "query"))
        {
            var name = parameter.GetProperty("name").GetString()!;
            known.Add(name);
            var at = ChildPath("query", name);
            if (query.TryGetValue(name, out var text))
            {
                var schema = SchemaOf(parameter, out var jsonEncoded);
                Validate(schema, ReadWireValue(schema, text, jsonEncoded, at, errors), at, errors);
            }
            else if (parameter.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True)
            {
                errors.Add($"{at}: required parameter is missing");
            }
        }
        errors.AddRange(query.Keys.Where(k => !known.Contains(k)).Select(k => $"{ChildPath("query", k)}: unknown parameter"));

        JsonElement media = default;
        var takesForm = operation.TryGetProperty("requestBody", out var body)
            && Deref(body).TryGetProperty("content", out var content)
            && content.TryGetProperty("application/x-www-form-urlencoded", out media);
        if (!takesForm)
        {
            if (form.Count > 0)
                errors.Add("form: the operation takes no form body");
        }
        else
        {
            Deref(media.GetProperty("schema")).TryGetProperty("properties", out var properties);
            bool IsField(string name) => properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out _);
            errors.AddRange(form.Keys.Where(k => !IsField(k)).Select(k => $"{ChildPath("form", k)}: unknown field"));
            ValidateForm(media, form.Where(f => IsField(f.Key)), "form", errors);
        }

        var operationName = operation.TryGetProperty("operationId", out var id) ? id.GetString() : $"{method.ToUpperInvariant()} {pathKey}";
        return errors.Select(e => $"{operationName}: {e}").ToList();
    }

    private void ValidateForm(JsonElement media, IEnumerable<KeyValuePair<string, string>> form, string root, List<string> errors)
    {
        var schema = Deref(media.GetProperty("schema"));
        media.TryGetProperty("encoding", out var encoding);
        schema.TryGetProperty("properties", out var properties);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, text) in form)
            {
                var isJson = encoding.ValueKind == JsonValueKind.Object && encoding.TryGetProperty(name, out var e)
                    && e.TryGetProperty("contentType", out var ct) && ct.GetString() == "application/json";
                var fieldSchema = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var p) ? p : default;
                writer.WritePropertyName(name);
                ReadWireValue(fieldSchema, text, isJson, ChildPath(root, name), errors).WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        Validate(schema, document.RootElement, root, errors);
    }

    /// <summary>
    /// Reads a query or form value (text) as the JSON value its schema (undefined for none) is checked against.
    /// It is parsed as JSON when the description says it is JSON-encoded or the schema allows only arrays or objects
    /// beside strings; otherwise it becomes an integer, number or boolean when the schema (or one of its alternatives)
    /// takes that and the text is one, and the string it is if not. Text that should be JSON and is not is reported
    /// and read as null, unless the schema takes a string and it is not JSON-encoded (or
    /// <see cref="OpenApiValidationOptions.NonJsonTextAsString"/> is set): then it is that string.
    /// </summary>
    public JsonElement ReadWireValue(JsonElement schema, string text, bool jsonEncoded, string path, List<string> errors)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        if (schema.ValueKind != JsonValueKind.Undefined)
            CollectTypes(schema, types);
        if (jsonEncoded || types.Overlaps(["array", "object"]))
        {
            try
            {
                using var parsed = JsonDocument.Parse(text);
                return parsed.RootElement.Clone();
            }
            catch (JsonException) when (types.Contains("string") && (!jsonEncoded || Options.NonJsonTextAsString))
            {
                // A plain string where JSON was possible: validated as the string it is.
            }
            catch (JsonException)
            {
                errors.Add($"{path}: is not valid JSON");
                return JsonSerializer.SerializeToElement<object?>(null);
            }
        }
        else if (types.Contains("integer") && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonSerializer.SerializeToElement(integer);
        }
        else if (types.Contains("number") && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonSerializer.SerializeToElement(number);
        }
        else if (types.Contains("boolean") && text is "true" or "false")
        {
            return JsonSerializer.SerializeToElement(text == "true");
        }
        return JsonSerializer.SerializeToElement(text);
    }

    /// <summary>The types a schema or any of its alternatives (allOf / anyOf / oneOf) names.</summary>
    private void CollectTypes(JsonElement schemaNode, HashSet<string> types)
    {
        var schema = Deref(schemaNode);
        if (schema.ValueKind != JsonValueKind.Object)
            return;
        if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            types.Add(type.GetString()!);
        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out var alternatives))
            {
                foreach (var alternative in alternatives.EnumerateArray())
                    CollectTypes(alternative, types);
            }
        }
    }

    private JsonElement RequestBodyMedia(string pathKey, string method, string? mediaType)
    {
        if (!Operation(pathKey, method).TryGetProperty("requestBody", out var body))
            throw new KeyNotFoundException($"{method} {pathKey} has no request body.");
        var content = Deref(body).GetProperty("content");
        if (mediaType is not null)
        {
            return content.TryGetProperty(mediaType, out var media)
                ? media
                : throw new KeyNotFoundException($"{method} {pathKey} takes no {mediaType} body.");
        }
        return content.EnumerateObject().Single().Value;
    }

    /// <summary>Validates a value against a schema node of this document, or a <c>{"$ref": ...}</c> object.</summary>
    public IReadOnlyList<string> ValidateSchema(JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        Validate(schema, value, "$", errors);
        return errors;
    }

    /// <summary>Validates a value against the schema a reference names, e.g. "#/components/schemas/JsonSuccessBase".</summary>
    public IReadOnlyList<string> ValidateSchema(string reference, JsonElement value) => ValidateSchema(Resolve(reference), value);

    private JsonElement Deref(JsonElement node)
    {
        // Chains of references are followed; a cycle of pure references would be a broken document.
        for (var hops = 0; node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference); hops++)
        {
            if (hops > 64)
                throw new InvalidOperationException("Reference cycle at " + reference.GetString());
            node = Resolve(reference.GetString()!);
        }
        return node;
    }

    private void Validate(JsonElement schemaNode, JsonElement value, string path, List<string> errors)
    {
        // In OpenAPI 3.0 the siblings of $ref are ignored.
        var schema = Deref(schemaNode);
        if (schema.ValueKind == JsonValueKind.True)
            return;
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path}: no value is allowed here");
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object)
            throw new InvalidOperationException($"Schema for {path} is not an object.");

        var hasType = schema.TryGetProperty("type", out var typeNode);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
                return;
            if (hasType)
            {
                errors.Add($"{path}: expected {typeNode.GetString()}, got null");
                return;
            }
        }
        else if (hasType && !HasType(value, typeNode.GetString()!))
        {
            errors.Add($"{path}: expected {typeNode.GetString()}, got {Describe(value)}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
            errors.Add($"{path}: {Shorten(value.GetRawText())} is not one of [{string.Join(", ", allowed.EnumerateArray().Select(a => a.GetRawText()))}]");

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(schema, value, path, errors);
                break;
            case JsonValueKind.Array:
                ValidateArray(schema, value, path, errors);
                break;
            case JsonValueKind.String:
                ValidateString(schema, value.GetString()!, path, errors);
                break;
            case JsonValueKind.Number:
                ValidateNumber(schema, value, path, errors);
                break;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
                Validate(part, value, path, errors);
        }
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var branches = anyOf.EnumerateArray().Select(b => ValidateSchema(b, value, path)).ToList();
            if (!branches.Any(b => b.Count == 0))
                errors.Add($"{path}: matches none of anyOf ({Summarise(branches)})");
        }
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var branches = oneOf.EnumerateArray().Select(b => ValidateSchema(b, value, path)).ToList();
            var matches = branches.Count(b => b.Count == 0);
            if (matches == 0)
                errors.Add($"{path}: matches none of oneOf ({Summarise(branches)})");
            else if (matches > 1 && !Options.OneOfMatchesAny)
                errors.Add($"{path}: matches {matches} branches of oneOf, exactly one expected");
        }
        if (schema.TryGetProperty("not", out var not) && ValidateSchema(not, value, path).Count == 0)
            errors.Add($"{path}: matches a schema it must not match");
    }

    private List<string> ValidateSchema(JsonElement schema, JsonElement value, string path)
    {
        var errors = new List<string>();
        Validate(schema, value, path, errors);
        return errors;
    }

    private void ValidateObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            var childPath = ChildPath(path, property.Name);
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
                Validate(propertySchema, property.Value, childPath, errors);
            else if (additional.ValueKind == JsonValueKind.False)
                errors.Add($"{childPath}: property is not allowed (additionalProperties: false)");
            else if (additional.ValueKind == JsonValueKind.Object)
                Validate(additional, property.Value, childPath, errors);
        }
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray())
            {
                if (!value.TryGetProperty(name.GetString()!, out _))
                    errors.Add($"{ChildPath(path, name.GetString()!)}: required property is missing");
            }
        }
        var count = value.EnumerateObject().Count();
        if (schema.TryGetProperty("minProperties", out var min) && count < min.GetInt32())
            errors.Add($"{path}: has {count} properties, fewer than {min.GetInt32()}");
        if (schema.TryGetProperty("maxProperties", out var max) && count > max.GetInt32())
            errors.Add($"{path}: has {count} properties, more than {max.GetInt32()}");
    }

    private void ValidateArray(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        var length = value.GetArrayLength();
        if (schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
                Validate(items, item, $"{path}[{i++}]", errors);
        }
        if (schema.TryGetProperty("minItems", out var min) && length < min.GetInt32())
            errors.Add($"{path}: has {length} items, fewer than {min.GetInt32()}");
        if (schema.TryGetProperty("maxItems", out var max) && length > max.GetInt32())
            errors.Add($"{path}: has {length} items, more than {max.GetInt32()}");
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            var seen = value.EnumerateArray().ToList();
            for (var i = 0; i < seen.Count; i++)
            {
                for (var j = i + 1; j < seen.Count; j++)
                {
                    if (JsonElement.DeepEquals(seen[i], seen[j]))
                        errors.Add($"{path}: items {i} and {j} are equal (uniqueItems)");
                }
            }
        }
    }

    private void ValidateString(JsonElement schema, string value, string path, List<string> errors)
    {
        var length = new StringInfo(value).LengthInTextElements;
        if (schema.TryGetProperty("minLength", out var min) && length < min.GetInt32())
            errors.Add($"{path}: shorter than {min.GetInt32()} characters");
        if (schema.TryGetProperty("maxLength", out var max) && length > max.GetInt32())
            errors.Add($"{path}: longer than {max.GetInt32()} characters");
        if (schema.TryGetProperty("pattern", out var pattern))
        {
            var regex = _patterns.GetOrAdd(pattern.GetString()!, p => new Regex(p, RegexOptions.CultureInvariant));
            if (!regex.IsMatch(value))
                errors.Add($"{path}: does not match pattern {pattern.GetString()}");
        }
    }

    private static void ValidateNumber(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        var number = value.GetDouble();
        var exclusiveMin = schema.TryGetProperty("exclusiveMinimum", out var exMin) && exMin.ValueKind == JsonValueKind.True;
        var exclusiveMax = schema.TryGetProperty("exclusiveMaximum", out var exMax) && exMax.ValueKind == JsonValueKind.True;
        if (schema.TryGetProperty("minimum", out var min) && (exclusiveMin ? number <= min.GetDouble() : number < min.GetDouble()))
            errors.Add($"{path}: {value.GetRawText()} is below the minimum {min.GetRawText()}");
        if (schema.TryGetProperty("maximum", out var max) && (exclusiveMax ? number >= max.GetDouble() : number > max.GetDouble()))
            errors.Add($"{path}: {value.GetRawText()} is above the maximum {max.GetRawText()}");
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && IsIntegral(value),
        _ => throw new NotSupportedException($"Unknown schema type '{type}'."),
    };

    private static bool IsIntegral(JsonElement number)
    {
        if (number.TryGetInt64(out _))
            return true;
        if (number.TryGetDecimal(out var d))
            return decimal.Truncate(d) == d;
        var x = number.GetDouble();
        return double.IsFinite(x) && Math.Floor(x) == x;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsIntegral(value) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string Summarise(IEnumerable<List<string>> branches) =>
        string.Join(" | ", branches.Select((b, i) => $"#{i}: {string.Join("; ", b.Take(3))}"));

    private static string ChildPath(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>YAML 1.2 core-schema scalars to JSON: plain null/true/false/numbers are typed, quoted scalars are strings.</summary>
    private static class YamlToJson
    {
        private static readonly Regex Integer = new(@"^[-+]?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant);
        private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

        public static JsonElement Convert(string text)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
                throw new InvalidDataException($"Expected one YAML document, found {stream.Documents.Count}.");
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
                Write(writer, stream.Documents[0].RootNode);
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 256 });
            return document.RootElement.Clone();
        }

        private static void Write(Utf8JsonWriter writer, YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode mapping:
                    writer.WriteStartObject();
                    foreach (var (key, child) in mapping.Children)
                    {
                        writer.WritePropertyName(((YamlScalarNode)key).Value ?? "");
                        Write(writer, child);
                    }
                    writer.WriteEndObject();
                    break;
                case YamlSequenceNode sequence:
                    writer.WriteStartArray();
                    foreach (var child in sequence.Children)
                        Write(writer, child);
                    writer.WriteEndArray();
                    break;
                case YamlScalarNode scalar:
                    WriteScalar(writer, scalar);
                    break;
                default:
                    throw new InvalidDataException($"Unsupported YAML node {node.GetType().Name} at {node.Start}.");
            }
        }

        private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
        {
            var text = scalar.Value ?? "";
            if (scalar.Style != ScalarStyle.Plain)
            {
                writer.WriteStringValue(text);
                return;
            }
            switch (text)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    writer.WriteNullValue();
                    return;
                case "true" or "True" or "TRUE":
                    writer.WriteBooleanValue(true);
                    return;
                case "false" or "False" or "FALSE":
                    writer.WriteBooleanValue(false);
                    return;
            }
            if (Integer.IsMatch(text))
            {
                // Written raw so big integers keep every digit.
                writer.WriteRawValue(text.TrimStart('+'), skipInputValidation: false);
                return;
            }
            if (Float.IsMatch(text))
            {
                writer.WriteNumberValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
                return;
            }
            writer.WriteStringValue(text);
        }
    }
}

/// <summary>Ways to validate more leniently than OpenAPI 3.0 says, for descriptions that are looser than they read.</summary>
public sealed record OpenApiValidationOptions
{
    /// <summary>Validation as OpenAPI 3.0 defines it.</summary>
    public static OpenApiValidationOptions Strict { get; } = new();

    /// <summary>
    /// oneOf passes when at least one alternative matches, not exactly one: for descriptions whose alternatives
    /// overlap (Zulip's: an empty list is both a list of user ids and a list of emails).
    /// </summary>
    public bool OneOfMatchesAny { get; init; }

    /// <summary>
    /// A JSON-encoded query or form value that is not JSON is read as the plain string it is when its schema takes a
    /// string, as servers that try JSON first do (Zulip's "to" is a list of ids or a channel name).
    /// </summary>
    public bool NonJsonTextAsString { get; init; }
}
