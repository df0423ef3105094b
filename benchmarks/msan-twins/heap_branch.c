#include "twin.h"
/* twin of Cases/Memory/HeapBranch.cs: a malloc'd int read in a branch */
int main(void)
{
    int *p = malloc(16);
    escape(p);
    p[0] = 1;
    if (p[1] > 0) /* USE */
        puts("positive");
    puts("done");
    free(p);
    return 0;
}
