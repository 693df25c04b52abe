// SPDX-License-Identifier: GPL-2.0
/*
 * User space for the misc-device samples, run in the QEMU guest (static, no libc beyond it).
 *   misc-device-user upstream DEV     Rust-for-Linux's example program from samples/rust/rust_misc_device.rs,
 *                                     step for step, so the kernel's lines can be compared with upstream's.
 *   misc-device-user scenario DEV     every file operation and its errors; one "kc-check: NAME ok|FAIL ..." per check.
 *   misc-device-user cycles DEV N     N open/ioctl/write/read/close cycles (for the leak check and fault injection).
 *   misc-device-user bench DEV N      N write+read round trips of 64 bytes; prints the nanoseconds they took.
 *   misc-device-user readonly DEV     a device that implements only read (tests/KernelModules/OpsMod): the kernel's
 *                                     own answers for the operations it leaves out.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define RUST_MISC_DEV_FAIL _IO('|', 0)
#define RUST_MISC_DEV_HELLO _IO('|', 0x80)
#define RUST_MISC_DEV_GET_VALUE _IOR('|', 0x81, int)
#define RUST_MISC_DEV_SET_VALUE _IOW('|', 0x82, int)

static int failures;
/* An address no process maps; volatile so the compiler does not see through it. */
static void *volatile bad = (void *)8;

static void check(const char *name, int ok, const char *detail)
{
	printf("kc-check: %s %s%s%s\n", name, ok ? "ok" : "FAIL", detail ? " " : "", detail ? detail : "");
	if (!ok)
		failures++;
}

static char detail[256];
#define DETAIL(...) (snprintf(detail, sizeof(detail), __VA_ARGS__), detail)

static int upstream(const char *device)
{
	int value, new_value;
	int fd, ret;

	printf("Opening %s for reading and writing\n", device);
	fd = open(device, O_RDWR);
	if (fd < 0) {
		perror("open");
		return errno;
	}
	printf("Calling Hello\n");
	ret = ioctl(fd, RUST_MISC_DEV_HELLO, NULL);
	if (ret < 0) {
		perror("ioctl: Failed to call into Hello");
		close(fd);
		return errno;
	}
	printf("Fetching initial value\n");
	ret = ioctl(fd, RUST_MISC_DEV_GET_VALUE, &value);
	if (ret < 0) {
		perror("ioctl: Failed to fetch the initial value");
		close(fd);
		return errno;
	}
	value++;
	printf("Submitting new value (%d)\n", value);
	ret = ioctl(fd, RUST_MISC_DEV_SET_VALUE, &value);
	if (ret < 0) {
		perror("ioctl: Failed to submit new value");
		close(fd);
		return errno;
	}
	printf("Fetching new value\n");
	ret = ioctl(fd, RUST_MISC_DEV_GET_VALUE, &new_value);
	if (ret < 0) {
		perror("ioctl: Failed to fetch the new value");
		close(fd);
		return errno;
	}
	if (value != new_value) {
		printf("Failed: Committed and retrieved values are different (%d - %d)\n", value, new_value);
		close(fd);
		return -1;
	}
	printf("Attempting to call in to an non-existent IOCTL\n");
	ret = ioctl(fd, RUST_MISC_DEV_FAIL, NULL);
	if (ret < 0) {
		perror("ioctl: Succeeded to fail - this was expected");
	} else {
		printf("ioctl: Failed to fail\n");
		close(fd);
		return -1;
	}
	printf("Closing %s\n", device);
	close(fd);
	printf("Success\n");
	return 0;
}

static int scenario(const char *device)
{
	/* A page that is mapped, then one that is not: a copy across the boundary is partial. */
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char buffer[64];
	int value = 0, ret, a, b;
	ssize_t n;

	if (page == MAP_FAILED || munmap(page + 4096, 4096) != 0) {
		perror("mmap");
		return 1;
	}
	a = open(device, O_RDWR);
	b = open(device, O_RDWR);
	check("two opens succeed", a >= 0 && b >= 0, DETAIL("a=%d b=%d errno=%d", a, b, errno));
	check("hello", ioctl(a, RUST_MISC_DEV_HELLO, NULL) == 0, NULL);
	ret = ioctl(a, RUST_MISC_DEV_GET_VALUE, &value);
	check("a new open's value is 0", ret == 0 && value == 0, DETAIL("ret=%d value=%d", ret, value));
	value = -123456;
	check("set value", ioctl(a, RUST_MISC_DEV_SET_VALUE, &value) == 0, NULL);
	value = 0;
	ret = ioctl(a, RUST_MISC_DEV_GET_VALUE, &value);
	check("get returns the value set", ret == 0 && value == -123456, DETAIL("value=%d", value));
	value = 1;
	ret = ioctl(b, RUST_MISC_DEV_GET_VALUE, &value);
	check("the other open has its own value", ret == 0 && value == 0, DETAIL("value=%d", value));
	errno = 0;
	ret = ioctl(a, RUST_MISC_DEV_FAIL, NULL);
	check("an unknown ioctl is ENOTTY", ret == -1 && errno == ENOTTY, DETAIL("ret=%d errno=%d", ret, errno));
	errno = 0;
	ret = ioctl(a, RUST_MISC_DEV_GET_VALUE, bad);
	check("get into a bad pointer is EFAULT", ret == -1 && errno == EFAULT, DETAIL("errno=%d", errno));
	errno = 0;
	ret = ioctl(a, RUST_MISC_DEV_SET_VALUE, bad);
	check("set from a bad pointer is EFAULT", ret == -1 && errno == EFAULT, DETAIL("errno=%d", errno));
	ret = ioctl(a, RUST_MISC_DEV_GET_VALUE, &value);
	check("a failed set leaves the value", ret == 0 && value == -123456, DETAIL("value=%d", value));
	errno = 0;
	ret = ioctl(a, RUST_MISC_DEV_SET_VALUE, page + 4094);
	check("set from an int across the end of a mapping is EFAULT", ret == -1 && errno == EFAULT, DETAIL("errno=%d", errno));

	n = write(a, "hello, kernel", 13);
	check("write takes every byte", n == 13, DETAIL("n=%zd errno=%d", n, errno));
	memset(buffer, 0, sizeof(buffer));
	n = read(a, buffer, sizeof(buffer));
	check("read gives back what was written", n == 13 && memcmp(buffer, "hello, kernel", 13) == 0, DETAIL("n=%zd '%.*s'", n, n > 0 ? (int)n : 0, buffer));
	n = read(a, buffer, sizeof(buffer));
	check("read at the end gives 0", n == 0, DETAIL("n=%zd", n));
	n = read(b, buffer, sizeof(buffer));
	check("the other open's buffer is empty", n == 0, DETAIL("n=%zd", n));
	check("write again", write(a, "abcdef", 6) == 6, NULL);
	n = read(a, buffer, 4);
	check("a short read gives the first bytes", n == 4 && memcmp(buffer, "abcd", 4) == 0, DETAIL("n=%zd", n));
	n = read(a, buffer, 4);
	check("the next read goes on from the file position", n == 2 && memcmp(buffer, "ef", 2) == 0, DETAIL("n=%zd", n));
	errno = 0;
	n = write(a, bad, 4);
	check("write from a bad pointer is EFAULT", n == -1 && errno == EFAULT, DETAIL("n=%zd errno=%d", n, errno));
	check("rewrite", write(a, "xyz", 3) == 3, NULL);
	errno = 0;
	n = read(a, bad, 3);
	check("read into a bad pointer is EFAULT", n == -1 && errno == EFAULT, DETAIL("n=%zd errno=%d", n, errno));
	n = read(a, page + 4094, 3);
	check("read into a buffer that ends part-way copies what fits", n == 2 && memcmp(page + 4094, "xy", 2) == 0, DETAIL("n=%zd errno=%d", n, errno));
	n = read(a, buffer, sizeof(buffer));
	check("and the position moved by that much", n == 1 && buffer[0] == 'z', DETAIL("n=%zd", n));
	check("close both", close(a) == 0 && close(b) == 0, NULL);
	printf("kc-scenario: %d failed\n", failures);
	return failures != 0;
}

static int cycles(const char *device, int count)
{
	char buffer[16];
	int i, value;

	for (i = 0; i < count; i++) {
		int fd = open(device, O_RDWR);

		if (fd < 0) {
			printf("kc-cycles: open %d failed: errno %d\n", i, errno);
			return 1;
		}
		value = i;
		if (ioctl(fd, RUST_MISC_DEV_SET_VALUE, &value) != 0 || write(fd, "cycle", 5) != 5 ||
		    read(fd, buffer, sizeof(buffer)) != 5) {
			printf("kc-cycles: cycle %d failed: errno %d\n", i, errno);
			close(fd);
			return 1;
		}
		close(fd);
	}
	printf("kc-cycles: %d done\n", count);
	return 0;
}

static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int bench(const char *device, int count)
{
	char data[64], back[64];
	int fd = open(device, O_RDWR), i;
	long long start;

	if (fd < 0)
		return 1;
	memset(data, 'b', sizeof(data));
	start = now_ns();
	for (i = 0; i < count; i++) {
		if (write(fd, data, sizeof(data)) != sizeof(data) || read(fd, back, sizeof(back)) != sizeof(back))
			return 1;
	}
	printf("kc-bench: %s %d round trips %lld ns\n", device, count, now_ns() - start);
	close(fd);
	return 0;
}

static int readonly(const char *device)
{
	char buffer[32] = { 0 };
	int fd = open(device, O_RDWR);
	ssize_t n;
	int r;

	check("readonly-open", fd >= 0, DETAIL("errno %d", errno));
	if (fd < 0)
		return 1;
	n = read(fd, buffer, sizeof(buffer) - 1);
	check("readonly-read", n == 10 && strcmp(buffer, "read only\n") == 0, DETAIL("%zd '%s'", n, buffer));
	errno = 0;
	n = write(fd, "x", 1);
	check("readonly-write-EINVAL", n == -1 && errno == EINVAL, DETAIL("%zd errno %d", n, errno));
	errno = 0;
	r = ioctl(fd, RUST_MISC_DEV_HELLO);
	check("readonly-ioctl-ENOTTY", r == -1 && errno == ENOTTY, DETAIL("%d errno %d", r, errno));
	close(fd);
	return failures != 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc == 3 && strcmp(argv[1], "upstream") == 0)
		return upstream(argv[2]);
	if (argc == 3 && strcmp(argv[1], "scenario") == 0)
		return scenario(argv[2]);
	if (argc == 4 && strcmp(argv[1], "cycles") == 0)
		return cycles(argv[2], atoi(argv[3]));
	if (argc == 4 && strcmp(argv[1], "bench") == 0)
		return bench(argv[2], atoi(argv[3]));
	if (argc == 3 && strcmp(argv[1], "readonly") == 0)
		return readonly(argv[2]);
	fprintf(stderr, "usage: %s upstream|scenario|readonly DEV | cycles|bench DEV N\n", argv[0]);
	return 2;
}
