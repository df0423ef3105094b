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

/* The vendor package's function: the same bug behind its own P/Invoke (n > 32 overflows). */
int checksum_copied(const unsigned char *src, int n)
{
    unsigned char *block = malloc(32);
    memcpy(block, src, n);
    int sum = 0;
    for (int i = 0; i < (n < 32 ? n : 32); i++) sum ^= block[i];
    free(block);
    return sum;
}

/* Writes one byte at block[n] of a fresh 8-byte block: n >= 8 overflows in the library's own code (an inline check,
   fatal unless the library is built with -fsanitize-recover=address). */
int poke(int n)
{
    unsigned char *block = malloc(8);
    block[n] = 7;
    int value = block[0];
    free(block);
    return value;
}
