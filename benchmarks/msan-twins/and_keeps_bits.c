#include "twin.h"
/* twin of Cases/Memory/AndWithConstantKeepsUndefinedBits.cs: masking keeps never-written bits */
int main(void)
{
    unsigned *p = malloc(4);
    escape(p);
    *(unsigned char *)p = 0x5A;   /* only the low byte is written */
    unsigned mid = *p & 0xFF00;   /* bits 8..15 were never written */
    if (mid == 0) /* USE */
        puts("zero");
    return 0;
}
