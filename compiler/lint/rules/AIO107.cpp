// AIO107: a CPU-bound loop without await inside a coroutine.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags, inside an `async def`, a loop that contains no `await` (nor
`async for`/`async with`) and is clearly CPU-bound:
- `for ... in range(N)` with a literal N of at least 100000;
- nested `for` loops over `range(...)` (quadratic work);
- `while True:` (or `while 1:`) with no `break`, `return` or `raise`.
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
      bool nested = false;
      walkBody(f->body, [&](Node *x) {
        if (auto *g = llvm::dyn_cast<For>(x); g && isRangeCall(g->iter))
          nested = true;
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

void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync)
    return;
  walkBody(ctx.body(), [&](Node *n) {
    auto *s = llvm::dyn_cast<Stmt>(n);
    if (!s || !(llvm::isa<For>(s) || llvm::isa<While>(s)))
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
