using Kernel;

namespace IbtMod;

/// <summary>
/// Two indirect branches an IBT kernel faults on: a dense switch (a jump table) and a call through a function
/// pointer. The kernel build must fail with KC9008 naming both methods.
/// </summary>
[Module(Name = "ibtmod", License = "GPL")]
internal unsafe struct IbtMod : IKernelModule<IbtMod>
{
#pragma warning disable KC1006 // the point of this module: the object check must still catch it
    public static Result<IbtMod> Init(CStr name, ThisModule module)
    {
        delegate*<int, int> twice = &Twice;
        return Classify(twice(name.Length)) > 0 ? new IbtMod() : Errno.EINVAL;
    }

    private static int Twice(int value) => value * 2;

    private static int Classify(int value)
    {
        switch (value)
        {
            case 0: return 10;
            case 1: return 11;
            case 2: return 12;
            case 3: return 13;
            case 4: return 14;
            case 5: return 15;
            default: return 0;
        }
    }

#pragma warning restore KC1006

    public void Dispose() { }
}
