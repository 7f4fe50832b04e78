using System.Globalization;
using System.Text.Json;
using YamlDotNet.Serialization;

namespace MentorFunctions.Tests.Fixtures.OpenApi;

/// <summary>
/// Checks a request against Zulip's official OpenAPI description (RepoPaths.ZulipOpenApi): the operation exists for the
/// method and path, required parameters are present, no parameter is unknown, and every value fits its schema (type,
/// enum, minimum/maximum, JSON-encoded arrays and objects, oneOf/anyOf/allOf, required and additional properties).
/// Self-contained on purpose (YamlDotNet's untyped graph); oneOf is checked as "matches at least one" because Zulip's
/// alternatives overlap (an empty list is both a list of ids and a list of emails).
/// </summary>
public sealed class ZulipRequestValidator
{
    private static readonly Lazy<ZulipRequestValidator> Shared = new(() => new ZulipRequestValidator(RepoPaths.ZulipOpenApi));

    private readonly Dictionary<object, object> _root;

    public static ZulipRequestValidator Instance => Shared.Value;

    public ZulipRequestValidator(string yamlPath)
    {
        using var reader = File.OpenText(yamlPath);
        _root = (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize(reader)!;
    }

    /// <summary>
    /// The problems of one request, empty when valid. <paramref name="path"/> is relative to /api/v1 (e.g. "/messages");
    /// <paramref name="form"/> holds the form-encoded body fields (null for none).
    /// </summary>
    public IReadOnlyList<string> Validate(string method, string path, IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string>? form)
    {
        var errors = new List<string>();
        var paths = Map(_root["paths"]);
        var (template, pathItem) = FindPath(paths, path);
        if (pathItem is null)
            return [$"no path {path} in Zulip's API"];
        if (!pathItem.TryGetValue(method.ToLowerInvariant(), out var opNode))
            return [$"no operation {method} {template}"];
        var operation = Map(opNode);
        var op = Str(operation, "operationId") ?? template;

        var parameters = new List<Dictionary<object, object>>();
        foreach (var source in new[] { pathItem, operation })
            if (source.TryGetValue("parameters", out var list))
                parameters.AddRange(((List<object>)list).Select(p => Map(Resolve(p))));

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in parameters.Where(p => Str(p, "in") == "query"))
        {
            var name = Str(p, "name")!;
            known.Add(name);
            if (!query.TryGetValue(name, out var raw))
            {
                if (Bool(p, "required")) errors.Add($"{op}: required query parameter '{name}' missing");
                continue;
            }
            if (p.TryGetValue("content", out var content))
                CheckValue(op, name, raw, Map(Map(Map(content)["application/json"])["schema"]), jsonEncoded: true, errors);
            else
                CheckValue(op, name, raw, Map(p["schema"]), jsonEncoded: false, errors);
        }
        foreach (var name in query.Keys.Where(k => !known.Contains(k)))
            errors.Add($"{op}: unknown query parameter '{name}'");

        Dictionary<object, object>? bodySchema = null;
        Dictionary<object, object>? encoding = null;
        if (operation.TryGetValue("requestBody", out var body) && Map(Resolve(body)).TryGetValue("content", out var bodyContent)
            && Map(bodyContent).TryGetValue("application/x-www-form-urlencoded", out var formNode))
        {
            bodySchema = Map(Resolve(Map(formNode)["schema"]));
            encoding = Map(formNode).TryGetValue("encoding", out var enc) ? Map(enc) : null;
        }
        if (form is { Count: > 0 } && bodySchema is null)
            errors.Add($"{op}: takes no form body");
        if (bodySchema is not null)
        {
            var properties = bodySchema.TryGetValue("properties", out var props) ? Map(props) : [];
            var fields = form ?? new Dictionary<string, string>();
            if (bodySchema.TryGetValue("required", out var required))
                foreach (var name in ((List<object>)required).Cast<string>().Where(n => !fields.ContainsKey(n)))
                    errors.Add($"{op}: required field '{name}' missing");
            foreach (var (name, raw) in fields)
            {
                if (!properties.TryGetValue(name, out var schema))
                {
                    errors.Add($"{op}: unknown field '{name}'");
                    continue;
                }
                var json = encoding is not null && encoding.TryGetValue(name, out var e) && Str(Map(e), "contentType") == "application/json";
                CheckValue(op, name, raw, Map(Resolve(schema)), json, errors);
            }
        }
        return errors;
    }

    private (string Template, Dictionary<object, object>? Item) FindPath(Dictionary<object, object> paths, string path)
    {
        var segments = path.Trim('/').Split('/');
        foreach (var (key, value) in paths)
        {
            var template = (string)key;
            var parts = template.Trim('/').Split('/');
            if (parts.Length != segments.Length) continue;
            if (parts.Zip(segments).All(x => x.First.StartsWith('{') || x.First == x.Second))
                return (template, Map(value));
        }
        return (path, null);
    }

    /// <summary>A raw string value against its schema: JSON-decoded when the spec says so or the schema is a list/object.</summary>
    private void CheckValue(string op, string name, string raw, Dictionary<object, object> schema, bool jsonEncoded, List<string> errors)
    {
        schema = Map(Resolve(schema));
        var types = PossibleTypes(schema);
        JsonElement element;
        if (jsonEncoded || types.Overlaps(["array", "object"]))
        {
            try
            {
                element = JsonDocument.Parse(raw).RootElement;
            }
            catch (JsonException)
            {
                if (!types.Contains("string"))
                {
                    errors.Add($"{op}: '{name}' is not valid JSON: {raw}");
                    return;
                }
                element = JsonSerializer.SerializeToElement(raw);
            }
        }
        else
        {
            // Plain form/query values are text; read them the way the server does for the schema's type.
            if (types.Contains("integer") && long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
                element = JsonSerializer.SerializeToElement(i);
            else if (types.Contains("number") && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                element = JsonSerializer.SerializeToElement(d);
            else if (types.Contains("boolean") && raw is "true" or "false")
                element = JsonSerializer.SerializeToElement(raw == "true");
            else
                element = JsonSerializer.SerializeToElement(raw);
        }
        foreach (var problem in CheckSchema(element, schema, name))
            errors.Add($"{op}: {problem}");
    }

    private HashSet<string> PossibleTypes(Dictionary<object, object> schema)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (Str(schema, "type") is { } t) set.Add(t);
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetValue(key, out var list))
                foreach (var s in (List<object>)list)
                    set.UnionWith(PossibleTypes(Map(Resolve(s))));
        return set;
    }

    private List<string> CheckSchema(JsonElement value, Dictionary<object, object> schema, string at)
    {
        schema = Map(Resolve(schema));
        var errors = new List<string>();
        if (schema.TryGetValue("allOf", out var allOf))
            foreach (var s in (List<object>)allOf)
                errors.AddRange(CheckSchema(value, Map(s), at));
        foreach (var key in new[] { "oneOf", "anyOf" })
        {
            if (!schema.TryGetValue(key, out var alternatives)) continue;
            var results = ((List<object>)alternatives).Select(s => CheckSchema(value, Map(s), at)).ToList();
            if (results.All(r => r.Count > 0))
                errors.Add($"'{at}' matches none of its {key} alternatives ({string.Join("; ", results.SelectMany(r => r).Take(3))})");
        }
        if (Str(schema, "type") is { } type && !HasType(value, type))
        {
            errors.Add($"'{at}' should be {type} but is {value.ValueKind}: {value.GetRawText()}");
            return errors;
        }
        if (schema.TryGetValue("enum", out var enumNode))
        {
            var allowed = ((List<object>)enumNode).Select(o => o?.ToString()).ToList();
            var actual = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            if (!allowed.Contains(actual))
                errors.Add($"'{at}' = {actual} is not one of {string.Join(", ", allowed)}");
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            var n = value.GetDouble();
            if (Num(schema, "minimum") is { } min && n < min) errors.Add($"'{at}' = {n} is below {min}");
            if (Num(schema, "maximum") is { } max && n > max) errors.Add($"'{at}' = {n} is above {max}");
        }
        if (value.ValueKind == JsonValueKind.String && Num(schema, "minLength") is { } minLength && value.GetString()!.Length < minLength)
            errors.Add($"'{at}' is shorter than {minLength}");
        if (value.ValueKind == JsonValueKind.Array)
        {
            var count = value.GetArrayLength();
            if (Num(schema, "minItems") is { } minItems && count < minItems) errors.Add($"'{at}' has fewer than {minItems} items");
            if (Num(schema, "maxItems") is { } maxItems && count > maxItems) errors.Add($"'{at}' has more than {maxItems} items");
            if (schema.TryGetValue("items", out var items))
            {
                var index = 0;
                foreach (var item in value.EnumerateArray())
                    errors.AddRange(CheckSchema(item, Map(items), $"{at}[{index++}]"));
            }
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetValue("properties", out var p) ? Map(p) : [];
            if (schema.TryGetValue("required", out var required))
                foreach (var name in ((List<object>)required).Cast<string>())
                    if (!value.TryGetProperty(name, out _)) errors.Add($"'{at}.{name}' is required");
            var closed = schema.TryGetValue("additionalProperties", out var additional) && additional is string s && s == "false";
            foreach (var property in value.EnumerateObject())
            {
                if (properties.TryGetValue(property.Name, out var propertySchema))
                    errors.AddRange(CheckSchema(property.Value, Map(propertySchema), $"{at}.{property.Name}"));
                else if (closed)
                    errors.Add($"'{at}.{property.Name}' is not allowed");
            }
        }
        return errors;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    /// <summary>Follows "#/components/..." references (repeatedly).</summary>
    private object Resolve(object node)
    {
        for (var depth = 0; depth < 16 && node is Dictionary<object, object> map && map.TryGetValue("$ref", out var reference); depth++)
        {
            object current = _root;
            foreach (var part in ((string)reference).TrimStart('#', '/').Split('/'))
                current = Map(current)[part];
            node = current;
        }
        return node;
    }

    private static Dictionary<object, object> Map(object node) =>
        node as Dictionary<object, object> ?? throw new InvalidOperationException($"Expected a mapping in the OpenAPI document, got {node?.GetType().Name}");

    private static string? Str(Dictionary<object, object> map, string key) => map.TryGetValue(key, out var v) ? v as string : null;

    private static bool Bool(Dictionary<object, object> map, string key) => Str(map, key) == "true";

    private static double? Num(Dictionary<object, object> map, string key) =>
        Str(map, key) is { } s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
