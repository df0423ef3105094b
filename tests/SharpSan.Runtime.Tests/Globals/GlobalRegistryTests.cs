using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Globals;
using SharpSan.Runtime.Address.Heuristic;

namespace SharpSan.Runtime.Tests.Globals;

/// <summary>Registered RVA blobs: found by address (SGCheck binds to them) and their redzones poisoned.</summary>
public sealed unsafe class GlobalRegistryTests
{
    // Registrations are forever (as a module's are), so the "image" memory is never freed or reused by other tests.
    static readonly byte* s_image = (byte*)System.Runtime.InteropServices.NativeMemory.AlignedAlloc(512, 64);
    [Fact]
    public void RegisteredBlobs_AreFoundByAnyAddressInside_AndNotByTheirRedzones()
    {
        byte* first = s_image, second = first + 96;
        GlobalRegistry.Register(first, 20, first + 24, 32, "T.get_First");
        GlobalRegistry.Register(second, 40, second + 40, 32, "T.get_Second");

        Assert.Equal("T.get_First", GlobalRegistry.Containing((nuint)first)?.Name);
        Assert.Equal("T.get_First", GlobalRegistry.Containing((nuint)first + 19)?.Name);
        Assert.Null(GlobalRegistry.Containing((nuint)first + 20));
        Assert.Equal("T.get_Second", GlobalRegistry.Containing((nuint)second + 39)?.Name);
        Assert.Null(GlobalRegistry.Containing((nuint)second + 40));
        Assert.Equal(ShadowCode.GlobalRedzone, (ShadowCode)(byte)ShadowMemory.Read((nuint)first + 24));
    }

    [Fact]
    public void AStridedAccessFromOneBlobIntoAnother_IsReportedAsGlobalBufferOverflow()
    {
        byte* low = s_image + 256, high = low + 128;
        int* frame = Common.Stacks.ShadowStack.Enter(0x3E0001);
        GlobalRegistry.Register(low, 16, low + 16, 32, "T.get_Low");
        GlobalRegistry.Register(high, 16, high + 16, 32, "T.get_High");
        BufferBinding binding = default;
        BufferBinding.Access(low, ref binding, 1, 0, false);
        var bound = binding;
        int before = SanitizerRuntime.ReportCount;

        BufferBinding.Access(high, ref binding, 1, 0x21, false);
        var after = binding;

        Assert.Equal((nuint)low, bound.Lo);
        Assert.Equal(before + 1, SanitizerRuntime.ReportCount);
        Assert.Equal(nuint.MaxValue, after.Limit);
        Common.Stacks.ShadowStack.Exit(frame);
    }
}
