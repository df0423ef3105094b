#include "twin.h"
/* twin of Cases/Memory/StructFieldThroughPointer.cs: one field written, another read, through a pointer */
struct header { int length; short kind; long stamp; };
int main(void)
{
    struct header *h = malloc(sizeof(struct header));
    escape(h);
    h->length = 12;
    if (h->length > 10) puts("long enough");
    if (h->kind == 3) /* USE */
        puts("kind three");
    return 0;
}
