#!/usr/bin/env bash
# kc_fpu_scan.awk's verdicts on small disassembly fixtures. Prints "scan: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/lib.sh"
verdict() { awk -f "$root/src/KernelCrate/Native/kc_fpu_scan.awk" "$root/tests/kernel/scan-fixtures/$1" | sed -n 's/^#define KC_CALLBACKS_USE_FPU //p'; }
expect_verdict() {
  local got; got=$(verdict "$1")
  if [ "$got" = "$2" ]; then passed=$((passed + 1)); echo "  PASS $1 -> $2 ($3)"; else failed=$((failed + 1)); echo "  FAIL $1 -> '$got', want $2 ($3)"; fi
}
expect_verdict clean.txt 0 "SIMD only in init, which is always bracketed"
expect_verdict simd-callee.txt 1 "a callback calls a function that uses xmm"
expect_verdict indirect.txt 1 "an indirect call may reach any address-taken function"
expect_verdict vtable.txt 1 "a function referenced from data (a vtable) is a callback"
finish scan
