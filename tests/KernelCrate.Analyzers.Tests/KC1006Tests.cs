using System.Threading.Tasks;
using Xunit;
using Verify = Kernel.Analyzers.Tests.AnalyzerVerifier<Kernel.Analyzers.Rules.KC1006RawKernelAccessAnalyzer>;

namespace Kernel.Analyzers.Tests;

public sealed class KC1006Tests
{
    private const string RuntimeImport = """
        namespace System.Runtime
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class RuntimeImportAttribute : System.Attribute { public RuntimeImportAttribute(string library, string entry) { } }
        }
        """;

    [Fact]
    public Task Reports_imports_of_kernel_functions() => Verify.VerifyAsync(RuntimeImport + """

        static unsafe class Raw
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), {|KC1006:System.Runtime.RuntimeImport("*", "_printk")|}]
            static extern int Printk(byte* format);

            [{|KC1006:System.Runtime.InteropServices.DllImport("*")|}]
            static extern void* kmalloc(nuint size, uint flags);
        }
        """);

    [Fact]
    public Task Reports_entry_points_the_kernel_would_call_directly() => Verify.VerifyAsync("""
        using System.Runtime.InteropServices;

        static unsafe class Raw
        {
            [{|KC1006:UnmanagedCallersOnly(EntryPoint = "my_handler")|}]
            static int Handler(void* table, int write) => 0;
        }
        """);

    [Fact]
    public Task Reports_function_pointers_taken_and_called() => Verify.VerifyAsync("""
        static unsafe class Raw
        {
            static int Twice(int value) => value * 2;

            static int Run(int value)
            {
                delegate*<int, int> twice = {|KC1006:&Twice|};
                return {|KC1006:twice(value)|};
            }

            static int Unmanaged(delegate* unmanaged<int, int> callback) => {|KC1006:callback(1)|};
        }
        """);

    [Fact]
    public Task Leaves_ordinary_code_and_addresses_of_data_alone() => Verify.VerifyAsync("""
        using System.Runtime.InteropServices;

        static unsafe class Fine
        {
            [StructLayout(LayoutKind.Sequential)]
            struct Pair { public int A, B; }

            static int Sum(int value)
            {
                Pair pair = new Pair { A = value, B = 2 };
                int* a = &pair.A;
                return *a + Twice(pair.B);
            }

            static int Twice(int value) => value * 2;
        }
        """);

    [Fact]
    public Task Does_nothing_outside_a_kernel_module() => Verify.VerifyAsync("""
        using System.Runtime.InteropServices;

        static unsafe class Host
        {
            [DllImport("libc")]
            static extern int getpid();

            [UnmanagedCallersOnly]
            static int Callback() => 0;
        }
        """, kernelModule: false);
    [Fact]
    public Task The_address_of_a_ref_returning_call_is_data() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.InteropServices;

        static unsafe class Fine
        {
            static int Length(ReadOnlySpan<char> span, string s)
            {
                fixed (char* p = &MemoryMarshal.GetReference(span))
                fixed (char* q = &s.GetPinnableReference())
                    return (int)(q - p);
            }
        }
        """);

    [Fact]
    public Task Reports_exports_library_imports_and_internal_calls() => Verify.VerifyAsync("""
        namespace System.Runtime
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class RuntimeExportAttribute : System.Attribute { public RuntimeExportAttribute(string entry) { } }
        }

        static partial class Raw
        {
            [{|KC1006:System.Runtime.RuntimeExport("my_symbol")|}]
            static void Exported() { }

            [{|KC1006:System.Runtime.InteropServices.LibraryImport("*")|}]
            private static partial int Imported();

            [{|KC1006:System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)|}]
            static extern void Internal();

            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            static void Fine() { }
        }

        static partial class Raw
        {
            private static partial int Imported() => 0;
        }
        """);
}
