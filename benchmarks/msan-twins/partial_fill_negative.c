#include "twin.h"
/* twin of Cases/Memory/PartiallyFilledBufferNoReport.cs: only the written part of a buffer is used */
NOINLINE static int fill(unsigned char *buffer, int capacity)
{
    const char *text = "hello";
    int n = (int)strlen(text) < capacity ? (int)strlen(text) : capacity;
    for (int i = 0; i < n; i++) buffer[i] = (unsigned char)text[i];
    return n;
}
int main(void)
{
    unsigned char *buffer = malloc(256);
    escape(buffer);
    int length = fill(buffer, 256);
    int vowels = 0;
    for (int i = 0; i < length; i++)
        if (buffer[i] == 'e' || buffer[i] == 'o') vowels++;
    write(1, buffer, length);
    printf("\n%d vowels\n", vowels);
    free(buffer);
    return 0;
}
