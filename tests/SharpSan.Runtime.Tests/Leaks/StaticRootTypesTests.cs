using SharpSan.Runtime.Address.Leaks;

namespace SharpSan.Runtime.Tests.Leaks;

static class GenericStatics<T>
{
    public static nint Block;
}

static class GenericWriter
{
    public static void Store<T>(nint value) => GenericStatics<T>.Block = value;
    public static void StoreNested<T>(nint value) => Store<KeyValuePair<T, T>>(value);
}

/// <summary>
/// Statics of generic types live per instantiation, and some instantiations exist only when generic code runs
/// (GenericStatics&lt;!!0&gt; inside Store&lt;T&gt;): they are found by reading generic code in its generic context.
/// </summary>
public sealed class StaticRootTypesTests
{
    [Fact]
    public void InstantiationsMadeByGenericMethods_AreFound()
    {
        GenericWriter.Store<decimal>(1);
        GenericWriter.StoreNested<DateTime>(2);
        // Spelled through MakeGenericType: typeof(GenericStatics<decimal>) here would itself name the instantiation.
        var forDecimal = typeof(GenericStatics<>).MakeGenericType(typeof(decimal));
        var forPairs = typeof(GenericStatics<>).MakeGenericType(typeof(KeyValuePair<,>).MakeGenericType(typeof(DateTime), typeof(DateTime)));
        var module = typeof(StaticRootTypesTests).Module;
        var direct = StaticRootTypes.Direct(module).ToHashSet();
        Assert.DoesNotContain(forDecimal, direct);
        Assert.DoesNotContain(forPairs, direct);

        var found = StaticRootTypes.ThroughGenericCode([module], direct);

        Assert.Contains(forDecimal, found);
        Assert.Contains(forPairs, found);
    }
}
