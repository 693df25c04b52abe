#!/usr/bin/env bash
# KernelCrate benchmarks, C# against C, printed as ratios from one run:
#   1. kernel: sysctl write+read round trips (ns/op), misc-device write+read round trips (ns/op) of
#      samples/RustMiscDevice against bench/ctwin/rust_misc_device_c.c, .ko size (text, data, bss), insmod time,
#      in one QEMU boot;
#   2. analyzers and generators: their share of a 59k-line module's compile, per rule, and incremental caching;
#   3. build: dotnet build of OxiMod to .ko (clean and no-op) against kbuild of the C twin.
# Usage: bench/run.sh [--write]   (--write also records the run in BENCHMARKS.md)
# Environment: KC_BENCH_N (sysctl round trips, default 100000), KC_BENCH_MISC_N (misc-device round trips, default
# 20000), KC_BENCH_UNITS (corpus units, default 1000).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${KC_BENCH_N:-100000}
misc_n=${KC_BENCH_MISC_N:-20000}
units=${KC_BENCH_UNITS:-1000}
out=$root/.work/bench
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash scripts/setup.sh
source scripts/kernels.sh
# The C twin is written against 6.1's sysctl API (a non-const ctl_table): the default kernel of eng/kernels.conf.
kernel=${KC_BENCH_KERNEL:-6.1}
kver=$(kc_kernel_release "$kernel") kdir=$(kc_kernel_headers "$kernel")
now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
ratio() { echo "scale=3; $1 / $2" | bc; }

echo "== build"
# warm: KernelCrate, the generators and the build tasks built, MSBuild and compiler servers running
dotnet build samples/OxiMod -nologo -v q -p:KernelDir="$kdir" > "$out/deps.log"
rm -rf samples/OxiMod/obj samples/OxiMod/bin
dotnet restore samples/OxiMod -v q > /dev/null
t0=$(now); dotnet build samples/OxiMod --no-restore -nologo -v q -p:KernelDir="$kdir" > "$out/oximod-build.log"; t1=$(now)
dotnet build samples/OxiMod --no-restore -nologo -v q -p:KernelDir="$kdir" > "$out/oximod-noop.log"; t2=$(now)
cs_clean=$(elapsed "$t0" "$t1") cs_noop=$(elapsed "$t1" "$t2")
rm -rf "$out/ctwin" && cp -r bench/ctwin "$out/ctwin"
t0=$(now); make -s -C "$kdir" M="$out/ctwin" modules > "$out/ctwin-build.log" 2>&1; t1=$(now)
make -s -C "$kdir" M="$out/ctwin" modules > "$out/ctwin-noop.log" 2>&1; t2=$(now)
c_clean=$(elapsed "$t0" "$t1") c_noop=$(elapsed "$t1" "$t2")
cs_ko=samples/OxiMod/bin/Debug/net10.0/oximod.ko c_ko=$out/ctwin/oximod_c.ko
gcc -static -O2 -o "$out/kcbench" bench/tools/kcbench.c
gcc -static -O2 -o "$out/misc-device-user" tests/kernel/misc/misc-device-user.c
dotnet build samples/RustMiscDevice -nologo -v q -p:KernelDir="$kdir" > "$out/rust-misc-device-build.log"
misc_cs_ko=samples/RustMiscDevice/bin/Debug/net10.0/rust_misc_device.ko misc_c_ko=$out/ctwin/rust_misc_device_c.ko

echo "== kernel (QEMU, $n round trips per module)"
cat > "$out/guest.sh" <<GUEST
/kc/kcbench insmod /kc/oximod_c.ko oximod_c 20
/kc/kcbench insmod /kc/oximod.ko oximod 20
for round in 1 2 3; do
  insmod /kc/oximod_c.ko && /kc/kcbench sysctl /proc/sys/example/atom $n && rmmod oximod_c
  insmod /kc/oximod.ko && /kc/kcbench sysctl /proc/sys/example/atom $n && rmmod oximod
done
# Both devices print a dev_info line per read and write, as upstream's sample does: into the log, not the console.
dmesg -n 1
insmod /kc/rust_misc_device_c.ko && insmod /kc/rust_misc_device.ko
for round in 1 2 3; do
  /kc/misc-device-user bench /dev/rust-misc-device-c $misc_n
  /kc/misc-device-user bench /dev/rust-misc-device $misc_n
done
GUEST
scripts/qemu-boot.sh --release "$kver" --timeout 600 --script "$out/guest.sh" --log "$out/bench.serial.log" \
  "$cs_ko" "$c_ko" "$out/kcbench" "$misc_cs_ko" "$misc_c_ko" "$out/misc-device-user"
best() { grep -a "kcbench sysctl" "$out/bench.serial.log" | awk -v want="$1" '
  BEGIN { i = 0 } { i++; if ((i % 2 == 1) == (want == "c")) { v = $(NF-1); if (min == "" || v < min) min = v } } END { print min }'; }
c_ns=$(best c) cs_ns=$(best cs)
misc_best() { grep -a "kc-bench: $1 " "$out/bench.serial.log" | awk -v n="$misc_n" '{ v = $(NF-1) / n; if (min == "" || v < min) min = v } END { printf "%.1f", min }'; }
misc_c_ns=$(misc_best /dev/rust-misc-device-c) misc_cs_ns=$(misc_best /dev/rust-misc-device)
c_load=$(grep -a "kcbench insmod oximod_c " "$out/bench.serial.log" | awk '{print $(NF-1)}')
cs_load=$(grep -a "kcbench insmod oximod " "$out/bench.serial.log" | awk '{print $(NF-1)}')
read -r cs_text cs_data cs_bss _ < <(size "$cs_ko" | tail -n 1)
read -r c_text c_data c_bss _ < <(size "$c_ko" | tail -n 1)

echo "== analyzers and generators ($units units)"
dotnet build bench/AnalyzerBench -c Release -nologo -v q > "$out/analyzerbench-build.log"
dotnet build src/KernelCrate -c Release -nologo -v q > /dev/null
# In-process detail (tiering off: Roslyn's hot paths are not re-jitted mid-measurement, which made runs swing 2x).
DOTNET_TieredCompilation=0 dotnet bench/AnalyzerBench/bin/Release/net10.0/AnalyzerBench.dll src/KernelCrate/bin/Release/net10.0/KernelCrate.dll "$units" 7 | tee "$out/analyzers.txt"
# The figure that counts: what they add to csc in a real `dotnet build` (compiler server, warm).
bench/compile-overhead.sh "$units" 5 | tee "$out/compile-overhead.txt"
overhead=$(cat "$out/compile-overhead.txt")
fraction=$(sed -E 's/.*fraction=([0-9.]+).*/\1/' <<< "$overhead")
with_ms=$(sed -E 's/.*with_ms=([0-9]+).*/\1/' <<< "$overhead") without_ms=$(sed -E 's/.*without_ms=([0-9]+).*/\1/' <<< "$overhead")

table=$(cat <<TABLE
| measure | C# (KernelCrate) | C | C#/C | target |
|---|---|---|---|---|
| sysctl write+read round trip (best of 3 x $n) | ${cs_ns} ns | ${c_ns} ns | $(ratio "$cs_ns" "$c_ns") | <= 1.10 |
| misc device write+read of 64 bytes (best of 3 x $misc_n) | ${misc_cs_ns} ns | ${misc_c_ns} ns | $(ratio "$misc_cs_ns" "$misc_c_ns") | <= 1.10 |
| insmod (finit_module, init included; mean of 20) | ${cs_load} us | ${c_load} us | $(ratio "$cs_load" "$c_load") | |
| .ko text | ${cs_text} B | ${c_text} B | $(ratio "$cs_text" "$c_text") | |
| .ko data | ${cs_data} B | ${c_data} B | $(ratio "$cs_data" "$c_data") | |
| .ko bss | ${cs_bss} B | ${c_bss} B | | |
| .ko text+data | $((cs_text + cs_data)) B | $((c_text + c_data)) B | $(ratio $((cs_text + cs_data)) $((c_text + c_data))) | <= 1.5 |
| clean build to .ko | ${cs_clean} s | ${c_clean} s | $(ratio "$cs_clean" "$c_clean") | C# <= 10 s |
| no-op build | ${cs_noop} s | ${c_noop} s | $(ratio "$cs_noop" "$c_noop") | |
| csc of a $(grep -o "[0-9]* lines" "$out/analyzers.txt" | head -n 1) module: with / without analyzers+generators | ${with_ms} ms | ${without_ms} ms | +$(echo "scale=1; $fraction * 100 / 1" | bc) % | <= +5 % |
TABLE
)
echo
echo "$table"
if [ "${1:-}" = "--write" ]; then
  {
    echo "# Benchmarks"
    echo
    echo "Run of \`bench/run.sh --write\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"
    echo "kernel $kver under QEMU TCG (no KVM: absolute kernel times are emulated, the ratios are what to read)."
    echo
    echo "$table"
    echo
    echo "Analyzer and generator detail:"
    echo '```'
    cat "$out/analyzers.txt"
    echo '```'
  } > BENCHMARKS.md.new
  echo "(BENCHMARKS.md.new written; bench/README.md explains each figure)"
fi
