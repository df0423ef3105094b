namespace SharpSan.Instrumentation.Pipeline;

/// <summary>One concern of the rewrite (Coyote-style): it visits each method body and edits it through the shared context.</summary>
public interface IInstrumentationPass
{
    string Name { get; }
    void Run(MethodContext method);
}
