// Methods whose body ends inside a finally handler (every path throws, as in throw helpers that build the message in a
// pooled builder, found in Sep): the rewriter's frame handler is appended after the method's last handler, which must
// still end where it ended (a handler "to the end of the method" once swallowed the appended code: invalid IL).
// Optimised; the exceptions are caught and counted, nothing is reported.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

static unsafe class Program
{
    static readonly Stack<StringBuilder> s_pool = new();

    static StringBuilder Take() => s_pool.Count > 0 ? s_pool.Pop() : new StringBuilder();

    static void Return(StringBuilder builder) => s_pool.Push(builder.Clear());

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ThrowDuplicates(string[] names, string name)
    {
        var builder = Take();
        try
        {
            var found = new List<int>();
            for (int i = 0; i < names.Length; i++) if (names[i] == name) found.Add(i);
            builder.Append($"'{name}' found {found.Count} times at");
            foreach (int index in found) builder.Append($" {index}");
            throw new ArgumentException(builder.ToString());
        }
        finally
        {
            Return(builder);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ThrowAfterNativeRead(int* data, int length)
    {
        try
        {
            int sum = 0;
            for (int i = 0; i < length; i++) sum += data[i];
            throw new InvalidOperationException("sum " + sum);
        }
        finally
        {
            data[0] = -1;
        }
    }

    static void Main()
    {
        string messages = "";
        for (int round = 0; round < 3; round++)
        {
            try { ThrowDuplicates(["a", "b", "a", "c", "a"], "a"); }
            catch (ArgumentException e) { messages = e.Message; }
        }
        int* data = (int*)NativeMemory.Alloc(8 * sizeof(int));
        for (int i = 0; i < 8; i++) data[i] = i;
        string sum = "";
        try { ThrowAfterNativeRead(data, 8); }
        catch (InvalidOperationException e) { sum = e.Message; }
        Console.WriteLine($"{messages}; {sum}; first {data[0]}");
        NativeMemory.Free(data);
    }
}
// CHECK-NOT: ERROR:
// CHECK: 'a' found 3 times at 0 2 4; sum 28; first -1
// CHECK-NOT: ERROR:
