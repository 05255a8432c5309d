// The rule interface. Each rule lives in its own file under rules/ and opens
// with its documentation (printed by `aioc lint --explain CODE`).
//
// Two kinds of hooks:
//  - blocking(): classifies one call as blocking the event loop. The engine
//    applies it to the calls of every coroutine and, for the interprocedural
//    rule AIO100, to the calls of every sync function a coroutine reaches.
//  - check(): free-form analysis of one scope (a function, or the module's
//    top level with fn == nullptr).
#pragma once

#include "lint/Lint.h"
#include "lint/Project.h"

#include <llvm/ADT/STLExtras.h>

#include <string>
#include <vector>

namespace aioc::lint {

struct CallSite {
  const Project &project;
  ModuleInfo &mod;
  FunctionInfo *fn; // the function containing the call
  const Call *call;
  const std::string &qual; // resolved callee ("" when unknown)
  const LintOptions &opts;

  // The last component of qual ("get" for "requests.get").
  std::string_view method() const;
  // Keyword argument by name, or nullptr.
  const Expr *keyword(std::string_view name) const;
  // Positional argument i, or nullptr.
  const Expr *arg(size_t i) const;
  // The callee as written in the source: "time.sleep", "t.sleep", "sleep".
  std::string written() const;
};

struct BlockingMatch {
  std::string code;
  std::string message; // "`time.sleep` blocks the event loop"
  std::string fix;
  std::vector<FixIt> fixits;
};

struct RuleContext {
  Project &project;
  ModuleInfo &mod;
  FunctionInfo *fn; // nullptr: the module's top level
  const LintOptions &opts;
  std::vector<Finding> &out;
  // Body of the scope being checked.
  const StmtList &body() const;
  void report(Finding f) const {
    f.fileId = mod.fileId;
    out.push_back(std::move(f));
  }
};

class Rule {
public:
  virtual ~Rule() = default;
  virtual const RuleInfo &info() const = 0;
  virtual bool blocking(const CallSite &, BlockingMatch &) const {
    return false;
  }
  virtual void check(RuleContext &) const {}
};

const std::vector<const Rule *> &allRules();
// Asks every rule whether this call blocks the event loop.
bool matchBlocking(const CallSite &c, BlockingMatch &m);
// The awaited call of `x = await f()`, `x: T = await f()`, `await f()`.
const Call *awaitedCall(const Stmt *s, const Expr **target = nullptr);
// Coroutine calls that AIO102/AIO103 may run concurrently: project
// functions (not methods: those share `self`) and async HTTP requests.
bool isIndependentCoroutineCall(RuleContext &ctx, const Call *c);
// Names read (Load) anywhere under `n`, and names bound by a target.
void namesRead(Node *n, std::vector<std::string> &out);
void namesBound(const Expr *target, std::vector<std::string> &out);

// Statements that a test expects to raise: the single simple statement of
// a `with pytest.raises(...)` / `with self.assertRaises(...)` block. The call
// there fails at once by design (trio's `from_thread_run_sync` from the trio
// thread, CPython's `ensure_future` without a loop), so the linter's
// findings on it are dropped.
std::vector<SourceRange> expectedToRaise(const ModuleInfo &m);
// `pytest.raises(...)`, `raises(...)`, `self.assertRaises[Regex](...)`.
bool isRaisesContext(const Expr *e);
bool rangeContains(const SourceRange &r, SourceLoc l);

// True when the call is in the body of a `try:` (in its function) with a
// handler for one of `names` (matched by last component: "BlockingIOError").
bool insideTryCatching(const CallSite &c,
                       std::initializer_list<const char *> names);

// "asyncio", "trio" or "anyio" when `c` calls that library's sleep(), also
// when the library itself is in the linted tree; else nullptr.
const char *sleepLibrary(RuleContext &ctx, const Call *c);
// Calls `f` for each `trio.sleep(X)` / `anyio.sleep(X)` of the scope whose
// only argument X is a number literal, passed by position or by its own
// keyword (`seconds=` for trio, `delay=` for anyio); `lib` is "trio" or
// "anyio". Class and lambda bodies count as the scope's code (they are not
// scopes of their own for the engine). Used by ASYNC115 and ASYNC116.
void forEachLiteralSleep(
    RuleContext &ctx,
    llvm::function_ref<void(const Call *, const Constant *, const char *lib)>
        f);

// Helpers shared by rules.
bool isConstFalse(const Expr *e); // False / 0
bool isConstTrue(const Expr *e);  // True / nonzero int
bool qualIn(const std::string &qual, std::initializer_list<const char *> l);
bool startsWith(std::string_view s, std::string_view p);
// `await asyncio.to_thread(FN, ARGS)` built from the call's source text.
std::string toThreadFix(const CallSite &c);
// A fix-it replacing the callee of `c` with `replacement` (valid in a
// coroutine: `await` binds tighter than any operator around the call).
void replaceCalleeFixIt(const CallSite &c, std::string replacement,
                        BlockingMatch &m);

// Rule factories, one per file in rules/.
#define AIOC_RULE(CODE) const Rule &rule##CODE();
AIOC_RULE(ASYNC100)
AIOC_RULE(ASYNC105)
AIOC_RULE(ASYNC109)
AIOC_RULE(ASYNC110)
AIOC_RULE(ASYNC115)
AIOC_RULE(ASYNC116)
AIOC_RULE(ASYNC119)
AIOC_RULE(ASYNC124)
AIOC_RULE(ASYNC210)
AIOC_RULE(ASYNC212)
AIOC_RULE(ASYNC220)
AIOC_RULE(ASYNC221)
AIOC_RULE(ASYNC222)
AIOC_RULE(ASYNC230)
AIOC_RULE(ASYNC232)
AIOC_RULE(ASYNC240)
AIOC_RULE(ASYNC250)
AIOC_RULE(ASYNC251)
AIOC_RULE(ASYNC300)
AIOC_RULE(AIO100)
AIOC_RULE(AIO101)
AIOC_RULE(AIO102)
AIOC_RULE(AIO103)
AIOC_RULE(AIO104)
AIOC_RULE(AIO105)
AIOC_RULE(AIO106)
AIOC_RULE(AIO107)
AIOC_RULE(AIO110)
AIOC_RULE(AIO111)
AIOC_RULE(AIO112)
#undef AIOC_RULE

// A rule defined by its docs, a blocking matcher and/or a check function:
// keeps each rule file to its substance.
class SimpleRule : public Rule {
public:
  using BlockFn = bool (*)(const CallSite &, BlockingMatch &);
  using CheckFn = void (*)(RuleContext &);
  SimpleRule(RuleInfo info, BlockFn b, CheckFn c)
      : info_(std::move(info)), block_(b), check_(c) {}
  const RuleInfo &info() const override { return info_; }
  bool blocking(const CallSite &c, BlockingMatch &m) const override {
    if (!block_ || !block_(c, m))
      return false;
    m.code = info_.code;
    return true;
  }
  void check(RuleContext &c) const override {
    if (check_)
      check_(c);
  }

private:
  RuleInfo info_;
  BlockFn block_;
  CheckFn check_;
};

} // namespace aioc::lint
