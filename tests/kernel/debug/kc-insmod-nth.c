// SPDX-License-Identifier: GPL-2.0
/*
 * Loads a module with the N-th fault-injectable call of this task made to fail (/proc/thread-self/fail-nth, written
 * just before finit_module so that only the load counts).
 *   kc-insmod-nth N MODULE [PARAMS]
 *       one load; prints "rc=<errno or 0> injected=<1|0> left=<n>": whether the fault was reached during the load,
 *       and what was left of N (a load with a huge N counts the load's fault-injectable calls).
 *   kc-insmod-nth loop NAME MODULE PARAMS PATH MAX
 *       N = 1, 2, ... MAX until a load succeeds with the fault unused, without a process per load: after each load
 *       the kernel log is read and cleared (as dmesg -c) and a detector's line copied out as "kc-report: ..."; a
 *       loaded module is removed; a failed load must leave no /sys/module/NAME and no PATH (unless PATH is "-").
 *       Prints "kc-fi: NAME complete=<yes|no> loads=N failed=F enomem=E other=O absorbed=A leftovers=L".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *const reports[] = {
	"BUG:", "WARNING:", "KASAN", "circular locking", "sleeping function called", "scheduling while atomic",
	"Oops", "general protection", "panicked at", "Kernel panic",
};
static char log_buffer[1 << 20];

static int load(int nth_fd, const char *path, const char *params, int nth, int *injected, int *left)
{
	char buffer[32];
	ssize_t length = snprintf(buffer, sizeof(buffer), "%d", nth);
	int module = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (module < 0 || write(nth_fd, buffer, length) != length) {
		perror("kc-insmod-nth");
		exit(2);
	}
	rc = syscall(SYS_finit_module, module, params, 0) == 0 ? 0 : errno;
	/* 0 means the fault was injected; a positive number is what was left of N. */
	length = pread(nth_fd, buffer, sizeof(buffer) - 1, 0);
	buffer[length > 0 ? length : 0] = 0;
	*left = atoi(buffer);
	*injected = *left == 0;
	if (write(nth_fd, "0", 1) != 1)
		perror("kc-insmod-nth: fail-nth reset");
	close(module);
	return rc;
}

/* dmesg -c, keeping only what a detector prints. */
static void drain_reports(const char *name, int nth)
{
	int length = klogctl(4 /* SYSLOG_ACTION_READ_CLEAR */, log_buffer, sizeof(log_buffer) - 1);
	char *line, *next;
	size_t i;

	if (length <= 0)
		return;
	log_buffer[length] = 0;
	for (line = log_buffer; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		for (i = 0; i < sizeof(reports) / sizeof(reports[0]); i++)
			if (strstr(line, reports[i])) {
				printf("kc-report: %s N=%d: %s\n", name, nth, line);
				break;
			}
	}
}

static int loop(const char *name, const char *path, const char *params, const char *extra, int max, int nth_fd)
{
	int n, failed = 0, enomem = 0, other = 0, absorbed = 0, leftovers = 0, done = 0, injected, left;
	char sys_module[256];

	snprintf(sys_module, sizeof(sys_module), "/sys/module/%s", name);
	for (n = 1; n <= max && !done; n++) {
		int rc = load(nth_fd, path, params, n, &injected, &left);

		if (rc == 0) {
			if (syscall(SYS_delete_module, name, O_NONBLOCK) != 0)
				printf("kc-fi: %s N=%d rmmod failed: errno %d\n", name, n, errno);
			if (injected)
				absorbed++;
			else
				done = 1;
		} else {
			failed++;
			if (rc == ENOMEM) {
				enomem++;
			} else {
				other++;
				printf("kc-fi: %s N=%d rc=%d injected=%d\n", name, n, rc, injected);
			}
			if (access(sys_module, F_OK) == 0 || (strcmp(extra, "-") != 0 && access(extra, F_OK) == 0)) {
				leftovers++;
				printf("kc-fi: %s N=%d left something behind\n", name, n);
			}
		}
		drain_reports(name, n);
	}
	printf("kc-fi: %s complete=%s loads=%d failed=%d enomem=%d other=%d absorbed=%d leftovers=%d\n",
	       name, done ? "yes" : "no", n - 1, failed, enomem, other, absorbed, leftovers);
	return 0;
}

int main(int argc, char **argv)
{
	int nth_fd = open("/proc/thread-self/fail-nth", O_RDWR), injected, left, rc;

	if (nth_fd < 0) {
		perror("kc-insmod-nth: /proc/thread-self/fail-nth");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 7 && strcmp(argv[1], "loop") == 0)
		return loop(argv[2], argv[3], argv[4], argv[5], atoi(argv[6]), nth_fd);
	if (argc < 3) {
		fprintf(stderr, "usage: kc-insmod-nth N MODULE [PARAMS] | loop NAME MODULE PARAMS PATH MAX\n");
		return 2;
	}
	rc = load(nth_fd, argv[2], argc > 3 ? argv[3] : "", atoi(argv[1]), &injected, &left);
	printf("rc=%d injected=%d left=%d\n", rc, injected, left);
	return 0;
}
