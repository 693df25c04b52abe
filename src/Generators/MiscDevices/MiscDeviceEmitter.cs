using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Kernel.Entries;
using Kernel.Generators.Callbacks;

namespace Kernel.Generators.MiscDevices;

/// <summary>
/// The misc-device entry points kc_miscdev.c calls (through its aligned thunks), with the signatures of the table of
/// entry points, and each type's kind number and operations mask. An optional operation no type implements has no
/// entry, and C leaves it NULL for every type that lacks it.
/// </summary>
internal static class MiscDeviceEmitter
{
    /// <summary>Each entry, its method here and in MiscDeviceDispatch, and whether a device implements it.</summary>
    private static readonly (EntryPoint Entry, string Method, Func<MiscDeviceModel, bool> Implements)[] Operations =
    {
        (EntryPoints.MiscdevOpen, "Open", _ => true),
        (EntryPoints.MiscdevRelease, "Release", _ => true),
        (EntryPoints.MiscdevRead, "Read", d => d.HasRead),
        (EntryPoints.MiscdevWrite, "Write", d => d.HasWrite),
        (EntryPoints.MiscdevIoctl, "Ioctl", d => d.HasIoctl),
    };

    public static string Emit(IReadOnlyList<MiscDeviceModel> devices)
    {
        var text = new StringBuilder(CallbackEmitter.Header);
        for (int i = 0; i < devices.Count; i++)
        {
            MiscDeviceModel device = devices[i];
            uint mask = EntryPoints.Mask(Operations.Where(o => o.Implements(device)).Select(o => o.Entry));
            string self = "global::Kernel.IMiscDevice<" + device.Type.FullName + ">";
            CallbackEmitter.AppendPart(text, device.Type, new[]
            {
                "static uint " + self + ".FileOperationsKind => " + (i + 1) + ";",
                "static uint " + self + ".FileOperations => 0x" + mask.ToString("x") + ";",
            });
        }

        CallbackEmitter.AppendEntriesStart(text, "MiscDeviceEntryPoints", "The managed halves of every misc device's file operations, by kind.");
        foreach (var operation in Operations)
        {
            if (!devices.Any(operation.Implements)) continue;
            string arguments = CallbackEmitter.ForwardedArguments(operation.Entry);
            var calls = devices.Select((device, i) => (Device: device, Kind: i + 1)).Where(d => operation.Implements(d.Device))
                .Select(d => (d.Kind, "global::Kernel.MiscDeviceDispatch." + operation.Method + "<" + d.Device.Type.FullName + ">(" + arguments + ")"));
            CallbackEmitter.AppendEntry(text, operation.Entry, operation.Method, calls, "global::Kernel.Errno.ENODEV.ToKernel()");
        }
        CallbackEmitter.AppendEntriesEnd(text);
        return text.ToString();
    }
}
