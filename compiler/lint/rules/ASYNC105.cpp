// ASYNC105: a trio async function called without `await`.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/ADT/DenseSet.h>
#include <llvm/Support/Casting.h>

#include <algorithm>

namespace aioc::lint {

using llvm::dyn_cast;

static const char kDocs[] = R"doc(## What it does
Flags a call of one of trio's async functions whose result is not awaited
on the spot: the call is not the direct operand of `await`. The functions
are `trio.sleep`, `sleep_forever`, `open_file`, `open_tcp_stream`,
`open_tcp_listeners`, `open_ssl_over_tcp_stream`,
`open_ssl_over_tcp_listeners`, `open_unix_socket`, `run_process`,
`serve_listeners`, `serve_tcp`, `serve_ssl_over_tcp`, `aclose_forcefully`
and `trio.lowlevel.checkpoint`, `checkpoint_if_cancelled`,
`cancel_shielded_checkpoint`, `open_process`, `wait_readable`,
`wait_writable`, `wait_task_rescheduled`,
`temporarily_detach_coroutine_object`,
`permanently_detach_coroutine_object` and
`reattach_detached_coroutine_object`, under any import alias. Any scope
counts: async and sync functions, lambdas, class bodies, module level.

## Why is this bad?
Calling an async function only builds a coroutine object; nothing runs
until it is awaited. `trio.sleep(1)` on its own line neither sleeps nor
checkpoints, and Python later warns "coroutine was never awaited". Stored
or passed on, the coroutine is a trap: trio wants the function and its
arguments (`nursery.start_soon(trio.sleep, 1)`), not a coroutine.

## Example
    async def pace(x):
        trio.sleep(2 * x)

## Use instead
    async def pace(x):
        await trio.sleep(2 * x)

## Differences from ruff
None in scope: like ruff, only the call that is `await`'s own operand is
exempt -- `await trio.sleep(1).x` and `await f(trio.sleep(1))` are flagged,
`await (trio.sleep(1))` is not -- and, as in ruff, the file must import
trio for a name to resolve to it. When the linted tree holds trio itself,
aioc follows imports to the definition, so trio's own code calling one of
these async functions (by its internal module path) unawaited is reported
too; ruff, which does not resolve relative imports, stays silent there.
)doc";

// ruff's list (flake8-async's): trio's async functions by public name.
static const char *const kTopLevel[] = {
    "aclose_forcefully",
    "open_file",
    "open_ssl_over_tcp_listeners",
    "open_ssl_over_tcp_stream",
    "open_tcp_listeners",
    "open_tcp_stream",
    "open_unix_socket",
    "run_process",
    "serve_listeners",
    "serve_ssl_over_tcp",
    "serve_tcp",
    "sleep",
    "sleep_forever",
};
static const char *const kLowlevel[] = {
    "cancel_shielded_checkpoint",
    "checkpoint",
    "checkpoint_if_cancelled",
    "open_process",
    "permanently_detach_coroutine_object",
    "reattach_detached_coroutine_object",
    "temporarily_detach_coroutine_object",
    "wait_readable",
    "wait_task_rescheduled",
    "wait_writable",
};

static bool inList(std::string_view name, llvm::ArrayRef<const char *> l) {
  return std::any_of(l.begin(), l.end(),
                     [&](const char *s) { return name == s; });
}

// The public name ("trio.sleep", "trio.lowlevel.checkpoint") when `c` calls
// one of the listed functions, else "".
static std::string trioAsyncName(RuleContext &ctx, const Call *c) {
  Resolved r = ctx.project.resolve(c->func, ctx.mod, ctx.fn);
  if (r.kind == Resolved::Qual) {
    std::string_view q = r.qual;
    if (startsWith(q, "trio.lowlevel.") && inList(q.substr(14), kLowlevel))
      return r.qual;
    if (startsWith(q, "trio.") && inList(q.substr(5), kTopLevel))
      return r.qual;
    return "";
  }
  // trio in the linted tree: the definition lives in a private module
  // (trio._timeouts.sleep, trio._core._run.checkpoint). Its name and being
  // an `async def` inside trio identify it.
  if (r.kind != Resolved::Function || !r.fn->def || !r.fn->def->isAsync ||
      r.fn->cls || !startsWith(r.fn->qual, "trio."))
    return "";
  std::string_view q = r.fn->qual;
  std::string name(q.substr(q.rfind('.') + 1));
  if (inList(name, kTopLevel))
    return "trio." + name;
  if (inList(name, kLowlevel))
    return "trio.lowlevel." + name;
  return "";
}

namespace {
struct Checker {
  RuleContext &ctx;
  // Calls that are the direct operand of an `await`.
  llvm::DenseSet<const Node *> awaited;

  void visit(Node *n, bool inLambda) {
    if (auto *a = dyn_cast<Await>(n)) {
      if (a->value)
        awaited.insert(a->value);
    } else if (auto *c = dyn_cast<Call>(n)) {
      if (!awaited.count(c))
        check(c, inLambda);
    }
  }

  void check(const Call *c, bool inLambda) {
    std::string name = trioAsyncName(ctx, c);
    if (name.empty())
      return;
    bool async = !inLambda && ctx.fn && ctx.fn->def && ctx.fn->def->isAsync;
    Finding f;
    f.code = "ASYNC105";
    f.range = c->range;
    f.message = "call to async `" + name +
                "` is not awaited: it only creates a coroutine, which never "
                "runs";
    f.fix = async ? "add `await`: `await " + name + "(...)`"
                  : "add `await` (`await " + name +
                        "(...)`) in an `async def`; to start it as a task, "
                        "pass the function and its arguments, uncalled: "
                        "`nursery.start_soon(" +
                        name + ", ...)`";
    ctx.report(std::move(f));
  }

  void body(const StmtList &b) {
    walkBody(b, [&](Node *n) {
      visit(n, false);
      // Class and lambda bodies are not scopes of their own for the engine.
      if (auto *cls = dyn_cast<ClassDef>(n))
        body(cls->body);
      else if (auto *l = dyn_cast<Lambda>(n))
        walk(l->body, [&](Node *m) {
          visit(m, true);
          return true;
        });
      return true;
    });
  }
};
} // namespace

static void check(RuleContext &ctx) {
  Checker c{ctx, {}};
  c.body(ctx.body());
}

const Rule &ruleASYNC105() {
  static SimpleRule r({"ASYNC105", "trio-sync-call",
                       "trio async function called without `await`", kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
