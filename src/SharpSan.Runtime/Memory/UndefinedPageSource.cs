using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Memory;

/// <summary>
/// Shadow for a freshly created page that is poisoned whole, without writing it: the page's 64 KiB of shadow bytes are
/// mapped copy-on-write (MAP_PRIVATE, MAP_FIXED) from one shared 64 KiB file of 0xFF bytes (a memfd); its headers stay
/// anonymous memory. Reads see "all undefined"; the first write into each 4 KiB OS page gives it a private copy, so a
/// big block poisoned at allocation costs shadow memory only where it is later written or read — a compressor's output
/// buffer sized for the worst case used to pay its whole shadow up front — and no 0xFF fill at all.
/// </summary>
/// <remarks>
/// Only pages the directory creates for a whole-page poison use it: memory poisoned again and again (a block freed and
/// reallocated, a stack buffer) keeps its private, populated shadow, where a fill is cheaper than sixteen
/// copy-on-write faults. The headers are left out of the file mapping because they are read before they are written
/// (a write count is bumped): a read-then-write of a copy-on-write page costs a TLB flush on every CPU the process ran
/// on, dear on a virtual machine. Each mapping splits its page's mapping in two, so their number is capped well below
/// vm.max_map_count; past the cap, or when the kernel refuses, the caller fills the shadow as before. The contents are
/// the same either way, so propagation, reports and origins cannot tell the two apart.
/// </remarks>
internal static unsafe class UndefinedPageSource
{
    /// <summary>Mapped pages at most: 8,192 × 64 KiB = 512 MiB of data poisoned lazily, 16,384 of 65,530 mappings.</summary>
    const int MaxMappings = 8192;

    static readonly int s_file = CreateUndefinedFile();
    static int s_mappings, s_mapped;

    /// <summary>Pages whose shadow was mapped from the file so far (tests).</summary>
    internal static int Mapped => Volatile.Read(ref s_mapped);

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

    const int ProtReadWrite = 3, MapShared = 0x01, MapPrivate = 0x02, MapFixed = 0x10;
    const uint MemfdCloexec = 1;
    static readonly void* MapFailed = (void*)-1;

    /// <summary>A memfd holding one page of 0xFF, or -1 when the system has none (the caller then fills).</summary>
    static int CreateUndefinedFile()
    {
        try
        {
            int fd = memfd_create("sharpsan-msan-undefined", MemfdCloexec);
            if (fd < 0) return -1;
            void* view = ftruncate(fd, (long)DefinednessShadow.PageSize) == 0
                ? mmap(null, DefinednessShadow.PageSize, ProtReadWrite, MapShared, fd, 0)
                : MapFailed;
            if (view == MapFailed)
            {
                close(fd);
                return -1;
            }
            DefinednessShadow.FillBytes(ref *(byte*)view, 0xFF, DefinednessShadow.PageSize);
            munmap(view, DefinednessShadow.PageSize);
            return fd;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    /// <summary>
    /// Maps the shadow bytes of a page just created (<paramref name="shadow"/>: 64 KiB, OS-page aligned, not yet
    /// published) over the undefined file. True when they now all read 0xFF; false when the caller must fill them.
    /// </summary>
    public static bool TryMapUndefined(byte* shadow)
    {
        if (s_file < 0 || Volatile.Read(ref s_mappings) >= MaxMappings) return false;
        if (Interlocked.Increment(ref s_mappings) > MaxMappings) return false;
        if (mmap(shadow, DefinednessShadow.PageSize, ProtReadWrite, MapPrivate | MapFixed, s_file, 0) != shadow) return false;
        Interlocked.Increment(ref s_mapped);
        return true;
    }
}
