using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace SharpSan.EndToEnd.Harness;

/// <summary>
/// Compiles one case file with Roslyn, in-process: a console app with unsafe code, Debug (or optimized) and
/// deterministic, a portable PDB beside it whose documents are the case file's full path, referencing the
/// shared framework the tests themselves run on, plus a runtimeconfig.json so that `dotnet x.dll` runs it.
/// </summary>
public static class CaseCompiler
{
    static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadFrameworkReferences);

    /// <summary>The running .NET's shared framework (Microsoft.NETCore.App), from the trusted platform assemblies.</summary>
    static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. tpa
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal))
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(AnnotationsPath))];
    }

    /// <summary>SharpSan.Annotations.dll (race annotations, the test-only barrier): every case may use it; it is copied beside the case.</summary>
    static string AnnotationsPath => Path.Combine(AppContext.BaseDirectory, "SharpSan.Annotations.dll");

    /// <summary>Compiles <paramref name="sourcePath"/> into <paramref name="outputDir"/>/<paramref name="name"/>.dll; returns the dll path.</summary>
    /// <exception cref="CompilationFailedException">the source has errors</exception>
    public static string Compile(string sourcePath, string name, string outputDir, bool optimize)
    {
        string source = File.ReadAllText(sourcePath, Encoding.UTF8);
        var text = SourceText.From(source, Encoding.UTF8);
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: Path.GetFullPath(sourcePath));
        var options = new CSharpCompilationOptions(
            OutputKind.ConsoleApplication,
            optimizationLevel: optimize ? OptimizationLevel.Release : OptimizationLevel.Debug,
            allowUnsafe: true,
            deterministic: true,
            nullableContextOptions: NullableContextOptions.Disable);
        var compilation = CSharpCompilation.Create(name, [tree], s_references.Value, options);

        Directory.CreateDirectory(outputDir);
        string dll = Path.Combine(outputDir, name + ".dll");
        string pdb = Path.Combine(outputDir, name + ".pdb");
        EmitResult result;
        using (var peStream = File.Create(dll))
        using (var pdbStream = File.Create(pdb))
        {
            result = compilation.Emit(peStream, pdbStream,
                options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: pdb));
        }
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new CompilationFailedException($"{sourcePath} does not compile:\n" + string.Join("\n", errors));
        }
        File.Copy(AnnotationsPath, Path.Combine(outputDir, "SharpSan.Annotations.dll"), overwrite: true);
        var version = Environment.Version;
        File.WriteAllText(Path.Combine(outputDir, name + ".runtimeconfig.json"), $$"""
            {
              "runtimeOptions": {
                "tfm": "net{{version.Major}}.{{version.Minor}}",
                "framework": { "name": "Microsoft.NETCore.App", "version": "{{version.Major}}.{{version.Minor}}.0" }
              }
            }
            """);
        return dll;
    }
}

public sealed class CompilationFailedException(string message) : Exception(message);
