using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Races.Shadow;

internal enum VariableKind { Field, Static, Element, Collection }

/// <summary>
/// What an access touched, as far as reports and the history need it: a stable key (objects move, so not an address)
/// and what to print in "Location is …".
/// </summary>
internal readonly struct Variable
{
    public readonly VariableKind Kind;
    public readonly long Key;
    /// <summary>The object holding the field, or the array; null for statics.</summary>
    public readonly object? Owner;
    public readonly int Index;

    Variable(VariableKind kind, long key, object? owner, int index)
    {
        Kind = kind;
        Key = key;
        Owner = owner;
        Index = index;
    }

    /// <summary>Key: the object's identity hash and the shadow cell's offset inside it (stable while the object moves).</summary>
    public static Variable Field(object owner, ref RaceCell cell)
    {
        long offset = (long)Unsafe.ByteOffset(ref Unsafe.As<RawData>(owner).Data, ref Unsafe.As<RaceCell, byte>(ref cell));
        return new(VariableKind.Field, ((long)RuntimeHelpers.GetHashCode(owner) << 32) ^ offset, owner, -1);
    }

    /// <summary>Key: the address of the static's shadow cell (statics do not move).</summary>
    public static unsafe Variable Static(ref RaceCell cell) =>
        new(VariableKind.Static, (long)Unsafe.AsPointer(ref cell), null, -1);

    public static Variable Element(Array array, ArrayShadow shadow, int index) =>
        new(VariableKind.Element, ((long)shadow.Id << 32) | (uint)index, array, index);

    /// <summary>A whole collection object (one cell per Dictionary/List/… instance); key in its own range.</summary>
    public static Variable Collection(object collection, int id) =>
        new(VariableKind.Collection, unchecked((long)0x7C00_0000_0000_0000UL) | (uint)id, collection, -1);

    /// <summary>A current address to print (managed objects move: it is where the data was at report time).</summary>
    public unsafe nuint Address(ref RaceCell cell)
    {
        switch (Kind)
        {
            case VariableKind.Element:
                var array = (Array)Owner!;
                ref byte data = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(array);
                return (nuint)Unsafe.AsPointer(ref data) + (nuint)(index(Index) * ElementSize(array));
            case VariableKind.Field:
            case VariableKind.Collection:
                return (nuint)Unsafe.AsPointer(ref Unsafe.As<RawData>(Owner!).Data);
            default:
                return (nuint)Unsafe.AsPointer(ref cell);
        }
        static long index(int i) => i;
    }

    static int ElementSize(Array array) => TypeSizes.Of(array.GetType().GetElementType()!);

    sealed class RawData
    {
        public byte Data;
    }
}
