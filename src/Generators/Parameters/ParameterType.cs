using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Parameters;

/// <summary>A C# type a module parameter may have, with the kernel's parameter type and C type behind it.</summary>
internal sealed record ParameterType(string CSharp, string Kernel, string CElement, decimal Min, decimal Max)
{
    public bool IsBool => Kernel == "bool";
    public bool IsString => Kernel == "charp";

    public static readonly ImmutableArray<(SpecialType Special, ParameterType Type)> Scalars = ImmutableArray.Create(
        (SpecialType.System_Boolean, new ParameterType("bool", "bool", "bool", 0, 1)),
        (SpecialType.System_Byte, new ParameterType("byte", "byte", "unsigned char", byte.MinValue, byte.MaxValue)),
        (SpecialType.System_Int16, new ParameterType("short", "short", "short", short.MinValue, short.MaxValue)),
        (SpecialType.System_UInt16, new ParameterType("ushort", "ushort", "unsigned short", ushort.MinValue, ushort.MaxValue)),
        (SpecialType.System_Int32, new ParameterType("int", "int", "int", int.MinValue, int.MaxValue)),
        (SpecialType.System_UInt32, new ParameterType("uint", "uint", "unsigned int", uint.MinValue, uint.MaxValue)),
        (SpecialType.System_Int64, new ParameterType("long", "long", "long", long.MinValue, long.MaxValue)),
        (SpecialType.System_UInt64, new ParameterType("ulong", "ulong", "unsigned long", ulong.MinValue, ulong.MaxValue)),
        (SpecialType.System_IntPtr, new ParameterType("nint", "long", "long", long.MinValue, long.MaxValue)),
        (SpecialType.System_UIntPtr, new ParameterType("nuint", "ulong", "unsigned long", ulong.MinValue, ulong.MaxValue)));

    public static readonly ParameterType String = new("global::Kernel.CStr", "charp", "char *", 0, 0);

    /// <summary>The supported types, as the KC0016 message lists them.</summary>
    public static string Supported => string.Join(", ", Scalars.Select(s => s.Type.CSharp)) + ", CStr, or ReadOnlySpan<T> of the numeric types and bool";

    public static ParameterType? Scalar(ITypeSymbol type)
    {
        foreach (var (special, parameterType) in Scalars)
            if (type.SpecialType == special) return parameterType;
        return null;
    }

    /// <summary>The parameter type of <paramref name="type"/> and whether it is an array; null when unsupported.</summary>
    public static (ParameterType Type, bool IsArray)? Of(ITypeSymbol type)
    {
        if (Scalar(type) is ParameterType scalar) return (scalar, false);
        if (type.ToDisplayString() == "Kernel.CStr") return (String, false);
        if (type is INamedTypeSymbol { IsGenericType: true } named
            && named.OriginalDefinition.ToDisplayString() == "System.ReadOnlySpan<T>"
            && Scalar(named.TypeArguments[0]) is ParameterType element)
            return (element, true);
        return null;
    }
}
