using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Common.Native;

/// <summary>The few libc calls the runtime needs (Linux x64; the shadow layout assumes a 47-bit address space).</summary>
internal static unsafe partial class LibC
{
    public const int ProtRead = 0x1, ProtWrite = 0x2;
    public const int MapPrivate = 0x02, MapAnonymous = 0x20, MapNoReserve = 0x4000;
    public const int MadvDontNeed = 4;

    [DllImport("libc", SetLastError = true)]
    public static extern void* mmap(void* addr, nuint length, int prot, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    public static extern int madvise(void* addr, nuint length, int advice);

    [DllImport("libc")]
    public static extern int getpid();

    [DllImport("libc")]
    public static extern void _exit(int status);

    [DllImport("libc")]
    public static extern void abort();

    public static readonly void* MapFailed = (void*)-1;

    [StructLayout(LayoutKind.Sequential)]
    struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [DllImport("libc", SetLastError = true)]
    static extern nint process_vm_readv(int pid, IoVec* local, nuint localCount, IoVec* remote, nuint remoteCount, nuint flags);

    /// <summary>
    /// Whether one byte at <paramref name="address"/> can be read, asked of the kernel (process_vm_readv on our own pid
    /// fails with EFAULT instead of faulting): for slow paths that must look at memory they do not own.
    /// </summary>
    public static bool IsReadable(nuint address)
    {
        byte copy;
        var local = new IoVec { Base = &copy, Length = 1 };
        var remote = new IoVec { Base = (void*)address, Length = 1 };
        return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == 1;
    }
}
