using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Reports;

/// <summary>
/// Which member of a struct field a race was on (report time only). The rewriter gives each member of a small struct
/// field a shadow cell of its own, named by the member's path ("origin.X&lt;&gt;race"), and checks an access's cells with the
/// access's own site; the report finds, among the field's cells, the one that raced, by address.
/// </summary>
internal static class MemberCells
{
    /// <summary>Must match the rewriter's RaceShadowFields.ShadowSuffix.</summary>
    const string ShadowSuffix = "<>race";

    delegate ref byte InstanceCell(object owner);
    delegate ref byte StaticCell();

    static readonly Dictionary<FieldInfo, Delegate> s_accessors = [];

    /// <summary>The member path ("X", "Inner._count") of <paramref name="cell"/> below <paramref name="field"/>, or null.</summary>
    public static string? PathOf(FieldInfo field, in Variable variable, ref RaceCell cell)
    {
        try
        {
            ref byte target = ref Unsafe.As<RaceCell, byte>(ref cell);
            string prefix = field.Name + ".";
            if (variable.Kind == VariableKind.Field && variable.Owner is { } owner)
            {
                for (var type = owner.GetType(); type is not null; type = type.BaseType)
                    foreach (var candidate in Cells(type, prefix, BindingFlags.Instance))
                        if (Unsafe.AreSame(ref ((InstanceCell)Accessor(candidate))(owner), ref target)) return PathIn(candidate, prefix);
            }
            else if (variable.Kind == VariableKind.Static && field.DeclaringType is { ContainsGenericParameters: false } declaring)
            {
                foreach (var candidate in Cells(declaring, prefix, BindingFlags.Static))
                    if (Unsafe.AreSame(ref ((StaticCell)Accessor(candidate))(), ref target)) return PathIn(candidate, prefix);
            }
        }
        catch (Exception)
        {
            // Naming is best effort (a dynamic method the runtime refuses, a type that does not load): a report
            // without the member's name is still a report.
        }
        return null;
    }

    static IEnumerable<FieldInfo> Cells(Type type, string prefix, BindingFlags kind) =>
        type.GetFields(kind | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal) && f.Name.EndsWith(ShadowSuffix, StringComparison.Ordinal));

    static string PathIn(FieldInfo cell, string prefix) => cell.Name[prefix.Length..^ShadowSuffix.Length];

    /// <summary>A small dynamic method returning the cell's address (ldflda / ldsflda): reflection has no field addresses.</summary>
    static Delegate Accessor(FieldInfo cell)
    {
        lock (s_accessors)
        {
            if (s_accessors.TryGetValue(cell, out var known)) return known;
            bool isStatic = cell.IsStatic;
            var method = new DynamicMethod("sharpsan_cell", typeof(byte).MakeByRefType(), isStatic ? Type.EmptyTypes : [typeof(object)],
                typeof(MemberCells).Module, skipVisibility: true);
            var il = method.GetILGenerator();
            if (isStatic)
            {
                il.Emit(OpCodes.Ldsflda, cell);
            }
            else
            {
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Castclass, cell.DeclaringType!);
                il.Emit(OpCodes.Ldflda, cell);
            }
            il.Emit(OpCodes.Ret);
            var accessor = method.CreateDelegate(isStatic ? typeof(StaticCell) : typeof(InstanceCell));
            s_accessors[cell] = accessor;
            return accessor;
        }
    }

    /// <summary>The type of the member at <paramref name="path"/> below a field of type <paramref name="type"/>, or null.</summary>
    public static Type? MemberType(Type type, string path)
    {
        foreach (string name in path.Split('.'))
        {
            var member = type.GetField(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
            if (member is null) return null;
            type = member.FieldType;
        }
        return type;
    }
}
