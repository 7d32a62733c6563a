// What Swift cannot say: SHA-256 compression with the CPU's SHA instructions
// (x86-64 SHA extensions; portable Swift does the rest), a prefetch hint and
// Linux's sync_file_range for KithStore; vector compares for KithImport's CSV scanner.
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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/// Bit i set when p[i] (i < 64) is `delimiter`, a double quote, CR or LF: the
/// bytes where a CSV field can end. Reads exactly the 64 bytes at `p`; with SSE2
/// (every x86-64) sixteen at a time, elsewhere one at a time.
static inline uint64_t kith_csv_structurals(const uint8_t *p, uint8_t delimiter) {
    uint64_t mask = 0;
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)delimiter), q = _mm_set1_epi8('"');
    const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
    for (int i = 0; i < 4; i++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, q)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(hit) << (16 * i);
    }
#else
    for (int i = 0; i < 64; i++) {
        uint8_t c = p[i];
        if (c == delimiter || c == '"' || c == '\r' || c == '\n') mask |= (uint64_t)1 << i;
    }
#endif
    return mask;
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
