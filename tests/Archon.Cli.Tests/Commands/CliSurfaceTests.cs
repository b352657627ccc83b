using System.Reflection;
using Archon.Cli.Commands;
using Spectre.Console.Cli;

namespace Archon.Cli.Tests.Commands;

/// <summary>The command-line surface as a whole: one short-option table, help on every option, strict parsing, --version.</summary>
public sealed class CliSurfaceTests
{
    private static IEnumerable<(Type Settings, CommandOptionAttribute Option, PropertyInfo Property)> Options() =>
        typeof(ArchonApp).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CommandSettings)) && !t.IsAbstract)
            .SelectMany(t => t.GetProperties().Select(p => (t, p.GetCustomAttribute<CommandOptionAttribute>(), p)))
            .Where(o => o.Item2 is not null)
            .Select(o => (o.t, o.Item2!, o.p));

    [Fact]
    public void Options_EveryShortName_MeansOneThingAcrossVerbsAsTheTableSays()
    {
        var options = Options().ToList();
        Assert.NotEmpty(options);
        foreach (var (settings, option, _) in options)
        {
            foreach (var shortName in option.ShortNames)
            {
                Assert.True(CliOptions.ShortNames.TryGetValue(shortName, out var longNames),
                    $"{settings.Name}: -{shortName} is not in CliOptions.ShortNames (add it there and to README)");
                Assert.True(option.LongNames.Any(longNames.Contains),
                    $"{settings.Name}: -{shortName} stands for --{string.Join("/--", option.LongNames)}, but the table gives it to --{string.Join("/--", longNames)}");
            }
        }
    }

    [Fact]
    public void Options_TheCommonOnes_HaveTheirShortNameOnEveryVerb()
    {
        // A long name that has a letter in the table has it everywhere, so `-m` works on every verb that takes --models.
        var byLong = CliOptions.ShortNames.SelectMany(kv => kv.Value.Select(l => (Long: l, Short: kv.Key))).ToDictionary(x => x.Long, x => x.Short);
        foreach (var (settings, option, _) in Options())
        {
            foreach (var longName in option.LongNames.Where(byLong.ContainsKey))
            {
                Assert.True(option.ShortNames.Contains(byLong[longName]), $"{settings.Name}: --{longName} lacks -{byLong[longName]}");
            }
        }
    }

    [Fact]
    public void Options_EveryOptionAndArgument_HasHelpText()
    {
        var missing = typeof(ArchonApp).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CommandSettings)))
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.GetCustomAttribute<CommandOptionAttribute>() is not null || x.Property.GetCustomAttribute<CommandArgumentAttribute>() is not null)
            .Where(x => string.IsNullOrWhiteSpace(x.Property.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Run_Help_ListsTheBudgetFlagsWithTheirHelp()
    {
        var result = await ArchonCli.RunAsync("run", "--help");

        Assert.Equal(0, result.Exit);
        Assert.Contains("--max-usd", result.Out, StringComparison.Ordinal);
        Assert.Contains("Budget: at most this many US dollars", result.Out, StringComparison.Ordinal);
        Assert.Contains("-p, --prompt", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archon_Version_PrintsTheInformationalVersion()
    {
        var result = await ArchonCli.RunAsync("--version");

        Assert.Equal(0, result.Exit);
        Assert.Equal(ArchonApp.Version, result.Out.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out.Trim());
    }

    [Theory]
    [InlineData("bench", "latency", "--candidates", "x")]
    [InlineData("validate", "x.json", "--no-such-option")]
    [InlineData("eval", "-a", "x", "-b", "builtin", "-p", "8")]
    public async Task Archon_UnknownOption_IsAnErrorNotIgnored(params string[] args)
    {
        var result = await ArchonCli.RunAsync(args);

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("Unknown option", result.Out + result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_SpecWithUnknownField_NamesTheFieldAndListsTheValidOnes()
    {
        var dir = Directory.CreateTempSubdirectory("archon-spec-");
        try
        {
            var spec = Path.Combine(dir.FullName, "bad.json");
            await File.WriteAllTextAsync(spec, """{ "name": "x", "max_evals": 3 }""");

            var result = await ArchonCli.RunAsync("search", spec, "--store", Path.Combine(dir.FullName, "store"));

            Assert.Equal(2, result.Exit);
            var line = Assert.Single(result.ErrorLines);
            Assert.StartsWith($"error: {spec}: field max_evals: unknown; valid fields: name, catalog,", line, StringComparison.Ordinal);
            Assert.Contains("max_evaluations", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Archon.", line, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
