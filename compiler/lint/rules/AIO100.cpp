// AIO100: a blocking call reached through sync helpers (interprocedural).
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>
#include <llvm/Support/Path.h>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Follows the calls of every `async def` into the sync functions it calls,
through any depth of helpers, in the same file or in other files of the
project (imports resolved), and flags the call in the coroutine when one of
those helpers makes a blocking call (anything the ASYNC2xx/AIO11x rules or
`--blocking` flag). The finding carries the whole chain:
"`load()` blocks: it calls `read_config()` (line 12), which calls `open`
(line 30)". flake8-async and ruff only look inside one function.

Not followed: calls passed as values (`asyncio.to_thread(load)`,
`loop.run_in_executor(None, load)`), sync generators (calling them runs
nothing), nested functions that are defined but not called, code after
`return`/`raise`, `if TYPE_CHECKING:` blocks, and blocking calls silenced
with `# noqa` (bare, their own code or AIO100) in the helper.
A chain that ends in `asyncio.run()` is reported as AIO105.

## Why is this bad?
A helper that blocks, blocks its caller: the event loop stalls exactly as
if the blocking call were written in the coroutine, but no one-function
linter sees it.

## Example
    def read_config(path):
        with open(path) as f:      # line 30
            return f.read()
    def load():
        return read_config("app.toml")   # line 12
    async def main():
        cfg = load()

## Use instead
    async def main():
        cfg = await asyncio.to_thread(load)
)doc";

namespace {

std::string displayCallee(const ModuleInfo &m, const Call *c, bool project) {
  std::string s(m.slice(c->func->range));
  return project ? s + "()" : s;
}

// Finds the first blocking chain of sync function `f` (memoised; cycles
// end the search on that path).
const std::vector<ChainLink> &blocks(Project &p, FunctionInfo *f,
                                     const LintOptions &opts) {
  if (f->blockState != FunctionInfo::BlockState::Unknown)
    return f->blockChain; // Done, or InProgress on a cycle (still empty)
  f->blockState = FunctionInfo::BlockState::InProgress;
  ModuleInfo &m = *f->mod;
  bool found = false;
  // Tries one call; true when it blocks (chain recorded).
  auto tryCall = [&](const Call *call) {
    std::string qual = p.calleeQual(call, m, f);
    CallSite cs{p, m, f, call, qual, opts};
    BlockingMatch bm;
    uint32_t line = call->range.begin.line;
    if (matchBlocking(cs, bm)) {
      if (p.noqa(m, line, bm.code) || p.noqa(m, line, "AIO100"))
        return false;
      f->blockChain = {
          {m.fileId, call->func->range, displayCallee(m, call, false)}};
      f->blockCode = bm.code;
      return true;
    }
    FunctionInfo *g = p.calleeFunction(call, m, f);
    if (!g || g == f || g->def->isAsync || g->isGenerator ||
        p.noqa(m, line, "AIO100"))
      return false;
    const auto &sub = blocks(p, g, opts);
    if (sub.empty())
      return false;
    f->blockChain = {
        {m.fileId, call->func->range, displayCallee(m, call, true)}};
    f->blockChain.insert(f->blockChain.end(), sub.begin(), sub.end());
    f->blockCode = g->blockCode;
    return true;
  };
  walkBody(f->def->body, [&](Node *n) {
    if (found)
      return false;
    auto *call = llvm::dyn_cast<Call>(n);
    if (!call)
      return true;
    // Receiver calls run first: in `open(p).read()` the chain names `open`.
    std::vector<const Call *> order{call};
    for (const Call *c = call;;) {
      auto *a = llvm::dyn_cast<Attribute>(c->func);
      c = a ? llvm::dyn_cast<Call>(a->value) : nullptr;
      if (!c)
        break;
      order.insert(order.begin(), c);
    }
    for (const Call *c : order)
      if (tryCall(c)) {
        found = true;
        return false;
      }
    return true;
  });
  f->blockState = FunctionInfo::BlockState::Done;
  return f->blockChain;
}

void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync)
    return;
  ModuleInfo &m = ctx.mod;
  walkBody(ctx.fn->def->body, [&](Node *n) {
    auto *call = llvm::dyn_cast<Call>(n);
    if (!call)
      return true;
    FunctionInfo *g = ctx.project.calleeFunction(call, m, ctx.fn);
    if (!g || g->def->isAsync || g->isGenerator)
      return true;
    {
      // Declared blocking itself (--blocking): reported directly as AIO101.
      std::string q = ctx.project.calleeQual(call, m, ctx.fn);
      CallSite cs{ctx.project, m, ctx.fn, call, q, ctx.opts};
      BlockingMatch bm;
      if (matchBlocking(cs, bm))
        return true;
    }
    const auto &chain = blocks(ctx.project, g, ctx.opts);
    if (chain.empty())
      return true;
    std::string head = displayCallee(m, call, true);
    std::string msg = "`" + head + "` blocks the event loop: it calls ";
    for (size_t i = 0; i < chain.size(); ++i) {
      const ChainLink &l = chain[i];
      if (i)
        msg += ", which calls ";
      msg += "`" + l.callee + "` (";
      if (l.fileId != m.fileId)
        msg += llvm::sys::path::filename(ctx.project.sources().path(l.fileId))
                   .str() +
               ":";
      else
        msg += "line ";
      msg += std::to_string(l.range.begin.line) + ")";
    }
    Finding f;
    f.range = call->func->range;
    f.chain = chain;
    if (g->blockCode == "AIO105") {
      f.code = "AIO105";
      f.message = msg + " while the event loop is running";
      f.fix =
          "await the coroutine instead of running a new loop in `" + head + "`";
    } else {
      f.code = "AIO100";
      f.message = msg;
      std::string qual = ctx.project.calleeQual(call, m, ctx.fn);
      CallSite cs{ctx.project, m, ctx.fn, call, qual, ctx.opts};
      f.fix = "use `" + toThreadFix(cs) + "`, or make `" +
              head.substr(0, head.size() - 2) + "` and its helpers async";
    }
    // Silenced at the call site by AIO100/AIO105 or by the code of the
    // blocking call at the end of the chain.
    if (ctx.project.noqa(m, call->range.begin.line, g->blockCode))
      return true;
    ctx.report(std::move(f));
    return true;
  });
}

} // namespace

const Rule &ruleAIO100() {
  static SimpleRule r({"AIO100", "blocking-call-through-helpers",
                       "blocking call reached through sync helpers", kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
