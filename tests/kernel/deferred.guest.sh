# Runs inside the QEMU guest: samples/Heartbeat (a periodic hrtimer feeding a workqueue and a completion), then
# ForgetMod, whose Dispose leaves a periodic timer, a delayed work item and a debugfs directory alive: unloading
# must cancel both and remove the directory.
. /kc/guest-lib.sh
insmod /kc/heartbeat.ko; check heartbeat-insmod "$?" 0
check heartbeat-loaded "$(grep -c '^heartbeat ' /proc/modules)" 1
rmmod heartbeat; check heartbeat-rmmod "$?" 0
if [ -e /kc/forgetmod.ko ]; then
  grep -q ' /sys/kernel/debug debugfs' /proc/mounts || mount -t debugfs debugfs /sys/kernel/debug
  insmod /kc/forgetmod.ko; check forget-insmod "$?" 0
  check forget-debugfs-note "$(cat /sys/kernel/debug/forgetmod/note)" forgotten
  rmmod forgetmod; check forget-rmmod "$?" 0
  check forget-debugfs-removed "$([ -e /sys/kernel/debug/forgetmod ] && echo present || echo gone)" gone
  # Past the work item's 200 ms and many timer periods: a callback into the unloaded module would oops here.
  sleep 1; check forget-survived "$(grep -c '^forgetmod ' /proc/modules)" 0
fi
