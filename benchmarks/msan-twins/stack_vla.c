#include "twin.h"
/* stackalloc with a run-time size under [SkipLocalsInit] <-> a C99 VLA; only the first half is written */
volatile int n_elements = 16;
NOINLINE static int count(int n)
{
    unsigned char vla[n];
    escape(vla);
    for (int i = 0; i < n / 2; i++) vla[i] = (unsigned char)i;
    volatile int hits = 0; /* volatile: keeps the branch (no if-conversion at -O1) */
    for (int i = 0; i < n; i++)
        if (vla[i] == 3) hits++; /* USE */
    return hits;
}
int main(void) { printf("%d\n", count(n_elements)); return 0; }
