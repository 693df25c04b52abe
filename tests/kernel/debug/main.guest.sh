# Runs inside the debug kernel: the modules' scenarios, the fault-injection loop over every module's init, load/use
# cycles, then kmemleak. tests/kernel/debug.sh asserts the log holds no detector report.
. /kc/lib.guest.sh
echo clear > $km
atom=/proc/sys/example/atom

# The same scenarios as on the production kernels (tests/kernel/run.sh's guest scripts), then KcTest.
sh /kc/oximod.guest.sh
sh /kc/params.guest.sh
insmod /kc/kctest.ko; check kctest-insmod "$?" 0
rmmod kctest
dmesg | grep -q "kctest: [0-9]* passed, 0 failed"; check kctest-none-failed "$?" 0

fault_loop oximod /kc/oximod.ko "" /proc/sys/example
init_fault_loop oximod /kc/oximod.ko "" /proc/sys/example
init_fault_loop kctest /kc/kctest.ko ""
init_fault_loop parammod /kc/parammod.ko "label=fault levels=3,4"
init_fault_loop rust_minimal /kc/rust_minimal.ko "test_parameter=2"
init_fault_loop rust_print /kc/rust_print.ko ""

cycles=0 i=0
quiet
while [ $i -lt 100 ]; do
  insmod /kc/oximod.ko && echo 1 > $atom && [ "$(cat $atom)" = 1 ] && rmmod oximod \
    && insmod /kc/rust_minimal.ko && rmmod rust_minimal && cycles=$((cycles + 1))
  i=$((i + 1))
  drain
done
loud
check load-use-unload-cycles "$cycles" 100
leak_scan
