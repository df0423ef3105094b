using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Accesses made through an object that no other thread can see yet: the initializing writes (and reads) of a new
/// object, which the race passes leave unchecked. In .NET an object reaches another thread only through a reference
/// stored somewhere; that store is a release for the object's earlier writes, and a thread that loads the reference
/// and reads through it is ordered after them (dotnet/runtime Memory-model.md, "Object assignment": data-dependent
/// loads). So a write made before the object escapes cannot race; the store of the reference itself still can, and
/// is checked as any field or static. Two kinds of object are followed, intraprocedurally (<see cref="UnpublishedFlow"/>):
/// <list type="bullet">
/// <item>a constructor's <c>this</c>, from entry until it escapes;</item>
/// <item>an object or array created in the method (<c>newobj</c> of a class, <c>newarr</c>), from its creation,
/// through <c>dup</c> and locals, until it escapes.</item>
/// </list>
/// An object escapes when it is stored anywhere other than into another unpublished object (a field, a static, an
/// element, through a pointer), passed to a call, returned, thrown, boxed, captured by a delegate or closure (both are
/// stores or calls), or kept in a local whose address is taken; storing it into an unpublished object makes it escape
/// with that object. Calls known to keep their receiver private: a constructor chained to by <c>this</c>
/// (<c>base(…)</c>/<c>this(…)</c>, see <see cref="ChainedConstructorKeepsThis"/>), a member of a non-thread-safe
/// collection's contract (<c>_items.Add(x)</c> on a list created here) that returns nothing that could hold it,
/// <c>object.GetType</c>; and <c>RuntimeHelpers.InitializeArray</c> keeps its array.
/// </summary>
/// <remarks>
/// <para>Constructors: a constructor assumes <c>this</c> is unseen when it starts. That holds for <c>newobj</c>, and
/// for a derived constructor's <c>base(…)</c> call because C#, VB and F# do not let a derived constructor use
/// <c>this</c> before it (only field initializers run first, and they cannot name <c>this</c>). A base constructor may
/// leak <c>this</c> itself: a chained call keeps <c>this</c> unpublished only if the callee is <c>object..ctor</c> or a
/// constructor of this module that never lets <c>this</c> escape (analysed the same way, recursively); any other base
/// constructor (another assembly's, or one that leaks) publishes it, and the derived constructor's accesses after the
/// call are checked.</para>
/// <para>Not followed, hence checked as before: objects loaded from fields of other objects (except fields this
/// method itself filled while the owner was unpublished), elements of fresh arrays, struct values, objects created by
/// callees (factory methods' callers), and methods whose IL the flow cannot model (<see cref="UnpublishedFlow"/>).
/// Objects obtained by reflection or <c>GetUninitializedObject</c> never pass through <c>newobj</c>.</para>
/// </remarks>
public sealed class UnpublishedObjects
{
    /// <summary>The accesses through unpublished objects in one method, and whether a constructor lets <c>this</c> escape.</summary>
    public sealed record Result(HashSet<Instruction> Accesses, bool ThisEscapes)
    {
        public static readonly Result None = new([], true);
    }

    const int MaxChainDepth = 8;

    static readonly ConditionalWeakTable<MethodDefinition, Result> s_found = new();

    readonly ModuleDefinition _module;
    readonly Dictionary<string, Dictionary<string, bool>> _contract;
    readonly Func<FieldReference, bool> _synchronises;
    readonly HashSet<MethodDefinition> _inProgress = [];

    /// <param name="contract">The collection contract (<see cref="CollectionCallPass.ReadContract"/>).</param>
    /// <param name="synchronises">Fields whose plain accesses are atomic (publication slots): their accesses stay as they are.</param>
    public UnpublishedObjects(ModuleDefinition module, Dictionary<string, Dictionary<string, bool>> contract, Func<FieldReference, bool> synchronises)
    {
        _module = module;
        _contract = contract;
        _synchronises = synchronises;
        Accessors = new TrivialAccessors(module);
    }

    /// <summary>Trivial property accessors of the module, and their unchecked twins for calls on unpublished objects.</summary>
    public TrivialAccessors Accessors { get; }

    /// <summary>
    /// What was found for <paramref name="method"/> by <see cref="Of"/> (the race passes run it before editing the
    /// method), or nothing: a method not analysed keeps all its checks.
    /// </summary>
    public static Result Found(MethodDefinition method) => s_found.TryGetValue(method, out var result) ? result : Result.None;

    /// <summary>Analyses <paramref name="method"/> (once) on its IL as it is now; any failure leaves it fully checked.</summary>
    public Result Of(MethodDefinition method)
    {
        if (s_found.TryGetValue(method, out var known)) return known;
        if (!method.HasBody || _inProgress.Count >= MaxChainDepth || !_inProgress.Add(method)) return Result.None;
        Result result;
        try
        {
            var (accesses, thisEscapes) = UnpublishedFlow.Run(method, this);
            result = new Result(accesses, thisEscapes);
        }
        catch (Exception e) when (e is UnpublishedFlow.Unsupported or AssemblyResolutionException or InvalidOperationException
            or NotSupportedException or InvalidCastException or KeyNotFoundException or ArgumentException)
        {
            result = Result.None;   // IL the flow does not model, or a reference it cannot read: keep every check
        }
        finally
        {
            _inProgress.Remove(method);
        }
        s_found.AddOrUpdate(method, result);
        return result;
    }

    /// <summary>
    /// <c>base(…)</c> or <c>this(…)</c> from a constructor: <c>this</c> stays unpublished if the callee is
    /// <c>object..ctor</c> or a constructor of this module that never lets it escape.
    /// </summary>
    internal bool ChainedConstructorKeepsThis(MethodReference constructor)
    {
        if (constructor.DeclaringType.FullName == "System.Object" && constructor.Parameters.Count == 0) return true;
        var definition = constructor.TryResolve();
        if (definition is null || definition.Module != _module || !definition.IsConstructor || definition.IsStatic) return false;
        return !Of(definition).ThisEscapes;
    }

    /// <summary>
    /// A member of a collection in the contract (the call CollectionCallPass checks) whose result cannot hold the
    /// collection: void, a primitive, or an element (<c>T</c>, <c>TValue</c>). Enumerators, views (Keys, AsReadOnly)
    /// and lookups wrap the collection and publish it.
    /// </summary>
    internal bool IsCollectionCallKeepingReceiver(Instruction call, MethodReference callee)
    {
        if (callee is GenericInstanceMethod || !callee.HasThis || call.Previous is { OpCode.Code: Code.Constrained or Code.Tail }) return false;
        if (!_contract.TryGetValue(callee.DeclaringType.GetElementType().FullName, out var members) || !members.ContainsKey(callee.Name)) return false;
        var returned = callee.ReturnType;
        return returned.MetadataType is MetadataType.Void or MetadataType.Boolean or MetadataType.Int32 or MetadataType.Int64
            || returned is GenericParameter { Type: GenericParameterType.Type };
    }

    /// <summary>
    /// A trivial accessor (<see cref="TrivialAccessors"/>) of a field whose plain accesses are checked: called on an
    /// unpublished object, its access is initializing like a direct one.
    /// </summary>
    internal (FieldReference Field, bool Stores)? InitializingAccessor(MethodReference callee) =>
        Accessors.Called(callee) is { } accessor && !RaceShadowFields.IsVolatile(accessor.Field) && !_synchronises(accessor.Field)
            ? (accessor.Field, accessor.Stores) : null;

    /// <summary>Framework instance methods that do not keep their receiver.</summary>
    internal static bool KeepsReceiver(MethodReference callee) =>
        callee is { Name: "GetType", DeclaringType.FullName: "System.Object" };

    /// <summary>Framework helpers that fill their arguments without keeping them (an array initializer's data).</summary>
    internal static bool KeepsArguments(MethodReference callee) =>
        callee is { Name: "InitializeArray", DeclaringType.FullName: "System.Runtime.CompilerServices.RuntimeHelpers" };

    /// <summary>
    /// An access the race pass checks as a plain read or write: not volatile, not a publication slot (atomic), and for
    /// an address, one used right there (not kept in a ref local, whose uses are checked where they happen, nor
    /// handed to Interlocked/Volatile or a synchronisation primitive).
    /// </summary>
    internal bool IsPlainAccess(Instruction access, MethodDefinition method, HashSet<Instruction> blockStarts)
    {
        if (access.Previous is { OpCode.Code: Code.Volatile }) return false;
        if (access.Operand is FieldReference field && (RaceShadowFields.IsVolatile(field) || _synchronises(field))) return false;
        if (access.OpCode.Code is not (Code.Ldflda or Code.Ldelema)) return true;
        var use = AccessUse.Describe(access, method, blockStarts);
        return use.Use is AddressUse.Read or AddressUse.Write
            && use.Consumer is not null && AccessUse.StoredLocal(use.Consumer, method) is null && use.Consumer.OpCode.Code != Code.Ret;
    }
}
