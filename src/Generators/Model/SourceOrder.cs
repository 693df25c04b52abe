using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Model;

/// <summary>Declarations in source order (file path, then position), so "the first" and "a second" are the same on every build.</summary>
internal static class SourceOrder
{
    /// <summary>Each declaration after the first in <paramref name="declarations"/>, with that first one.</summary>
    public static IEnumerable<(T First, T Extra)> Repeats<T>(IEnumerable<T> declarations, Func<T, Location> location)
    {
        T[] ordered = declarations
            .OrderBy(d => location(d).SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => location(d).SourceSpan.Start)
            .ToArray();
        return ordered.Skip(1).Select(extra => (ordered[0], extra));
    }
}
