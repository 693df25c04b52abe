# Sourced by every guest script (qemu-boot.sh puts the files it is given in /kc): one line per check, which the
# host's scripts count and assert.
check() { if [ "$2" = "$3" ]; then echo "kc-check: $1 ok"; else echo "kc-check: $1 FAIL got '$2' want '$3'"; fi; }
