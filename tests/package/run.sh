#!/usr/bin/env bash
# The product as a user gets it: pack KernelCrate and its template into a local feed with a unique prerelease
# version, install the template into a private hive, create a module outside the repository with a private NuGet
# cache, and check the build, the analyzers, and `dotnet format` applying the fixes.
# Prints "package: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/kernelcrate-consumer.XXXXXX)
[ -n "${KC_KEEP_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
version=0.1.0-ci.$(date +%s)
feed=$work/feed hive=$work/hive
export NUGET_PACKAGES=$work/nuget DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source "$root/tests/lib.sh"
source "$root/scripts/kernels.sh"
log() { echo "$work/$1.log"; }
# The kernel the module builds for: KC_KERNEL_DIR, else the default of eng/kernels.conf (scripts/setup.sh installed it).
kdir=${KC_KERNEL_DIR:-$(kc_kernel_headers "$(kc_default_kernel)")}
have_kernel=; [ -z "${KC_KERNEL_SKIP:-}" ] && [ -f "$kdir/Module.symvers" ] && have_kernel=1
[ -n "$have_kernel" ] || echo "  (no kernel headers: the .ko checks below are left out: ${KC_KERNEL_SKIP:-no $kdir})"

expect "dotnet pack KernelCrate $version" 'dotnet pack "$root/src/Package" -nologo -v q -o "$feed" -p:Version=$version > "$(log pack)" 2>&1'
expect "dotnet pack the template" 'dotnet pack "$root/templates" -nologo -v q -o "$feed" -p:Version=$version > "$(log pack-template)" 2>&1'
expect "package layout" 'unzip -l "$feed/KernelCrate.$version.nupkg" > "$(log layout)" && for f in tools/boot-module.sh tools/qemu-boot.sh build/corelib/KernelCrate.dll build/corelib/mscorlib.dll analyzers/dotnet/cs/KernelCrate.Analyzers.dll analyzers/dotnet/cs/KernelCrate.CodeFixes.dll analyzers/dotnet/cs/KernelCrate.Generators.dll build/KernelCrate.props build/KernelCrate.targets tools/KernelCrate.Build.Tasks.dll Native/kc_helpers.c Native/Kbuild; do grep -q " $f$" "$(log layout)" || exit 1; done'

cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="kernelcrate-local" value="$feed" />
  </packageSources>
</configuration>
CONFIG
expect "dotnet new install the template" 'dotnet new install "$feed/KernelCrate.Templates.$version.nupkg" --debug:custom-hive "$hive" > "$(log install)" 2>&1'
expect "dotnet new kernelmodule -n my-mod" '(cd "$work" && dotnet new kernelmodule -n my-mod --debug:custom-hive "$hive" > "$(log new)" 2>&1) && grep -q "Name = \"my_mod\"" "$work/my-mod/KernelModule.cs" && grep -q "Version=\"$version\"" "$work/my-mod/my-mod.csproj"'
project=$work/my-mod
ko=$project/bin/Debug/net10.0/my_mod.ko
kdir_args=(-p:KernelDir="$kdir")
expect "the new module builds clean under -warnaserror" 'dotnet build "$project" -nologo -v q -warnaserror "${kdir_args[@]}" > "$(log build-clean)" 2>&1'
if [ -n "$have_kernel" ]; then
  expect "it is a .ko with the template's modinfo" 'modinfo "$ko" | grep -q "^license: *GPL"'
  expect "the build names the kernel the .ko is for" 'dotnet build "$project" -nologo "${kdir_args[@]}" > "$(log names-kernel)" 2>&1 && grep -q "my_mod.ko is for kernel $(basename "$kdir" | sed "s/^linux-headers-//")" "$(log names-kernel)"'
  # No KernelDir, and a running kernel without headers: the build picks installed headers and warns (KC9007).
  expect "headers of another kernel than the running one give KC9007; under -warnaserror the build fails with no .ko" \
    'dotnet build "$project" -nologo -v q -p:KernelCrateRunningRelease=9.9.9-kc-test > "$(log kc9007)" 2>&1 && grep -q "warning KC9007: my_mod.ko is built for kernel .* because the running kernel 9.9.9-kc-test has no headers" "$(log kc9007)" && [ -e "$ko" ] && ! dotnet build "$project" -nologo -v q -warnaserror -p:KernelCrateRunningRelease=9.9.9-kc-test > "$(log kc9007-error)" 2>&1 && grep -q "error KC9007" "$(log kc9007-error)" && [ ! -e "$ko" ]'
fi

if [ -n "$have_kernel" ]; then
  # One package version serves every supported kernel: the same project built for each.
  for name in $(kc_kernel_names); do
    kc_kernel_installed "$(kc_kernel_release "$name")" || continue
    expect "the same package builds the module for kernel $name" \
      'dotnet build "$project" -nologo -v q -warnaserror -p:KernelDir="$(kc_kernel_headers "$name")" > "$(log build-$name)" 2>&1 && [[ "$(modinfo -F vermagic "$ko")" == "$(kc_kernel_release "$name") "* ]]'
  done
  dotnet build "$project" -nologo -v q "${kdir_args[@]}" > "$(log build-default)" 2>&1
  expect "dotnet run boots the module's kernel in QEMU and shows its hello line" \
    '(cd "$project" && dotnet run "${kdir_args[@]}" > "$(log run)" 2>&1) && grep -q "my_mod: Hello from my_mod!" "$(log run)" && grep -q "kc-boot: my_mod unloaded" "$(log run)"'
  # The template's test project: its [KernelTest] compiled with the module's sources into a test module, booted.
  expect "dotnet test in Tests/ boots the test module and reports the template's [KernelTest] as passed" \
    '(cd "$project/Tests" && dotnet test "${kdir_args[@]}" > "$(log test)" 2>&1) && grep -E -q "Passed!  - Failed: +0, Passed: +1, Skipped: +0, Total: +1" "$(log test)" && grep -q "Passed my_mod.Tests.GreetingTests.Greets_by_name" "$(log test)"'
  cp "$root/tests/package/FailingTests.cs.txt" "$project/Tests/FailingTests.cs"
  failing_line=$(grep -n "the failing line" "$project/Tests/FailingTests.cs" | cut -d: -f1)
  crash_line=$(grep -n "void C_out_of_bounds" "$project/Tests/FailingTests.cs" | cut -d: -f1)
  (cd "$project/Tests" && dotnet test "${kdir_args[@]}" > "$(log test-failing)" 2>&1); test_status=$?
  expect "dotnet test fails when a [KernelTest] fails, and counts each outcome" \
    '[ "$test_status" -ne 0 ] && grep -E -q "Failed!  - Failed: +2, Passed: +1, Skipped: +1, Total: +4" "$(log test-failing)"'
  expect "a failed expectation is an error at its file and line, with the expression and both values" \
    'grep -q "FailingTests.cs($failing_line): error : Failed FailingTests.A_wrong_expectation" "$(log test-failing)" && grep -q "Expected hello.Value.AsSpan() == \"Hello from penguin!\"u8, but hello.Value.AsSpan() == \"Hello from tux!\"" "$(log test-failing)"'
  expect "a skipped [KernelTest] is reported with its reason" 'grep -q "Skipped FailingTests.B_skipped: not in this kernel" "$(log test-failing)"'
  expect "a [KernelTest] that hits a kernel BUG fails at its declaration with the BUG line" \
    'grep -q "FailingTests.cs($crash_line): error : Failed FailingTests.C_out_of_bounds" "$(log test-failing)" && grep -A3 "Failed FailingTests.C_out_of_bounds" "$(log test-failing)" | grep -q "kernel BUG\|panicked at" '
  expect "the tests after the one that crashed the kernel run in a new boot" \
    'grep -q "Booting again to run the tests from 4 on" "$(log test-failing)" && grep -q "Passed my_mod.Tests.GreetingTests.Greets_by_name" "$(log test-failing)"'
  rm "$project/Tests/FailingTests.cs"
  cp "$root/tests/package/HangingTests.cs.txt" "$project/Tests/HangingTests.cs"
  start=$(date +%s)
  (cd "$project/Tests" && dotnet test "${kdir_args[@]}" -p:KernelTestTimeout=40 > "$(log test-hang)" 2>&1); test_status=$?
  took=$(( $(date +%s) - start ))
  expect "a [KernelTest] that never returns fails when the boot's time-out ends it, the next test runs in a new boot, and dotnet test ends ($took s)" \
    '[ "$test_status" -ne 0 ] && [ "$took" -lt 180 ] && grep -q "error : Failed HangingTests.Spins_forever" "$(log test-hang)" && grep -q "timed out after 40 s" "$(log test-hang)" && grep -E -q "Failed!  - Failed: +1, Passed: +1, Skipped: +0, Total: +2" "$(log test-hang)"'
  rm "$project/Tests/HangingTests.cs"
  expect "a kernel image that is not there is one KC9009 error that names it" \
    '(cd "$project/Tests" && ! dotnet test "${kdir_args[@]}" -p:KernelTestImage=/nonexistent/bzImage > "$(log test-noimage)" 2>&1) && grep -q "error KC9009: .*no kernel image /nonexistent/bzImage" "$(log test-noimage)"'
fi

cp "$root/tests/package/Violations.cs.txt" "$project/Violations.cs"
dotnet build "$project" -nologo -v q --no-incremental -warnaserror "${kdir_args[@]}" > "$(log build-violations)" 2>&1
expect "a build that -warnaserror fails leaves no .ko behind" '[ ! -e "$ko" ] && grep -q "Build FAILED" "$(log build-violations)"' 
# The expected ids and places are the fixture's own "// expect: ID@COLUMN" markers.
while read -r id line column; do
  expect "$id fails the build at Violations.cs line $line, column $column" 'grep -q "Violations.cs($line,$column): error $id" "$(log build-violations)"'
done < <(expectations "$project/Violations.cs")
# Squiggles over a real editor protocol: csharp-ls (Roslyn 5.9) with analyzers on, on the consumer project.
if dotnet tool install csharp-ls --version 0.28.0 --tool-path "$work/tools" > "$(log csharp-ls)" 2>&1 \
   && dotnet build "$root/tests/lsp/LspProbe" -nologo -v q -o "$work/probe" > "$(log probe-build)" 2>&1; then
  dotnet "$work/probe/LspProbe.dll" "$work/tools/csharp-ls" "$project" Violations.cs $(expectations "$project/Violations.cs" | awk '{printf "%s:%s:%s ", $1, $2, $3}') \
    --edit "public static int Helper" "internal static int Helper" KC1004 | tee "$(log lsp)"
  add_result "$(grep -E "^lsp: [0-9]+ passed, [0-9]+ failed" "$(log lsp)")" || expect "the LSP probe printed its result" 'false'
else
  expect "csharp-ls and the LSP probe install" 'false'
fi
expect "--verify-no-changes exits 2 while a fix is pending" '(cd "$project" && dotnet format analyzers --diagnostics KC1004 --severity warn --verify-no-changes > "$(log verify-pending)" 2>&1); [ $? -eq 2 ]'
expect "dotnet format applies the KC1004 fix" '(cd "$project" && dotnet format analyzers --diagnostics KC1004 --severity warn > "$(log format-kc1004)" 2>&1) && grep -q "internal static int Helper" "$project/Violations.cs" && ! grep -q "public" "$project/Violations.cs"'
expect "dotnet format applies the KC1003 fix" '(cd "$project" && dotnet format analyzers --diagnostics KC1003 --severity warn > "$(log format-kc1003)" 2>&1) && grep -q "if (value < 0) return Errno.EINVAL;" "$project/Violations.cs"'
expect "--verify-no-changes is clean once fixed" '(cd "$project" && dotnet format analyzers --diagnostics KC1004 KC1003 --severity warn --verify-no-changes > "$(log verify)" 2>&1)'
sed -i 's/internal static object Box(int value) => value;/internal static int Box(int value) => value;/; s/(int)(value \* 1.5)/value * 3 \/ 2/' "$project/Violations.cs"
expect "with every fix applied the build is clean again" 'dotnet build "$project" -nologo -v q --no-incremental -warnaserror "${kdir_args[@]}" > "$(log build-fixed)" 2>&1 && ! grep -q "KC1" "$(log build-fixed)"'

# The same package in an ordinary net10.0 library that shares module logic: analyzers only, the normal BCL.
mkdir -p "$work/plain"
cat > "$work/plain/Plain.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <KernelModuleBuild>false</KernelModuleBuild>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="KernelCrate" Version="$version" />
  </ItemGroup>
</Project>
PROJ
printf 'namespace Plain;\npublic static class Shared\n{\n    internal static object Box(int value) => value;\n    internal static string Text(int value) => value.ToString();\n}\n' > "$work/plain/Shared.cs"
expect "an ordinary net10.0 project referencing the package builds against the BCL and gets the rules" \
  '(cd "$work" && dotnet build plain -nologo -v q > "$(log plain)" 2>&1); grep -q "Build succeeded" "$(log plain)" && grep -q "Shared.cs(2,.*warning KC1004" "$(log plain)" && grep -q "Shared.cs(4,.*warning KC1001" "$(log plain)"'

# ilc found where NuGet restored it from a fallback package folder (offline machines, images): a fresh cache that
# lacks ilc, and a fallback folder that has it.
fallback=$work/fallback
mkdir -p "$fallback" && cp -r "$NUGET_PACKAGES/runtime.linux-x64.microsoft.dotnet.ilcompiler" "$fallback/"
sed -i "s|</packageSources>|</packageSources>\n  <fallbackPackageFolders>\n    <add key=\"images\" value=\"$fallback\" />\n  </fallbackPackageFolders>|" "$work/nuget.config"
expect "ilc is found in a NuGet fallback folder" \
  'NUGET_PACKAGES=$work/nuget-fresh dotnet build "$project" -nologo -v q --no-incremental "${kdir_args[@]}" > "$(log fallback)" 2>&1; ! grep -q "KC9006" "$(log fallback)" && [ ! -d "$work/nuget-fresh/runtime.linux-x64.microsoft.dotnet.ilcompiler" ] && grep -q "Build succeeded" "$(log fallback)"'
expect "without ilc in any package folder the build fails with KC9006 saying where it looked" \
  '! dotnet build "$project" -nologo -v q "${kdir_args[@]}" -p:KernelCrateIlcVersion=0.0.0-kc-missing > "$(log kc9006)" 2>&1 && grep -q "error KC9006: ilc (runtime.linux-x64.Microsoft.DotNet.ILCompiler 0.0.0-kc-missing) is in no NuGet package folder ($NUGET_PACKAGES" "$(log kc9006)" && [ ! -e "$ko" ]'
expect "a KernelCrateIlc that does not exist is KC9006, not KC9003" \
  '! dotnet build "$project" -nologo -v q "${kdir_args[@]}" -p:KernelCrateIlc=/nonexistent/ilc > "$(log kc9006-explicit)" 2>&1 && grep -q "error KC9006: KernelCrateIlc is ./nonexistent/ilc., which does not exist" "$(log kc9006-explicit)" && ! grep -q KC9003 "$(log kc9006-explicit)"'

if [ "$failed" -gt 0 ]; then for f in "$work"/*.log; do echo "--- $f"; tail -n 15 "$f"; done; fi
finish package
