using System.Reflection;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Races.Reports;

/// <summary>
/// What the instruction at an access site touches — a field or an array element type — read back from the method's IL
/// at report time, so instrumented code passes only the IL offset. <see cref="IsAddress"/>: the site takes the field's
/// address (`ldflda`), so the access may be to one member of a struct field; a `ldfld`/`stfld` copies all of it.
/// </summary>
internal sealed record AccessSite(FieldInfo? Field, Type? ElementType, bool IsAddress = false)
{
    public static AccessSite? Decode(long frame)
    {
        try
        {
            var f = StackFrame.Unpack(frame);
            var module = ModuleRegistry.Get(f.ModuleId);
            if (module is null) return null;
            var method = module.ResolveMethod(0x06000000 | f.MethodRid);
            var il = method?.GetMethodBody()?.GetILAsByteArray();
            if (il is null) return null;
            int at = f.IlOffset;
            while (at + 1 < il.Length && il[at] == 0xFE && il[at + 1] is 0x13 or 0x12 or 0x1E) at += il[at + 1] == 0x12 ? 3 : 2;   // volatile. unaligned. readonly.
            if (at >= il.Length) return null;
            byte op = il[at];
            Type[]? typeArgs = method!.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
            Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
            int Token() => BitConverter.ToInt32(il, at + 1);
            return op switch
            {
                >= 0x7B and <= 0x80 => new AccessSite(module.ResolveField(Token(), typeArgs, methodArgs), null, IsAddress: op is 0x7C or 0x7F),
                0x8F or 0xA3 or 0xA4 => new AccessSite(null, module.ResolveType(Token(), typeArgs, methodArgs)),
                0x90 => new AccessSite(null, typeof(sbyte)), 0x91 => new AccessSite(null, typeof(byte)),
                0x92 => new AccessSite(null, typeof(short)), 0x93 => new AccessSite(null, typeof(ushort)),
                0x94 => new AccessSite(null, typeof(int)), 0x95 => new AccessSite(null, typeof(uint)),
                0x96 => new AccessSite(null, typeof(long)), 0x97 => new AccessSite(null, typeof(nint)),
                0x98 => new AccessSite(null, typeof(float)), 0x99 => new AccessSite(null, typeof(double)),
                0x9A => new AccessSite(null, typeof(object)), 0x9B => new AccessSite(null, typeof(nint)),
                0x9C => new AccessSite(null, typeof(sbyte)), 0x9D => new AccessSite(null, typeof(short)),
                0x9E => new AccessSite(null, typeof(int)), 0x9F => new AccessSite(null, typeof(long)),
                0xA0 => new AccessSite(null, typeof(float)), 0xA1 => new AccessSite(null, typeof(double)),
                0xA2 => new AccessSite(null, typeof(object)),
                _ => null,
            };
        }
        catch (Exception)
        {
            return null;
        }
    }
}
