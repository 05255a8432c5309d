// AIO107: a CPU-bound loop without await inside a coroutine.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

#include <unordered_set>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags, inside an `async def`, a loop that contains no `await` (nor
`async for`/`async with`) and is clearly CPU-bound:
- `for ... in range(N)` with a literal N of at least 100000;
- nested `for` loops over `range(...)` (quadratic work), unless all the
  ranges are literal and small (fewer than 100000 iterations in all);
- `while True:` (or `while 1:`) with no `break`, `return` or `raise`, and
  not inside a `try:` that handles exceptions or a `with
  pytest.raises(...)`/`assertRaises(...)` block (a loop like `while True:
  q.get_nowait()` ends when the call raises).
Only the outermost such loop is reported.

## Why is this bad?
A coroutine runs until its next await: a long computation holds the event
loop for its whole duration, and every other task, timer and connection
waits.

## Example
    async def handler():
        total = 0
        for i in range(10_000_000):
            total += i * i

## Use instead
    def crunch():
        return sum(i * i for i in range(10_000_000))
    async def handler():
        loop = asyncio.get_running_loop()
        total = await loop.run_in_executor(None, crunch)
        # a ProcessPoolExecutor for pure-Python CPU work
)doc";

namespace {

bool isRangeCall(const Expr *e, int64_t *maxConst = nullptr) {
  auto *c = llvm::dyn_cast_or_null<Call>(e);
  if (!c)
    return false;
  auto *n = llvm::dyn_cast<Name>(c->func);
  if (!n || n->id != "range")
    return false;
  if (maxConst) {
    *maxConst = 0;
    for (const Expr *a : c->args)
      if (auto *k = llvm::dyn_cast<Constant>(a);
          k && k->valueKind == Constant::ValueKind::Int)
        *maxConst = k->intFits ? std::max(*maxConst, k->intValue) : INT64_MAX;
  }
  return true;
}

// The number of iterations of `range(...)` with constant arguments only, or
// -1 when an argument is not a constant int.
int64_t constRangeLength(const Expr *e) {
  auto *c = llvm::dyn_cast_or_null<Call>(e);
  if (!c || c->args.empty() || c->args.size() > 2 || !c->keywords.empty())
    return -1;
  int64_t v[2] = {0, 0};
  for (size_t i = 0; i < c->args.size(); ++i) {
    auto *k = llvm::dyn_cast<Constant>(c->args[i]);
    if (!k || k->valueKind != Constant::ValueKind::Int || !k->intFits)
      return -1;
    v[i] = k->intValue;
  }
  int64_t lo = c->args.size() == 2 ? v[0] : 0;
  int64_t hi = c->args.size() == 2 ? v[1] : v[0];
  return hi > lo ? hi - lo : 0;
}

bool suspends(const StmtList &body) {
  bool s = false;
  walkBody(body, [&](Node *n) {
    if (llvm::isa<Await>(n))
      s = true;
    else if (auto *f = llvm::dyn_cast<For>(n); f && f->isAsync)
      s = true;
    else if (auto *w = llvm::dyn_cast<With>(n); w && w->isAsync)
      s = true;
    else if (auto *c = llvm::dyn_cast<Comprehension>(n); c && c->is_async)
      s = true;
    return !s;
  });
  return s;
}

// Does `body` leave an infinite loop (break of this loop, return, raise)?
bool exits(const StmtList &body) {
  bool e = false;
  std::function<void(const StmtList &, bool)> scan = [&](const StmtList &l,
                                                         bool nested) {
    walkBody(l, [&](Node *n) {
      if (llvm::isa<Return>(n) || llvm::isa<Raise>(n))
        e = true;
      if (llvm::isa<Break>(n) && !nested)
        e = true;
      if (auto *f = llvm::dyn_cast<For>(n)) {
        scan(f->body, true);
        scan(f->orelse, nested);
        return false;
      }
      if (auto *w = llvm::dyn_cast<While>(n)) {
        scan(w->body, true);
        scan(w->orelse, nested);
        return false;
      }
      return true;
    });
  };
  scan(body, false);
  return e;
}

const char *cpuBound(Stmt *s) {
  if (auto *f = llvm::dyn_cast<For>(s)) {
    if (f->isAsync)
      return nullptr;
    int64_t n = 0;
    if (isRangeCall(f->iter, &n) && n >= 100000)
      return "iterates over a large range";
    if (isRangeCall(f->iter)) {
      // Nested constant ranges with a small product (trio's `for _ in
      // range(3): for i in range(100):`) are not CPU-bound.
      int64_t outer = constRangeLength(f->iter);
      bool nested = false;
      walkBody(f->body, [&](Node *x) {
        if (auto *g = llvm::dyn_cast<For>(x); g && isRangeCall(g->iter)) {
          int64_t inner = constRangeLength(g->iter);
          nested = outer < 0 || inner < 0 || outer * inner >= 100000;
        }
        return !nested;
      });
      if (nested)
        return "nests loops over ranges";
    }
    return nullptr;
  }
  if (auto *w = llvm::dyn_cast<While>(s))
    if (isConstTrue(w->test) && !exits(w->body))
      return "never ends and never yields";
  return nullptr;
}

// `while True:` loops inside a `try:` that handles exceptions: the loop
// ends when a call raises (`while True: r.receive_nowait()` until
// WouldBlock, `sock.send(...)` until BlockingIOError), so it is not endless.
std::unordered_set<const Node *> endedByException(const StmtList &body) {
  std::unordered_set<const Node *> out;
  auto mark = [&](const StmtList &l) {
    walkBody(l, [&](Node *x) {
      if (llvm::isa<While>(x))
        out.insert(x);
      return true;
    });
  };
  walkBody(body, [&](Node *n) {
    if (auto *t = llvm::dyn_cast<Try>(n); t && !t->handlers.empty())
      mark(t->body);
    // `with self.assertRaises(BlockingIOError): while True: sock.send(...)`
    if (auto *w = llvm::dyn_cast<With>(n))
      for (const WithItem *i : w->items)
        if (isRaisesContext(i->context_expr)) {
          mark(w->body);
          break;
        }
    return true;
  });
  return out;
}

void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync)
    return;
  std::unordered_set<const Node *> guarded = endedByException(ctx.body());
  walkBody(ctx.body(), [&](Node *n) {
    auto *s = llvm::dyn_cast<Stmt>(n);
    if (!s || !(llvm::isa<For>(s) || llvm::isa<While>(s)))
      return true;
    if (guarded.count(s))
      return true;
    const StmtList &body = llvm::isa<For>(s) ? llvm::cast<For>(s)->body
                                             : llvm::cast<While>(s)->body;
    if (suspends(body))
      return true; // inner loops may still be CPU-bound
    const char *why = cpuBound(s);
    if (!why)
      return true;
    Finding f;
    f.code = "AIO107";
    // The `for`/`while` header line only.
    f.range = {s->range.begin,
               {s->range.begin.line,
                s->range.begin.col + (llvm::isa<For>(s) ? 3u : 5u)}};
    f.message = std::string("CPU-bound loop without await (it ") + why +
                "): it holds the event loop until it finishes";
    f.fix = "move the loop into a sync function and run it with `await "
            "loop.run_in_executor(None, fn)` (a ProcessPoolExecutor for "
            "pure-Python work) or `await asyncio.to_thread(fn)`";
    ctx.report(std::move(f));
    return false; // outermost only
  });
}

} // namespace

const Rule &ruleAIO107() {
  static SimpleRule r({"AIO107", "cpu-bound-loop-in-coroutine",
                       "CPU-bound loop without await in a coroutine", kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
