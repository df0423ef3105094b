using System.Reflection;
using System.Reflection.Emit;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>Reads a private reference field of a struct in place (no copy, no boxing).</summary>
internal delegate object? FieldReader<TOwner>(ref TOwner owner);

/// <summary>
/// Readers of private fields the BCL gives no API for (the object behind a ValueTask, the task of a ValueTask
/// builder). Emitted once per closed type as a one-instruction method: reflection on every await would cost more
/// than the await. A field that is not there (another BCL version) gives null: the caller then adds no edge.
/// </summary>
internal static class PrivateFields
{
    const string Site = "PrivateFields.Reader";

    /// <summary>Null also after an internal error (it runs in a type initializer, which must not fail).</summary>
    public static FieldReader<TOwner>? Reader<TOwner>(string name)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            return ReaderChecked<TOwner>(name);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return null;
        }
    }

    static FieldReader<TOwner>? ReaderChecked<TOwner>(string name)
    {
        var field = typeof(TOwner).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic);
        if (field is null || field.FieldType.IsValueType) return null;
        var method = new DynamicMethod("read_" + name, typeof(object), [typeof(TOwner).MakeByRefType()], typeof(PrivateFields).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, field);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<FieldReader<TOwner>>();
    }
}
