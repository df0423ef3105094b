#include "twin.h"
/* twin of Cases/Memory/ReadAfterFree.cs: freed memory is poisoned (MSan's poison_in_free) */
int main(void)
{
    int *p = malloc(32);
    escape(p);
    for (int i = 0; i < 8; i++) p[i] = i;
    free(p);
    escape(p);
    if (p[3] == 3) /* USE */
        puts("stale");
    return 0;
}
