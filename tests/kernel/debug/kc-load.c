// SPDX-License-Identifier: GPL-2.0
/*
 * The debug stage's loader: module loads with fault injection and load/use/unload cycles, in one process (under the
 * debug kernel in QEMU a process start costs a large part of a load). After each load the kernel log is read and
 * cleared (as dmesg -c) and every line matching one of REPORTS's patterns (one extended regex per line; what a
 * detector prints) is copied out as "kc-report: ...".
 * A load with fault N is one with the N-th fault-injectable call of this task failing (/proc/thread-self/fail-nth,
 * written just before finit_module).
 *   kc-load REPORTS loop NAME MODULE PARAMS PATH MAX
 *       the whole load: N = 1, 2, ... MAX until a load succeeds with the fault unused. Prints "kc-fi: NAME
 *       complete=<yes|no> loads=N failed=F enomem=E other=O absorbed=A leftovers=L".
 *   kc-load REPORTS init-loop NAME MODULE PARAMS PATH
 *       every fault-injectable call from do_init_module on (the module's init and what the kernel does after it), each
 *       failed in turn: one load counts the calls (C), then N = C, C-1, ... until the failed call is one of the
 *       loader's before do_init_module (the stack failslab prints with verbose=2 shows load_module but not
 *       do_init_module). Prints "kc-fi-init: NAME complete=<yes|no> calls=C in_init=I failed=F enomem=E masked=M
 *       other=O absorbed=A leftovers=L", M the failures the kernel's own code reported as another error.
 *   kc-load REPORTS open-loop NAME DEVICE MAX
 *       a device's open path: N = 1, 2, ... MAX until an open succeeds with the fault unused. Prints "kc-fi-open: NAME
 *       complete=<yes|no> opens=N in_device=I failed=F enomem=E other=O absorbed=A", I the faults injected inside
 *       the device's own open (kc_fop_open on the stack failslab prints with verbose=2).
 *   kc-load REPORTS mkdir-loop NAME DIR MAX
 *       a configfs mkdir: N = 1, 2, ... MAX until mkdir DIR succeeds with the fault unused (each directory made is
 *       removed). Prints "kc-fi-mkdir: NAME complete=<yes|no> mkdirs=N in_module=I failed=F enomem=E masked=M
 *       other=O absorbed=A leftovers=L", I the faults injected inside the module's make_group (kc_cfs_make_group on the
 *       stack failslab prints with verbose=2), L the failed mkdirs that left DIR behind.
 *   kc-load REPORTS cycles COUNT STEP...
 *       COUNT times the STEPs in order, a cycle stopping at its first failed step: insmod:MODULE[:PARAMS],
 *       rmmod:NAME, put:FILE:TEXT (writes TEXT), get:FILE:TEXT (reads exactly TEXT, a trailing newline aside),
 *       run:PROGRAM[:ARG...] (exits 0). Prints "kc-cycles: passed=P of COUNT", each failed step as "kc-cycles: ...".
 * In every loop a loaded module is removed and a failed load must leave no /sys/module/NAME and no PATH (a
 * /proc/sys entry or /dev node; "-" for none).
 */
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_REPORTS 32
static regex_t reports[MAX_REPORTS];
static int report_count;
static char log_buffer[1 << 20];
static int nth_fd = -1;

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static void read_reports(const char *file)
{
	char line[512];
	FILE *patterns = fopen(file, "r");

	if (!patterns)
		die(file);
	while (fgets(line, sizeof(line), patterns) && report_count < MAX_REPORTS) {
		line[strcspn(line, "\n")] = 0;
		if (!*line)
			continue;
		if (regcomp(&reports[report_count], line, REG_EXTENDED | REG_NOSUB) != 0) {
			fprintf(stderr, "kc-load: bad pattern in %s: %s\n", file, line);
			exit(2);
		}
		report_count++;
	}
	fclose(patterns);
}

/* dmesg -c: the kernel log since the last call, detector lines copied out. Returns the log (until the next call). */
static const char *drain(const char *name, int nth)
{
	int length = klogctl(4 /* SYSLOG_ACTION_READ_CLEAR */, log_buffer, sizeof(log_buffer) - 1), i;
	char *line, *end;

	log_buffer[length > 0 ? length : 0] = 0;
	for (line = log_buffer; *line; line = end + (*end != 0)) {
		end = line + strcspn(line, "\n");
		char saved = *end;

		*end = 0;
		for (i = 0; i < report_count; i++)
			if (regexec(&reports[i], line, 0, NULL, 0) == 0) {
				printf("kc-report: %s N=%d: %s\n", name, nth, line);
				break;
			}
		*end = saved;
	}
	return log_buffer;
}

/* The N-th fault-injectable call of this task from now on fails. */
static void arm(int nth)
{
	char buffer[32];
	ssize_t length = snprintf(buffer, sizeof(buffer), "%d", nth);

	if (nth_fd < 0 && (nth_fd = open("/proc/thread-self/fail-nth", O_RDWR)) < 0)
		die("/proc/thread-self/fail-nth");
	if (write(nth_fd, buffer, length) != length)
		die("fail-nth");
}

/* What was left of N: 0 means the fault was injected (a huge N left minus the calls made counts them). */
static int disarm(void)
{
	char buffer[32];
	ssize_t length = pread(nth_fd, buffer, sizeof(buffer) - 1, 0);

	buffer[length > 0 ? length : 0] = 0;
	if (write(nth_fd, "0", 1) != 1)
		perror("kc-load: fail-nth reset");
	return atoi(buffer);
}

static int load(const char *path, const char *params, int nth, int *injected, int *left)
{
	int module = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (module < 0)
		die(path);
	arm(nth);
	rc = syscall(SYS_finit_module, module, params, 0) == 0 ? 0 : errno;
	*left = disarm();
	*injected = *left == 0;
	close(module);
	return rc;
}

struct tally {
	int failed, enomem, masked, other, absorbed, leftovers;
};

/*
 * The kernel's own code that returns another error for a failed allocation, recognised by the line it logs:
 * drivers/base/module.c's module_add_driver gives EINVAL when /sys/module/NAME/drivers could not be made
 * (module_create_drivers_dir fails silently), and bus_add_driver logs "failed to create module links". Read
 * without clearing: the log holds only this load's lines (every load's are cleared after it).
 */
static bool kernel_masked_enomem(int error)
{
	static char text[1 << 16];
	int length;

	if (error != EINVAL)
		return false;
	length = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, text, sizeof(text) - 1);
	text[length > 0 ? length : 0] = 0;
	return strstr(text, "failed to create module links for ") != NULL;
}

/* A failure under fault injection: ENOMEM is what it must be (or the kernel's masked ENOMEM); returns false (to be
 * printed) for any other errno. */
static bool tally_failure(struct tally *tally, int error)
{
	tally->failed++;
	if (error == ENOMEM) {
		tally->enomem++;
		return true;
	}
	if (kernel_masked_enomem(error)) {
		tally->masked++;
		return true;
	}
	tally->other++;
	return false;
}

/* One load of a loop: a loaded module is removed, a failed one must leave nothing. Returns the load's errno. */
static int counted_load(struct tally *tally, const char *name, const char *path, const char *params,
			const char *extra, int nth, int *injected, int *left)
{
	char sys_module[256];
	int rc = load(path, params, nth, injected, left);

	snprintf(sys_module, sizeof(sys_module), "/sys/module/%s", name);
	if (rc == 0) {
		if (syscall(SYS_delete_module, name, O_NONBLOCK) != 0)
			printf("kc-fi: %s N=%d rmmod failed: errno %d\n", name, nth, errno);
		if (*injected)
			tally->absorbed++;
		return 0;
	}
	if (!tally_failure(tally, rc))
		printf("kc-fi: %s N=%d rc=%d injected=%d\n", name, nth, rc, *injected);
	if (access(sys_module, F_OK) == 0 || (strcmp(extra, "-") != 0 && access(extra, F_OK) == 0)) {
		tally->leftovers++;
		printf("kc-fi: %s N=%d left something behind\n", name, nth);
	}
	return rc;
}

static void print_tally(const struct tally *tally)
{
	printf(" failed=%d enomem=%d masked=%d other=%d absorbed=%d leftovers=%d\n",
	       tally->failed, tally->enomem, tally->masked, tally->other, tally->absorbed, tally->leftovers);
}

static int loop(const char *name, const char *path, const char *params, const char *extra, int max)
{
	struct tally tally = { 0 };
	int n, done = 0, injected, left;

	drain(name, 0);
	for (n = 1; n <= max && !done; n++) {
		done = counted_load(&tally, name, path, params, extra, n, &injected, &left) == 0 && !injected;
		drain(name, n);
	}
	printf("kc-fi: %s complete=%s loads=%d", name, done ? "yes" : "no", n - 1);
	print_tally(&tally);
	return 0;
}

static int init_loop(const char *name, const char *path, const char *params, const char *extra)
{
	const int huge = 1000000;
	struct tally tally = { 0 };
	int n, total, done = 0, in_init = 0, injected, left;

	drain(name, 0);
	counted_load(&tally, name, path, params, extra, huge, &injected, &left);
	drain(name, huge);
	total = huge - left;
	for (n = total; n >= 1; n--) {
		counted_load(&tally, name, path, params, extra, n, &injected, &left);
		const char *trace = drain(name, n);

		/* A call outside the load (this program's own read of fail-nth) is neither: go on past it. */
		if (!injected)
			continue;
		if (strstr(trace, "do_init_module")) {
			in_init++;
		} else if (strstr(trace, "load_module")) {
			done = 1;
			break;
		}
	}
	printf("kc-fi-init: %s complete=%s calls=%d in_init=%d", name, done ? "yes" : "no", total, in_init);
	print_tally(&tally);
	return 0;
}

/* The device's open path as loop() does the load: every failed open must fail with ENOMEM; in_device counts the
 * faults injected inside the device's own open (kc_fop_open on failslab's stack: C's file state, the C# Open). */
static int open_loop(const char *name, const char *device, int max)
{
	struct tally tally = { 0 };
	int n, done = 0, in_device = 0;

	drain(name, 0);
	for (n = 1; n <= max && !done; n++) {
		arm(n);
		int fd = open(device, O_RDWR | O_CLOEXEC), error = errno, left = disarm();
		const char *trace = drain(name, n);

		if (left == 0 && strstr(trace, "kc_fop_open"))
			in_device++;
		if (fd >= 0) {
			close(fd);
			if (left == 0)
				tally.absorbed++;
			else
				done = 1;
			continue;
		}
		if (!tally_failure(&tally, error))
			printf("kc-fi-open: N=%d errno=%d\n", n, error);
	}
	printf("kc-fi-open: %s complete=%s opens=%d in_device=%d failed=%d enomem=%d other=%d absorbed=%d\n", name,
	       done ? "yes" : "no", n - 1, in_device, tally.failed, tally.enomem, tally.other, tally.absorbed);
	return 0;
}

/* A configfs mkdir as open_loop() does an open: every failed mkdir must fail with ENOMEM and leave no directory. */
static int mkdir_loop(const char *name, const char *dir, int max)
{
	struct tally tally = { 0 };
	int n, done = 0, in_module = 0;

	drain(name, 0);
	for (n = 1; n <= max && !done; n++) {
		arm(n);
		int status = mkdir(dir, 0755), error = errno, left = disarm();
		const char *trace = drain(name, n);

		if (left == 0 && strstr(trace, "kc_cfs_make_group"))
			in_module++;
		if (status == 0) {
			if (rmdir(dir) != 0)
				printf("kc-fi-mkdir: N=%d rmdir errno=%d\n", n, errno);
			if (left == 0)
				tally.absorbed++;
			else
				done = 1;
			continue;
		}
		if (!tally_failure(&tally, error))
			printf("kc-fi-mkdir: N=%d errno=%d\n", n, error);
		if (access(dir, F_OK) == 0) {
			tally.leftovers++;
			printf("kc-fi-mkdir: N=%d left %s behind\n", n, dir);
		}
	}
	printf("kc-fi-mkdir: %s complete=%s mkdirs=%d in_module=%d", name, done ? "yes" : "no", n - 1, in_module);
	print_tally(&tally);
	return 0;
}

/* One step of a cycle; its text is split at ':' in place. Returns 0 when it did what it says. */
static int step(char *text)
{
	char *argv[16], *colon;
	int argc = 0, status, fd;
	pid_t child;

	for (argv[argc++] = text; argc < 15 && (colon = strchr(argv[argc - 1], ':')); argv[argc++] = colon + 1)
		*colon = 0;
	argv[argc] = NULL;
	if (strcmp(argv[0], "insmod") == 0 && argc >= 2) {
		fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		status = fd >= 0 && syscall(SYS_finit_module, fd, argc > 2 ? argv[2] : "", 0) == 0 ? 0 : errno;
		if (fd >= 0)
			close(fd);
		return status;
	}
	if (strcmp(argv[0], "rmmod") == 0 && argc == 2)
		return syscall(SYS_delete_module, argv[1], O_NONBLOCK) == 0 ? 0 : errno;
	if (strcmp(argv[0], "put") == 0 && argc == 3) {
		fd = open(argv[1], O_WRONLY | O_CLOEXEC);
		status = fd >= 0 && write(fd, argv[2], strlen(argv[2])) == (ssize_t)strlen(argv[2]) ? 0 : errno;
		if (fd >= 0)
			close(fd);
		return status;
	}
	if (strcmp(argv[0], "get") == 0 && argc == 3) {
		char buffer[256];
		ssize_t length;

		fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		length = fd >= 0 ? read(fd, buffer, sizeof(buffer) - 1) : -1;
		if (fd >= 0)
			close(fd);
		if (length < 0)
			return errno;
		buffer[length] = 0;
		buffer[strcspn(buffer, "\n")] = 0;
		return strcmp(buffer, argv[2]) == 0 ? 0 : EINVAL;
	}
	if (strcmp(argv[0], "run") == 0 && argc >= 2) {
		child = fork();
		if (child == 0) {
			int null = open("/dev/null", O_WRONLY);

			dup2(null, 1);
			execv(argv[1], argv + 1);
			_exit(127);
		}
		if (child < 0 || waitpid(child, &status, 0) < 0)
			return errno;
		return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : ECHILD;
	}
	fprintf(stderr, "kc-load: unknown step %s\n", argv[0]);
	exit(2);
}

static int cycles(int count, int steps, char **texts)
{
	char copy[512];
	int cycle, i, passed = 0, rc = 0;

	drain("cycles", 0);
	for (cycle = 1; cycle <= count; cycle++) {
		for (i = 0; i < steps; i++) {
			snprintf(copy, sizeof(copy), "%s", texts[i]);
			rc = step(copy);
			if (rc != 0) {
				printf("kc-cycles: cycle %d: %s failed: %s\n", cycle, texts[i], strerror(rc));
				break;
			}
		}
		passed += i == steps;
		drain("cycles", cycle);
	}
	printf("kc-cycles: passed=%d of %d\n", passed, count);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3)
		read_reports(argv[1]);
	if (argc == 8 && strcmp(argv[2], "loop") == 0)
		return loop(argv[3], argv[4], argv[5], argv[6], atoi(argv[7]));
	if (argc == 7 && strcmp(argv[2], "init-loop") == 0)
		return init_loop(argv[3], argv[4], argv[5], argv[6]);
	if (argc == 6 && strcmp(argv[2], "open-loop") == 0)
		return open_loop(argv[3], argv[4], atoi(argv[5]));
	if (argc == 6 && strcmp(argv[2], "mkdir-loop") == 0)
		return mkdir_loop(argv[3], argv[4], atoi(argv[5]));
	if (argc >= 5 && strcmp(argv[2], "cycles") == 0)
		return cycles(atoi(argv[3]), argc - 4, argv + 4);
	fprintf(stderr, "usage: kc-load REPORTS loop NAME MODULE PARAMS PATH MAX |"
		" init-loop NAME MODULE PARAMS PATH | open-loop NAME DEVICE MAX | mkdir-loop NAME DIR MAX | cycles COUNT STEP...\n");
	return 2;
}
