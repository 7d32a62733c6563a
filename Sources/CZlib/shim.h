#ifndef KITH_CZLIB_SHIM_H
#define KITH_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 and deflateInit2 are macros (they pass zlib's version and the size of
/// z_stream, so a library built for another zlib is caught), which Swift cannot call.
/// ZIP members are raw deflate streams: no zlib header or trailer, hence windowBits -15.
static inline int kith_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -15);
}

/// Raw deflate at `level` with zlib's default memory level and strategy: the parameters
/// Info-ZIP and Python's zipfile use, so the output is what other tools produce.
static inline int kith_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

#endif
