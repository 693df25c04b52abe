#!/usr/bin/env bash
# The analyzers in a real `dotnet build` of a module project: one violation of each KC1001-KC1004 shows its id at
# its line and fails under -warnaserror; the fixed code builds with no KC warning. Prints "build: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/.work/violations
rm -rf "$work" && mkdir -p "$work"
cat > "$work/Violations.csproj" <<'PROJ'
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$(KernelCrateRoot)eng/InRepo.props" />
  <PropertyGroup><KernelModuleBuild>false</KernelModuleBuild><TreatWarningsAsErrors>false</TreatWarningsAsErrors></PropertyGroup>
  <Import Project="$(KernelCrateRoot)eng/InRepo.targets" />
</Project>
PROJ
source "$root/tests/lib.sh"

# The repository as .NET developers expect it, on a machine without kernel headers (the in-repo default kernel made
# to look absent): the root build succeeds and each in-repo module says once that it skips its .ko.
expect "dotnet build at the root needs no kernel headers; each in-repo module skips its .ko with one message" \
  '(cd "$root" && dotnet build Kernel.Analyzers.sln -nologo -p:_KernelCrateDefaultRelease=none-kc-test > "$work/root-build.log" 2>&1) && grep -q "Build succeeded" "$work/root-build.log" && [ "$(grep -c "KernelCrate: no kernel headers, so oximod.ko is not built" "$work/root-build.log")" -eq 1 ] && [ ! -e "$root/samples/OxiMod/bin/Debug/net10.0/oximod.ko" ] && ! grep -q "error\|warning" "$work/root-build.log"'

cp "$root/tests/build/Violations.cs.txt" "$work/Violations.cs"
dotnet build "$work" -nologo -v q -p:KernelModuleBuild=true > "$work/warn.log" 2>&1
expect "without the analyzers the object check would name the method that boxes and throws (KC9002)" \
  'grep -q "error KC9002: .Violations.Violations.Init. allocates on the GC heap (RhpNewFast)" "$work/warn.log" && grep -q "error KC9002: .Violations.Violations.Init. throws an exception" "$work/warn.log"'
# The expected ids and places are the fixture's own "// expect: ID@COLUMN" markers.
while read -r id line column; do
  expect "$id reported at Violations.cs line $line, column $column" 'grep -q "Violations.cs($line,$column): warning $id" "$work/warn.log"'
done < <(expectations "$work/Violations.cs")
ids=$(expectations "$work/Violations.cs" | awk '{print $1}' | sort -u)
expect "-warnaserror fails the build on each of them ($(echo $ids))" '! dotnet build "$work" -nologo -v q --no-incremental -warnaserror -p:KernelModuleBuild=true > "$work/strict.log" 2>&1 && for id in $ids; do grep -q "error $id" "$work/strict.log" || exit 1; done'

cp "$root/tests/build/Fixed.cs.txt" "$work/Violations.cs"
expect "the fixed module builds with no KC warning under -warnaserror" \
  'dotnet build "$work" -nologo -v q -warnaserror -p:KernelModuleBuild=true -p:KernelDir="${KC_KERNEL_DIR:-}" > "$work/fixed.log" 2>&1 || grep -q "error KC9001" "$work/fixed.log"; ! grep -q "KC1" "$work/fixed.log"'
# An ordinary net10.0 library (no kernel build, the real BCL) that shares module logic: the mark alone enables the
# rules, and without it they stay silent.
plain=$root/.work/plain-lib
rm -rf "$plain" && mkdir -p "$plain"
cat > "$plain/PlainLib.csproj" <<'PROJ'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <KernelModuleBuild>false</KernelModuleBuild>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <Import Project="$(KernelCrateRoot)eng/InRepo.props" />
  <Import Project="$(KernelCrateRoot)eng/InRepo.targets" />
</Project>
PROJ
cat > "$plain/Shared.cs" <<'CODE'
namespace PlainLib;

public static class Shared
{
    internal static object Box(int value) => value;
    internal static double Scale(int value) => value * 1.5;
    internal static void Check(int value) { if (value < 0) throw new System.ArgumentException("negative"); }
}
CODE
dotnet build "$plain" -nologo -v q --no-incremental > "$work/plain-marked.log" 2>&1
expect "an ordinary net10.0 project with KernelModule=true gets KC1001-KC1004" \
  'for id in KC1001 KC1002 KC1003 KC1004; do grep -q "Shared.cs([0-9,]*): warning $id" "$work/plain-marked.log" || exit 1; done'
dotnet build "$plain" -nologo -v q --no-incremental -p:KernelModule=false > "$work/plain-unmarked.log" 2>&1
expect "the same project without the mark gets none" '! grep -q "warning KC1" "$work/plain-unmarked.log" && grep -q "0 Error" "$work/plain-unmarked.log"'

# KC1001 leaves alone the boxes the compiler or ilc removes (value != null on a T, (int)(object)value in a typeof(T)
# branch, value as a class): built through ilc for ints, longs, structs and a class, the object has no allocation
# helper. The control keeps a box: KC1001 at its line, and KC9002 naming every value-type instantiation.
module_fixture() {
  local dir=$root/.work/$1
  rm -rf "$dir" && mkdir -p "$dir"
  sed "s/Violations/$1/" "$work/Violations.csproj" > "$dir/$1.csproj"
  cp "$root/tests/build/$1.cs.txt" "$dir/$1.cs"
  dotnet build "$dir" -nologo -v q -p:KernelModuleBuild=true -p:KernelDir="${KC_KERNEL_DIR:-}" > "$dir/build.log" 2>&1
  echo "$dir"
}
# fixture_markers NAME DIR: each "// expect: ID@COLUMN" of the fixture reported at its line and column.
fixture_markers() {
  local name=$1 dir=$2 id line column
  while read -r id line column; do
    expect "$name: $id at line $line, column $column" 'grep -q "$name.cs($line,$column): warning $id" "$dir/build.log"'
  done < <(expectations "$dir/$name.cs")
}
folds=$(module_fixture IlcFolds)
expect "the boxes ilc folds build through ilc with no KC1001 and no allocation helper (KC9002/KC9003)" \
  '! grep -q "KC1001\|KC9002\|KC9003\|error CS" "$folds/build.log" && grep -q "Build succeeded\|error KC9001" "$folds/build.log"'
kept=$(module_fixture KeptBox)
fixture_markers KeptBox "$kept"
expect "the kept box fails the build with KC9002 for each value type it is boxed from" \
  'grep -q "error KC9002: .KeptBox.KeptBox.Kept<Int32>. allocates on the GC heap" "$kept/build.log" && [ ! -e "$kept/bin/Debug/net10.0/keptbox.ko" ]'
cannot=$(module_fixture IlcCannotCompile)
fixture_markers IlcCannotCompile "$cannot"
expect "what ilc cannot compile at all is one KC9003 naming the method" \
  'grep -q "error KC9003: ilc cannot compile .IlcCannotCompile.IlcCannotCompile.Init" "$cannot/build.log"'

finish build
