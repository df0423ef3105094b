/*
 * SharpSan benchmark kernels, C version.
 *
 *   kernels <checksum|lz|matmul|hashmap|memcpy|stackbuf|arraymatmul|poolbuf> [size]
 *
 * Each kernel prints one line "<kernel> size=<size> checksum=<16 hex digits>".
 * The C# twin in ../Kernels/Program.cs runs the same algorithms on the same
 * pseudo-random inputs (splitmix64) and must print the same line.
 *
 * Build: gcc -O2 -o kernels kernels.c
 *        gcc -O2 -fsanitize=address -fno-omit-frame-pointer -o kernels-asan kernels.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint8_t u8;
typedef uint32_t u32;
typedef uint64_t u64;

/* ---- shared helpers (keep in sync with Program.cs) ---------------------- */

static u64 rng_state;

static void rng_seed(u64 seed) { rng_state = seed; }

static u64 rng_next(void) /* splitmix64 */
{
    u64 z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static u64 fnv1a(const u8 *p, size_t n, u64 h)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001B3ULL;
    }
    return h;
}

static void *xalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "out of memory (%zu bytes)\n", n);
        exit(2);
    }
    return p;
}

static void fill_random(u8 *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        u64 v = rng_next();
        for (int k = 0; k < 8; k++) p[i + k] = (u8)(v >> (8 * k));
    }
    if (i < n) {
        u64 v = rng_next();
        for (int k = 0; i < n; i++, k++) p[i] = (u8)(v >> (8 * k));
    }
}

static u32 read32(const u8 *p) /* unaligned little-endian load */
{
    u32 v;
    memcpy(&v, p, 4);
    return v;
}

/* ---- (a) checksum: byte-wise Fletcher-style sum over a native buffer ----- */
/* size = buffer size in MiB; 4 passes. */

static u64 kernel_checksum(u64 size)
{
    size_t n = (size_t)size << 20;
    u8 *buf = xalloc(n);
    rng_seed(1);
    fill_random(buf, n);
    u64 a = 1, b = 0;
    for (int pass = 0; pass < 4; pass++) {
        for (size_t i = 0; i < n; i++) {
            a += buf[i];
            b += a;
        }
        buf[(size_t)pass * 4099 % n] ^= (u8)a; /* make every pass differ */
    }
    free(buf);
    return a ^ (b * 31);
}

/* ---- (b) lz: LZ77 compressor (hash of every 4-byte position) + decoder --- */
/* size = input size in MiB; compress + decompress 3 times. */

#define LZ_HBITS 16

static u32 lz_hash(u32 v) { return (v * 2654435761U) >> (32 - LZ_HBITS); }

static u8 *put_varint(u8 *op, u64 v)
{
    while (v >= 0x80) {
        *op++ = (u8)(v | 0x80);
        v >>= 7;
    }
    *op++ = (u8)v;
    return op;
}

static const u8 *get_varint(const u8 *ip, u64 *v)
{
    u64 r = 0;
    int shift = 0;
    for (;;) {
        u8 c = *ip++;
        r |= (u64)(c & 0x7F) << shift;
        if (c < 0x80) break;
        shift += 7;
    }
    *v = r;
    return ip;
}

static void lz_make_input(u8 *p, size_t n)
{
    size_t pos = 0;
    while (pos < n) {
        u64 r = rng_next();
        if ((r & 3) != 0 && pos >= 64) {
            /* repeat an earlier stretch (overlap allowed) */
            size_t len = 4 + (size_t)((r >> 8) % 60);
            size_t window = pos < 32768 ? pos : 32768;
            size_t dist = 1 + (size_t)((r >> 16) % window);
            for (size_t k = 0; k < len && pos < n; k++, pos++) p[pos] = p[pos - dist];
        } else {
            size_t len = 1 + (size_t)((r >> 8) % 16);
            for (size_t k = 0; k < len && pos < n; k++, pos++)
                p[pos] = (u8)('a' + rng_next() % 20);
        }
    }
}

static size_t lz_compress(const u8 *in, size_t n, u8 *out, u32 *table)
{
    memset(table, 0, sizeof(u32) << LZ_HBITS);
    u8 *op = out;
    size_t i = 0, anchor = 0;
    while (i + 4 <= n) {
        u32 v = read32(in + i);
        u32 h = lz_hash(v);
        u32 cand = table[h];
        table[h] = (u32)i + 1;
        if (cand != 0) {
            size_t c = cand - 1;
            if (i - c <= 65535 && read32(in + c) == v) {
                size_t len = 4;
                while (i + len < n && in[c + len] == in[i + len]) len++;
                /* token: literal run, then match */
                size_t lit = i - anchor;
                op = put_varint(op, lit);
                for (size_t k = 0; k < lit; k++) *op++ = in[anchor + k];
                op = put_varint(op, len);
                size_t off = i - c;
                *op++ = (u8)off;
                *op++ = (u8)(off >> 8);
                /* hash every position inside the match too */
                for (size_t j = i + 1; j < i + len && j + 4 <= n; j++)
                    table[lz_hash(read32(in + j))] = (u32)j + 1;
                i += len;
                anchor = i;
                continue;
            }
        }
        i++;
    }
    size_t lit = n - anchor;
    op = put_varint(op, lit);
    for (size_t k = 0; k < lit; k++) *op++ = in[anchor + k];
    op = put_varint(op, 0); /* match length 0 = end of stream */
    return (size_t)(op - out);
}

static size_t lz_decompress(const u8 *in, size_t n, u8 *out)
{
    const u8 *ip = in, *end = in + n;
    u8 *op = out;
    while (ip < end) {
        u64 lit, len;
        ip = get_varint(ip, &lit);
        for (u64 k = 0; k < lit; k++) *op++ = *ip++;
        ip = get_varint(ip, &len);
        if (len == 0) break;
        size_t off = (size_t)ip[0] | ((size_t)ip[1] << 8);
        ip += 2;
        const u8 *from = op - off;
        for (u64 k = 0; k < len; k++) *op++ = *from++; /* may overlap: byte by byte */
    }
    return (size_t)(op - out);
}

static u64 kernel_lz(u64 size)
{
    size_t n = (size_t)size << 20;
    u8 *in = xalloc(n);
    size_t cap = n + n / 2 + 1024;
    u8 *comp = xalloc(cap);
    u8 *dec = xalloc(n);
    u32 *table = xalloc(sizeof(u32) << LZ_HBITS);
    rng_seed(2);
    lz_make_input(in, n);
    u64 h = 0xCBF29CE484222325ULL;
    for (int rep = 0; rep < 3; rep++) {
        size_t clen = lz_compress(in, n, comp, table);
        size_t dlen = lz_decompress(comp, clen, dec);
        if (dlen != n || memcmp(in, dec, n) != 0) {
            fprintf(stderr, "lz: round trip failed\n");
            exit(3);
        }
        h = fnv1a(comp, clen, h) ^ ((u64)clen << 32);
        in[(size_t)rep * 65537 % n] ^= 0x55; /* make every rep differ */
    }
    free(table);
    free(dec);
    free(comp);
    free(in);
    return h;
}

/* ---- (c) matmul: C = A*B over native doubles, i-k-j order, 6 reps ------- */
/* size = n (matrices n x n). */

static u64 kernel_matmul(u64 size)
{
    size_t n = (size_t)size;
    double *a = xalloc(n * n * sizeof(double));
    double *b = xalloc(n * n * sizeof(double));
    double *c = xalloc(n * n * sizeof(double));
    rng_seed(3);
    for (size_t i = 0; i < n * n; i++) a[i] = (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0) - 0.5;
    for (size_t i = 0; i < n * n; i++) b[i] = (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0) - 0.5;
    u64 h = 0;
    for (int rep = 0; rep < 6; rep++) {
        for (size_t i = 0; i < n * n; i++) c[i] = 0.0;
        for (size_t i = 0; i < n; i++) {
            double *ci = c + i * n;
            for (size_t k = 0; k < n; k++) {
                double aik = a[i * n + k];
                const double *bk = b + k * n;
                for (size_t j = 0; j < n; j++) ci[j] += aik * bk[j];
            }
        }
        double s = 0.0;
        for (size_t i = 0; i < n * n; i++) s += c[i];
        u64 bits;
        memcpy(&bits, &s, 8);
        h = h * 31 + bits;
        a[(size_t)rep % (n * n)] += 1.0;
    }
    free(c);
    free(b);
    free(a);
    return h;
}

/* ---- (d) hashmap: chained buckets, one malloc per node ------------------ */
/* size = number of operations in thousands. Each op toggles a random key:
 * present -> unlink + free, absent -> malloc (32-byte header + 0..63 payload). */

typedef struct Node {
    struct Node *next;
    u64 key;
    u64 value;
    u32 len;
} Node;

#define HM_BBITS 18
#define HM_KEYS (1u << 20)

static u64 kernel_hashmap(u64 size)
{
    u64 ops = size * 1000;
    size_t nb = (size_t)1 << HM_BBITS;
    Node **buckets = xalloc(nb * sizeof(Node *));
    for (size_t i = 0; i < nb; i++) buckets[i] = NULL;
    rng_seed(4);
    u64 sum = 0, live = 0;
    for (u64 op = 0; op < ops; op++) {
        u64 key = rng_next() % HM_KEYS;
        size_t bi = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> (64 - HM_BBITS));
        Node **link = &buckets[bi];
        Node *node = *link;
        while (node != NULL && node->key != key) {
            link = &node->next;
            node = *link;
        }
        if (node != NULL) {
            u8 *payload = (u8 *)(node + 1);
            sum = sum * 31 + node->value + (node->len ? payload[node->len - 1] : 0);
            *link = node->next;
            free(node);
            live--;
        } else {
            u32 len = (u32)(key & 63);
            node = xalloc(sizeof(Node) + len);
            node->key = key;
            node->value = op;
            node->len = len;
            u8 *payload = (u8 *)(node + 1);
            for (u32 j = 0; j < len; j++) payload[j] = (u8)(key + j);
            node->next = buckets[bi];
            buckets[bi] = node;
            live++;
        }
    }
    for (size_t i = 0; i < nb; i++) {
        Node *node = buckets[i];
        while (node != NULL) {
            Node *next = node->next;
            sum += node->key ^ node->value;
            free(node);
            node = next;
        }
    }
    free(buckets);
    return sum ^ (live << 40);
}

/* ---- (e) memcpy: many mixed-size copies between two native buffers ------ */
/* size = number of copies in thousands; sizes 1..4096, 1 MiB buffers. */

#define MC_BUF (1u << 20)

static u64 kernel_memcpy(u64 size)
{
    u64 copies = size * 1000;
    u8 *x = xalloc(MC_BUF);
    u8 *y = xalloc(MC_BUF);
    rng_seed(5);
    fill_random(x, MC_BUF);
    fill_random(y, MC_BUF);
    u64 h = 0;
    for (u64 i = 0; i < copies; i++) {
        u64 r = rng_next();
        size_t len = 1 + (size_t)(r % 4096);
        size_t so = (size_t)((r >> 12) % (MC_BUF - len));
        size_t d = (size_t)((r >> 34) % (MC_BUF - len));
        u8 *src = (i & 1) ? y : x;
        u8 *dst = (i & 1) ? x : y;
        memcpy(dst + d, src + so, len);
        h = h * 31 + dst[d + (r >> 56) % len];
    }
    h = fnv1a(x, MC_BUF, h);
    h = fnv1a(y, MC_BUF, h);
    free(y);
    free(x);
    return h;
}

/* ---- (f) stackbuf: many calls that each use a variable-size stack buffer ---- */
/* size = number of calls in thousands; buffers of 64..512 bytes (C: a VLA; C#: stackalloc). */

static __attribute__((noinline)) u64 stack_work(u64 r)
{
    size_t len = 64 + (size_t)(r % 449);
    u8 buf[len];
    for (size_t i = 0; i < len; i++) buf[i] = (u8)(r + i * 7);
    u64 s = 0;
    for (size_t i = 0; i < len; i += 3) s += buf[i];
    return s ^ len;
}

static u64 kernel_stackbuf(u64 size)
{
    u64 calls = size * 1000;
    rng_seed(6);
    u64 h = 0;
    for (u64 i = 0; i < calls; i++) h = h * 31 + stack_work(rng_next());
    return h;
}

/* ---- (g) poolbuf: rent / fill / checksum / return on a buffer pool ---------- */
/* C twin of ArrayPool<byte>.Shared: power-of-two buckets from 16 bytes, a free list per bucket (what a C
 * program would write; ASan sees only malloc, so a stale pooled buffer is invisible to it). */

#define POOL_BUCKETS 9   /* 16 .. 4096 bytes */
typedef struct pooled { struct pooled *next; } pooled;
static pooled *pool_free[POOL_BUCKETS];

static int pool_bucket(size_t n)
{
    int b = 0;
    while (((size_t)16 << b) < n) b++;
    return b;
}

static u8 *pool_rent(size_t n)
{
    int b = pool_bucket(n);
    pooled *p = pool_free[b];
    if (p) { pool_free[b] = p->next; return (u8 *)p; }
    return xalloc((size_t)16 << b);
}

static void pool_return(u8 *buffer, size_t n)
{
    int b = pool_bucket(n);
    pooled *p = (pooled *)buffer;
    p->next = pool_free[b];
    pool_free[b] = p;
}

static u64 kernel_poolbuf(u64 size)
{
    rng_seed(5);
    u64 h = 0;
    for (u64 op = 0; op < size * 1000; op++) {
        size_t n = 16 + (size_t)(rng_next() % 4081);
        u8 *buffer = pool_rent(n);
        u8 seed = (u8)op;
        for (size_t i = 0; i < n; i++) buffer[i] = (u8)(seed + i);
        u32 a = 1, b = 0;
        for (size_t i = 0; i < n; i++) { a += buffer[i]; b += a; }
        h = h * 31 + (a ^ (b << 7));
        pool_return(buffer, n);
    }
    return h;
}

/* ---- driver -------------------------------------------------------------- */

static const struct {
    const char *name;
    u64 (*run)(u64);
    u64 default_size;
} kernels[] = {
    {"checksum", kernel_checksum, 64},
    {"lz", kernel_lz, 16},
    {"matmul", kernel_matmul, 384},
    {"hashmap", kernel_hashmap, 1500},
    {"memcpy", kernel_memcpy, 3000},
    {"stackbuf", kernel_stackbuf, 1000},
    {"arraymatmul", kernel_matmul, 384},   /* C# twin: managed double[] arrays */
    {"poolbuf", kernel_poolbuf, 400},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s <checksum|lz|matmul|hashmap|memcpy|stackbuf|arraymatmul|poolbuf> [size]\n", argv[0]);
        return 2;
    }
    for (size_t i = 0; i < sizeof kernels / sizeof kernels[0]; i++) {
        if (strcmp(argv[1], kernels[i].name) != 0) continue;
        u64 size = argc > 2 ? strtoull(argv[2], NULL, 10) : 0;
        if (size == 0) size = kernels[i].default_size;
        u64 r = kernels[i].run(size);
        printf("%s size=%llu checksum=%016llx\n", kernels[i].name, (unsigned long long)size,
               (unsigned long long)r);
        return 0;
    }
    fprintf(stderr, "unknown kernel '%s'\n", argv[1]);
    return 2;
}
