#include "twin.h"
/* twin of Cases/Memory/AllocZeroedNoReport.cs / HeapDefinedNoReport.cs: calloc'd and fully written memory */
int main(void)
{
    int *z = calloc(8, sizeof(int));
    int *w = malloc(8 * sizeof(int));
    escape(z); escape(w);
    for (int i = 0; i < 8; i++) w[i] = i * i;
    int hits = 0;
    for (int i = 0; i < 8; i++)
        if (z[i] == 0 && w[i] > 3) hits++;
    printf("%d\n", hits);
    free(z); free(w);
    return 0;
}
