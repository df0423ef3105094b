using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Pipeline;

/// <summary>Per-module state: imported runtime entry points and the generated module-registration type.</summary>
public sealed class ModuleContext
{
    const string ModuleInfoTypeName = "<SharpSan>ModuleInfo";
    readonly Dictionary<string, MethodReference> _imported = [];
    FieldReference? _frameKeyBase;

    public ModuleContext(ModuleDefinition module, RuntimeLibrary runtime)
    {
        Module = module;
        Runtime = runtime;
    }

    public ModuleDefinition Module { get; }
    public RuntimeLibrary Runtime { get; }

    /// <summary>Imports a runtime method by type and name (parameter count disambiguates overloads).</summary>
    public MethodReference Entry(string type, string name, int parameters = -1)
    {
        string key = $"{type}::{name}/{parameters}";
        if (!_imported.TryGetValue(key, out var reference))
            _imported[key] = reference = Module.ImportReference(Runtime.Method(type, name, parameters));
        return reference;
    }

    public MethodReference Import(MethodReference runtimeMethod) => Module.ImportReference(runtimeMethod);

    readonly Dictionary<string, TypeReference> _importedTypes = [];

    /// <summary>Imports a runtime type by full name (e.g. a struct that instrumented code keeps in a local).</summary>
    public TypeReference RuntimeType(string fullName)
    {
        if (!_importedTypes.TryGetValue(fullName, out var reference))
            _importedTypes[fullName] = reference = Module.ImportReference(Runtime.Type(fullName));
        return reference;
    }

    /// <summary>
    /// <c>static readonly int FrameKeyBase</c> of the generated type, set by its static constructor from
    /// ModuleRegistry.Register; tier-1 code reads it as a constant.
    /// </summary>
    public FieldReference FrameKeyBase => _frameKeyBase ??= CreateModuleInfo();

    public static bool IsGenerated(TypeDefinition type) => type.Name == ModuleInfoTypeName || type.Namespace == "<SharpSan>";

    MethodDefinition? _cctor;

    /// <summary>Adds code to the module's registration (run once, before the first instrumented method runs).</summary>
    public void AddInitializer(IReadOnlyList<Instruction> code)
    {
        _ = FrameKeyBase;
        var il = _cctor!.Body.GetILProcessor();
        var ret = _cctor.Body.Instructions[^1];
        foreach (var instruction in code) il.InsertBefore(ret, instruction);
    }

    FieldReference CreateModuleInfo()
    {
        var type = new TypeDefinition("", ModuleInfoTypeName,
            TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class | TypeAttributes.BeforeFieldInit,
            Module.TypeSystem.Object);
        var field = new FieldDefinition("FrameKeyBase", FieldAttributes.Assembly | FieldAttributes.Static | FieldAttributes.InitOnly, Module.TypeSystem.Int32);
        type.Fields.Add(field);
        var cctor = new MethodDefinition(".cctor",
            MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
            Module.TypeSystem.Void);
        var il = cctor.Body.GetILProcessor();
        il.Emit(OpCodes.Ldtoken, type);
        il.Emit(OpCodes.Call, Entry("SharpSan.Runtime.Common.Symbolization.ModuleRegistry", "Register"));
        il.Emit(OpCodes.Stsfld, field);
        il.Emit(OpCodes.Ret);
        type.Methods.Add(cctor);
        _cctor = cctor;
        Module.Types.Add(type);
        return field;
    }
}
