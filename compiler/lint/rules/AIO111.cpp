// AIO111: sqlite3 calls in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `sqlite3.connect(...)` and the query methods of its connections and
cursors (`execute`, `executemany`, `executescript`, `commit`, `rollback`,
`fetchone`, `fetchmany`, `fetchall`, `backup`) inside an `async def`.

## Why is this bad?
sqlite3 runs queries synchronously on the calling thread, reading and
writing the database file and waiting on its locks: the event loop stalls
for every query.

## Example
    import sqlite3
    async def count(db):
        con = sqlite3.connect(db)
        return con.execute("select count(*) from t").fetchone()

## Use instead
    import asyncio, sqlite3
    def count_sync(db):
        con = sqlite3.connect(db)
        return con.execute("select count(*) from t").fetchone()
    async def count(db):
        return await asyncio.to_thread(count_sync, db)
    # or use aiosqlite
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  bool hit = c.qual == "sqlite3.connect";
  if (startsWith(c.qual, "sqlite3.Connection.") ||
      startsWith(c.qual, "sqlite3.Cursor."))
    hit = qualIn(std::string(c.method()),
                 {"execute", "executemany", "executescript", "commit",
                  "rollback", "fetchone", "fetchmany", "fetchall", "backup"});
  if (!hit)
    return false;
  m.message = "`" + c.written() + "` runs a blocking sqlite3 operation";
  m.fix = "move the database work into a sync function and `await "
          "asyncio.to_thread(fn, ...)`, or use aiosqlite";
  return true;
}

const Rule &ruleAIO111() {
  static SimpleRule r({"AIO111", "blocking-sqlite3-call-in-async-function",
                       "sqlite3 call in an async function", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
