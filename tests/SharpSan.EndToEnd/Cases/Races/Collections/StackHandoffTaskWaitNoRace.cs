// A task pushes onto a Stack; main pops after Task.Wait: ordered by the wait, no report.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

static class Program
{
    static void Main()
    {
        var stack = new Stack<int>();
        stack.Push(1);
        var task = Task.Run(() => stack.Push(2));
        task.Wait();
        int top = stack.Pop();
        Console.WriteLine("top " + top + " " + stack.Count);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: top 2 1
// CHECK-NOT: ThreadSanitizer
