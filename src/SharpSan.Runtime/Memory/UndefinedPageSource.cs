using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Memory;

/// <summary>
/// Shadow for a freshly created page that is poisoned whole, without writing it: the page (its 64 KiB of shadow and
/// its headers) is mapped copy-on-write (MAP_PRIVATE) from one shared file (a memfd) holding 64 KiB of 0xFF followed by
/// zeroed headers. Reads see "all undefined"; the first write into each 4 KiB OS page gives it a private copy, so a big
/// block poisoned at allocation costs shadow memory only where it is later written or read — a compressor's output
/// buffer sized for the worst case used to pay its whole shadow up front — and no 0xFF fill at all.
/// </summary>
/// <remarks>
/// Only pages the directory creates for a whole-page poison use it: memory poisoned again and again (a block freed and
/// reallocated, a stack buffer) keeps its private, populated shadow, where a fill is cheaper than sixteen
/// copy-on-write faults. Each mapping is a mapping of its own (file mappings at one offset never merge), so their
/// number is capped well below vm.max_map_count; past the cap, or when the kernel refuses, the caller maps zeroed
/// memory and fills it as before. The contents are the same either way, so propagation, reports and origins cannot
/// tell the two apart. Never unmapped, like every shadow page.
/// </remarks>
internal static unsafe class UndefinedPageSource
{
    /// <summary>Mapped pages at most: 8,192 × 64 KiB = 512 MiB of data poisoned lazily, 8,192 of 65,530 mappings.</summary>
    const int MaxMappings = 8192;

    /// <summary>The file's size: the undefined shadow, then room for the page headers (zero), whole OS pages.</summary>
    const nuint FileSize = DefinednessShadow.PageSize + 4096;

    static readonly int s_file = CreateUndefinedFile();
    static int s_mappings;

    [DllImport("libc", SetLastError = true)]
    static extern int memfd_create(string name, uint flags);

    [DllImport("libc", SetLastError = true)]
    static extern int ftruncate(int fd, long length);

    [DllImport("libc", SetLastError = true)]
    static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    static extern void* mmap(void* addr, nuint length, int prot, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    static extern int munmap(void* addr, nuint length);

    const int ProtReadWrite = 3, MapShared = 0x01, MapPrivate = 0x02;
    const uint MemfdCloexec = 1;
    static readonly void* MapFailed = (void*)-1;

    /// <summary>A memfd holding one page of 0xFF and zeroed headers, or -1 when the system has none (the caller then fills).</summary>
    static int CreateUndefinedFile()
    {
        try
        {
            int fd = memfd_create("sharpsan-msan-undefined", MemfdCloexec);
            if (fd < 0) return -1;
            void* view = ftruncate(fd, (long)FileSize) == 0 ? mmap(null, FileSize, ProtReadWrite, MapShared, fd, 0) : MapFailed;
            if (view == MapFailed)
            {
                close(fd);
                return -1;
            }
            DefinednessShadow.FillBytes(ref *(byte*)view, 0xFF, DefinednessShadow.PageSize);
            munmap(view, FileSize);
            return fd;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    /// <summary>
    /// A new shadow page of <paramref name="size"/> bytes (shadow and headers) whose shadow bytes all read 0xFF and whose
    /// headers read zero; null when the caller must map zeroed memory and fill it.
    /// </summary>
    public static byte* TryMapUndefinedPage(nuint size)
    {
        if (s_file < 0 || size > FileSize || Volatile.Read(ref s_mappings) >= MaxMappings) return null;
        if (Interlocked.Increment(ref s_mappings) > MaxMappings) return null;
        void* mapped = mmap(null, size, ProtReadWrite, MapPrivate, s_file, 0);
        return mapped == MapFailed ? null : (byte*)mapped;
    }
}
