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

#endif
