# Runs inside the QEMU guest (busybox sh). Each check prints "kc-check: <name> <ok|FAIL> <detail>".
. /kc/guest-lib.sh
atom=/proc/sys/example/atom

insmod /kc/oximod.ko; check insmod "$?" 0
check read-initial "$(cat $atom)" 0
echo 1 > $atom; check write-1 "$?" 0
check read-after-1 "$(cat $atom)" 1
err=$( (echo 2 > $atom) 2>&1 ); check write-2-rejected "$(echo "$err" | grep -c 'Invalid argument')" 1
check read-after-2 "$(cat $atom)" 1
err=$( (echo abc > $atom) 2>&1 ); check write-abc-rejected "$(echo "$err" | grep -c 'Invalid argument')" 1
check read-after-abc "$(cat $atom)" 1
printf '' > $atom; check read-after-empty "$(cat $atom)" 1
echo "  0  " > $atom; check write-spaced-0 "$?" 0
check read-after-spaced-0 "$(cat $atom)" 0
check second-read-eof "$(dd if=$atom bs=1 skip=2 2>/dev/null | wc -c)" 0
err=$(su -s /bin/sh nobody -c "echo 1 > $atom" 2>&1); check nonroot-write-denied "$(echo "$err" | grep -c 'Permission denied')" 1
check read-after-nonroot "$(cat $atom)" 0
check mode "$(stat -c %a $atom)" 644
rmmod oximod; check rmmod "$?" 0
check sysctl-gone "$(ls /proc/sys/example 2>/dev/null | wc -l)" 0

cycles=0
i=0
while [ $i -lt 20 ]; do
  insmod /kc/oximod.ko && echo 1 > $atom && [ "$(cat $atom)" = 1 ] && rmmod oximod && cycles=$((cycles + 1))
  i=$((i + 1))
done
check load-unload-cycles "$cycles" 20
dmesg > /tmp/dmesg.txt
echo "kc-dmesg-begin"; cat /tmp/dmesg.txt; echo "kc-dmesg-end"
