// AIO112: waiting on thread primitives in a coroutine.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags waits on thread synchronisation inside an `async def`:
`threading.Lock/RLock/Semaphore.acquire()`, `threading.Event.wait()`,
`threading.Condition.wait()/wait_for()`, `threading.Barrier.wait()`,
`threading.Thread.join()`, `queue.Queue.get()/put()/join()`,
`concurrent.futures.Future.result()/exception()` and
`concurrent.futures.wait()`. Non-blocking forms (`block=False`,
`blocking=False`, `timeout=0`, `get_nowait`) are not flagged, nor `put`
on a queue created unbounded (`queue.Queue()`, `queue.SimpleQueue()`) in
the same function or module, nor `acquire` right after the statement that
created the `Lock()` (it is free).

## Why is this bad?
These wait for another thread while holding the event loop's thread; if
that other thread needs the loop, the program deadlocks, and otherwise
every task stalls.

## Example
    import queue
    async def consume(q: queue.Queue):
        item = q.get()

## Use instead
    import asyncio, queue
    async def consume(q: queue.Queue):
        item = await asyncio.to_thread(q.get)
    # or use asyncio.Queue / asyncio.Lock / asyncio.Event between tasks,
    # and `await asyncio.wrap_future(fut)` for a concurrent future
)doc";

// The callee's last name as written: "Queue" for `asyncio.Queue(...)` and
// `Queue(...)`.
static std::string_view lastName(const Call *c) {
  if (auto *f = llvm::dyn_cast<Attribute>(c->func))
    return f->attr;
  if (auto *f = llvm::dyn_cast<Name>(c->func))
    return f->id;
  return {};
}

// `q.put(...)` where `q = queue.Queue()` (no maxsize, or 0) or
// `queue.SimpleQueue()` in the same function or at module level: an
// unbounded queue never blocks a put.
static bool putOnUnboundedQueue(const CallSite &c) {
  auto *a = llvm::dyn_cast<Attribute>(c.call->func);
  auto *recv = a ? llvm::dyn_cast<Name>(a->value) : nullptr;
  if (!recv)
    return false;
  const Call *ctor = nullptr;
  auto find = [&](const StmtList &body) {
    walkBody(body, [&](Node *n) {
      auto *as = llvm::dyn_cast<Assign>(n);
      if (!as || as->targets.size() != 1)
        return true;
      auto *t = llvm::dyn_cast<Name>(as->targets[0]);
      if (t && t->id == recv->id)
        ctor = llvm::dyn_cast_or_null<Call>(as->value);
      return true;
    });
  };
  if (c.fn)
    find(c.fn->def->body);
  if (!ctor)
    find(c.mod.ast->body);
  if (!ctor)
    return false;
  std::string_view name = lastName(ctor);
  if (name == "SimpleQueue")
    return true;
  if (name != "Queue" && name != "LifoQueue" && name != "PriorityQueue")
    return false;
  const Expr *size = ctor->args.empty() ? nullptr : ctor->args[0];
  for (const Keyword *k : ctor->keywords)
    if (k->arg == "maxsize")
      size = k->value;
  return !size || isConstFalse(size);
}

// `x = threading.Lock()` immediately followed by `x.acquire()` (trio's
// WorkerThread: `self._lock = Lock(); self._lock.acquire()`): no other
// thread can hold a lock made one statement ago, so this cannot wait.
static bool acquireOfNewLock(const CallSite &c) {
  auto *a = llvm::dyn_cast<Attribute>(c.call->func);
  if (!a || !c.fn)
    return false;
  std::string_view recv = c.mod.slice(a->value->range);
  auto isNewLock = [&](const Stmt *s) {
    auto *as = llvm::dyn_cast<Assign>(s);
    if (!as || as->targets.size() != 1)
      return false;
    auto *ctor = llvm::dyn_cast_or_null<Call>(as->value);
    if (!ctor || c.mod.slice(as->targets[0]->range) != recv)
      return false;
    std::string_view name = lastName(ctor);
    return name == "Lock" || name == "RLock";
  };
  auto isThisCall = [&](const Stmt *s) {
    auto *e = llvm::dyn_cast<ExprStmt>(s);
    return e && e->value == c.call;
  };
  bool fresh = false;
  walk(c.fn->def, [&](Node *n) {
    const StmtList *body = nullptr;
    if (auto *d = llvm::dyn_cast<FunctionDef>(n))
      body = &d->body;
    else if (auto *i = llvm::dyn_cast<If>(n))
      body = &i->body;
    else if (auto *t = llvm::dyn_cast<Try>(n))
      body = &t->body;
    else if (auto *w = llvm::dyn_cast<With>(n))
      body = &w->body;
    else if (auto *f = llvm::dyn_cast<For>(n))
      body = &f->body;
    else if (auto *wh = llvm::dyn_cast<While>(n))
      body = &wh->body;
    if (body)
      for (size_t i = 1; i < body->size(); ++i)
        if (isThisCall((*body)[i]) && isNewLock((*body)[i - 1]))
          fresh = true;
    return !fresh;
  });
  return fresh;
}

static bool match(const CallSite &c, BlockingMatch &m) {
  std::string meth(c.method());
  bool hit = c.qual == "concurrent.futures.wait";
  if (startsWith(c.qual, "threading.Lock.") ||
      startsWith(c.qual, "threading.Semaphore."))
    hit = meth == "acquire";
  else if (startsWith(c.qual, "threading.Event.") ||
           startsWith(c.qual, "threading.Barrier."))
    hit = meth == "wait";
  else if (startsWith(c.qual, "threading.Condition."))
    hit = meth == "wait" || meth == "wait_for" || meth == "acquire";
  else if (startsWith(c.qual, "threading.Thread."))
    hit = meth == "join";
  else if (startsWith(c.qual, "queue.Queue."))
    hit = meth == "get" || meth == "put" || meth == "join";
  else if (startsWith(c.qual, "concurrent.futures.Future."))
    hit = meth == "result" || meth == "exception";
  if (!hit)
    return false;
  // Non-blocking variants.
  if (isConstFalse(c.keyword("block")) || isConstFalse(c.keyword("blocking")) ||
      isConstFalse(c.keyword("timeout")))
    return false;
  if ((meth == "get" || meth == "acquire") && isConstFalse(c.arg(0)))
    return false;
  if (meth == "put" && putOnUnboundedQueue(c))
    return false;
  if (meth == "acquire" && acquireOfNewLock(c))
    return false;
  m.message = "`" + c.written() +
              "()` blocks the event loop while it waits "
              "for another thread";
  if (startsWith(c.qual, "concurrent.futures.Future."))
    m.fix = "use `await asyncio.wrap_future(fut)`";
  else
    m.fix = "use `" + toThreadFix(c) +
            "`, or the asyncio primitive (asyncio.Queue, asyncio.Lock, "
            "asyncio.Event) between tasks";
  return true;
}

const Rule &ruleAIO112() {
  static SimpleRule r({"AIO112", "blocking-thread-wait-in-async-function",
                       "waiting on a thread primitive in an async function",
                       kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
