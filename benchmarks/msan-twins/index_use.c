#include "twin.h"
/* twin of Cases/Memory/ArrayIndexUninitialized.cs: an uninitialised value used as an index */
static const char *names[] = { "zero", "one", "two", "three" };
NOINLINE static const char *lookup(int *indices, int k)
{
    return names[indices[k]]; /* USE */
}
int main(void)
{
    int *indices = malloc(16);
    escape(indices);
    indices[0] = 1;
    puts(lookup(indices, 0));
    puts(lookup(indices, 1));
    return 0;
}
