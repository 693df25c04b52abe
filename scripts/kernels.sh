# Sourced by the scripts and tests: the supported kernels, from eng/kernels.conf (KC_KERNELS narrows them).
#   kc_kernel_names             the chosen names, default first
#   kc_default_kernel           the first of them
#   kc_kernel_release NAME      its release as installed (the pin, or what the setup fell back to)
#   kc_kernel_headers NAME      /usr/src/linux-headers-<release>
#   kc_kernel_image NAME        /boot/vmlinuz-<release>
kc_root=${kc_root:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
kc_conf=$kc_root/eng/kernels.conf

kc_conf_lines() { grep -v -E '^\s*(#|$)' "$kc_conf"; }

kc_kernel_names() {
  local all; all=$(kc_conf_lines | awk '{print $1}')
  if [ -z "${KC_KERNELS:-}" ]; then echo $all; return; fi
  local n out=()
  for n in $KC_KERNELS; do
    grep -qx -- "$n" <<< "$all" || { echo "kernels: '$n' is not in eng/kernels.conf (supported: $(echo $all))" >&2; return 2; }
    out+=("$n")
  done
  echo "${out[@]}"
}

kc_default_kernel() { kc_kernel_names | awk '{print $1}'; }

kc_kernel_field() { kc_conf_lines | awk -v n="$1" -v f="$2" '$1 == n {print $f}'; }
kc_kernel_pinned() { kc_kernel_field "$1" 2; }
kc_kernel_pattern() { kc_kernel_field "$1" 3; }

# The pinned release if it is installed, else the newest installed one of its series, else the pin.
kc_kernel_release() {
  local pinned pattern d found=
  pinned=$(kc_kernel_pinned "$1") pattern=$(kc_kernel_pattern "$1")
  if kc_kernel_installed "$pinned"; then echo "$pinned"; return; fi
  for d in /usr/src/linux-headers-$pattern; do
    kc_kernel_installed "${d#/usr/src/linux-headers-}" && found="$found ${d#/usr/src/linux-headers-}"
  done
  if [ -n "$found" ]; then tr ' ' '\n' <<< "$found" | sort -V | tail -n 1; else echo "$pinned"; fi
}
kc_kernel_installed() { [ -f "/usr/src/linux-headers-$1/Module.symvers" ] && [ -r "/boot/vmlinuz-$1" ]; }
kc_kernel_headers() { echo "/usr/src/linux-headers-$(kc_kernel_release "$1")"; }
kc_kernel_image() { echo "/boot/vmlinuz-$(kc_kernel_release "$1")"; }

# Run as a command: `scripts/kernels.sh headers 6.1` prints that kernel's header folder (image, release, names).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    names) kc_kernel_names ;;
    release|headers|image) [ $# -eq 2 ] && kc_kernel_field "$2" 1 | grep -q . || { echo "usage: kernels.sh $1 NAME (one of: $(kc_kernel_names))" >&2; exit 2; }
      "kc_kernel_$1" "$2" ;;
    *) echo "usage: kernels.sh names | release NAME | headers NAME | image NAME" >&2; exit 2 ;;
  esac
fi
