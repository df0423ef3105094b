#include "twin.h"
/* twin of Cases/Memory/ArithmeticPropagation.cs: shifts, subtraction, xor, conversions, then a branch */
int main(void)
{
    short *p = malloc(8);
    escape(p);
    p[0] = 4;
    int a = p[1];
    long b = (a << 2) - 7;
    long c = b ^ 0x55;
    int d = (int)(c >> 1);
    if (d != 3) /* USE */
        puts("not three");
    return 0;
}
