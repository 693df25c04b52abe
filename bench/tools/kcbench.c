// The guest side of the benchmarks: a static program in the initramfs.
//   kcbench sysctl <file> <n>   n write+read round trips (write "1\n"/"0\n" alternately, read it back): ns/op
//   kcbench insmod <ko> <name> <n>  n load/unload cycles, timing finit_module (init runs inside it): us/load
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static int bench_sysctl(const char *path, long n)
{
	int fd = open(path, O_RDWR);
	char buffer[8];
	if (fd < 0) { perror(path); return 1; }
	for (long i = 0; i < 1000; i++) {   /* warm-up */
		pwrite(fd, "1\n", 2, 0);
		pread(fd, buffer, sizeof buffer, 0);
	}
	double start = now_ns();
	for (long i = 0; i < n; i++) {
		const char *value = (i & 1) ? "0\n" : "1\n";
		if (pwrite(fd, value, 2, 0) != 2) { perror("write"); return 1; }
		if (pread(fd, buffer, sizeof buffer, 0) != 2 || buffer[0] != value[0]) { fprintf(stderr, "bad read\n"); return 1; }
	}
	double elapsed = now_ns() - start;
	printf("kcbench sysctl %s %ld %.1f ns/op\n", path, n, elapsed / n);
	close(fd);
	return 0;
}

static int bench_insmod(const char *ko, const char *name, long n)
{
	double total = 0;
	for (long i = 0; i < n; i++) {
		int fd = open(ko, O_RDONLY);
		if (fd < 0) { perror(ko); return 1; }
		double start = now_ns();
		if (syscall(SYS_finit_module, fd, "", 0) != 0) { perror("finit_module"); return 1; }
		total += now_ns() - start;
		close(fd);
		if (syscall(SYS_delete_module, name, O_NONBLOCK) != 0) { perror("delete_module"); return 1; }
	}
	printf("kcbench insmod %s %ld %.1f us/load\n", name, n, total / n / 1000);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "sysctl")) return bench_sysctl(argv[2], atol(argv[3]));
	if (argc == 5 && !strcmp(argv[1], "insmod")) return bench_insmod(argv[2], argv[3], atol(argv[4]));
	fprintf(stderr, "usage: kcbench sysctl <file> <n> | kcbench insmod <ko> <name> <n>\n");
	return 2;
}
