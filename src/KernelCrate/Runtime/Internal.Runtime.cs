// Helpers that ilc's generated code calls by contract. Every "throw" the compiler would emit is a panic here.
#pragma warning disable CS8500

namespace Internal.Runtime.CompilerHelpers
{
    using System;
    using System.Runtime;

    /// <summary>
    /// The runtime's own panic: straight to the backend (kc_panic), so the corelib depends only downward and never on
    /// the Kernel API above it.
    /// </summary>
    internal static unsafe class RuntimePanic
    {
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        public static void Fail(ReadOnlySpan<byte> what)
        {
            fixed (byte* p = what) Kernel.Native.Panic(p, (nuint)what.Length);
        }
    }

    public static class StartupCodeHelpers
    {
        [RuntimeExport("RhpAssignRef")]
        private static unsafe void RhpAssignRef(void** location, void* value) => *location = value;

        [RuntimeExport("RhpCheckedAssignRef")]
        private static unsafe void RhpCheckedAssignRef(void** location, void* value) => *location = value;
    }

    /// <summary>What ldtoken compiles to: ilc folds typeof comparisons and RuntimeHelpers.CreateSpan over these handles.</summary>
    internal static class LdTokenHelpers
    {
        private static RuntimeTypeHandle GetRuntimeTypeHandle(IntPtr pEEType) => new RuntimeTypeHandle(pEEType);

        private static RuntimeFieldHandle GetRuntimeFieldHandle(IntPtr pHandleSignature) => new RuntimeFieldHandle(pHandleSignature);

        private static Type GetRuntimeType(IntPtr pEEType)
        {
            RuntimePanic.Fail("typeof(...) is only supported in comparisons ilc can fold, like typeof(T) == typeof(int)"u8);
            return null;
        }
    }

    public static class ThrowHelpers
    {
        public static void ThrowIndexOutOfRangeException() => RuntimePanic.Fail("index out of bounds"u8);
        public static void ThrowOverflowException() => RuntimePanic.Fail("arithmetic overflow"u8);
        public static void ThrowDivideByZeroException() => RuntimePanic.Fail("division by zero"u8);
        public static void ThrowNullReferenceException() => RuntimePanic.Fail("null reference"u8);
        public static void ThrowInvalidCastException() => RuntimePanic.Fail("invalid cast"u8);
        public static void ThrowArrayTypeMismatchException() => RuntimePanic.Fail("array type mismatch"u8);
        public static void ThrowArgumentException() => RuntimePanic.Fail("invalid argument"u8);
        public static void ThrowArgumentOutOfRangeException() => RuntimePanic.Fail("argument out of range"u8);
        public static void ThrowPlatformNotSupportedException() => RuntimePanic.Fail("platform not supported"u8);
        public static void ThrowNotImplementedException() => RuntimePanic.Fail("not implemented"u8);
        public static void ThrowTypeLoadException() => RuntimePanic.Fail("type load failure"u8);
        // ilc substitutes these for method bodies it could not compile (a missing member, invalid IL...).
        public static void ThrowInvalidProgramException(int id) => RuntimePanic.Fail("invalid program (ilc could not compile a method)"u8);
        public static void ThrowInvalidProgramExceptionWithArgument(int id, string methodName) => RuntimePanic.Fail("invalid program (ilc could not compile a method)"u8);
        public static void ThrowTypeLoadException(int id, string className, string typeName) => RuntimePanic.Fail("type load failure"u8);
        public static void ThrowTypeLoadExceptionWithArgument(int id, string className, string typeName, string messageArg) => RuntimePanic.Fail("type load failure"u8);
        public static void ThrowMissingMethodException(int id, string methodName) => RuntimePanic.Fail("missing method"u8);
        public static void ThrowMissingFieldException(int id, string fieldName) => RuntimePanic.Fail("missing field"u8);
        public static void ThrowFileNotFoundException(int id, string fileName) => RuntimePanic.Fail("missing assembly"u8);
        public static void ThrowBadImageFormatException(int id) => RuntimePanic.Fail("bad image format"u8);
        public static void ThrowMarshalDirectiveException(int id) => RuntimePanic.Fail("marshalling is not supported"u8);
        public static void ThrowAmbiguousMatchException(int id) => RuntimePanic.Fail("ambiguous match"u8);
        public static void ThrowFeatureBodyRemoved() => RuntimePanic.Fail("feature removed by the compiler"u8);
    }
}

namespace System.Runtime
{
    using Internal.Runtime.CompilerHelpers;
    using System.Runtime.CompilerServices;

    // The boxing helpers ilc resolves before the JIT sees a box: with them declared, the JIT can fold the boxes that
    // never reach the heap (value != null on a T, (int)(object)value, value as string). A box that stays calls one of
    // these imports, which nothing provides: the object check reports it as KC9002, naming the method.
    internal static unsafe class RuntimeExports
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpBox")]
        private static extern object RhBox(Internal.Runtime.MethodTable* type, ref byte data);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpUnbox2")]
        private static extern ref byte RhUnbox2(Internal.Runtime.MethodTable* type, object obj);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpUnboxNullable")]
        private static extern void RhUnboxNullable(ref byte data, Internal.Runtime.MethodTable* type, object obj);
    }

    // Casting helpers ilc's scanner requires. A module has no reference types to cast between at run time,
    // so each cast that reaches here is a bug: panic rather than guess.
    internal static unsafe class TypeCast
    {
        public static object IsInstanceOfClass(void* pvTargetType, object obj) { ThrowHelpers.ThrowInvalidCastException(); return null; }
        public static object IsInstanceOfAny(void* pvTargetType, object obj) { ThrowHelpers.ThrowInvalidCastException(); return null; }
        public static object IsInstanceOfInterface(void* pvTargetType, object obj) { ThrowHelpers.ThrowInvalidCastException(); return null; }
        public static object IsInstanceOfException(void* pvTargetType, object obj) { ThrowHelpers.ThrowInvalidCastException(); return null; }
        public static object CheckCastAny(void* pvTargetType, object obj) { ThrowHelpers.ThrowInvalidCastException(); return null; }
        public static object CheckCastInterface(void* pvTargetType, object obj) { ThrowHelpers.ThrowInvalidCastException(); return null; }
        public static object CheckCastClass(void* pvTargetType, object obj) { ThrowHelpers.ThrowInvalidCastException(); return null; }
        public static object CheckCastClassSpecial(void* pvTargetType, object obj) { ThrowHelpers.ThrowInvalidCastException(); return null; }
        public static void StelemRef(object[] array, nint index, object obj) => ThrowHelpers.ThrowArrayTypeMismatchException();
        public static ref object LdelemaRef(object[] array, nint index, IntPtr elementType) { ThrowHelpers.ThrowArrayTypeMismatchException(); return ref *(object*)null; }
    }
}
