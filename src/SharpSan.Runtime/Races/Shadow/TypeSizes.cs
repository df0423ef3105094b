using System.Reflection;
using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Races.Shadow;

/// <summary>Size in bytes of a value of a type as stored in a field or array element (report time only: reflection).</summary>
internal static class TypeSizes
{
    static readonly MethodInfo s_sizeOf = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!;

    public static int Of(Type type)
    {
        if (!type.IsValueType) return IntPtr.Size;
        try
        {
            return (int)s_sizeOf.MakeGenericMethod(type).Invoke(null, null)!;
        }
        catch (Exception)
        {
            return 8;
        }
    }
}
