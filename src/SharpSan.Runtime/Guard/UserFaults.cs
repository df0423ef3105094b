using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Guard;

/// <summary>
/// Linux userfaultfd, the way guard mode uses it: a range registered for MISSING faults; a page never populated (a
/// guard page, a free slot) or dropped with MADV_DONTNEED (a freed slot) blocks the thread that touches it — managed
/// or native code — and the monitor reads which thread and which exact address, while that thread waits. Only
/// user-mode faults are delivered (UFFD_USER_MODE_ONLY works without privileges; the kernel's own copies into such
/// a page fail with EFAULT).
/// </summary>
internal static unsafe partial class UserFaults
{
    const long SysUserfaultfd = 323;
    const int UserModeOnly = 1, CloseOnExec = 0x80000;
    const ulong Api = 0xAA, FeatureThreadId = 1 << 8, FeatureExactAddress = 1 << 11;
    const ulong IoctlApi = 0xC018AA3F, IoctlRegister = 0xC020AA00, IoctlZeroPage = 0xC020AA04, IoctlWake = 0x8010AA02;
    const ulong RegisterModeMissing = 1;
    public const byte EventPageFault = 0x12;
    public const ulong FlagWrite = 1;
    public const int PageSize = 4096;

    [StructLayout(LayoutKind.Sequential)] struct ApiArgs { public ulong Api, Features, Ioctls; }
    [StructLayout(LayoutKind.Sequential)] struct RegisterArgs { public ulong Start, Length, Mode, Ioctls; }
    [StructLayout(LayoutKind.Sequential)] struct ZeroPageArgs { public ulong Start, Length, Mode; public long Zeropage; }
    [StructLayout(LayoutKind.Sequential)] struct RangeArgs { public ulong Start, Length; }

    /// <summary>struct uffd_msg for a page fault (32 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 32)]
    public struct Message
    {
        public byte Event;
        byte _r1; ushort _r2; uint _r3;
        public ulong Flags, Address;
        public uint ThreadId;
    }

    [DllImport("libc", SetLastError = true)] static extern long syscall(long number, long a);
    [DllImport("libc", SetLastError = true)] static extern int ioctl(int fd, ulong request, void* arg);
    [DllImport("libc", SetLastError = true)] static extern nint read(int fd, void* buffer, nuint count);
    [DllImport("libc", SetLastError = true)] static extern int close(int fd);
    [DllImport("libc", SetLastError = true)] public static extern void* mmap(void* addr, nuint length, int prot, int flags, int fd, nint offset);
    [DllImport("libc", SetLastError = true)] public static extern int madvise(void* addr, nuint length, int advice);
    [DllImport("libc")] public static extern int gettid();

    /// <summary>A descriptor with thread ids and exact addresses, or -1 and the reason (the caller warns once).</summary>
    public static int Open(out string? refusal)
    {
        refusal = null;
        if (Environment.GetEnvironmentVariable("SHARPSAN_TEST_NO_USERFAULTFD") == "1")
        {
            refusal = "userfaultfd refused (SHARPSAN_TEST_NO_USERFAULTFD=1)";
            return -1;
        }
        int fd = (int)syscall(SysUserfaultfd, UserModeOnly | CloseOnExec);
        if (fd < 0)
        {
            refusal = $"userfaultfd refused (errno {Marshal.GetLastPInvokeError()}; see vm.unprivileged_userfaultfd)";
            return -1;
        }
        var api = new ApiArgs { Api = Api, Features = FeatureThreadId | FeatureExactAddress };
        if (ioctl(fd, IoctlApi, &api) != 0)
        {
            refusal = $"userfaultfd lacks thread ids or exact addresses (errno {Marshal.GetLastPInvokeError()})";
            close(fd);
            return -1;
        }
        return fd;
    }

    /// <summary>Fresh inaccessible memory: mapped, never populated, registered for MISSING faults.</summary>
    public static byte* MapRegistered(int fd, nuint length)
    {
        void* p = mmap(null, length, 0x1 | 0x2, 0x02 | 0x20 | 0x4000, -1, 0);   // PROT_READ|WRITE, MAP_PRIVATE|ANONYMOUS|NORESERVE
        if (p == (void*)-1) throw new OutOfMemoryException($"guard pool: mmap of {length} bytes failed (errno {Marshal.GetLastPInvokeError()})");
        var reg = new RegisterArgs { Start = (ulong)p, Length = length, Mode = RegisterModeMissing };
        if (ioctl(fd, IoctlRegister, &reg) != 0)
            throw new InvalidOperationException($"guard pool: UFFDIO_REGISTER failed (errno {Marshal.GetLastPInvokeError()})");
        return (byte*)p;
    }

    /// <summary>Makes pages accessible (zero-filled) without touching them; pages already present are left as they are.</summary>
    public static void Populate(int fd, byte* start, nuint length)
    {
        var args = new ZeroPageArgs { Start = (ulong)start, Length = length };
        if (ioctl(fd, IoctlZeroPage, &args) == 0) return;
        // Partly present (EEXIST) or interrupted: one page at a time, ignoring the present ones.
        for (nuint off = 0; off < length; off += PageSize)
        {
            var one = new ZeroPageArgs { Start = (ulong)(start + off), Length = PageSize };
            ioctl(fd, IoctlZeroPage, &one);
        }
    }

    /// <summary>Drops pages: the next touch faults again (a freed slot).</summary>
    public static void Drop(byte* start, nuint length) => madvise(start, length, 4 /* MADV_DONTNEED */);

    public static void Wake(int fd, ulong address)
    {
        var range = new RangeArgs { Start = address & ~(ulong)(PageSize - 1), Length = PageSize };
        ioctl(fd, IoctlWake, &range);
    }

    /// <summary>Blocks until the next event; false when the descriptor fails.</summary>
    public static bool Read(int fd, out Message message)
    {
        Message m;
        while (true)
        {
            nint n = read(fd, &m, (nuint)sizeof(Message));
            if (n == sizeof(Message)) break;
            if (n < 0 && Marshal.GetLastPInvokeError() is 4 or 11) continue;   // EINTR, EAGAIN
            message = default;
            return false;
        }
        message = m;
        return true;
    }
}
