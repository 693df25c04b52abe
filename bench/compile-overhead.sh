#!/usr/bin/env bash
# The time KernelCrate's analyzers and generators add to a real compile: the Csc task (compiler server, warm) of a
# generated module project with them and without them (KernelCrateAnalyzers=false removes exactly those; the SDK's
# own analyzers stay in both), best of N each. Prints "compile-overhead with_ms=.. without_ms=.. fraction=..".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
units=${1:-1000} runs=${2:-3}
dir=$root/.work/bench/bigmod
rm -rf "$dir" && mkdir -p "$dir"
dotnet "$root/bench/AnalyzerBench/bin/Release/net10.0/AnalyzerBench.dll" --write-corpus "$dir" "$units" > /dev/null
cat > "$dir/BigMod.csproj" <<'PROJ'
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$(KernelCrateRoot)eng/InRepo.props" />
  <PropertyGroup><TreatWarningsAsErrors>false</TreatWarningsAsErrors></PropertyGroup>
  <Import Project="$(KernelCrateRoot)eng/InRepo.targets" />
</Project>
PROJ
dotnet build "$dir" -nologo -v q -t:Compile > "$dir/warm.log" 2>&1
compile_ms() {
  local best=""
  for _ in $(seq "$runs"); do
    rm -rf "$dir/obj/Debug/net10.0/BigMod.dll"
    local ms
    ms=$(dotnet build "$dir" --no-restore -nologo -t:Compile -clp:PerformanceSummary "$@" 2>&1 | awk '/ms  Csc / {print int($1)}' | tail -n 1)
    [ -z "$best" ] || [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}
with=$(compile_ms)
without=$(compile_ms -p:KernelCrateAnalyzers=false)
echo "compile-overhead with_ms=$with without_ms=$without fraction=$(echo "scale=4; ($with - $without) / $without" | bc)"
