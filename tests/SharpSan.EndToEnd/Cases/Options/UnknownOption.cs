// An unknown SHARPSAN_OPTIONS key stops the run with an error that lists the known options.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0:no_such_option=1
// EXIT: 1
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* p = NativeMemory.Alloc(1);
        NativeMemory.Free(p);
        Console.WriteLine("ran anyway");
    }
}
// CHECK: ERROR: SharpSan: unknown option 'no_such_option' in SHARPSAN_OPTIONS; known options:
// CHECK: halt_on_error, exitcode, log_path, results_dir, fail_tests, quarantine_size_mb, pool_quarantine_size_mb, redzone
// CHECK: detect_leaks
// CHECK-NOT: ran anyway
