// Atomic operations: ilc's JIT must expand these intrinsics inline on x64 (lock cmpxchg / xchg / xadd);
// the self-call is never executed.
using System.Runtime.CompilerServices;

namespace System.Threading
{
    public static class Interlocked
    {
        [Intrinsic]
        public static int CompareExchange(ref int location1, int value, int comparand) => CompareExchange(ref location1, value, comparand);

        [Intrinsic]
        public static long CompareExchange(ref long location1, long value, long comparand) => CompareExchange(ref location1, value, comparand);

        [Intrinsic]
        public static int Exchange(ref int location1, int value) => Exchange(ref location1, value);

        [Intrinsic]
        public static long Exchange(ref long location1, long value) => Exchange(ref location1, value);

        [Intrinsic]
        internal static int ExchangeAdd(ref int location1, int value) => ExchangeAdd(ref location1, value);

        [Intrinsic]
        internal static long ExchangeAdd(ref long location1, long value) => ExchangeAdd(ref location1, value);

        /// <summary>Adds and returns the new value (as .NET's Interlocked.Add).</summary>
        public static int Add(ref int location1, int value) => ExchangeAdd(ref location1, value) + value;

        public static long Add(ref long location1, long value) => ExchangeAdd(ref location1, value) + value;
    }
}
