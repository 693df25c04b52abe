using System.Text;

namespace AnalyzerBench;

/// <summary>
/// A large kernel-style module made from the sample's patterns (there is no real C# kernel corpus): device structs
/// with KVec state, printk with interpolation, CStr literals, sysctl registration, Errno results, switches and
/// integer arithmetic. About 50 lines per unit.
/// </summary>
internal static class Corpus
{
    public static string Module() => """
        using System;
        using Kernel;

        namespace Big;

        [Module(Name = "bigmod", Author = "Bench", Description = "generated", License = "GPL")]
        internal struct BigModule : IKernelModule<BigModule>
        {
            public static Result<BigModule> Init(CStr name, ThisModule module)
            {
                Printk.Info($"Hello world, I am {name}!");
                return new BigModule();
            }

            public void Dispose() => Printk.Info("Bye!");
        }
        """;

    public static string Unit(int i) => $$"""
        using System;
        using Kernel;

        namespace Big;

        internal struct Device{{i}} : IDisposable
        {
            private KVec<int> _samples;
            private Sysctl<AtomicBool> _enabled;
            private AtomicI32 _count;

            internal static Result<Device{{i}}> Create(int capacity)
            {
                Result<KVec<int>> samples = KVec<int>.TryWithCapacity(capacity);
                if (!samples.TryGetValue(out KVec<int> vector)) return samples.Error;
                Result<Sysctl<AtomicBool>> enabled = Sysctl<AtomicBool>.Register(
                    CStr.Literal("dev{{i}}"), CStr.Literal("enabled"), new AtomicBool(false), SysctlMode.ReadWrite);
                if (!enabled.TryGetValue(out Sysctl<AtomicBool> sysctl))
                {
                    vector.Dispose();
                    return enabled.Error;
                }
                Printk.Info($"device {{i}} ready with {capacity} slots");
                return new Device{{i}} { _samples = vector, _enabled = sysctl };
            }

            internal Result Record(int value)
            {
                if (value < 0) return Errno.EINVAL;
                int scaled = value * 3 / 2 + {{i % 7}};
                switch (scaled % 4)
                {
                    case 0: scaled += 1; break;
                    case 1: scaled -= 1; break;
                    default: scaled ^= 0x5a; break;
                }
                _count.FetchAdd(1);
                return _samples.TryPush(scaled);
            }

            internal int Sum()
            {
                int total = 0;
                Span<int> window = stackalloc int[8];
                for (int k = 0; k < _samples.Length; k++)
                {
                    window[k & 7] = _samples[k];
                    total += _samples[k];
                }
                if (_enabled.Storage.Load()) Printk.Debug($"sum {total} over {_samples.Length} ({window[0]:x})");
                return total;
            }

            public void Dispose()
            {
                _enabled.Dispose();
                _samples.Dispose();
            }
        }
        """;

    public static (string[] Sources, int Lines) Build(int units)
    {
        var sources = new List<string> { Module() };
        for (int i = 0; i < units; i++) sources.Add(Unit(i));
        return (sources.ToArray(), sources.Sum(s => s.Split('\n').Length));
    }
}
