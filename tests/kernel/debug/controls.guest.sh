# Runs inside the debug kernel: each detector shown to fire on a deliberately broken module. The unchecked
# allocation panics the kernel, so it comes last.
. /kc/lib.guest.sh
echo "kc-control: lockdep"; insmod /kc/lockordermod.ko; rmmod lockordermod
echo "kc-control: sleep"; insmod /kc/sleepmod.ko; rmmod sleepmod
echo "kc-control: kasan"; insmod /kc/kasanmod.ko; rmmod kasanmod
echo "kc-control: kmemleak"; echo clear > $km; insmod /kc/leakmod.ko; rmmod leakmod; leak_scan
echo "kc-control: debugobjects"; insmod /kc/freetimermod.ko
echo "kc-control: unchecked"; init_fault_loop uncheckedmod /kc/uncheckedmod.ko ""
