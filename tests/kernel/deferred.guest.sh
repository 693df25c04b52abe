# Runs inside the QEMU guest: samples/Heartbeat (a periodic hrtimer feeding a workqueue and a completion), then
# ForgetMod, whose Dispose leaves a periodic timer and a delayed work item alive: unloading must cancel both.
. /kc/guest-lib.sh
insmod /kc/heartbeat.ko; check heartbeat-insmod "$?" 0
check heartbeat-loaded "$(grep -c '^heartbeat ' /proc/modules)" 1
rmmod heartbeat; check heartbeat-rmmod "$?" 0
if [ -e /kc/forgetmod.ko ]; then
  insmod /kc/forgetmod.ko; check forget-insmod "$?" 0
  rmmod forgetmod; check forget-rmmod "$?" 0
  # Past the work item's 200 ms and many timer periods: a callback into the unloaded module would oops here.
  sleep 1; check forget-survived "$(grep -c '^forgetmod ' /proc/modules)" 0
fi
