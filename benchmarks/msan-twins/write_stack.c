#include "twin.h"
/* twin of Cases/Memory/NethermindStackBufferToNative.cs: a partly filled stack buffer passed to write(2) */
NOINLINE static void emit(int value)
{
    unsigned char buffer[16];
    escape(buffer);
    int n = 0;
    do { buffer[n++] = (unsigned char)('0' + value % 10); value /= 10; } while (value > 0);
    buffer[n] = '\n';
    write(1, buffer, 16); /* USE */
}
int main(void) { emit(42); return 0; }
