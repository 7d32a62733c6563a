#ifndef KITH_CSQLITE_SHIM_H
#define KITH_CSQLITE_SHIM_H
#include <sqlite3.h>

/// Turns off SQLite's allocation statistics, which take a global mutex around
/// every allocation (Kith never reads them). sqlite3_config is variadic, which
/// Swift cannot call; it only works before SQLite initialises (the first open),
/// and returns SQLITE_MISUSE after.
static inline int kith_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
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
