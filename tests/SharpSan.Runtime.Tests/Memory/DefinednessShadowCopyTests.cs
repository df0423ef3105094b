using System.Runtime.InteropServices;
using SharpSan.Runtime.Memory;

namespace SharpSan.Runtime.Tests.Memory;

/// <summary>
/// <see cref="DefinednessShadow.Copy"/> copies chunk by chunk (per shadow page, skipping all-defined chunks): checked
/// byte for byte against memmove of a snapshot of the shadow, at page boundaries, from unaligned starts, with
/// overlapping ranges in both directions, and into and out of memory that was never poisoned.
/// </summary>
public sealed unsafe class DefinednessShadowCopyTests : IDisposable
{
    static readonly nuint Page = DefinednessShadow.PageSize;
    const int Pages = 4;
    readonly byte* _block = (byte*)NativeMemory.AlignedAlloc(Pages * Page, Page);

    public void Dispose()
    {
        DefinednessShadow.Unpoison((nuint)_block, Pages * Page);
        NativeMemory.AlignedFree(_block);
    }

    nuint At(nuint offset) => (nuint)_block + offset;

    (byte Bits, int Origin)[] Snapshot()
    {
        var all = new (byte, int)[(int)(Pages * Page)];
        for (nuint i = 0; i < Pages * Page; i++)
        {
            byte bits = (byte)DefinednessShadow.Load(At(i), 1, out int origin);
            all[i] = (bits, bits == 0 ? 0 : origin);
        }
        return all;
    }

    /// <summary>Copies with <see cref="DefinednessShadow.Copy"/> and checks the result against memmove over the snapshot.</summary>
    void CopyAndCheck(nuint destination, nuint source, nuint length)
    {
        var before = Snapshot();
        DefinednessShadow.Copy(At(destination), At(source), length);
        var after = Snapshot();
        for (nuint i = 0; i < Pages * Page; i++)
        {
            bool inside = i >= destination && i < destination + length;
            byte expected = inside ? before[source + (i - destination)].Bits : before[i].Bits;
            Assert.True(expected == after[i].Bits, $"shadow byte at +{i} is {after[i].Bits:x2}, expected {expected:x2} (copy {source}->{destination}, {length} bytes)");
            if (!inside || expected == 0) continue;
            // Origins are kept per 4-byte granule: the byte's origin is that of some undefined source byte copied into its granule.
            nuint granule = i & ~(nuint)3;
            var candidates = Enumerable.Range(0, 4).Select(k => granule + (nuint)k)
                .Where(d => d >= destination && d < destination + length)
                .Select(d => before[source + (d - destination)])
                .Where(b => b.Bits != 0).Select(b => b.Origin).ToHashSet();
            Assert.True(candidates.Contains(after[i].Origin), $"origin at +{i} is {after[i].Origin}, expected one of [{string.Join(",", candidates)}]");
        }
    }

    [Fact]
    public void UndefinedBytesAcrossAPageBoundary_AreCopiedExactly_WithTheirOrigins()
    {
        DefinednessShadow.Poison(At(Page - 5), 3, 21);                  // the last bytes of page 0 ...
        DefinednessShadow.Poison(At(Page + 1), 2, 22);                  // ... and the first of page 1
        CopyAndCheck(2 * Page + 7, Page - 6, 12);                       // unaligned destination inside page 2
        Assert.Equal(0xFF_FF_FF_00L, DefinednessShadow.Load(At(2 * Page + 7), 4, out int origin));
        Assert.Equal(21, origin);
    }

    [Fact]
    public void DefinedSourceChunks_ClearTheDestination_AndNeverPoisonedMemoryStaysUnmapped()
    {
        DefinednessShadow.Poison(At(Page), Page, 5);                    // page 1 all undefined
        CopyAndCheck(Page + 100, 3 * Page, 300);                        // page 3 never poisoned: copies defined bytes
        Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(Page + 100), 300, out _));
        Assert.Equal(0, DefinednessShadow.FirstUndefined(At(Page + 99), 2, out _));
        CopyAndCheck(3 * Page + 10, 50, 40);                            // defined into unmapped: nothing to record
        Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(3 * Page), Page, out _));
    }

    [Fact]
    public void OverlappingCopies_BothDirections_AcrossPages_AreMemmove()
    {
        for (nuint i = Page - 64; i < Page + 64; i += 3) DefinednessShadow.Poison(At(i), 1, (int)i);
        CopyAndCheck(Page - 60, Page - 64, 130);                        // destination above source: copied backwards
        CopyAndCheck(Page - 70, Page - 61, 140);                        // destination below source: forwards
        CopyAndCheck(Page - 1, Page - 2, 3);
    }

    [Fact]
    public void RandomCopies_MatchMemmoveOfTheShadow()
    {
        var random = new Random(1234);
        for (int round = 0; round < 40; round++)
        {
            for (int k = 0; k < 6; k++)
            {
                nuint at = (nuint)random.Next(0, (int)(Pages * Page) - 200), length = (nuint)random.Next(1, 200);
                if (random.Next(3) == 0) DefinednessShadow.Unpoison(At(at), length);
                else DefinednessShadow.Poison(At(at), length, random.Next(1, 1000));
            }
            nuint copyLength = (nuint)random.Next(1, 3 * (int)Page / 2);
            nuint source = (nuint)random.Next(0, (int)(Pages * Page - copyLength));
            nuint destination = random.Next(2) == 0
                ? (nuint)random.Next(0, (int)(Pages * Page - copyLength))
                : (nuint)Math.Clamp((long)source + random.Next(-300, 300), 0, (long)(Pages * Page - copyLength));   // overlapping
            CopyAndCheck(destination, source, copyLength);
        }
    }
}
