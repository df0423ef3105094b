#include "twin.h"
/* twin of Cases/Memory/CopyUninitializedNeverUsedNoReport.cs: uninitialised bytes copied around, never used */
int main(void)
{
    unsigned char *a = malloc(64);
    unsigned char *b = malloc(64);
    unsigned char stackbuf[64];
    escape(a); escape(b); escape(stackbuf);
    a[0] = 7;
    memcpy(b, a, 64);
    memcpy(stackbuf, b, 64);
    memmove(a + 1, stackbuf, 32);
    if (b[0] == 7) puts("first byte ok");
    free(a); free(b);
    return 0;
}
