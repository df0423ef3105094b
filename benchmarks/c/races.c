/*
 * SharpSan race benchmark kernels, C version (pthreads).
 *
 *   races <lockcounter|ownfields|partition|prodcons|interlocked> [size] [threads]
 *
 * Each kernel prints one line "<kernel> size=<size> threads=<t> checksum=<16 hex digits>".
 * The C# twin in ../RaceKernels/Program.cs runs the same algorithms with the same
 * sizes and thread counts and must print the same line. The checksums do not depend
 * on the scheduling: per-thread results are combined in thread order after the joins,
 * shared results only through commutative operations (sum, xor, count).
 *
 * All five kernels are correct programs (no data race): GCC's ThreadSanitizer must not
 * report anything. `selftest-race` is not a benchmark: two threads increment one plain
 * global without synchronisation, so races.sh can check that a race detector is live.
 *
 * Build: gcc -O2 -pthread -o races races.c
 *        gcc -O2 -fsanitize=thread -pthread -o races-tsan races.c
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint32_t u32;
typedef uint64_t u64;

/* ---- shared helpers (keep in sync with Program.cs) ---------------------- */

static u64 mix64(u64 x) /* splitmix64 step on state x */
{
    u64 z = x + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static u64 combine(u64 h, u64 v) { return mix64(h ^ v); }

static void *xalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "out of memory (%zu bytes)\n", n);
        exit(2);
    }
    return p;
}

static void die(const char *what, int rc)
{
    fprintf(stderr, "%s failed: %s\n", what, strerror(rc));
    exit(2);
}

typedef void *(*thread_fn)(void *);

struct targ { /* per-thread argument, also holds the thread's result */
    int tid;
    int nthreads;
    u64 n;
    void *shared;
    u64 result;
    u64 result2;
};

/* Starts nthreads threads on fn with args[i].tid = i and joins them all. */
static void run_threads(int nthreads, thread_fn fn, struct targ *args)
{
    pthread_t *th = xalloc(sizeof(pthread_t) * (size_t)nthreads);
    for (int t = 0; t < nthreads; t++) {
        int rc = pthread_create(&th[t], NULL, fn, &args[t]);
        if (rc) die("pthread_create", rc);
    }
    for (int t = 0; t < nthreads; t++) {
        int rc = pthread_join(th[t], NULL);
        if (rc) die("pthread_join", rc);
    }
    free(th);
}

static struct targ *make_args(int nthreads, u64 n, void *shared)
{
    struct targ *a = xalloc(sizeof(struct targ) * (size_t)nthreads);
    for (int t = 0; t < nthreads; t++) {
        a[t].tid = t;
        a[t].nthreads = nthreads;
        a[t].n = n;
        a[t].shared = shared;
        a[t].result = 0;
        a[t].result2 = 0;
    }
    return a;
}

/* ---- lockcounter: shared counters updated under one mutex ----------------
 * size = thousands of increments per thread. */

struct counters {
    pthread_mutex_t lock;
    u64 count;
    u64 sum;
    u64 xor;
};

static void *lockcounter_thread(void *p)
{
    struct targ *a = p;
    struct counters *c = a->shared;
    u64 seed = (u64)(a->tid + 1) << 40;
    for (u64 i = 0; i < a->n; i++) {
        u64 v = mix64(seed + i); /* a little work outside the lock */
        pthread_mutex_lock(&c->lock);
        c->count++;
        c->sum += v >> 16;
        c->xor ^= v;
        pthread_mutex_unlock(&c->lock);
    }
    return NULL;
}

static u64 lockcounter(u64 size, int nthreads)
{
    struct counters *c = xalloc(sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
    c->count = c->sum = c->xor = 0;
    struct targ *a = make_args(nthreads, size * 1000, c);
    run_threads(nthreads, lockcounter_thread, a);
    u64 h = combine(combine(combine(0, c->count), c->sum), c->xor);
    pthread_mutex_destroy(&c->lock);
    free(a);
    free(c);
    return h;
}

/* ---- ownfields: each thread moves its own particles, no sharing ----------
 * Fixed-point integer "particles" pulled towards the origin by a spring.
 * size = thousands of steps; 256 particles per thread. */

#define PARTICLES 256

struct particle {
    int64_t x, y, vx, vy;
};

static void *ownfields_thread(void *p)
{
    struct targ *a = p;
    struct particle *ps = xalloc(sizeof(struct particle) * PARTICLES);
    u64 seed = (u64)(a->tid + 1) << 40;
    for (int i = 0; i < PARTICLES; i++) {
        ps[i].x = (int64_t)(mix64(seed + 4 * (u64)i) & 0xFFFFF) - 0x80000;
        ps[i].y = (int64_t)(mix64(seed + 4 * (u64)i + 1) & 0xFFFFF) - 0x80000;
        ps[i].vx = (int64_t)(mix64(seed + 4 * (u64)i + 2) & 0xFFF) - 0x800;
        ps[i].vy = (int64_t)(mix64(seed + 4 * (u64)i + 3) & 0xFFF) - 0x800;
    }
    u64 steps = a->n;
    for (u64 s = 0; s < steps; s++) {
        for (int i = 0; i < PARTICLES; i++) {
            struct particle *q = &ps[i];
            q->vx -= q->x >> 6;
            q->vy -= q->y >> 6;
            q->x += q->vx >> 2;
            q->y += q->vy >> 2;
        }
    }
    u64 h = 0;
    for (int i = 0; i < PARTICLES; i++) {
        h = combine(h, (u64)ps[i].x);
        h = combine(h, (u64)ps[i].y);
        h = combine(h, (u64)ps[i].vx);
        h = combine(h, (u64)ps[i].vy);
    }
    a->result = h;
    free(ps);
    return NULL;
}

static u64 ownfields(u64 size, int nthreads)
{
    struct targ *a = make_args(nthreads, size * 1000, NULL);
    run_threads(nthreads, ownfields_thread, a);
    u64 h = 0;
    for (int t = 0; t < nthreads; t++) h = combine(h, a[t].result);
    free(a);
    return h;
}

/* ---- partition: disjoint slices of one shared array ----------------------
 * ROUNDS rounds of: start T threads, each makes PASSES passes over its own
 * slice of one u32 array, join them; then the main thread folds the array
 * (reads every element, mixes the two halves). size = thousands of elements. */

#define ROUNDS 4
#define PASSES 16

struct partition_shared {
    u32 *a;
    u64 n;
    int round;
};

static void *partition_thread(void *p)
{
    struct targ *ta = p;
    struct partition_shared *sh = ta->shared;
    u32 *a = sh->a;
    u64 lo = sh->n * (u64)ta->tid / (u64)ta->nthreads;
    u64 hi = sh->n * (u64)(ta->tid + 1) / (u64)ta->nthreads;
    u32 salt = (u32)sh->round * 0x9E3779B9u;
    for (int pass = 0; pass < PASSES; pass++) {
        u32 carry = salt + (u32)pass;
        for (u64 i = lo; i < hi; i++) {
            u32 v = a[i] * 1664525u + 1013904223u + carry;
            carry = v >> 7;
            a[i] = v;
        }
    }
    return NULL;
}

static u64 partition(u64 size, int nthreads)
{
    struct partition_shared sh;
    sh.n = size * 1000;
    sh.a = xalloc(sizeof(u32) * sh.n);
    for (u64 i = 0; i < sh.n; i++) sh.a[i] = (u32)mix64(i);
    struct targ *ta = make_args(nthreads, 0, &sh);
    u64 h = 0;
    for (int r = 0; r < ROUNDS; r++) {
        sh.round = r;
        run_threads(nthreads, partition_thread, ta);
        /* main thread, after the joins: read every element, mix across the slices */
        u64 s = 0;
        for (u64 i = 0; i < sh.n; i++) s = s * 31 + sh.a[i];
        for (u64 i = 0; i < sh.n / 2; i++) sh.a[i] += sh.a[sh.n - 1 - i];
        h = combine(h, s);
    }
    free(ta);
    free(sh.a);
    return h;
}

/* ---- prodcons: bounded queue, mutex + two condition variables ------------
 * T/2 producers (at least 1) and the other threads consumers; each producer
 * makes size*1000 items (malloc'd structs, fields written by the producer),
 * consumers read and free them. The queue is a ring of QCAP pointers. */

#define QCAP 64

struct item {
    u64 seq;
    u64 a;
    u64 b;
};

struct queue {
    pthread_mutex_t lock;
    pthread_cond_t not_empty;
    pthread_cond_t not_full;
    struct item *ring[QCAP];
    int head, tail, count;
    int waiting_producers, waiting_consumers;
    u64 taken, total;
};

static void *producer_thread(void *p)
{
    struct targ *ta = p;
    struct queue *q = ta->shared;
    u64 base = (u64)ta->tid * ta->n;
    for (u64 i = 0; i < ta->n; i++) {
        struct item *it = xalloc(sizeof *it);
        it->seq = base + i;
        it->a = mix64(it->seq);
        it->b = it->a ^ (it->seq << 1);
        pthread_mutex_lock(&q->lock);
        while (q->count == QCAP) {
            q->waiting_producers++;
            pthread_cond_wait(&q->not_full, &q->lock);
            q->waiting_producers--;
        }
        q->ring[q->tail] = it;
        q->tail = (q->tail + 1) % QCAP;
        q->count++;
        if (q->waiting_consumers > 0) pthread_cond_signal(&q->not_empty);
        pthread_mutex_unlock(&q->lock);
    }
    return NULL;
}

static void *consumer_thread(void *p)
{
    struct targ *ta = p;
    struct queue *q = ta->shared;
    u64 sum = 0, x = 0;
    for (;;) {
        pthread_mutex_lock(&q->lock);
        while (q->count == 0 && q->taken < q->total) {
            q->waiting_consumers++;
            pthread_cond_wait(&q->not_empty, &q->lock);
            q->waiting_consumers--;
        }
        if (q->count == 0) { /* everything taken */
            pthread_mutex_unlock(&q->lock);
            break;
        }
        struct item *it = q->ring[q->head];
        q->ring[q->head] = NULL;
        q->head = (q->head + 1) % QCAP;
        q->count--;
        q->taken++;
        if (q->taken == q->total) pthread_cond_broadcast(&q->not_empty);
        if (q->waiting_producers > 0) pthread_cond_signal(&q->not_full);
        pthread_mutex_unlock(&q->lock);

        sum += it->a + 3 * it->b;
        x ^= mix64(it->a ^ it->seq) + it->b;
        free(it);
    }
    ta->result = sum;
    ta->result2 = x;
    return NULL;
}

static void *prodcons_thread(void *p)
{
    struct targ *ta = p;
    int producers = ta->nthreads / 2 > 0 ? ta->nthreads / 2 : 1;
    return ta->tid < producers ? producer_thread(p) : consumer_thread(p);
}

static u64 prodcons(u64 size, int nthreads)
{
    if (nthreads < 2) {
        fprintf(stderr, "prodcons needs at least 2 threads\n");
        exit(2);
    }
    int producers = nthreads / 2;
    struct queue *q = xalloc(sizeof *q);
    memset(q, 0, sizeof *q);
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->not_empty, NULL);
    pthread_cond_init(&q->not_full, NULL);
    u64 per_producer = size * 1000;
    q->total = per_producer * (u64)producers;
    struct targ *ta = make_args(nthreads, per_producer, q);
    run_threads(nthreads, prodcons_thread, ta);
    /* Which consumer took which item depends on the scheduling: the per-item values
     * are folded with + and ^ only, so the totals do not. */
    u64 s = 0, x = 0;
    for (int t = producers; t < nthreads; t++) {
        s += ta[t].result;
        x ^= ta[t].result2;
    }
    u64 h = combine(combine(s, x), q->taken);
    pthread_cond_destroy(&q->not_full);
    pthread_cond_destroy(&q->not_empty);
    pthread_mutex_destroy(&q->lock);
    free(ta);
    free(q);
    return h;
}

/* ---- interlocked: shared counters updated with atomics -------------------
 * size = thousands of iterations per thread. */

struct atomic_counters {
    int64_t hits;
    int64_t total;
};

static void *interlocked_thread(void *p)
{
    struct targ *a = p;
    struct atomic_counters *c = a->shared;
    u64 seed = (u64)(a->tid + 1) << 40;
    u64 local = 0;
    for (u64 i = 0; i < a->n; i++) {
        u64 v = mix64(seed + i);
        local += v;
        __atomic_fetch_add(&c->hits, 1, __ATOMIC_SEQ_CST);
        if (v & 1) __atomic_fetch_add(&c->total, (int64_t)(v >> 56), __ATOMIC_SEQ_CST);
    }
    a->result = local;
    return NULL;
}

static u64 interlocked(u64 size, int nthreads)
{
    struct atomic_counters *c = xalloc(sizeof *c);
    c->hits = c->total = 0;
    struct targ *a = make_args(nthreads, size * 1000, c);
    run_threads(nthreads, interlocked_thread, a);
    u64 h = combine(combine(0, (u64)c->hits), (u64)c->total);
    for (int t = 0; t < nthreads; t++) h = combine(h, a[t].result);
    free(a);
    free(c);
    return h;
}

/* ---- selftest-race: a deliberate data race (not a benchmark) ------------- */

static long racy_counter;

static void *racy_thread(void *p)
{
    (void)p;
    for (int i = 0; i < 1000; i++) racy_counter++;
    return NULL;
}

static int selftest_race(void)
{
    struct targ *a = make_args(2, 0, NULL);
    run_threads(2, racy_thread, a);
    free(a);
    printf("selftest-race counter=%ld\n", racy_counter);
    return 0;
}

/* ---- main ----------------------------------------------------------------- */

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: races <lockcounter|ownfields|partition|prodcons|interlocked> [size] [threads]\n");
        return 2;
    }
    const char *k = argv[1];
    u64 size = argc > 2 ? strtoull(argv[2], NULL, 10) : 0;
    int nthreads = argc > 3 ? atoi(argv[3]) : 2;
    if (nthreads < 1 || nthreads > 256) {
        fprintf(stderr, "threads must be in 1..256\n");
        return 2;
    }
    u64 (*run)(u64, int);
    u64 def;
    if (!strcmp(k, "lockcounter")) { run = lockcounter; def = 2000; }
    else if (!strcmp(k, "ownfields")) { run = ownfields; def = 600; }
    else if (!strcmp(k, "partition")) { run = partition; def = 6000; }
    else if (!strcmp(k, "prodcons")) { run = prodcons; def = 800; }
    else if (!strcmp(k, "interlocked")) { run = interlocked; def = 5000; }
    else if (!strcmp(k, "selftest-race")) return selftest_race();
    else {
        fprintf(stderr, "unknown kernel '%s'\n", k);
        return 2;
    }
    if (size == 0) size = def;
    u64 r = run(size, nthreads);
    printf("%s size=%llu threads=%d checksum=%016llx\n", k, (unsigned long long)size, nthreads,
           (unsigned long long)r);
    return 0;
}
