namespace SharpSan.Instrumentation.Pipeline;

/// <summary>One concern of the rewrite (Coyote-style): it visits each method body and edits it through the shared context.</summary>
public interface IInstrumentationPass
{
    string Name { get; }

    /// <summary>Module-wide preparation, after the earlier passes have run over every method.</summary>
    void Prepare(IReadOnlyList<MethodContext> methods) { }

    void Run(MethodContext method);
}
