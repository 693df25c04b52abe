using System.IO;
using Xunit;

namespace Kernel.Build.Tests;

/// <summary>kc_helpers.h and Backend/Native.Kernel.cs agree, and a deliberately mismatched prototype is caught.</summary>
public sealed class HelperPrototypesTests
{
    private static string Source(string relative, [System.Runtime.CompilerServices.CallerFilePath] string here = "")
        => File.ReadAllText(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "src", "KernelCrate", relative)));

    private static readonly string Header = Source("Native/kc_helpers.h");
    private static readonly string Managed = Source("Backend/Native.Kernel.cs");

    [Fact]
    public void Every_helper_has_the_same_arity_and_widths_on_both_sides()
    {
        Assert.True(HelperPrototypes.FromHeader(Header).Count >= 30, "the header's prototypes were not found");
        Assert.Empty(HelperPrototypes.Mismatches(Header, Managed));
    }

    [Fact]
    public void A_narrowed_parameter_is_reported()
    {
        string broken = Header.Replace("size_t kc_copy_from_user(void *destination, u64 source, size_t length);",
            "size_t kc_copy_from_user(void *destination, u64 source, u32 length);");
        Assert.NotEqual(Header, broken);
        Assert.Equal(["kc_copy_from_user: parameter 3 is 4 bytes in C, 8 in C#"], HelperPrototypes.Mismatches(broken, Managed));
    }

    [Fact]
    public void A_parameter_missing_on_one_side_and_a_helper_missing_on_the_other_are_reported()
    {
        string broken = Header.Replace("void kc_mutex_lock(void *mutex);", "void kc_mutex_lock(void *mutex, int subclass);")
            .Replace("int kc_test_first(void);", "");
        Assert.Equal(["kc_test_first: imported by C# but has no prototype in kc_helpers.h", "kc_mutex_lock: C takes 2 parameters, C# 1"],
            HelperPrototypes.Mismatches(broken, Managed));
    }

    [Fact]
    public void A_result_of_another_width_is_reported()
    {
        string broken = Managed.Replace("public static extern int MiscdevMinor(", "public static extern long MiscdevMinor(");
        Assert.Equal(["kc_miscdev_minor: the result is 4 bytes in C, 8 in C#"], HelperPrototypes.Mismatches(Header, broken));
    }

    [Fact]
    public void A_result_narrower_than_int_is_reported_even_when_both_sides_agree()
    {
        string header = Header.Replace("int kc_hrtimer_is_boottime(void *timer);", "bool kc_hrtimer_is_boottime(void *timer);");
        string managed = Managed.Replace("public static extern int HrtimerIsBoottime(", "public static extern bool HrtimerIsBoottime(");
        Assert.NotEqual(Header, header);
        Assert.NotEqual(Managed, managed);
        Assert.Equal(["kc_hrtimer_is_boottime: the result is 1 byte in C, which leaves the rest of the register undefined while C# reads all of it: return int"],
            HelperPrototypes.Mismatches(header, managed));
    }
}
