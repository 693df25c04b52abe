// The zero runtime: the System types C# and ilc need, with no GC, no exceptions and no reflection.
// Layouts marked "contract" are read by the compiler or ilc and must not change.
#pragma warning disable CS0169, CS0649, CS0414, CS8500

namespace System
{
    public class Object
    {
#pragma warning disable IDE0051
        // contract: the first field of every object is its MethodTable pointer
        private IntPtr m_pMethodTable;
#pragma warning restore IDE0051

        public virtual bool Equals(object o) => (object)this == o;
        public virtual int GetHashCode() => 0;
        public virtual string ToString() => null;
        ~Object() { }
    }

    public struct Void { }
    public struct Boolean { }
    public struct Char { }
    public struct SByte
    {
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;
    }
    public struct Byte
    {
        public const byte MaxValue = 255;
        public const byte MinValue = 0;
    }
    public struct Int16
    {
        public const short MaxValue = 32767;
        public const short MinValue = -32768;
    }
    public struct UInt16
    {
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;
    }
    public struct Int32
    {
        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483648;
    }
    public struct UInt32
    {
        public const uint MaxValue = 4294967295;
        public const uint MinValue = 0;
    }
    public struct Int64
    {
        public const long MaxValue = 9223372036854775807;
        public const long MinValue = -9223372036854775808;
    }
    public struct UInt64
    {
        public const ulong MaxValue = 18446744073709551615;
        public const ulong MinValue = 0;
    }
    public struct Single { }
    public struct Double { }
    public unsafe struct IntPtr
    {
        private void* _value;
        public static readonly IntPtr Zero;
        public IntPtr(void* value) { _value = value; }
        public static explicit operator IntPtr(void* value) => new IntPtr(value);
        public static explicit operator void*(IntPtr value) => value._value;
    }
    public unsafe struct UIntPtr
    {
        private void* _value;
    }

    public abstract class ValueType { }
    public abstract class Enum : ValueType { }

    public struct Nullable<T> where T : struct
    {
        private readonly bool _hasValue;
        private T _value;
        public Nullable(T value) { _hasValue = true; _value = value; }
        public bool HasValue => _hasValue;
        public T Value => _value;
        public T GetValueOrDefault() => _value;
        public static implicit operator Nullable<T>(T value) => new Nullable<T>(value);
        public static explicit operator T(Nullable<T> value) => value._value;
    }

    public sealed class String
    {
        // contract: length then the first UTF-16 char of the inline data
        private readonly int _length;
        private char _firstChar;

        public int Length => _length;

        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                    Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
                return Runtime.CompilerServices.Unsafe.Add(ref Runtime.CompilerServices.Unsafe.AsRef(in _firstChar), index);
            }
        }

        public ref readonly char GetPinnableReference() => ref _firstChar;
    }

    public abstract class Array
    {
        // contract: the element count follows the MethodTable pointer
        private readonly int _numComponents;
        public int Length => _numComponents;
    }

    public sealed class Array<T> : Array { }

    public abstract class Delegate
    {
        private object _firstParameter;
        private object _helperObject;
        private IntPtr _extraFunctionPointerOrData;
        private IntPtr _functionPointer;
    }

    public abstract class MulticastDelegate : Delegate { }

    public struct RuntimeTypeHandle
    {
        private IntPtr _value;
        internal RuntimeTypeHandle(IntPtr value) => _value = value;
    }
    public struct RuntimeMethodHandle { private IntPtr _value; }
    public struct RuntimeFieldHandle
    {
        private IntPtr _value;
        internal RuntimeFieldHandle(IntPtr value) => _value = value;
    }

    /// <summary>
    /// Only what <c>typeof(T) == typeof(int)</c> needs: ilc folds the comparison for each instantiation (both calls
    /// are intrinsics), so no Type object ever exists. A typeof it cannot fold panics with a message.
    /// </summary>
    public abstract class Type
    {
        [Runtime.CompilerServices.Intrinsic]
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle)
        {
            Internal.Runtime.CompilerHelpers.RuntimePanic.Fail("typeof(...) is only supported in comparisons ilc can fold, like typeof(T) == typeof(int)"u8);
            return null;
        }

        [Runtime.CompilerServices.Intrinsic]
        public static bool operator ==(Type left, Type right) => (object)left == (object)right;

        [Runtime.CompilerServices.Intrinsic]
        public static bool operator !=(Type left, Type right) => !(left == right);

        public override bool Equals(object o) => (object)this == o;
        public override int GetHashCode() => 0;
    }

    public abstract class Attribute { }

    [Flags]
    public enum AttributeTargets
    {
        Assembly = 0x1, Module = 0x2, Class = 0x4, Struct = 0x8, Enum = 0x10, Constructor = 0x20, Method = 0x40,
        Property = 0x80, Field = 0x100, Event = 0x200, Interface = 0x400, Parameter = 0x800, Delegate = 0x1000,
        ReturnValue = 0x2000, GenericParameter = 0x4000, All = 0x7FFF,
    }

    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { }
        public bool AllowMultiple { get; set; }
        public bool Inherited { get; set; }
    }

    [AttributeUsage(AttributeTargets.Enum)]
    public sealed class FlagsAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ParamArrayAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.All)]
    public sealed class ObsoleteAttribute : Attribute
    {
        public ObsoleteAttribute() { }
        public ObsoleteAttribute(string message) { }
        public ObsoleteAttribute(string message, bool error) { }
    }

    [AttributeUsage(AttributeTargets.All)]
    public sealed class CLSCompliantAttribute : Attribute
    {
        public CLSCompliantAttribute(bool isCompliant) { }
    }

    public interface IEquatable<T>
    {
        bool Equals(T other);
    }

    public interface IDisposable
    {
        void Dispose();
    }

    /// <summary>
    /// The exception types only exist so that code mentioning them compiles (and KC1003's fix, throw -> return an
    /// errno, can run on it); nothing can throw them: a throw fails the kernel build (KC9002).
    /// </summary>
    public class Exception
    {
        public Exception() { }
        public Exception(string message) { }
        public Exception(string message, Exception innerException) { }
    }

    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(string message) { }
    }

    public class ArgumentException : SystemException
    {
        public ArgumentException() { }
        public ArgumentException(string message) { }
        public ArgumentException(string message, string paramName) { }
    }

    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { }
        public ArgumentNullException(string paramName) { }
        public ArgumentNullException(string paramName, string message) { }
    }

    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() { }
        public ArgumentOutOfRangeException(string paramName) { }
        public ArgumentOutOfRangeException(string paramName, string message) { }
    }

    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }
        public InvalidOperationException(string message) { }
    }

    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { }
        public NotSupportedException(string message) { }
    }

    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { }
        public NotImplementedException(string message) { }
    }

    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() { }
        public IndexOutOfRangeException(string message) { }
    }

    public class OverflowException : SystemException
    {
        public OverflowException() { }
        public OverflowException(string message) { }
    }

    public class TimeoutException : SystemException
    {
        public TimeoutException() { }
        public TimeoutException(string message) { }
    }

    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() { }
        public OutOfMemoryException(string message) { }
    }

    public class UnauthorizedAccessException : SystemException
    {
        public UnauthorizedAccessException() { }
        public UnauthorizedAccessException(string message) { }
    }
}

namespace System.ComponentModel
{
    public enum EditorBrowsableState { Always, Never, Advanced }

    [AttributeUsage(AttributeTargets.All)]
    public sealed class EditorBrowsableAttribute : Attribute
    {
        public EditorBrowsableAttribute(EditorBrowsableState state) { }
    }
}

namespace System
{
    // ilc's JIT interface looks these up by name while compiling ordinary code (type handles, string intrinsics).
    internal sealed class RuntimeType : Type { }
}

namespace Internal.Runtime
{
    // The compiler's view of a type's runtime descriptor; the module never reads one itself.
    internal struct MethodTable { }
}
