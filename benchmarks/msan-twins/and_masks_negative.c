#include "twin.h"
/* twin of Cases/Memory/AndWithConstantDefinesNoReport.cs: and/or with constants define the bits used */
int main(void)
{
    unsigned *p = malloc(4);
    escape(p);
    *(unsigned char *)p = 0x5A;          /* only the low byte is written */
    unsigned low = *p & 0xFF;            /* the undefined bits are masked away */
    if (low == 0x5A) puts("low byte ok");
    unsigned high = (*p | 0xFFFFFF00u) & 0x0F;
    if (high == 0x0A) puts("nibble ok");
    free(p);
    return 0;
}
