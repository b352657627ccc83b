using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Archon.Functions.Tests.Infra;

/// <summary>
/// Finds ways a compiled ARM template could leak or depend on a secret: key-listing functions, key-bearing
/// connection strings, and outputs that expose keys or connection strings. Returns one message per finding.
/// </summary>
internal static partial class ArmSecretScan
{
    // list*(...) functions return keys/SAS/connection strings; none belong in an identity-only template.
    [GeneratedRegex(@"\blist(Keys|AccountSas|ServiceSas|ConnectionStrings|Secrets|Credentials?|AdminKeys|QueryKeys)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunction();

    [GeneratedRegex(@"AccountKey\s*=|SharedAccessKey\s*=|SharedAccessSignature\s*=|api-key", RegexOptions.IgnoreCase)]
    private static partial Regex KeyInConnectionString();

    [GeneratedRegex(@"key|secret|password|connectionstring|sas", RegexOptions.IgnoreCase)]
    private static partial Regex SecretishName();

    [GeneratedRegex(@"\.(ConnectionString|InstrumentationKey|key1|key2|primaryKey|secondaryKey)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecretishProperty();

    public static IReadOnlyList<string> Scan(CompiledTemplate template)
    {
        var findings = new List<string>();
        foreach (Match m in ListFunction().Matches(template.Json))
        {
            findings.Add($"template calls {m.Value.TrimEnd('(', ' ')}()");
        }

        foreach (Match m in KeyInConnectionString().Matches(template.Json))
        {
            findings.Add($"template contains a key-bearing connection string fragment '{m.Value}'");
        }

        foreach (var outputs in template.AllOutputs())
        {
            foreach (var (name, output) in outputs)
            {
                var value = output?["value"]?.ToJsonString() ?? "";
                var type = output?["type"]?.ToString() ?? "";
                if (SecretishName().IsMatch(name))
                {
                    findings.Add($"output '{name}' is named like a secret");
                }

                if (SecretishProperty().IsMatch(value))
                {
                    findings.Add($"output '{name}' exposes {SecretishProperty().Match(value).Value}");
                }

                if (type.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
                {
                    findings.Add($"output '{name}' is of type {type}");
                }
            }
        }

        return findings;
    }

    /// <summary>App settings (name → value expression) of every web/function site in the template.</summary>
    public static IEnumerable<(string Site, string Name, string Value)> AppSettings(CompiledTemplate template)
    {
        foreach (var site in template.OfType("Microsoft.Web/sites"))
        {
            if (site.Node("properties.siteConfig.appSettings") is JsonArray settings)
            {
                foreach (var s in settings)
                {
                    yield return (site.SymbolicName, s!["name"]!.ToString(), s["value"]?.ToString() ?? "");
                }
            }
        }
    }
}
