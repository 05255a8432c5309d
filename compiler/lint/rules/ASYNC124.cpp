// ASYNC124: an async function that never awaits.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

#include <unordered_set>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags an `async def` whose body has no `await`, `async for` or
`async with`. Not flagged: async generators, stubs (a body of only a
docstring, `pass`, `...` or `raise`), decorated functions and methods
(as flake8-async's ASYNC124: a method may implement an async interface,
declared or duck-typed, like trio's `CapacityLimiter.acquire_on_behalf_of`
or a fake resolver's `getaddrinfo`). Nor where the coroutine is
required: the function is passed on as a value (`trio.run(main)`,
`nursery.start_soon(task)`, `obj.hook = fn`), a call of it is handed on
instead of awaited (`asyncio.run(main())`, `create_task(fn())`,
`gather(fn(), ...)`), or its body needs a running loop
(`asyncio.get_running_loop()`, `asyncio.current_task()`, trio's
`current_time()`, `CancelScope()`, `open_signal_receiver()`, ...).

## Why is this bad?
The function never suspends, so making it a coroutine only adds overhead:
every caller must await it, a coroutine object is allocated per call, and
readers are misled into thinking it yields to the event loop (often it
hides blocking work).

## Example
    async def total(xs):
        return sum(xs)

## Use instead
    def total(xs):
        return sum(xs)
)doc";

static bool isStub(const StmtList &body) {
  for (const Stmt *s : body) {
    if (llvm::isa<Pass>(s) || llvm::isa<Raise>(s))
      continue;
    if (auto *e = llvm::dyn_cast<ExprStmt>(s))
      if (auto *c = llvm::dyn_cast_or_null<Constant>(e->value))
        if (c->valueKind == Constant::ValueKind::Str ||
            c->valueKind == Constant::ValueKind::Ellipsis)
          continue;
    return false;
  }
  return true;
}

// True when `e` names the function `name`: `name` or `x.name`.
static bool refersTo(const Expr *e, const std::string &name) {
  if (auto *n = llvm::dyn_cast<Name>(e))
    return n->id == name && n->ctx == ExprContext::Load;
  if (auto *a = llvm::dyn_cast<Attribute>(e))
    return a->attr == name && a->ctx == ExprContext::Load;
  return false;
}

// True when the module uses `name` other than as `await name(...)`: passed
// or stored as a value, or called with the coroutine handed on. Either way
// the caller relies on getting a coroutine, so it cannot become a plain def.
// Matches by name only (no scopes): a miss here costs a finding, not a
// false one.
static bool usedAsCoroutine(Module *m, const std::string &name) {
  std::unordered_set<const Expr *> awaitedCallees;
  bool used = false;
  walk(m, [&](Node *n) {
    if (used)
      return false;
    if (auto *a = llvm::dyn_cast<Await>(n)) {
      if (auto *c = llvm::dyn_cast_or_null<Call>(a->value))
        awaitedCallees.insert(c->func);
    } else if (auto *e = llvm::dyn_cast<Expr>(n)) {
      // Pre-order: an Await is visited before the callee under it.
      if (refersTo(e, name) && !awaitedCallees.count(e))
        used = true;
    }
    return true;
  });
  return used;
}

// Calls that only work inside a running event loop (or trio run): a body
// making them must stay a coroutine even if it never awaits.
static bool needsRunningLoop(RuleContext &ctx) {
  bool needs = false;
  walkBody(ctx.fn->def->body, [&](Node *n) {
    auto *c = llvm::dyn_cast<Call>(n);
    if (!c || needs)
      return !needs;
    std::string q = ctx.project.calleeQual(c, ctx.mod, ctx.fn);
    std::string_view last = q;
    if (auto *a = llvm::dyn_cast<Attribute>(c->func); a && q.empty())
      last = a->attr;
    else if (auto *nm = llvm::dyn_cast<Name>(c->func); nm && q.empty())
      last = nm->id;
    else if (size_t dot = q.rfind('.'); dot != std::string::npos)
      last = std::string_view(q).substr(dot + 1);
    needs = qualIn(q, {"asyncio.create_task", "asyncio.ensure_future",
                       "asyncio.timeout", "asyncio.timeout_at"}) ||
            qualIn(std::string(last),
                   {"get_running_loop", "current_task", "all_tasks",
                    "current_trio_token", "current_root_task",
                    "current_async_library", "spawn_system_task",
                    // trio (and anyio) calls that need `trio.run`'s context
                    "current_time", "current_effective_deadline",
                    "current_clock", "current_statistics", "CancelScope",
                    "move_on_after", "move_on_at", "fail_after", "fail_at",
                    "open_signal_receiver", "notify_closing"});
    return !needs;
  });
  return needs;
}

static void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync || ctx.fn->isGenerator)
    return;
  FunctionDef *d = ctx.fn->def;
  if (!d->decorator_list.empty() || isStub(d->body))
    return;
  if (ctx.fn->cls)
    return;
  bool awaits = false;
  walkBody(d->body, [&](Node *n) {
    if (llvm::isa<Await>(n))
      awaits = true;
    else if (auto *f = llvm::dyn_cast<For>(n); f && f->isAsync)
      awaits = true;
    else if (auto *w = llvm::dyn_cast<With>(n); w && w->isAsync)
      awaits = true;
    else if (auto *c = llvm::dyn_cast<Comprehension>(n); c && c->is_async)
      awaits = true;
    return !awaits;
  });
  if (awaits || needsRunningLoop(ctx) || usedAsCoroutine(ctx.mod.ast, d->name))
    return;
  Finding f;
  f.code = "ASYNC124";
  f.range = d->nameRange.begin.valid() ? d->nameRange : d->range;
  f.message = "async function `" + d->name +
              "` never awaits: it only adds coroutine overhead";
  f.fix = "make it a plain `def " + d->name +
          "(...)` and drop `await` at its call sites, or await the async "
          "work it should do";
  ctx.report(std::move(f));
}

const Rule &ruleASYNC124() {
  static SimpleRule r({"ASYNC124", "async-function-could-be-sync",
                       "async function without await", kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
