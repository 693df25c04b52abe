// SPDX-License-Identifier: GPL-2.0
// The seed tutorial's "Clean BUGs" module: counts down, sleeping 500 ms before each line, then reads one element past
// the end of its three-element array. In C# that read is a bounds check, so the module ends with
// "timebomb: panicked at 'index out of bounds'" and a kernel BUG whose stack trace shows this Init.
using System;
using Kernel;

namespace TimeBomb;

[Module(Name = "timebomb", Author = "The Man from Ox", Description = "Counts down, then BUGs", License = "GPL")]
internal struct TimeBomb : IKernelModule<TimeBomb>
{
    public static Result<TimeBomb> Init(CStr name, ThisModule module)
    {
        ReadOnlySpan<int> values = [1, 2, 3];
        Delta half = Delta.FromMilliseconds(500).Value;
        Printk.Info("countdown ...");
        for (int i = values.Length - 1; i >= 0; i--)
        {
            Delay.FSleep(half);
            Printk.Info($".. {i}");
        }
        Printk.Info($"boom {values[values.Length]}");
        return new TimeBomb();
    }

    public void Dispose() { }
}
