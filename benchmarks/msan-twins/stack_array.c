#include "twin.h"
/* twin of Cases/Memory/StackAllocSkipLocalsInit.cs: a local array, 7 of 8 elements written */
NOINLINE static int sum(void)
{
    int buffer[8];
    escape(buffer);
    for (int i = 0; i < 7; i++) buffer[i] = i;
    volatile int total = 0; /* volatile: keeps the branch (no if-conversion at -O1) */
    for (int i = 0; i < 8; i++)
        if (buffer[i] > 2) total += buffer[i]; /* USE */
    return total;
}
int main(void) { printf("%d\n", sum()); return 0; }
