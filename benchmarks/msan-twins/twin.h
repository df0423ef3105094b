/* Shared by the C twins: hide a pointer from the optimiser so that -O1 cannot fold loads from
   fresh allocations to undef before MemorySanitizer's pass sees them (the C# side has no such issue). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <alloca.h>
static inline void escape(void *p) { __asm__ volatile("" : : "r"(p) : "memory"); }
#define NOINLINE __attribute__((noinline))
