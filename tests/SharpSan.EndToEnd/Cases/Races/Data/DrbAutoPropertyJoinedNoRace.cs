// An auto-property set by a task and read after await.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Settings { public int Level { get; set; } }

static class Program
{
    static async Task Main()
    {
        var settings = new Settings();
        await Task.Run(() => settings.Level = 3);
        settings.Level++;
        Console.WriteLine(settings.Level);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 4
// CHECK-NOT: ThreadSanitizer
