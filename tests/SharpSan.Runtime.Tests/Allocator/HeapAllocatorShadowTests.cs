using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Allocator;

/// <summary>The shadow a fresh chunk gets: 0xfa over both redzones, ASan's encoding over the user bytes.</summary>
public sealed unsafe class HeapAllocatorShadowTests
{
    public static TheoryData<ulong, int> SizesAndAlignments()
    {
        var data = new TheoryData<ulong, int>();
        foreach (ulong size in Enumerable.Range(0, 41).Select(i => (ulong)i).Concat([63UL, 64UL, 100UL, 1000UL, 4097UL, 70_000UL]))
        {
            data.Add(size, 16);
            if (size % 5 == 0) data.Add(size, 256);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SizesAndAlignments))]
    public void Allocate_PoisonsBothRedzonesAsHeapRedzoneAndEncodesTheUserBytes(ulong size, int alignment)
    {
        var heap = TestHeaps.Create();
        var layout = ChunkLayout.For(size, (nuint)alignment, 16, 2048);
        nuint p = (nuint)heap.Allocate(size, (nuint)alignment, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
        try
        {
            const byte Redzone = (byte)ShadowCode.HeapLeftRedzone;
            HeapShadow.AssertAll(Redzone, p - layout.LeftRedzone, p, "left redzone");

            var user = HeapShadow.Granules(p, p + layout.UserRounded);
            for (int g = 0; g < user.Length; g++)
            {
                ulong bytesInGranule = Math.Min(8, size - Math.Min(size, (ulong)g * 8));
                byte expected = bytesInGranule == 8 ? (byte)0 : bytesInGranule == 0 ? Redzone : (byte)bytesInGranule;
                Assert.True(expected == user[g], $"user granule {g}: shadow 0x{user[g]:x2}, expected 0x{expected:x2}");
            }

            HeapShadow.AssertAll(Redzone, p + layout.UserRounded, p + layout.UserRounded + layout.RightRedzone, "right redzone");

            Assert.False(ShadowMemory.IsByteAddressable(p - 1));
            Assert.False(ShadowMemory.IsByteAddressable(p + (nuint)size));
            Assert.Equal((nuint)0, ShadowMemory.FirstBadAddress(p, (nuint)size));
        }
        finally
        {
            heap.Free((void*)p, AllocationFamily.NativeMemory, 0, out _);
        }
    }
}
