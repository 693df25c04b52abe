#!/usr/bin/env bash
# Every test: the Roslyn and host unit tests, the analyzers in a real build, and the real-kernel tests under QEMU
# (which install their apt packages; they skip loudly only where the machine cannot run them).
# Ends with one line "kernelcrate: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p .work
source tests/lib.sh
status=0

unit() {
  local project=$1 log=.work/$(basename "$1").log
  dotnet test "$project" -nologo 2>&1 | tee "$log" | grep -E "^(Passed|Failed)!|^\s+Failed |error" || true
  local line; line=$(grep -E "^(Passed|Failed)!" "$log" | tail -n 1)
  if [ -z "$line" ]; then echo "$project: no test result (build failed?)"; failed=$((failed + 1)); status=1; return; fi
  passed=$((passed + $(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<< "$line")))
  failed=$((failed + $(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<< "$line")))
  [[ $line == Passed!* ]] || status=1
}

suite() {
  local log=.work/$1.log
  "${@:2}" 2>&1 | tee "$log"
  local line; line=$(grep -E "^[a-z]+: [0-9]+ passed, [0-9]+ failed" "$log" | tail -n 1)
  if ! add_result "$line"; then echo "$1: no result line"; failed=$((failed + 1)); status=1; return; fi
  grep -q " 0 failed" <<< "$line" || status=1
}

echo "== unit tests"
unit tests/KernelCrate.Analyzers.Tests
unit tests/KernelCrate.HostTests
echo "== the FPU-use scan on fixtures"
suite scan tests/kernel/scan-tests.sh
echo "== analyzers in a real build"
suite build tests/build/run.sh
echo "== the package as a user gets it (pack, dotnet new, build, dotnet format)"
suite package tests/package/run.sh
echo "== real kernel (QEMU)"
suite kernel tests/kernel/run.sh

echo "kernelcrate: $passed passed, $failed failed"
exit $status
