#!/usr/bin/env bash
# The README's quick start, word for word: every line of its first ```sh block, run in order from the repository
# root with a home folder of its own (so ~/.kernelcrate, ~/mymod, the NuGet cache and config, and the template hive
# start empty, as on a new machine). To spare the download of every package the repository builds with, the new
# NuGet config lists this machine's package cache as a fallback folder (it never holds KernelCrate's own packages:
# the package test packs into a private cache). Prints "quickstart: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source "$root/tests/lib.sh"
home=$(mktemp -d /tmp/kernelcrate-quickstart.XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.nuget/NuGet"
cat > "$home/.nuget/NuGet/NuGet.Config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine-cache" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" />
  </fallbackPackageFolders>
</configuration>
CONFIG
lines=$(awk '/^## Quick start/ {in_section = 1} in_section && /^```sh$/ {in_block = 1; next} in_block && /^```$/ {exit} in_block' README.md)
count=$(grep -c . <<< "$lines")
expect "the README has a quick start block ($count lines)" '[ "$count" -ge 5 ]'
if [ -n "${KC_KERNEL_SKIP:-}" ]; then
  echo "  the quick start ends in a VM boot, which this machine cannot run (${KC_KERNEL_SKIP}): stopping before the build"
  lines=$(grep -v -E "^(dotnet build|dotnet run|dotnet test|scripts/boot-module)" <<< "$lines")
fi
n=0
while IFS= read -r line; do
  n=$((n + 1))
  expect "quick start line $n: ${line%%#*}" '(export HOME=$home NUGET_PACKAGES=$home/.nuget/packages; eval "$line") > "$home/line$n.log" 2>&1 || { tail -n 20 "$home/line$n.log"; false; }'
  if [[ $line == "dotnet run"* || $line == scripts/boot-module.sh* ]]; then
    expect "the booted kernel printed the module's hello line" 'grep -q "mymod: Hello from mymod!" "$home/line$n.log"'
    grep -E "mymod:|kc-boot" "$home/line$n.log" | sed 's/^/    /'
  fi
  if [[ $line == "dotnet test"* ]]; then
    expect "dotnet test ran the template's [KernelTest] in the booted kernel" 'grep -E -q "Passed!  - Failed: +0, Passed: +1, Skipped: +0, Total: +1" "$home/line$n.log"'
  fi
  if [[ $line == "dotnet pack"* ]]; then
    expect "dotnet pack at the root gives exactly the two shipping packages" '[ "$(ls "$home/.kernelcrate/feed" | sed -E "s/\.[0-9][0-9.]*(-[a-z0-9.]+)?\.nupkg$//" | sort | tr "\n" " ")" = "KernelCrate KernelCrate.Templates " ]'
  fi
done <<< "$lines"
finish quickstart
