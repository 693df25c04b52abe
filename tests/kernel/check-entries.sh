#!/usr/bin/env bash
# Proves from a .ko's relocations and disassembly that no SIMD instruction of managed code (section
# __managedcode) runs outside the kernel_fpu_begin/end bracket:
#  1. no C code references a managed symbol except kc_init/kc_exit, which hand kc_module_init/exit to kc_enter;
#  2. every C function that calls kc_call_aligned (the only jump into managed code) calls kernel_fpu_begin_mask
#     before it and kernel_fpu_end after it, except kc_callback, the entry of managed callbacks, and only when
#     kc_fpu_scan.awk run on this .ko finds no SIMD register in any managed code the callbacks can reach;
#  3. kc_callback is not used by module init or exit;
#  4. no xmm/ymm instruction exists outside __managedcode.
set -euo pipefail
ko=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
callbacks_fpu=$({ objdump -dr --no-show-raw-insn "$ko"; objdump -r "$ko"; } | awk -f "$root/src/KernelCrate/Native/kc_fpu_scan.awk" | sed -n 's/^#define KC_CALLBACKS_USE_FPU //p')
[ -n "$callbacks_fpu" ] || { echo "kc_fpu_scan.awk gave no verdict"; exit 1; }
managed=$(objdump -t "$ko" | awk '$0 ~ /__managedcode/ && $NF !~ /^\./ {print $NF}' | sort -u)
objdump -dr --no-show-raw-insn "$ko" | awk -v managed="$managed" -v callbacksFpu="$callbacks_fpu" '
  BEGIN { n = split(managed, list, "\n"); for (i = 1; i <= n; i++) isManaged[list[i]] = 1; failures = 0 }
  /^Disassembly of section / { section = $4; sub(":", "", section); next }
  /^[0-9a-f]+ <[^>]+>:$/ { fn = $2; gsub(/[<>:]/, "", fn); begun[fn] = 0; pendingEnd[fn] = 0; next }
  {
    if (section != "__managedcode" && $0 ~ /%[xy]mm[0-9]/) { print "xmm outside managed code: " fn ": " $0; failures++ }
    if ($0 ~ /R_X86_64_/) {
      sym = $NF; sub(/[-+]0x[0-9a-f]+$/, "", sym)
      if (section != "__managedcode" && (sym in isManaged) && fn !~ /^(kc_init|kc_exit|init_module|cleanup_module)$/) {
        print "C function " fn " references managed " sym " outside the entry thunks"; failures++
      }
      if (sym == "kernel_fpu_begin_mask") begun[fn] = 1
      if (sym == "kc_call_aligned" && section != "__managedcode") {
        calls++
        if (fn == "kc_callback" && !begun[fn] && callbacksFpu == 0) { unbracketed++; next }
        if (!begun[fn]) { print fn " calls kc_call_aligned without kernel_fpu_begin first"; failures++ }
        pendingEnd[fn] = 1
      }
      if (sym == "kc_callback" && fn ~ /^(kc_init|kc_exit|init_module|cleanup_module)$/) { print fn " enters managed code through kc_callback"; failures++ }
      if (sym == "kernel_fpu_end") pendingEnd[fn] = 0
    }
  }
  END {
    for (f in pendingEnd) if (pendingEnd[f]) { print f " never calls kernel_fpu_end after managed code"; failures++ }
    if (calls == 0) { print "no call to kc_call_aligned found: the check saw nothing"; failures++ }
    if (unbracketed) print "  managed callbacks enter without the FPU section: kc_fpu_scan.awk proved them SIMD-free"
    exit failures > 0
  }'
