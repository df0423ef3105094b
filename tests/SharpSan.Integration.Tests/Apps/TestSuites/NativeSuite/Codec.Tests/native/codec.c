/* Built by the integration test with gcc -fsanitize=address into libcodec.so beside this file. */
#include <stdlib.h>
#include <string.h>

/* Copies n bytes of src into a fresh 16-byte block and returns the sum of the bytes kept: n > 16 overflows the block. */
int sum_copied(const unsigned char *src, int n)
{
    unsigned char *block = malloc(16);
    memcpy(block, src, n);
    int sum = 0;
    for (int i = 0; i < (n < 16 ? n : 16); i++) sum += block[i];
    free(block);
    return sum;
}
