// SharpSan benchmark kernels, C# version: the twin of ../c/kernels.c.
//
//   dotnet Kernels.dll <checksum|lz|matmul|hashmap|memcpy> [size]
//
// Same algorithms, same pseudo-random inputs (splitmix64), same output line
// "<kernel> size=<size> checksum=<16 hex digits>" as the C program; run.sh
// checks that the checksums agree. Written the way a .NET developer writes a
// fast path: NativeMemory, raw pointers, Unsafe.ReadUnaligned, Buffer.MemoryCopy.
//
// `selftest-overflow` is not a benchmark: it writes one byte past a 16-byte
// NativeMemory block, so run.sh can check that the sanitized build really checks.
// `selftest-uninit` is its twin for `--sanitize memory`: it branches on a byte of a
// NativeMemory block nobody wrote.

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SharpSan.Benchmarks.Kernels;

internal static unsafe partial class Program
{
    private static int Main(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: Kernels <checksum|lz|matmul|hashmap|memcpy> [size]");
            return 2;
        }

        string kernel = args[0];
        ulong size = args.Length > 1 ? ulong.Parse(args[1]) : 0;
        Func<ulong, ulong> run;
        ulong defaultSize;
        switch (kernel)
        {
            case "checksum": run = Checksum; defaultSize = 64; break;
            case "lz": run = Lz; defaultSize = 16; break;
            case "matmul": run = MatMul; defaultSize = 384; break;
            case "hashmap": run = HashMap; defaultSize = 1500; break;
            case "memcpy": run = MemCopy; defaultSize = 3000; break;
            case "stackbuf": run = StackBuf; defaultSize = 1000; break;
            case "arraymatmul": run = ArrayMatMul; defaultSize = 384; break;   // C#-only (ManagedKernels.cs)
            case "poolbuf": run = PoolBuffers; defaultSize = 400; break;       // C#-only (ManagedKernels.cs)
            case "fixedblock": run = FixedBlocks; defaultSize = 10; break;     // C#-only (FixedKernels.cs, pins.sh)
            case "selftest-overflow": return SelfTestOverflow();
            case "selftest-uninit": return SelfTestUninit();
            default:
                Console.Error.WriteLine($"unknown kernel '{kernel}'");
                return 2;
        }

        if (size == 0)
        {
            size = defaultSize;
        }

        ulong r = run(size);
        Console.WriteLine($"{kernel} size={size} checksum={r:x16}");
        return 0;
    }

    // ---- shared helpers (keep in sync with kernels.c) -----------------------

    private static ulong s_rngState;

    private static void RngSeed(ulong seed) => s_rngState = seed;

    private static ulong RngNext() // splitmix64
    {
        ulong z = s_rngState += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Fnv1a(byte* p, nuint n, ulong h)
    {
        for (nuint i = 0; i < n; i++)
        {
            h ^= p[i];
            h *= 0x100000001B3UL;
        }

        return h;
    }

    private static void FillRandom(byte* p, nuint n)
    {
        nuint i = 0;
        for (; i + 8 <= n; i += 8)
        {
            ulong v = RngNext();
            for (int k = 0; k < 8; k++)
            {
                p[i + (nuint)k] = (byte)(v >> (8 * k));
            }
        }

        if (i < n)
        {
            ulong v = RngNext();
            for (int k = 0; i < n; i++, k++)
            {
                p[i] = (byte)(v >> (8 * k));
            }
        }
    }

    // ---- (a) checksum: byte-wise Fletcher-style sum over a native buffer ----
    // size = buffer size in MiB; 4 passes.

    private static ulong Checksum(ulong size)
    {
        nuint n = (nuint)size << 20;
        byte* buf = (byte*)NativeMemory.Alloc(n);
        RngSeed(1);
        FillRandom(buf, n);
        ulong a = 1, b = 0;
        for (int pass = 0; pass < 4; pass++)
        {
            for (nuint i = 0; i < n; i++)
            {
                a += buf[i];
                b += a;
            }

            buf[(nuint)pass * 4099 % n] ^= (byte)a; // make every pass differ
        }

        NativeMemory.Free(buf);
        return a ^ (b * 31);
    }

    // ---- (b) lz: LZ77 compressor (hash of every 4-byte position) + decoder --
    // size = input size in MiB; compress + decompress 3 times.

    private const int LzHashBits = 16;

    private static uint LzHash(uint v) => (v * 2654435761U) >> (32 - LzHashBits);

    private static byte* PutVarint(byte* op, ulong v)
    {
        while (v >= 0x80)
        {
            *op++ = (byte)(v | 0x80);
            v >>= 7;
        }

        *op++ = (byte)v;
        return op;
    }

    private static byte* GetVarint(byte* ip, out ulong v)
    {
        ulong r = 0;
        int shift = 0;
        while (true)
        {
            byte c = *ip++;
            r |= (ulong)(c & 0x7F) << shift;
            if (c < 0x80)
            {
                break;
            }

            shift += 7;
        }

        v = r;
        return ip;
    }

    private static void LzMakeInput(byte* p, nuint n)
    {
        nuint pos = 0;
        while (pos < n)
        {
            ulong r = RngNext();
            if ((r & 3) != 0 && pos >= 64)
            {
                // repeat an earlier stretch (overlap allowed)
                nuint len = 4 + (nuint)((r >> 8) % 60);
                nuint window = pos < 32768 ? pos : 32768;
                nuint dist = 1 + (nuint)((r >> 16) % window);
                for (nuint k = 0; k < len && pos < n; k++, pos++)
                {
                    p[pos] = p[pos - dist];
                }
            }
            else
            {
                nuint len = 1 + (nuint)((r >> 8) % 16);
                for (nuint k = 0; k < len && pos < n; k++, pos++)
                {
                    p[pos] = (byte)('a' + RngNext() % 20);
                }
            }
        }
    }

    private static nuint LzCompress(byte* input, nuint n, byte* output, uint* table)
    {
        NativeMemory.Clear(table, (nuint)sizeof(uint) << LzHashBits);
        byte* op = output;
        nuint i = 0, anchor = 0;
        while (i + 4 <= n)
        {
            uint v = Unsafe.ReadUnaligned<uint>(input + i);
            uint h = LzHash(v);
            uint cand = table[h];
            table[h] = (uint)i + 1;
            if (cand != 0)
            {
                nuint c = cand - 1;
                if (i - c <= 65535 && Unsafe.ReadUnaligned<uint>(input + c) == v)
                {
                    nuint len = 4;
                    while (i + len < n && input[c + len] == input[i + len])
                    {
                        len++;
                    }

                    // token: literal run, then match
                    nuint lit = i - anchor;
                    op = PutVarint(op, lit);
                    for (nuint k = 0; k < lit; k++)
                    {
                        *op++ = input[anchor + k];
                    }

                    op = PutVarint(op, len);
                    nuint off = i - c;
                    *op++ = (byte)off;
                    *op++ = (byte)(off >> 8);

                    // hash every position inside the match too
                    for (nuint j = i + 1; j < i + len && j + 4 <= n; j++)
                    {
                        table[LzHash(Unsafe.ReadUnaligned<uint>(input + j))] = (uint)j + 1;
                    }

                    i += len;
                    anchor = i;
                    continue;
                }
            }

            i++;
        }

        nuint tail = n - anchor;
        op = PutVarint(op, tail);
        for (nuint k = 0; k < tail; k++)
        {
            *op++ = input[anchor + k];
        }

        op = PutVarint(op, 0); // match length 0 = end of stream
        return (nuint)(op - output);
    }

    private static nuint LzDecompress(byte* input, nuint n, byte* output)
    {
        byte* ip = input;
        byte* end = input + n;
        byte* op = output;
        while (ip < end)
        {
            ip = GetVarint(ip, out ulong lit);
            for (ulong k = 0; k < lit; k++)
            {
                *op++ = *ip++;
            }

            ip = GetVarint(ip, out ulong len);
            if (len == 0)
            {
                break;
            }

            nuint off = ip[0] | ((nuint)ip[1] << 8);
            ip += 2;
            byte* from = op - off;
            for (ulong k = 0; k < len; k++)
            {
                *op++ = *from++; // may overlap: byte by byte
            }
        }

        return (nuint)(op - output);
    }

    private static ulong Lz(ulong size)
    {
        nuint n = (nuint)size << 20;
        byte* input = (byte*)NativeMemory.Alloc(n);
        nuint cap = n + n / 2 + 1024;
        byte* comp = (byte*)NativeMemory.Alloc(cap);
        byte* dec = (byte*)NativeMemory.Alloc(n);
        uint* table = (uint*)NativeMemory.Alloc((nuint)sizeof(uint) << LzHashBits);
        RngSeed(2);
        LzMakeInput(input, n);
        ulong h = 0xCBF29CE484222325UL;
        for (int rep = 0; rep < 3; rep++)
        {
            nuint clen = LzCompress(input, n, comp, table);
            nuint dlen = LzDecompress(comp, clen, dec);
            if (dlen != n || !new ReadOnlySpan<byte>(input, (int)n).SequenceEqual(new ReadOnlySpan<byte>(dec, (int)n)))
            {
                Console.Error.WriteLine("lz: round trip failed");
                Environment.Exit(3);
            }

            h = Fnv1a(comp, clen, h) ^ ((ulong)clen << 32);
            input[(nuint)rep * 65537 % n] ^= 0x55; // make every rep differ
        }

        NativeMemory.Free(table);
        NativeMemory.Free(dec);
        NativeMemory.Free(comp);
        NativeMemory.Free(input);
        return h;
    }

    // ---- (c) matmul: C = A*B over native doubles, i-k-j order, 6 reps -------
    // size = n (matrices n x n).

    private static ulong MatMul(ulong size)
    {
        nuint n = (nuint)size;
        double* a = (double*)NativeMemory.Alloc(n * n, sizeof(double));
        double* b = (double*)NativeMemory.Alloc(n * n, sizeof(double));
        double* c = (double*)NativeMemory.Alloc(n * n, sizeof(double));
        RngSeed(3);
        for (nuint i = 0; i < n * n; i++)
        {
            a[i] = (RngNext() >> 11) * (1.0 / 9007199254740992.0) - 0.5;
        }

        for (nuint i = 0; i < n * n; i++)
        {
            b[i] = (RngNext() >> 11) * (1.0 / 9007199254740992.0) - 0.5;
        }

        ulong h = 0;
        for (int rep = 0; rep < 6; rep++)
        {
            for (nuint i = 0; i < n * n; i++)
            {
                c[i] = 0.0;
            }

            for (nuint i = 0; i < n; i++)
            {
                double* ci = c + i * n;
                for (nuint k = 0; k < n; k++)
                {
                    double aik = a[i * n + k];
                    double* bk = b + k * n;
                    for (nuint j = 0; j < n; j++)
                    {
                        ci[j] += aik * bk[j];
                    }
                }
            }

            double s = 0.0;
            for (nuint i = 0; i < n * n; i++)
            {
                s += c[i];
            }

            h = h * 31 + BitConverter.DoubleToUInt64Bits(s);
            a[(nuint)rep % (n * n)] += 1.0;
        }

        NativeMemory.Free(c);
        NativeMemory.Free(b);
        NativeMemory.Free(a);
        return h;
    }

    // ---- (d) hashmap: chained buckets, one NativeMemory.Alloc per node ------
    // size = number of operations in thousands. Each op toggles a random key:
    // present -> unlink + free, absent -> alloc (32-byte header + 0..63 payload).

    private struct Node
    {
        public Node* Next;
        public ulong Key;
        public ulong Value;
        public uint Len;
    }

    private const int HashBucketBits = 18;
    private const ulong HashKeys = 1UL << 20;

    private static ulong HashMap(ulong size)
    {
        ulong ops = size * 1000;
        nuint nb = (nuint)1 << HashBucketBits;
        Node** buckets = (Node**)NativeMemory.Alloc(nb, (nuint)sizeof(Node*));
        for (nuint i = 0; i < nb; i++)
        {
            buckets[i] = null;
        }

        RngSeed(4);
        ulong sum = 0, live = 0;
        for (ulong op = 0; op < ops; op++)
        {
            ulong key = RngNext() % HashKeys;
            nuint bi = (nuint)((key * 0x9E3779B97F4A7C15UL) >> (64 - HashBucketBits));
            Node** link = &buckets[bi];
            Node* node = *link;
            while (node != null && node->Key != key)
            {
                link = &node->Next;
                node = *link;
            }

            if (node != null)
            {
                byte* payload = (byte*)(node + 1);
                sum = sum * 31 + node->Value + (node->Len != 0 ? payload[node->Len - 1] : 0u);
                *link = node->Next;
                NativeMemory.Free(node);
                live--;
            }
            else
            {
                uint len = (uint)(key & 63);
                node = (Node*)NativeMemory.Alloc((nuint)sizeof(Node) + len);
                node->Key = key;
                node->Value = op;
                node->Len = len;
                byte* payload = (byte*)(node + 1);
                for (uint j = 0; j < len; j++)
                {
                    payload[j] = (byte)(key + j);
                }

                node->Next = buckets[bi];
                buckets[bi] = node;
                live++;
            }
        }

        for (nuint i = 0; i < nb; i++)
        {
            Node* node = buckets[i];
            while (node != null)
            {
                Node* next = node->Next;
                sum += node->Key ^ node->Value;
                NativeMemory.Free(node);
                node = next;
            }
        }

        NativeMemory.Free(buckets);
        return sum ^ (live << 40);
    }

    // ---- (e) memcpy: many mixed-size copies between two native buffers ------
    // size = number of copies in thousands; sizes 1..4096, 1 MiB buffers.

    private const nuint CopyBufferSize = 1 << 20;

    private static ulong MemCopy(ulong size)
    {
        ulong copies = size * 1000;
        byte* x = (byte*)NativeMemory.Alloc(CopyBufferSize);
        byte* y = (byte*)NativeMemory.Alloc(CopyBufferSize);
        RngSeed(5);
        FillRandom(x, CopyBufferSize);
        FillRandom(y, CopyBufferSize);
        ulong h = 0;
        for (ulong i = 0; i < copies; i++)
        {
            ulong r = RngNext();
            nuint len = 1 + (nuint)(r % 4096);
            nuint so = (nuint)((r >> 12) % (CopyBufferSize - len));
            nuint d = (nuint)((r >> 34) % (CopyBufferSize - len));
            byte* src = (i & 1) != 0 ? y : x;
            byte* dst = (i & 1) != 0 ? x : y;
            Buffer.MemoryCopy(src + so, dst + d, CopyBufferSize - d, len);
            h = h * 31 + dst[d + (nuint)((r >> 56) % len)];
        }

        h = Fnv1a(x, CopyBufferSize, h);
        h = Fnv1a(y, CopyBufferSize, h);
        NativeMemory.Free(y);
        NativeMemory.Free(x);
        return h;
    }

    // ---- (f) stackbuf: many calls that each use a variable-size stack buffer ----

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    [System.Runtime.CompilerServices.SkipLocalsInit]   // like the C VLA: not zeroed
    private static ulong StackWork(ulong r)
    {
        nuint len = 64 + (nuint)(r % 449);
        byte* buf = stackalloc byte[(int)len];
        for (nuint i = 0; i < len; i++) buf[i] = (byte)(r + i * 7);
        ulong s = 0;
        for (nuint i = 0; i < len; i += 3) s += buf[i];
        return s ^ len;
    }

    private static ulong StackBuf(ulong size)
    {
        ulong calls = size * 1000;
        RngSeed(6);
        ulong h = 0;
        for (ulong i = 0; i < calls; i++) h = h * 31 + StackWork(RngNext());
        return h;
    }

    // ---- self test: a deliberate heap-buffer-overflow -----------------------

    private static int SelfTestOverflow()
    {
        byte* p = (byte*)NativeMemory.Alloc(16);
        for (int i = 0; i <= 16; i++) // off by one: writes p[16]
        {
            p[i] = (byte)i;
        }

        Console.WriteLine($"selftest-overflow wrote {p[3]}");
        NativeMemory.Free(p);
        return 0;
    }

    // ---- self test: a deliberate use of an uninitialised value --------------

    private static int SelfTestUninit()
    {
        byte* p = (byte*)NativeMemory.Alloc(16);
        p[0] = 1; // p[1..15] stay uninitialised
        if (p[3] > 7) // branch on an uninitialised byte
        {
            Console.WriteLine("selftest-uninit read a large byte");
        }
        else
        {
            Console.WriteLine("selftest-uninit read a small byte");
        }

        NativeMemory.Free(p);
        return 0;
    }
}
