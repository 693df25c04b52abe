// SPDX-License-Identifier: GPL-2.0
/*
 * kc-insmod-nth N MODULE [PARAMS]: loads MODULE with finit_module, with the N-th fault-injectable call of this task
 * made to fail (/proc/thread-self/fail-nth, written just before the syscall so that only the load counts).
 * Prints "rc=<errno or 0> injected=<1|0> left=<n>": whether the injected fault was reached during the load, and
 * what was left of N (so a load with a huge N counts the load's fault-injectable calls).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buffer[32];
	int module, nth, rc, injected;
	ssize_t length;

	if (argc < 3) {
		fprintf(stderr, "usage: kc-insmod-nth N MODULE [PARAMS]\n");
		return 2;
	}
	module = open(argv[2], O_RDONLY | O_CLOEXEC);
	nth = open("/proc/thread-self/fail-nth", O_RDWR);
	if (module < 0 || nth < 0) {
		perror("kc-insmod-nth: open");
		return 2;
	}
	length = snprintf(buffer, sizeof(buffer), "%d", atoi(argv[1]));
	if (write(nth, buffer, length) != length) {
		perror("kc-insmod-nth: fail-nth");
		return 2;
	}
	rc = syscall(SYS_finit_module, module, argc > 3 ? argv[3] : "", 0) == 0 ? 0 : errno;
	/* 0 means the fault was injected; a positive number is what was left of N. */
	length = pread(nth, buffer, sizeof(buffer) - 1, 0);
	buffer[length > 0 ? length : 0] = 0;
	injected = atoi(buffer) == 0;
	write(nth, "0", 1);
	printf("rc=%d injected=%d left=%d\n", rc, injected, atoi(buffer));
	return 0;
}
