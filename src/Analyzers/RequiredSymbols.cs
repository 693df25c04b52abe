using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kernel.Analyzers;

/// <summary>
/// The well-known types the KC10xx rules compare against, resolved once per compilation (roslyn-analyzers'
/// RequiredSymbols). A type the compilation does not have is null, and the rule that needs it then finds nothing.
/// </summary>
public sealed class RequiredSymbols
{
    public RequiredSymbols(Compilation compilation)
    {
        INamedTypeSymbol? Get(string name) => compilation.GetTypeByMetadataName(name);
        Span = Get("System.Span`1");
        ReadOnlySpan = Get("System.ReadOnlySpan`1");
        FloatMath = Set(Get("System.Math"), Get("System.MathF"));
        Half = Get("System.Half");
        Linq = Set(Get("System.Linq.Enumerable"), Get("System.Linq.Queryable"), Get("System.Linq.ParallelEnumerable"));
        Result = Set(Get("Kernel.Result"), Get("Kernel.Result`1"));
        PrintkText = Get("Kernel.PrintkText");
        RuntimeImport = Get("System.Runtime.RuntimeImportAttribute");
        DllImport = Get("System.Runtime.InteropServices.DllImportAttribute");
        UnmanagedCallersOnly = Get("System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute");
        RuntimeExport = Get("System.Runtime.RuntimeExportAttribute");
        LibraryImport = Get("System.Runtime.InteropServices.LibraryImportAttribute");
        MethodImpl = Get("System.Runtime.CompilerServices.MethodImplAttribute");
        SpinLockGuard = Get("Kernel.SpinLockGuard`1");
        MaySleep = Get("Kernel.MaySleepAttribute");
        AtomicContext = Get("Kernel.AtomicContextAttribute");
        Gfp = Get("Kernel.Gfp");
        EmptyArrayInterfaces = Set(Get("System.Collections.Generic.IEnumerable`1"), Get("System.Collections.Generic.IReadOnlyCollection`1"),
            Get("System.Collections.Generic.IReadOnlyList`1"));
        var allocating = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, ImmutableHashSet<string>>(SymbolEqualityComparer.Default);
        foreach (var (type, methods) in AllocatingMethods)
            if (Get(type) is { } resolved) allocating[resolved] = ImmutableHashSet.Create(methods);
        Allocating = allocating.ToImmutable();
        var errnos = ImmutableArray.CreateBuilder<(INamedTypeSymbol, string)>();
        foreach (var (exception, errno) in ExceptionErrnos)
            if (Get(exception) is { } type) errnos.Add((type, errno));
        ExceptionErrno = errnos.ToImmutable();
    }

    /// <summary>The documented mapping from exception type to errno (docs/rules/KC1003.md); anything else is EINVAL.</summary>
    public static readonly ImmutableArray<(string Exception, string Errno)> ExceptionErrnos = ImmutableArray.Create(
        ("System.ArgumentException", "EINVAL"), ("System.OutOfMemoryException", "ENOMEM"),
        ("System.NotSupportedException", "EOPNOTSUPP"), ("System.NotImplementedException", "ENOSYS"),
        ("System.UnauthorizedAccessException", "EACCES"), ("System.IO.IOException", "EIO"),
        ("System.TimeoutException", "ETIMEDOUT"));

    /// <summary>Library methods whose whole job is a new GC object (KC1001); each allocates on every call.</summary>
    public static readonly ImmutableArray<(string Type, string[] Methods)> AllocatingMethods = ImmutableArray.Create(
        ("System.GC", new[] { "AllocateUninitializedArray", "AllocateArray" }),
        ("System.String", new[] { "Create", "Concat", "Join", "Format", "Substring", "Replace", "Split", "ToUpper", "ToLower", "Trim", "PadLeft", "PadRight" }),
        ("System.Span`1", new[] { "ToArray" }), ("System.ReadOnlySpan`1", new[] { "ToArray" }),
        ("System.Array", new[] { "Resize", "CreateInstance" }), ("System.Object", new[] { "MemberwiseClone" }));

    public INamedTypeSymbol? Span { get; }
    public INamedTypeSymbol? ReadOnlySpan { get; }
    public ImmutableHashSet<INamedTypeSymbol> FloatMath { get; }
    public INamedTypeSymbol? Half { get; }
    public ImmutableHashSet<INamedTypeSymbol> Linq { get; }
    public ImmutableHashSet<INamedTypeSymbol> Result { get; }
    public INamedTypeSymbol? PrintkText { get; }
    public INamedTypeSymbol? RuntimeImport { get; }
    public INamedTypeSymbol? DllImport { get; }
    public INamedTypeSymbol? UnmanagedCallersOnly { get; }
    public INamedTypeSymbol? RuntimeExport { get; }
    public INamedTypeSymbol? LibraryImport { get; }
    public INamedTypeSymbol? MethodImpl { get; }
    public ImmutableArray<(INamedTypeSymbol Type, string Errno)> ExceptionErrno { get; }
    public INamedTypeSymbol? SpinLockGuard { get; }
    public INamedTypeSymbol? MaySleep { get; }
    public INamedTypeSymbol? AtomicContext { get; }
    public INamedTypeSymbol? Gfp { get; }
    public ImmutableHashSet<INamedTypeSymbol> EmptyArrayInterfaces { get; }
    private ImmutableDictionary<INamedTypeSymbol, ImmutableHashSet<string>> Allocating { get; }

    /// <summary>A method of Enumerable, Queryable or ParallelEnumerable (the name first: a string test is cheaper than a set lookup).</summary>
    public bool IsLinq(IMethodSymbol method)
        => method.IsStatic && method.ContainingType.Name is "Enumerable" or "Queryable" or "ParallelEnumerable" && Linq.Contains(method.ContainingType);

    public bool IsEmptyArrayInterface(ITypeSymbol? type) => type is INamedTypeSymbol named && EmptyArrayInterfaces.Contains(named.OriginalDefinition);

    /// <summary>The names in <see cref="AllocatingMethods"/>: a string test first, as most calls are none of them.</summary>
    private static readonly System.Collections.Generic.HashSet<string> AllocatingNames = new(AllocatingMethods.SelectMany(m => m.Methods));

    public bool IsAllocatingMethod(IMethodSymbol method)
        => AllocatingNames.Contains(method.Name) && Allocating.TryGetValue(method.ContainingType.OriginalDefinition, out ImmutableHashSet<string>? names) && names.Contains(method.Name);

    public bool IsSpan(ITypeSymbol? type) => Is(type?.OriginalDefinition, Span) || Is(type?.OriginalDefinition, ReadOnlySpan);
    public bool IsReadOnlySpan(ITypeSymbol? type) => Is(type?.OriginalDefinition, ReadOnlySpan);
    public bool IsResult(ITypeSymbol? type) => type is INamedTypeSymbol named && Result.Contains(named.OriginalDefinition);

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? wanted)
        => type is not null && wanted is not null && SymbolEqualityComparer.Default.Equals(type, wanted);

    private static ImmutableHashSet<INamedTypeSymbol> Set(params INamedTypeSymbol?[] types)
    {
        var set = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (INamedTypeSymbol? type in types)
            if (type is not null) set.Add(type);
        return set.ToImmutable();
    }
}
