#include "twin.h"
/* twin of Cases/Memory/ArithmeticPropagation.cs (d > 3 instead of d != 3: clang -O1 proves d != 3 always true and folds the branch) */
int main(void)
{
    short *p = malloc(8);
    escape(p);
    p[0] = 4;
    int a = p[1];
    long b = (a << 2) - 7;
    long c = b ^ 0x55;
    int d = (int)(c >> 1);
    if (d > 3) /* USE */
        puts("above three");
    return 0;
}
