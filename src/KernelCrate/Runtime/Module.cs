// KernelCrate's code writes every local before reading it, so the prolog zeroing C# would add (wide SSE stores)
// is skipped, as in C. Applies to this assembly only, not to module code.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
