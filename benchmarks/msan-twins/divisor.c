#include "twin.h"
/* twin of Cases/Memory/DivisorUninitialized.cs: an uninitialised divisor */
int main(void)
{
    int *p = malloc(8);
    escape(p);
    p[0] = 100;
    int quotient = p[0] / (p[1] | 1); /* USE */
    escape(&quotient);
    puts(quotient > 0 ? "positive" : "other");
    return 0;
}
