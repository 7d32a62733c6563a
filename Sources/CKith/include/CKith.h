// What Swift cannot say, for KithStore: SHA-256 compression with the CPU's SHA
// instructions (x86-64 SHA extensions; portable Swift does the rest), a
// prefetch hint, and Linux's sync_file_range.
#ifndef CKITH_H
#define CKITH_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants K of FIPS 180-4 §4.2.2 (for the portable Swift code too).
const uint32_t *kith_sha256_round_constants(void);

/// 1 when this CPU can run `kith_sha256_compress_hw` (x86-64 with SHA, SSSE3
/// and SSE4.1), else 0. Always 0 on other architectures.
int kith_sha256_hw_available(void);

/// Compresses `blocks` consecutive 64-byte blocks at `data` into `state`
/// (H0…H7 of FIPS 180-4 §6.2.2, native byte order). Only call it when
/// `kith_sha256_hw_available()` returned 1.
void kith_sha256_compress_hw(uint32_t state[8], const uint8_t *data, size_t blocks);

/// Asks the CPU to start loading the cache line at `address` (a hint: it never
/// faults and changes nothing). KeyIndex issues it a few keys ahead, so the
/// random reads of a large table overlap instead of waiting one at a time.
static inline void kith_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
/// Starts writing a file's dirty pages to disk, without waiting for them
/// (Linux's sync_file_range with SYNC_FILE_RANGE_WRITE, which Glibc's Swift
/// module does not export). Elsewhere it does nothing; returns -1 on failure.
static inline int kith_start_writeback(int fd) {
    return (int)syscall(SYS_sync_file_range, fd, (long)0, (long)0, (unsigned int)2);
}
#else
static inline int kith_start_writeback(int fd) { (void)fd; return 0; }
#endif

#endif
