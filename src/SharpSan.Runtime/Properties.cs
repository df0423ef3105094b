// The runtime's stackalloc buffers (stack capture) are always fully written before use.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
