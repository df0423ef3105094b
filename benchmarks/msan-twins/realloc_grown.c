#include "twin.h"
/* twin of Cases/Memory/ReallocGrownPart.cs: the grown part of a realloc */
int main(void)
{
    int *p = malloc(4 * sizeof(int));
    escape(p);
    for (int i = 0; i < 4; i++) p[i] = i + 1;
    p = realloc(p, 64 * sizeof(int));
    escape(p);
    int kept = 0;
    for (int i = 0; i < 4; i++)
        if (p[i] > 0) kept++;
    printf("kept %d\n", kept);
    if (p[10] > 0) puts("grown"); /* USE */
    free(p);
    return 0;
}
