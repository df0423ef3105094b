#include "twin.h"
/* twin of Cases/Memory/HGlobalSwitch.cs: a switch on an uninitialised heap value */
int main(void)
{
    int *p = malloc(8);
    escape(p);
    p[0] = 2;
    const char *s;
    switch (p[1]) /* USE */
    {
        case 0: s = "zero"; break;
        case 1: s = "one"; break;
        case 2: s = "two"; break;
        case 3: s = "three"; break;
        default: s = "many"; break;
    }
    puts(s);
    return 0;
}
