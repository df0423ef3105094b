using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Common.Options;

namespace SharpSan.Runtime.Tests.Support;

static class TestHeaps
{
    /// <summary>A private allocator (not the process-wide one), so tests see only their own chunks.</summary>
    public static HeapAllocator Create(string options = "quarantine_size_mb=1") => new(SanitizerOptions.Parse(options));
}
