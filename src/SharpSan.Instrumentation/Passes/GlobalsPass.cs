using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// ASan's global redzones for RVA static data (the blobs behind <c>ReadOnlySpan&lt;byte&gt; X =&gt; new byte[] { … }</c>
/// and array initialisers): each RVA field gets a 32-byte padding field written right after it in the image, and
/// the module's registration tells the runtime where each blob and its padding are, so the padding can be poisoned
/// (global-buffer-overflow). The report names the property or method that uses the blob.
/// </summary>
public sealed class GlobalsPass : IInstrumentationPass
{
    const int RedzoneSize = 32;

    public string Name => "globals";

    public void Prepare(IReadOnlyList<MethodContext> methods)
    {
        if (methods.Count == 0) return;
        var context = methods[0].Module;
        var module = context.Module;
        var users = UsersOfFields(methods);
        var padType = RedzoneType(module);
        var registration = new List<Instruction>();
        var register = context.Entry("SharpSan.Runtime.Address.Globals.GlobalRegistry", "Register");
        int n = 0;
        foreach (var type in module.Types.ToList())
        {
            if (ModuleContext.IsGenerated(type)) continue;
            foreach (var field in type.Fields.Where(f => f.IsStatic && f.HasFieldRVA && f.InitialValue is { Length: > 0 }).ToList())
            {
                var pad = new FieldDefinition($"<SharpSan>redzone{n++}", FieldAttributes.Assembly | FieldAttributes.Static | FieldAttributes.InitOnly | FieldAttributes.HasFieldRVA, padType)
                {
                    InitialValue = new byte[RedzoneSize],
                };
                type.Fields.Insert(type.Fields.IndexOf(field) + 1, pad);
                string name = users.TryGetValue(field, out var user) ? user : $"{type.FullName}::{field.Name}";
                registration.Add(Instruction.Create(OpCodes.Ldsflda, field));
                registration.Add(Instruction.Create(OpCodes.Ldc_I4, field.InitialValue.Length));
                registration.Add(Instruction.Create(OpCodes.Ldsflda, pad));
                registration.Add(Instruction.Create(OpCodes.Ldc_I4, RedzoneSize));
                registration.Add(Instruction.Create(OpCodes.Ldstr, name));
                registration.Add(Instruction.Create(OpCodes.Call, register));
            }
        }
        if (registration.Count > 0) context.AddInitializer(registration);
    }

    public void Run(MethodContext method) { }

    /// <summary>The first method outside the compiler's helper types that takes each field's address: the name users know.</summary>
    static Dictionary<FieldDefinition, string> UsersOfFields(IReadOnlyList<MethodContext> methods)
    {
        var users = new Dictionary<FieldDefinition, string>();
        foreach (var ctx in methods)
        {
            if (ctx.Method.DeclaringType.Name.StartsWith("<PrivateImplementationDetails>", StringComparison.Ordinal)) continue;
            foreach (var i in ctx.Method.Body.Instructions)
                if (i.OpCode.Code is Code.Ldsflda or Code.Ldtoken && i.Operand is FieldDefinition f && f.HasFieldRVA && !users.ContainsKey(f))
                    users[f] = $"{ctx.Method.DeclaringType.FullName}.{ctx.Method.Name}";
        }
        return users;
    }

    static TypeDefinition RedzoneType(ModuleDefinition module)
    {
        var valueType = new TypeReference("System", "ValueType", module, module.TypeSystem.CoreLibrary);
        var type = new TypeDefinition("<SharpSan>", "GlobalRedzone",
            TypeAttributes.NotPublic | TypeAttributes.Sealed | TypeAttributes.ExplicitLayout | TypeAttributes.BeforeFieldInit, valueType)
        {
            ClassSize = RedzoneSize,
            PackingSize = 1,
        };
        module.Types.Add(type);
        return type;
    }
}
