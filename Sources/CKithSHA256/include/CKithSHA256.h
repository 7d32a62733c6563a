// SHA-256 compression with the CPU's SHA instructions (x86-64 SHA extensions),
// for KithStore's SHA256 when the CPU has them. Portable Swift does the rest.
#ifndef CKITHSHA256_H
#define CKITHSHA256_H

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

#endif
