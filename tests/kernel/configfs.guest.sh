# Runs inside the QEMU guest: samples/RustConfigfs' /sys/kernel/config/rust_configfs with upstream's attributes and
# lines, groups made by mkdir two levels deep (and refused at the third), writes of a page and more, rmmod refused
# while a group exists, rmdir while a file is open, and nothing left after unload. Debian builds configfs as a
# module (run.sh passes it as /kc/configfs.ko); the debug kernel has it built in.
. /kc/guest-lib.sh
grep -q configfs /proc/filesystems || insmod /kc/configfs.ko
grep -q ' /sys/kernel/config configfs' /proc/mounts || mount -t configfs configfs /sys/kernel/config
c=/sys/kernel/config/rust_configfs
# lines TEXT: how many times the module has printed "rust_configfs: TEXT" so far.
lines() { dmesg | grep -c "rust_configfs: $1\$"; }
# write FILE TEXT: one write(2) of TEXT (dd from a file, so even 5000 bytes go in one call); "ok" or dd's error.
write() {
  printf '%s' "$2" > /tmp/kc-write
  if dd if=/tmp/kc-write of="$1" bs=8192 count=1 2> /tmp/kc-err; then echo ok; else head -n 1 /tmp/kc-err | sed 's/.*: //'; fi
}
insmod /kc/rust_configfs.ko; check configfs-insmod "$?" 0
check configfs-init-line "$(lines 'Rust configfs sample (init)')" 1
check configfs-files "$(ls $c | tr '\n' ' ')" "bar message "
check configfs-modes "$(stat -c %a $c/message $c/bar | tr '\n' ' ')" "444 644 "
check configfs-message "$(cat $c/message)" "Hello World"
check configfs-message-line "$(lines 'Show message')" 1
check configfs-bar-empty "$(wc -c < $c/bar)" 0
check configfs-bar-store "$(write $c/bar 'Hello Bar')" ok
check configfs-bar "$(cat $c/bar)" "Hello Bar"
check configfs-bar-lines "$(lines 'Store bar') $(lines 'Show bar')" "1 2"
check configfs-message-readonly "$(write $c/message x)" "Permission denied"
# configfs takes at most a page less one byte in a write: 4095 of 5000 are stored, and dd writes the rest after.
check configfs-bar-page "$(write $c/bar "$(head -c 4095 /dev/zero | tr '\0' 7)")" ok
check configfs-bar-page-stored "$(wc -c < $c/bar)" 4095
check configfs-bar-oversized "$(write $c/bar "$(head -c 5000 /dev/zero | tr '\0' 8)")" ok
check configfs-bar-oversized-stored "$(wc -c < $c/bar) $(lines 'Store bar')" "905 4"
# Groups: mkdir makes a Child, mkdir in it a GrandChild, and a GrandChild has no child type.
mkdir $c/child; check configfs-mkdir "$?" 0
check configfs-child-files "$(ls $c/child | tr '\n' ' ')" "baz "
check configfs-baz "$(cat $c/child/baz) $(lines 'Show baz')" "Hello Baz 1"
mkdir $c/child/grand; check configfs-mkdir-grandchild "$?" 0
check configfs-gc "$(cat $c/child/grand/gc) $(lines 'Show grand child')" "Hello GC 1"
check configfs-mkdir-refused "$(mkdir $c/child/grand/no 2>&1 | sed 's/.*: //')" "Operation not permitted"
mkdir $c/second && rmdir $c/second; check configfs-mkdir-rmdir "$?" 0
rmmod rust_configfs 2>/dev/null; check configfs-rmmod-with-groups "$?" 1
# A group removed while one of its files is open: the open file reads ENOENT, and its state goes at the close.
exec 3< $c/child/grand/gc
rmdir $c/child/grand; check configfs-rmdir-while-open "$?" 0
check configfs-read-after-rmdir "$(cat <&3 2>&1 | sed 's/.*: //')" "No such file or directory"
exec 3<&-
rmdir $c/child; check configfs-rmdir "$?" 0
exec 3< $c/message
rmmod rust_configfs 2>/dev/null; check configfs-rmmod-while-open "$?" 1
exec 3<&-
rmmod rust_configfs; check configfs-rmmod "$?" 0
check configfs-gone "$([ -e $c ] && echo present || echo gone)" gone
insmod /kc/rust_configfs.ko && check configfs-again "$(cat $c/message)" "Hello World" && rmmod rust_configfs
