namespace Kernel;

/// <summary>What an interpolation hole holds, as far as its format specifier is concerned.</summary>
internal enum PrintkValueKind
{
    /// <summary>The integer types: <c>x</c>, <c>X</c>, <c>#x</c>, <c>d</c> with a digit count, or <c>?</c>.</summary>
    Integer,
    /// <summary>Text and names (string, CStr, char, bool, Errno, UTF-8 bytes): no specifier, or <c>?</c> for the quoted Debug form.</summary>
    Text,
    /// <summary>Spans and KVecs of integers: printed as <c>[a, b]</c>; an integer specifier applies to each element.</summary>
    List,
    /// <summary>A type implementing IPrintkFormattable: no specifier, or <c>?</c> for its Debug form.</summary>
    Custom,
}

/// <summary>
/// A parsed printk format specifier: <c>[#](x|X|d|D)[digits][?]</c> or <c>?</c>. The runtime formatter and the
/// KC1007 analyzer both parse with this one type (the analyzer compiles this file), so what compiles clean is
/// exactly what prints as written.
/// </summary>
internal readonly struct PrintkFormat
{
    public const int MaxDigits = 64;

    public readonly bool Valid;
    public readonly bool Hex;
    public readonly bool Upper;
    /// <summary><c>#</c>: a <c>0x</c> before hexadecimal digits, as Rust's <c>{:#x}</c>.</summary>
    public readonly bool Prefix;
    public readonly int MinDigits;
    /// <summary><c>?</c>: the Debug form (quoted text, listed elements, a type's own Debug form).</summary>
    public readonly bool Debug;

    private PrintkFormat(bool valid, bool hex, bool upper, bool prefix, int minDigits, bool debug)
    {
        Valid = valid; Hex = hex; Upper = upper; Prefix = prefix; MinDigits = minDigits; Debug = debug;
    }

    public static PrintkFormat Parse(string format, PrintkValueKind kind)
    {
        if (format is null || format.Length == 0) return new PrintkFormat(true, false, false, false, 0, false);
        int i = 0;
        bool prefix = format[i] == '#';
        if (prefix) i++;
        bool hex = false, upper = false, typed = false;
        if (i < format.Length && (format[i] == 'x' || format[i] == 'X' || format[i] == 'd' || format[i] == 'D'))
        {
            hex = format[i] == 'x' || format[i] == 'X';
            upper = format[i] == 'X';
            typed = true;
            i++;
        }
        int digits = 0, digitCount = 0;
        while (i < format.Length && format[i] >= '0' && format[i] <= '9' && digits <= MaxDigits)
        {
            digits = digits * 10 + (format[i] - '0');
            digitCount++;
            i++;
        }
        bool debug = i < format.Length && format[i] == '?';
        if (debug) i++;
        bool valid = i == format.Length && digits <= MaxDigits
            && (!prefix || hex) && (digitCount == 0 || typed) && (typed || debug)
            && (kind == PrintkValueKind.Integer || kind == PrintkValueKind.List || !typed);
        return new PrintkFormat(valid, hex, upper, prefix, digits, debug);
    }

    /// <summary>What the analyzer says is allowed for <paramref name="kind"/>.</summary>
    public static string Allowed(PrintkValueKind kind) => kind == PrintkValueKind.Integer || kind == PrintkValueKind.List
        ? "x, X, #x, #X, d or D, each with an optional digit count (x8, D5), or ?"
        : "no specifier, or ? for the Debug form";
}
