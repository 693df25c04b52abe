#!/usr/bin/env bash
# Builds the debug kernel (eng/debug-kernel.config on tinyconfig, from Debian's linux-source-6.12, which
# scripts/setup.sh installs) once and caches it outside the repository, keyed by the source version and the
# fragment: a second run reuses it. Prints the build tree (modules build against it with KernelDir=; its image is
# arch/x86/boot/bzImage). Takes 2-3 minutes on 2 cores; progress goes to stderr, kbuild's output to build.log.
# Exit status: 0 ready; 3 a prerequisite is missing (one message says which); 1 the build failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fragment=$root/eng/debug-kernel.config
tarball=$(ls /usr/src/linux-source-6.12.tar.* 2>/dev/null | head -n 1 || true)
[ -n "$tarball" ] || { echo "debug-kernel: /usr/src/linux-source-6.12.tar.* is missing (bash scripts/setup.sh installs linux-source-6.12)" >&2; exit 3; }
for tool in make gcc flex bison bc; do
  command -v "$tool" >/dev/null || { echo "debug-kernel: $tool is missing (bash scripts/setup.sh installs it)" >&2; exit 3; }
done
version=$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || basename "$tarball")
key=$(printf '%s\n' "$version" | cat - "$fragment" | sha256sum | cut -c1-16)
base=${KC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kernelcrate}
cache=$base/debug-kernel/$key
tree=$cache/linux-source-6.12
# One build at a time: two runs on one machine share the cache, and the second waits for the first.
mkdir -p "$base"
exec 9> "$base/debug-kernel.lock"
flock -n 9 || { echo "debug-kernel: waiting for the build another run started" >&2; flock 9; }
if [ -f "$cache/ready" ]; then echo "$tree"; exit 0; fi

# Another source version or fragment is another key: what was built for the old one goes.
rm -rf "$(dirname "$cache")" && mkdir -p "$cache"
start=$(date +%s)
echo "debug-kernel: extracting $(basename "$tarball") ($version)" >&2
tar -xf "$tarball" -C "$cache"
cd "$tree"
echo "debug-kernel: configuring (tinyconfig + eng/debug-kernel.config)" >&2
make -s tinyconfig > "$cache/build.log" 2>&1
scripts/kconfig/merge_config.sh -m .config "$fragment" >> "$cache/build.log" 2>&1
make -s olddefconfig >> "$cache/build.log" 2>&1
# A symbol whose dependencies are not met is dropped silently by olddefconfig: say which.
lost=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  symbol=${line%%=*} value=${line#*=}
  if [ "$value" = n ]; then grep -q "^$symbol=" .config && { echo "debug-kernel: $symbol is set, the fragment wants it off" >&2; lost=1; }
  else grep -q -x "$line" .config || { echo "debug-kernel: $line did not survive olddefconfig" >&2; lost=1; }; fi
done < "$fragment"
[ "$lost" -eq 0 ] || exit 1
echo "debug-kernel: building bzImage and modules with $(nproc) jobs (2-3 minutes; log: $cache/build.log)" >&2
if ! make -j"$(nproc)" bzImage modules >> "$cache/build.log" 2>&1; then
  tail -n 20 "$cache/build.log" >&2
  echo "debug-kernel: the build failed (log: $cache/build.log)" >&2
  exit 1
fi
touch "$cache/ready"
echo "debug-kernel: built in $(( $(date +%s) - start )) s: $tree" >&2
echo "$tree"
