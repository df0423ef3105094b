using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Passes;

namespace SharpSan.Instrumentation.Pipeline;

public enum RewriteStatus { Instrumented, Refused }

public sealed record RewriteResult(string Input, RewriteStatus Status, string? Reason, int Methods = 0, int Checks = 0, IReadOnlyList<string>? Warnings = null, bool HasSymbols = true);

/// <summary>
/// Rewrites one assembly: classify, read (with its PDB if any), run the passes over every method body, stamp
/// the tool version and options, and write the copy plus a portable PDB. The input file is only read.
/// </summary>
public sealed class AssemblyRewriter(RuntimeLibrary runtime, IReadOnlyList<IInstrumentationPass> passes, string sanitizers)
{
    /// <param name="recover">Instrument so that execution can continue after a report (halt_on_error=0, suppressions).</param>
    /// <param name="heuristic">Emit SGCheck's binding checks and buffer registrations (sgcheck_heuristic=1).</param>
    public static AssemblyRewriter ForAddress(RuntimeLibrary runtime, bool recover = false, bool heuristic = true)
    {
        IInstrumentationPass[] passes = heuristic
            ? [new IntraObjectPass(), new PinPass(), new BufferRegistrationPass(), new MemoryAccessPass(recover, heuristic: true)]
            : [new IntraObjectPass(), new PinPass(), new MemoryAccessPass(recover, heuristic: false)];
        string stamp = "address" + (recover ? ";recover" : "") + (heuristic ? "" : ";no-sgcheck");
        return new(runtime, [.. passes, new PoolPass(recover), new InterceptionPass(), new StackAllocPass(), new NativeCallPass(), new EntryPointPass(), new GlobalsPass(), new FinalizableThisPass(), new TestEndPass(Checked), new ShadowCallStackPass()], stamp);
    }

    /// <summary>ThreadSanitizer: race checks on fields, statics and array elements, synchronisation interceptors, shadow call stack.</summary>
    public static AssemblyRewriter ForThread(RuntimeLibrary runtime) =>
        new(runtime, [new Races.LockStatementLinePass(), new Races.SpinLockLocationPass(), new Races.ValueTaskSourcePass(), new Races.RaceAccessPass(), new Races.CollectionCallPass(), new InterceptionPass("thread"), new NativeCallPass(), new TestEndPass(Checked), new ShadowCallStackPass()], "thread");

    /// <summary>
    /// Guard mode (GWP-ASan + Scudo): only the native allocation calls are redirected, to the hardened allocator. No
    /// per-access checks and no shadow call stack, so code that does not allocate runs unchanged; test methods check for
    /// pending guarded faults when they end.
    /// </summary>
    public static AssemblyRewriter ForGuard(RuntimeLibrary runtime) => new(runtime, [new InterceptionPass("guard"), new TestEndPass(Checked | TestEndChecks.GuardFaults)], "guard");

    /// <summary>
    /// MemorySanitizer: allocation sources poison a definedness shadow (interceptors), the shadow pass propagates it
    /// through the methods that touch raw memory and reports uses of undefined values; shadow call stack last.
    /// </summary>
    public static AssemblyRewriter ForMemory(RuntimeLibrary runtime) =>
        new(runtime, [new Memory.MemoryShadowPass(guardLoops: true), new InterceptionPass("memory"), new Memory.UnknownMemberWritesPass(), new TestEndPass(Checked), new ShadowCallStackPass()], "memory");

    /// <summary>Both: AddressSanitizer's passes, then ThreadSanitizer's, one shadow call stack for both.</summary>
    public static AssemblyRewriter ForAddressAndThread(RuntimeLibrary runtime, bool recover = false, bool heuristic = true)
    {
        var address = ForAddress(runtime, recover, heuristic);
        var passes = address._passes.Where(p => p is not ShadowCallStackPass).ToList();
        passes.InsertRange(passes.FindIndex(p => p is InterceptionPass) + 1, [new Races.LockStatementLinePass(), new Races.SpinLockLocationPass(), new Races.ValueTaskSourcePass(), new Races.RaceAccessPass(), new Races.CollectionCallPass(), new InterceptionPass("thread")]);
        passes.Add(new ShadowCallStackPass());
        return new(runtime, passes, address._sanitizers + ",thread");
    }

    /// <summary>The runtime's stackalloc for address+memory: ASan's fake stack, its buffers' definedness kept by MSan.</summary>
    public const string CheckedMemoryStack = "SharpSan.Runtime.Memory.Combined.CheckedMemoryStack";

    /// <summary>
    /// MemorySanitizer with AddressSanitizer and/or ThreadSanitizer in one run. The memory shadow pass goes first, so it
    /// sees the original IL; every later pass skips the instructions it inserted (<c>Editor.Inserted</c>), so its
    /// shadow loads and stores are never checked or race-tracked as the program's own. Then address's passes and
    /// thread's, in their own orders; one interception pass over the union of the modes' interceptors (members several
    /// modes intercept are served by one combined interceptor, see <see cref="CombinedCatalog"/>); one shadow call
    /// stack for all. With address, every stackalloc comes from ASan's fake stack through <see cref="CheckedMemoryStack"/>.
    /// </summary>
    public static AssemblyRewriter ForMemoryWith(RuntimeLibrary runtime, bool address, bool thread, bool recover = false, bool heuristic = true)
    {
        if (!address && !thread) return ForMemory(runtime);
        var modes = new List<string>();
        var passes = new List<IInstrumentationPass> { new Memory.MemoryShadowPass(address ? CheckedMemoryStack : null) };
        string stamp = "memory";
        if (address)
        {
            var a = ForAddress(runtime, recover, heuristic);
            passes.AddRange(a._passes.Where(p => p is not ShadowCallStackPass));
            stamp = a._sanitizers + ",memory";
            modes.Add("address");
        }
        modes.Add("memory");
        if (thread)
        {
            IInstrumentationPass[] races = [new Races.LockStatementLinePass(), new Races.SpinLockLocationPass(), new Races.ValueTaskSourcePass(), new Races.RaceAccessPass(), new Races.CollectionCallPass()];
            int at = passes.FindIndex(p => p is InterceptionPass);
            passes.InsertRange(at < 0 ? passes.Count : at, races);
            stamp += ",thread";
            modes.Add("thread");
        }
        var interception = new InterceptionPass(string.Join(",", modes));
        int index = passes.FindIndex(p => p is InterceptionPass);
        if (index < 0) passes.Add(interception);
        else passes[index] = interception;
        // Memory's rule for members no interceptor models (spans they were given count as written) runs after interception.
        passes.Insert(passes.IndexOf(interception) + 1, new Memory.UnknownMemberWritesPass());
        if (!passes.Any(p => p is TestEndPass)) passes.Add(new TestEndPass(Checked));
        passes.Add(new ShadowCallStackPass());
        return new(runtime, passes, stamp);
    }

    /// <summary>What every mode's tests check when they end (guard adds its pending faults).</summary>
    const TestEndChecks Checked = TestEndChecks.ChildFindings | TestEndChecks.NativeFindings;

    IReadOnlyList<IInstrumentationPass> _passes => passes;
    string _sanitizers => sanitizers;

    public string Stamp => $"{runtime.Version};sanitize={sanitizers}";

    public RewriteResult Rewrite(string input, string output, IEnumerable<string> searchDirectories)
    {
        if (InputClassifier.Check(input) is { } refusal) return new RewriteResult(input, RewriteStatus.Refused, refusal.Reason);
        var warnings = new List<string>();
        var phases = new RewritePhases(input);
        using var resolver = new DefaultAssemblyResolver();
        foreach (var dir in searchDirectories.Prepend(Path.GetDirectoryName(Path.GetFullPath(input))!).Distinct())
            resolver.AddSearchDirectory(dir);

        ModuleDefinition module;
        bool hasSymbols;
        try
        {
            (module, hasSymbols) = Read(input, resolver, warnings);
            phases.End("read");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Cecil signals damaged or hostile metadata with many exception types (BadImageFormat, NotImplemented,
            // IndexOutOfRange, ...): any of them means this one file is refused, never the whole run.
            return new RewriteResult(input, RewriteStatus.Refused, $"malformed or obfuscated metadata ({e.GetType().Name}: {e.Message})");
        }
        using (module)
        {
            if ((module.Attributes & ModuleAttributes.ILLibrary) != 0)
            {
                // ReadyToRun: the precompiled code would no longer match the rewritten IL, so the copy is IL only —
                // and AnyCPU, as the compiler wrote it: crossgen2 stamps its image's machine with an OS-specific value
                // (x64 ^ 0x7B79 on Linux) that the runtime refuses on an IL-only image.
                module.Attributes = (module.Attributes & ~(ModuleAttributes.ILLibrary | ModuleAttributes.Required32Bit)) | ModuleAttributes.ILOnly;
                module.Architecture = TargetArchitecture.I386;
                warnings.Add("ReadyToRun image: rewritten as IL only (its precompiled code is dropped; the JIT compiles it)");
            }
            var moduleContext = new ModuleContext(module, runtime);
            var contexts = Il.ModuleTypes.All(module).Where(t => !ModuleContext.IsGenerated(t)).ToList()
                .SelectMany(t => t.Methods.Where(m => m.HasBody)).Select(m => new MethodContext(m, moduleContext)).ToList();
            phases.End("contexts");
            // Pass-major order: each pass sees every method after the previous pass has finished with all of them.
            foreach (var pass in passes)
            {
                pass.Prepare(contexts.Where(c => !c.Stopped).ToList());
                phases.End(pass.Name + " (prepare)");
                foreach (var ctx in contexts)
                {
                    if (ctx.Stopped) continue;
                    try
                    {
                        pass.Run(ctx);
                    }
                    catch (Exception e) when (e is AssemblyResolutionException or InvalidOperationException or NotSupportedException)
                    {
                        ctx.Stopped = true;
                        warnings.Add($"{ctx.Method.FullName}: {pass.Name} stopped ({e.Message}); later passes skip it");
                    }
                }
                phases.End(pass.Name);
            }
            int checks = contexts.Sum(c => c.Checks);
            foreach (var ctx in contexts) ctx.Finish();
            phases.End("finish");
            AddStamp(module);
            Write(module, output, hasSymbols, contexts);
            phases.End("write");
            phases.Print();
            return new RewriteResult(input, RewriteStatus.Instrumented, null, contexts.Count, checks, warnings, hasSymbols);
        }
    }

    static (ModuleDefinition, bool) Read(string input, IAssemblyResolver resolver, List<string> warnings)
    {
        var parameters = new ReaderParameters
        {
            AssemblyResolver = resolver,
            InMemory = true,
            ReadingMode = ReadingMode.Immediate,
            MetadataImporterProvider = new RuntimeImporter.Provider(),
            ReadSymbols = true,
            SymbolReaderProvider = new DefaultSymbolReaderProvider(throwIfNoSymbol: false),
        };
        try
        {
            var module = ModuleDefinition.ReadModule(input, parameters);
            return (module, module.HasSymbols);
        }
        catch (Exception e) when (e is SymbolsNotMatchingException or SymbolsNotFoundException or BadImageFormatException && parameters.ReadSymbols)
        {
            warnings.Add($"symbols unreadable ({e.Message}); reports will show IL offsets instead of lines");
            parameters.ReadSymbols = false;
            parameters.SymbolReaderProvider = null;
            return (ModuleDefinition.ReadModule(input, parameters), false);
        }
    }

    void AddStamp(ModuleDefinition module)
    {
        var attributeType = new TypeReference("System.Reflection", "AssemblyMetadataAttribute", module, module.TypeSystem.CoreLibrary);
        var ctor = new MethodReference(".ctor", module.TypeSystem.Void, attributeType) { HasThis = true };
        ctor.Parameters.Add(new ParameterDefinition(module.TypeSystem.String));
        ctor.Parameters.Add(new ParameterDefinition(module.TypeSystem.String));
        var attribute = new CustomAttribute(ctor);
        attribute.ConstructorArguments.Add(new CustomAttributeArgument(module.TypeSystem.String, InputClassifier.StampKey));
        attribute.ConstructorArguments.Add(new CustomAttributeArgument(module.TypeSystem.String, Stamp));
        module.Assembly.CustomAttributes.Add(attribute);
    }

    /// <summary>
    /// Frame keys and the original-offset table embed MethodDef row ids, known for sure only after writing. They are
    /// numbered first as the writer will number them (<see cref="MethodRows"/>), so one write is enough; should the
    /// writer still renumber a method, the constants and the table are patched and the module written once more
    /// (same order, same ids).
    /// </summary>
    static void Write(ModuleDefinition module, string output, bool hasSymbols, List<MethodContext> contexts)
    {
        OriginalOffsetTable.Update(module, contexts);   // may add the table's holder type: before the numbering
        MethodRows.NumberAsTheWriterWill(module);
        PatchRowIds(module, contexts);
        for (int attempt = 0; ; attempt++)
        {
            var image = new MemoryStream();
            var pdb = new MemoryStream();
            var parameters = new WriterParameters();
            if (hasSymbols)
            {
                parameters.WriteSymbols = true;
                parameters.SymbolWriterProvider = new PortablePdbWriterProvider();
                parameters.SymbolStream = pdb;
            }
            module.Write(image, parameters);
            if (PatchRowIds(module, contexts) && attempt < 2) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.WriteAllBytes(output, image.ToArray());
            string pdbPath = Path.ChangeExtension(output, ".pdb");
            if (hasSymbols) File.WriteAllBytes(pdbPath, pdb.ToArray());
            else if (File.Exists(pdbPath)) File.Delete(pdbPath);   // a copied PDB would no longer match
            return;
        }
    }

    /// <summary>Brings the row-id constants and the offset table to the methods' current row ids; true if anything changed.</summary>
    static bool PatchRowIds(ModuleDefinition module, List<MethodContext> contexts)
    {
        bool changed = false;
        foreach (var ctx in contexts)
        {
            if (ctx.RidConstant is { } c && (int)c.Operand != (int)ctx.Method.MetadataToken.RID)
            {
                c.Operand = (int)ctx.Method.MetadataToken.RID;
                changed = true;
            }
        }
        if (OriginalOffsetTable.Update(module, contexts)) changed = true;   // it is keyed by row id too
        return changed;
    }
}
