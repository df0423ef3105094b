using SharpSan.EndToEnd.Harness;
using SharpSan.Instrumentation.Application;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.EndToEnd;

/// <summary>
/// An app folder's assemblies are rewritten in parallel (each worker with its own runtime library and passes): the
/// instrumented copy must be byte for byte the one the serial rewrite makes — assemblies, PDBs, deps.json, outcomes.
/// The folder mixes two compiled case programs with real libraries (Cecil's satellite assemblies, --include'd).
/// </summary>
public sealed class ParallelInstrumentationTests
{
    static readonly string[] s_programs = ["Combinations/CleanNativeCodeUnderBothNegative.cs", "Memory/RentedStaleElementBranch.cs"];
    static readonly string[] s_libraries = ["Mono.Cecil.Rocks.dll", "Mono.Cecil.Mdb.dll", "Mono.Cecil.Pdb.dll"];

    [Theory]
    [InlineData("address")]
    [InlineData("thread")]
    [InlineData("memory")]
    [InlineData("guard")]
    public void ParallelRewrite_IsByteIdenticalToSerial(string sanitizers)
    {
        string root = Path.Combine(Suite.WorkDirectory, "parallel-" + sanitizers + "-" + Guid.NewGuid().ToString("N"));
        try
        {
            string app = Path.Combine(root, "app");
            foreach (var program in s_programs)
                CaseCompiler.Compile(Path.Combine(Suite.CasesDirectory, program), Path.GetFileNameWithoutExtension(program), app, optimize: false);
            foreach (var library in s_libraries) File.Copy(Path.Combine(AppContext.BaseDirectory, library), Path.Combine(app, library));

            var serial = Instrument(app, Path.Combine(root, "serial"), sanitizers, parallelism: 1);
            var parallel = Instrument(app, Path.Combine(root, "parallel"), sanitizers, parallelism: 4);

            Assert.True(serial.Assemblies.Count(a => a.Action == "instrumented") >= 4,
                "expected the programs and the libraries instrumented: " + string.Join("; ", serial.Assemblies.Select(a => $"{a.FileName} {a.Action} {a.Detail}")));
            Assert.Equal(serial.Assemblies, parallel.Assemblies);
            var files = Files(serial.OutputDirectory);
            Assert.Equal(files, Files(parallel.OutputDirectory));
            foreach (var file in files)
                Assert.True(File.ReadAllBytes(Path.Combine(serial.OutputDirectory, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(parallel.OutputDirectory, file))),
                    $"{file} differs between the serial and the parallel rewrite");
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    static InstrumentReport Instrument(string app, string output, string sanitizers, int parallelism) =>
        new AppInstrumenter(RuntimeLibrary.Default(), parallelism: parallelism)
            .Instrument(new InstrumentRequest(app, output, ["Mono.Cecil.*.dll"], [], sanitizers));

    static string[] Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToArray();
}
