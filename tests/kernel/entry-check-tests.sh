#!/usr/bin/env bash
# check-entries.sh proven on deliberately broken objects (assembled from entry-fixtures/*.S) as well as a good one.
# Prints "entries: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tests/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
verdict() {
  gcc -c "$root/tests/kernel/entry-fixtures/$1.S" -o "$work/$1.o" || return 2
  bash "$root/tests/kernel/check-entries.sh" "$work/$1.o" ibt > "$work/$1.log" 2>&1
}
expect "a bracketed entry into SIMD code passes" 'verdict good'
expect "an indirect call in managed code is reported" '! verdict indirect && grep -q "indirect branch in managed kc_module_init" "$work/indirect.log"'
expect "a callback entered outside the FPU section that reaches SIMD is reported" '! verdict unbracketed-simd && grep -q "helper (reachable from it) uses SIMD" "$work/unbracketed-simd.log"'
expect "C taking a managed function's address is reported" '! verdict address-taken && grep -q "refers to managed kc_module_init other than" "$work/address-taken.log"'
finish entries
