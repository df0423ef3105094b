#include "twin.h"
/* twin of Cases/Memory/MemoryCopyPropagates.cs: half-written bytes copied by memcpy, then branched on */
int main(void)
{
    unsigned char *source = malloc(32);
    unsigned char *target = calloc(32, 1);
    escape(source); escape(target);
    for (int i = 0; i < 16; i++) source[i] = (unsigned char)i;
    memcpy(target, source, 32);
    volatile int sum = 0; /* volatile: keeps the branch (no if-conversion at -O1) */
    for (int i = 0; i < 32; i++)
        if (target[i] != 0) sum++; /* USE */
    printf("%d\n", sum);
    return 0;
}
