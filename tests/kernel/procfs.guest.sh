# Runs inside the QEMU guest: samples/ProcRecords' /proc/kc_squares, read while a work item appends a record every
# 10 ms: every read has whole "i i*i" lines with no index missing, and unloading removes the file.
. /kc/guest-lib.sh
f=/proc/kc_squares
# A table that stays as it is (grow=0): its size, a read far past its end, a read from the middle.
insmod /kc/proc_records.ko grow=0; check proc-insmod-still "$?" 0
check proc-mode "$(stat -c %a $f)" 444
check proc-first "$(head -n 1 $f)" "0 0"
check proc-still-lines "$(wc -l < $f)" 1000
check proc-huge-offset "$(dd if=$f bs=1 skip=100000000 count=1 2>/dev/null | wc -c)" 0
check proc-seek-middle "$(dd if=$f bs=4096 skip=1 count=1 2>/dev/null | wc -c)" 4096
rmmod proc_records
# Growing: a record every 10 ms while it is read (a read at an offset past the end could see a record appended
# since, as with any seq_file over a list, so only whole reads are checked here).
insmod /kc/proc_records.ko; check proc-insmod "$?" 0
# whole: every line is "i i*i" and the indexes run 0, 1, 2, ... (awk prints the first bad line, or "ok N").
whole() { awk '$1 != NR - 1 || $2 != $1 * $1 || NF != 2 { print "bad line " NR ": " $0; bad = 1; exit } END { if (!bad) print "ok" }'; }
reads=0 failures=0
while [ $reads -lt 20 ]; do
  result=$(cat $f | whole)
  [ "$result" = ok ] || { failures=$((failures + 1)); echo "kc-proc: $result"; }
  reads=$((reads + 1))
done
check proc-reads-whole "$failures" 0
lines=$(wc -l < $f)
check proc-grew "$([ "$lines" -gt 1000 ] && echo yes)" yes
rmmod proc_records; check proc-rmmod "$?" 0
check proc-gone "$([ -e $f ] && echo present || echo gone)" gone
