// Registry of rules and helpers shared by the rule files.
#include "lint/Rule.h"

#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

using llvm::dyn_cast;

namespace aioc::lint {

const std::vector<const Rule *> &allRules() {
  static const std::vector<const Rule *> rules = {
      &ruleASYNC100(), &ruleASYNC105(), &ruleASYNC109(), &ruleASYNC110(),
      &ruleASYNC115(), &ruleASYNC116(), &ruleASYNC119(), &ruleASYNC124(),
      &ruleASYNC210(), &ruleASYNC212(), &ruleASYNC220(), &ruleASYNC221(),
      &ruleASYNC222(), &ruleASYNC230(), &ruleASYNC232(), &ruleASYNC240(),
      &ruleASYNC250(), &ruleASYNC251(), &ruleASYNC300(), &ruleAIO100(),
      &ruleAIO101(),   &ruleAIO102(),   &ruleAIO103(),   &ruleAIO104(),
      &ruleAIO105(),   &ruleAIO106(),   &ruleAIO107(),   &ruleAIO110(),
      &ruleAIO111(),   &ruleAIO112(),
  };
  return rules;
}

const std::vector<RuleInfo> &ruleInfos() {
  static const std::vector<RuleInfo> infos = [] {
    std::vector<RuleInfo> v;
    for (const Rule *r : allRules())
      v.push_back(r->info());
    return v;
  }();
  return infos;
}

const RuleInfo *findRule(const std::string &code) {
  for (const RuleInfo &r : ruleInfos())
    if (r.code == code)
      return &r;
  return nullptr;
}

bool codeMatches(const std::string &code,
                 const std::vector<std::string> &patterns) {
  for (const std::string &p : patterns)
    if (!p.empty() && code.compare(0, p.size(), p) == 0)
      return true;
  return false;
}

const StmtList &RuleContext::body() const {
  return fn ? fn->def->body : mod.ast->body;
}

std::string_view CallSite::method() const {
  std::string_view q = qual;
  size_t dot = q.rfind('.');
  return dot == std::string_view::npos ? q : q.substr(dot + 1);
}

const Expr *CallSite::keyword(std::string_view name) const {
  for (Keyword *k : call->keywords)
    if (k->hasArg && k->arg == name)
      return k->value;
  return nullptr;
}

const Expr *CallSite::arg(size_t i) const {
  return i < call->args.size() ? call->args[i] : nullptr;
}

std::string CallSite::written() const {
  return std::string(mod.slice(call->func->range));
}

bool isConstFalse(const Expr *e) {
  auto *c = llvm::dyn_cast_or_null<Constant>(e);
  return c && (c->valueKind == Constant::ValueKind::False ||
               (c->valueKind == Constant::ValueKind::Int && c->intFits &&
                c->intValue == 0));
}

bool isConstTrue(const Expr *e) {
  auto *c = llvm::dyn_cast_or_null<Constant>(e);
  return c && (c->valueKind == Constant::ValueKind::True ||
               (c->valueKind == Constant::ValueKind::Int &&
                !(c->intFits && c->intValue == 0)));
}

bool qualIn(const std::string &qual, std::initializer_list<const char *> l) {
  for (const char *s : l)
    if (qual == s)
      return true;
  return false;
}

bool startsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::string toThreadFix(const CallSite &c) {
  std::string fn = c.written();
  std::string args;
  for (const Expr *a : c.call->args) {
    args += ", ";
    args += c.mod.slice(a->range);
  }
  for (const Keyword *k : c.call->keywords) {
    args += ", ";
    args += c.mod.slice(k->range);
  }
  return "await asyncio.to_thread(" + fn + args + ")";
}

void replaceCalleeFixIt(const CallSite &c, std::string replacement,
                        BlockingMatch &m) {
  if (c.call->func->range.begin.line != c.call->func->range.end.line)
    return;
  m.fixits.push_back({c.call->func->range, std::move(replacement)});
}

} // namespace aioc::lint

namespace aioc::lint {

bool matchBlocking(const CallSite &c, BlockingMatch &m) {
  if (c.qual.empty())
    return false;
  for (const Rule *r : allRules())
    if (r->blocking(c, m))
      return true;
  return false;
}

const Call *awaitedCall(const Stmt *s, const Expr **target) {
  const Expr *v = nullptr, *t = nullptr;
  if (auto *e = dyn_cast<ExprStmt>(s))
    v = e->value;
  else if (auto *a = dyn_cast<Assign>(s); a && a->targets.size() == 1)
    v = a->value, t = a->targets[0];
  else if (auto *an = dyn_cast<AnnAssign>(s))
    v = an->value, t = an->target;
  auto *aw = llvm::dyn_cast_or_null<Await>(v);
  if (!aw)
    return nullptr;
  if (target)
    *target = t;
  return llvm::dyn_cast_or_null<Call>(aw->value);
}

bool isIndependentCoroutineCall(RuleContext &ctx, const Call *c) {
  Resolved r = ctx.project.resolve(c->func, ctx.mod, ctx.fn);
  if (r.kind == Resolved::Function) {
    // Yield points and pacing (a project's own `sleep`/`checkpoint`, as
    // trio defines them) are sequential on purpose, not work to overlap.
    const std::string &n = r.fn->def->name;
    if (startsWith(n, "sleep") || n.find("checkpoint") != std::string::npos ||
        n == "wait_all_tasks_blocked")
      return false;
    return r.fn->def->isAsync && !r.fn->isGenerator && !r.fn->cls;
  }
  if (r.kind == Resolved::Qual && startsWith(r.qual, "httpx.AsyncClient."))
    return qualIn(r.qual,
                  {"httpx.AsyncClient.get", "httpx.AsyncClient.head",
                   "httpx.AsyncClient.options", "httpx.AsyncClient.post",
                   "httpx.AsyncClient.put", "httpx.AsyncClient.request"});
  return false;
}

void namesRead(Node *n, std::vector<std::string> &out) {
  walk(n, [&](Node *x) {
    if (auto *nm = dyn_cast<Name>(x))
      out.push_back(nm->id);
    return true;
  });
}

void namesBound(const Expr *t, std::vector<std::string> &out) {
  if (!t)
    return;
  if (auto *n = dyn_cast<Name>(t))
    out.push_back(n->id);
  else if (auto *tu = dyn_cast<Tuple>(t))
    for (Expr *e : tu->elts)
      namesBound(e, out);
  else if (auto *l = dyn_cast<List>(t))
    for (Expr *e : l->elts)
      namesBound(e, out);
  else if (auto *s = dyn_cast<Starred>(t))
    namesBound(s->value, out);
  else if (auto *a = dyn_cast<Attribute>(t))
    namesRead(a->value, out); // `self.x = ...` changes what `self` reads
  else if (auto *sub = dyn_cast<Subscript>(t))
    namesRead(sub->value, out);
}

} // namespace aioc::lint

namespace aioc::lint {

bool isRaisesContext(const Expr *e) {
  auto *c = llvm::dyn_cast_or_null<Call>(e);
  if (!c)
    return false;
  if (auto *a = dyn_cast<Attribute>(c->func))
    return a->attr == "raises" || a->attr == "assertRaises" ||
           a->attr == "assertRaisesRegex";
  if (auto *n = dyn_cast<Name>(c->func))
    return n->id == "raises";
  return false;
}

std::vector<SourceRange> expectedToRaise(const ModuleInfo &m) {
  std::vector<SourceRange> out;
  walk(m.ast, [&](Node *n) {
    auto *w = dyn_cast<With>(n);
    if (!w || w->body.size() != 1)
      return true;
    // Only a simple statement is "the call under test"; the body of a
    // nested block (`with raises(TimeoutError): async with timeout(...):`)
    // is ordinary code that must still be linted.
    const Stmt *s = w->body.front();
    if (!llvm::isa<ExprStmt>(s) && !llvm::isa<Assign>(s) &&
        !llvm::isa<AnnAssign>(s) && !llvm::isa<AugAssign>(s) &&
        !llvm::isa<Return>(s))
      return true;
    for (const WithItem *i : w->items)
      if (isRaisesContext(i->context_expr)) {
        out.push_back(w->body.front()->range);
        break;
      }
    return true;
  });
  return out;
}

bool rangeContains(const SourceRange &r, SourceLoc l) {
  auto before = [](SourceLoc a, SourceLoc b) {
    return a.line < b.line || (a.line == b.line && a.col <= b.col);
  };
  return before(r.begin, l) && before(l, r.end);
}

} // namespace aioc::lint

namespace aioc::lint {

static bool handlerCatches(const ExceptHandler *h,
                           std::initializer_list<const char *> names) {
  auto is = [&](const Expr *e) {
    std::string id;
    if (auto *n = llvm::dyn_cast_or_null<Name>(e))
      id = n->id;
    else if (auto *a = llvm::dyn_cast_or_null<Attribute>(e))
      id = a->attr;
    return !id.empty() && qualIn(id, names);
  };
  if (auto *t = llvm::dyn_cast_or_null<Tuple>(h->type))
    return std::any_of(t->elts.begin(), t->elts.end(), is);
  return is(h->type);
}

bool insideTryCatching(const CallSite &c,
                       std::initializer_list<const char *> names) {
  if (!c.fn)
    return false;
  bool inside = false;
  walkBody(c.fn->def->body, [&](Node *n) {
    auto *t = llvm::dyn_cast<Try>(n);
    if (inside || !t)
      return !inside;
    if (!std::any_of(
            t->handlers.begin(), t->handlers.end(),
            [&](const ExceptHandler *h) { return handlerCatches(h, names); }))
      return true;
    for (const Stmt *st : t->body)
      if (rangeContains(st->range, c.call->range.begin))
        inside = true;
    return !inside;
  });
  return inside;
}

const char *sleepLibrary(RuleContext &ctx, const Call *c) {
  // When the linted tree holds the library itself (trio in site-packages,
  // the stdlib), the call resolves to the project function: match its
  // definition too.
  Resolved r = ctx.project.resolve(c->func, ctx.mod, ctx.fn);
  const std::string *q = r.kind == Resolved::Qual       ? &r.qual
                         : r.kind == Resolved::Function ? &r.fn->qual
                                                        : nullptr;
  if (!q)
    return nullptr;
  if (qualIn(*q, {"asyncio.sleep", "asyncio.tasks.sleep"}))
    return "asyncio";
  if (qualIn(*q, {"trio.sleep", "trio._timeouts.sleep"}))
    return "trio";
  if (qualIn(*q, {"anyio.sleep", "anyio._core._eventloop.sleep"}))
    return "anyio";
  return nullptr;
}

static void literalSleep(
    RuleContext &ctx, const Call *c,
    llvm::function_ref<void(const Call *, const Constant *, const char *)> f) {
  // Cheap syntactic filter first: only a lone number literal argument can
  // match, so most calls never reach name resolution.
  if (c->args.size() + c->keywords.size() != 1)
    return;
  const Keyword *kw = c->keywords.empty() ? nullptr : c->keywords[0];
  auto *lit = dyn_cast<Constant>(kw ? kw->value : c->args[0]);
  if (!lit || (lit->valueKind != Constant::ValueKind::Int &&
               lit->valueKind != Constant::ValueKind::Float))
    return;
  const char *lib = sleepLibrary(ctx, c);
  if (lib && std::string_view(lib) == "asyncio")
    lib = nullptr; // asyncio has neither checkpoint() nor sleep_forever()
  // The parameter is `seconds` in trio and `delay` in anyio.
  if (!lib || (kw && kw->arg != (lib[0] == 't' ? "seconds" : "delay")))
    return;
  f(c, lit, lib);
}

static void literalSleepsIn(
    RuleContext &ctx, const StmtList &body,
    llvm::function_ref<void(const Call *, const Constant *, const char *)> f) {
  // Inside a lambda body only expressions remain: a plain walk.
  auto inExpr = [&](Node *n) {
    if (auto *c = dyn_cast<Call>(n))
      literalSleep(ctx, c, f);
    return true;
  };
  walkBody(body, [&](Node *n) {
    if (auto *c = dyn_cast<Call>(n))
      literalSleep(ctx, c, f);
    else if (auto *cls = dyn_cast<ClassDef>(n))
      literalSleepsIn(ctx, cls->body, f);
    else if (auto *l = dyn_cast<Lambda>(n))
      walk(l->body, inExpr);
    return true;
  });
}

void forEachLiteralSleep(
    RuleContext &ctx,
    llvm::function_ref<void(const Call *, const Constant *, const char *)> f) {
  literalSleepsIn(ctx, ctx.body(), f);
}

} // namespace aioc::lint
