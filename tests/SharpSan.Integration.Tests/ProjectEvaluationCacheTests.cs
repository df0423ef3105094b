using SharpSan.Cli.Testing;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// `sharpsan test` keeps a project's evaluation (README: "a second `sharpsan test` does not run `dotnet msbuild`"): an
/// unchanged project is answered from the cache; any change to what the evaluation reads is evaluated again.
/// </summary>
public sealed class ProjectEvaluationCacheTests
{
    const string ProjectText = "<Project Sdk=\"Microsoft.NET.Sdk\"><Import Project=\"shared/common.props\" /></Project>";

    sealed class CountingEvaluation(string answer)
    {
        public int Runs;
        public string Answer = answer;
        public string? Evaluate() { Runs++; return Answer; }
    }

    static (ProjectEvaluationCache Cache, string Project) NewProject()
    {
        string root = TestPaths.NewDirectory("evaluation-cache");
        string folder = Path.Combine(root, "repo", "src", "App.Tests");
        Directory.CreateDirectory(Path.Combine(folder, "shared"));
        File.WriteAllText(Path.Combine(folder, "shared", "common.props"), "<Project />");
        string project = Path.Combine(folder, "App.Tests.csproj");
        File.WriteAllText(project, ProjectText);
        return (new ProjectEvaluationCache(Path.Combine(root, "cache")), project);
    }

    /// <summary>A later time than the file's own, so that a change shows even where the clock is coarse.</summary>
    static void Touch(string file) => File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(2));

    [Fact]
    public void AnUnchangedProjectIsEvaluatedOnce()
    {
        var (cache, project) = NewProject();
        var evaluation = new CountingEvaluation("{\"Properties\":{\"IsTestProject\":\"true\"}}");
        for (int i = 0; i < 3; i++)
            Assert.Equal(evaluation.Answer, cache.GetOrEvaluate(project, ["-p:Configuration=Debug"], evaluation.Evaluate));
        Assert.Equal(1, evaluation.Runs);
    }

    [Fact]
    public void AChangedProjectFileIsEvaluatedAgain()
    {
        var (cache, project) = NewProject();
        var evaluation = new CountingEvaluation("{\"before\":1}");
        cache.GetOrEvaluate(project, [], evaluation.Evaluate);
        File.WriteAllText(project, ProjectText.Replace("<Project ", "<Project  "));
        Touch(project);
        evaluation.Answer = "{\"after\":1}";
        Assert.Equal("{\"after\":1}", cache.GetOrEvaluate(project, [], evaluation.Evaluate));
        Assert.Equal(2, evaluation.Runs);
    }

    [Fact]
    public void AChangedImportOfTheProjectIsEvaluatedAgain()
    {
        var (cache, project) = NewProject();
        var evaluation = new CountingEvaluation("{}");
        cache.GetOrEvaluate(project, [], evaluation.Evaluate);
        string import = Path.Combine(Path.GetDirectoryName(project)!, "shared", "common.props");
        File.WriteAllText(import, "<Project><PropertyGroup><IsTestProject>false</IsTestProject></PropertyGroup></Project>");
        Touch(import);
        cache.GetOrEvaluate(project, [], evaluation.Evaluate);
        Assert.Equal(2, evaluation.Runs);
    }

    [Fact]
    public void AGlobalJsonAddedInAFolderAboveIsEvaluatedAgain()
    {
        var (cache, project) = NewProject();
        var evaluation = new CountingEvaluation("{}");
        cache.GetOrEvaluate(project, [], evaluation.Evaluate);
        File.WriteAllText(Path.Combine(project, "..", "..", "..", "global.json"), "{\"sdk\":{\"rollForward\":\"latestMajor\"}}");
        cache.GetOrEvaluate(project, [], evaluation.Evaluate);
        Assert.Equal(2, evaluation.Runs);
    }

    [Fact]
    public void ANewRestoreOutputIsEvaluatedAgain()
    {
        var (cache, project) = NewProject();
        var evaluation = new CountingEvaluation("{}");
        cache.GetOrEvaluate(project, [], evaluation.Evaluate);
        string obj = Path.Combine(Path.GetDirectoryName(project)!, "obj");
        Directory.CreateDirectory(obj);
        File.WriteAllText(Path.Combine(obj, "App.Tests.csproj.nuget.g.props"), "<Project />");
        cache.GetOrEvaluate(project, [], evaluation.Evaluate);
        Assert.Equal(2, evaluation.Runs);
    }

    [Fact]
    public void OtherCommandLinePropertiesAreEvaluatedApart()
    {
        var (cache, project) = NewProject();
        var debug = new CountingEvaluation("{\"debug\":1}");
        var release = new CountingEvaluation("{\"release\":1}");
        cache.GetOrEvaluate(project, ["-p:Configuration=Debug"], debug.Evaluate);
        Assert.Equal("{\"release\":1}", cache.GetOrEvaluate(project, ["-p:Configuration=Release"], release.Evaluate));
        Assert.Equal("{\"debug\":1}", cache.GetOrEvaluate(project, ["-p:Configuration=Debug"], debug.Evaluate));
        Assert.Equal((1, 1), (debug.Runs, release.Runs));
    }

    [Fact]
    public void AFailedEvaluationIsNotKept()
    {
        var (cache, project) = NewProject();
        int runs = 0;
        Assert.Null(cache.GetOrEvaluate(project, [], () => { runs++; return null; }));
        Assert.Null(cache.GetOrEvaluate(project, [], () => { runs++; return null; }));
        Assert.Equal(2, runs);
    }
}
