// Span<T> and ReadOnlySpan<T> over raw memory: the module has no GC heap, so every span points at stack, static
// or kmalloc'd memory and a plain pointer is enough.
#pragma warning disable CS8500

namespace System
{
    public readonly unsafe ref struct Span<T>
    {
        private readonly void* _pointer;
        private readonly int _length;

        public Span(T[] array)
        {
            // an array's elements start after its MethodTable pointer and padded length
            _pointer = array == null ? null : (byte*)*(void**)&array + 2 * sizeof(void*);
            _length = array == null ? 0 : array.Length;
        }

        public Span(T[] array, int start, int length)
        {
            this = new Span<T>(array);
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            _pointer = (T*)_pointer + start;
            _length = length;
        }

        public Span(void* pointer, int length)
        {
            if (length < 0) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            _pointer = pointer;
            _length = length;
        }

        public int Length => _length;
        public bool IsEmpty => _length == 0;

        public ref T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                    Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
                return ref ((T*)_pointer)[index];
            }
        }

        public Span<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            return new Span<T>((T*)_pointer + start, _length - start);
        }

        public Span<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            return new Span<T>((T*)_pointer + start, length);
        }

        public ref T GetPinnableReference() => ref *(T*)_pointer;

        public void Clear() => Kernel.Native.Memset(_pointer, 0, (nuint)_length * (nuint)sizeof(T));

        /// <summary>The first element's address (no pinning needed: nothing moves without a GC).</summary>
        internal void* Pointer => _pointer;

        public void CopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            Kernel.Native.Memmove(destination._pointer, _pointer, (nuint)_length * (nuint)sizeof(T));
        }

        public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(span._pointer, span._length);

        public static implicit operator Span<T>(T[] array) => new Span<T>(array);

        /// <summary>What <c>foreach</c> over a span uses: no allocation, items by reference.</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        public ref struct Enumerator
        {
            private readonly Span<T> _span;
            private int _index;

            internal Enumerator(Span<T> span) { _span = span; _index = -1; }

            public bool MoveNext() => ++_index < _span.Length;

            public ref T Current => ref _span[_index];
        }
    }

    public readonly unsafe ref struct ReadOnlySpan<T>
    {
        private readonly void* _pointer;
        private readonly int _length;

        public ReadOnlySpan(T[] array)
        {
            // an array's elements start after its MethodTable pointer and padded length
            _pointer = array == null ? null : (byte*)*(void**)&array + 2 * sizeof(void*);
            _length = array == null ? 0 : array.Length;
        }

        public ReadOnlySpan(T[] array, int start, int length)
        {
            this = new ReadOnlySpan<T>(array);
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            _pointer = (T*)_pointer + start;
            _length = length;
        }

        /// <summary>What <c>ReadOnlySpan&lt;T&gt; P =&gt; new T[] { constants }</c> binds to (the compiler emits static data instead).</summary>
        public static implicit operator ReadOnlySpan<T>(T[] array) => new ReadOnlySpan<T>(array);

        public ReadOnlySpan(void* pointer, int length)
        {
            if (length < 0) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            _pointer = pointer;
            _length = length;
        }

        public int Length => _length;
        public bool IsEmpty => _length == 0;

        public ref readonly T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                    Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
                return ref ((T*)_pointer)[index];
            }
        }

        public ReadOnlySpan<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            return new ReadOnlySpan<T>((T*)_pointer + start, _length - start);
        }

        public ReadOnlySpan<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            return new ReadOnlySpan<T>((T*)_pointer + start, length);
        }

        public ref readonly T GetPinnableReference() => ref *(T*)_pointer;

        public void CopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
            Kernel.Native.Memmove(destination.Pointer, _pointer, (nuint)_length * (nuint)sizeof(T));
        }

        /// <summary>What <c>foreach</c> over a span uses: no allocation.</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        public ref struct Enumerator
        {
            private readonly ReadOnlySpan<T> _span;
            private int _index;

            internal Enumerator(ReadOnlySpan<T> span) { _span = span; _index = -1; }

            public bool MoveNext() => ++_index < _span.Length;

            public ref readonly T Current => ref _span[_index];
        }
    }

    internal static unsafe class SpanHelpers
    {
        // ilc's scanner asks for these by name; they must not use SIMD-sized helpers of their own.
        public static void Memmove(ref byte destination, ref byte source, nuint len)
        {
            fixed (byte* d = &destination) fixed (byte* s = &source) Kernel.Native.Memmove(d, s, len);
        }

        public static void Fill<T>(ref T refData, nuint numElements, T value)
        {
            fixed (T* p = &refData)
                for (nuint i = 0; i < numElements; i++) p[i] = value;
        }

        public static void ClearWithoutReferences(ref byte b, nuint byteLength)
        {
            fixed (byte* p = &b) Kernel.Native.Memset(p, 0, byteLength);
        }
    }

    internal static unsafe class Buffer
    {
        public static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount)
            => SpanHelpers.Memmove(ref destination, ref source, byteCount);
    }

    /// <summary>The BCL's name for comparing spans, so the same source compiles on the host and in the kernel.</summary>
    public static class MemoryExtensions
    {
        public static bool SequenceEqual(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> other)
        {
            if (span.Length != other.Length) return false;
            for (int i = 0; i < span.Length; i++)
                if (span[i] != other[i]) return false;
            return true;
        }
    }
}
