// The lint driver: parse every file, index the project, run the rules over
// each scope, then apply --select/--ignore and `# noqa`.
#include "frontend/Frontend.h"
#include "lint/Lint.h"
#include "lint/Project.h"
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <set>

namespace aioc::lint {

Linter::Linter(SourceManager &sm, DiagnosticEngine &parseDiags,
               LintOptions opts)
    : sm_(sm), diags_(parseDiags), opts_(std::move(opts)),
      project_(std::make_unique<Project>(sm)) {}

Linter::~Linter() = default;

bool Linter::addFile(const std::string &path) {
  std::string err;
  unsigned id = sm_.loadFile(path, err);
  if (id == ~0u) {
    Diagnostic d;
    d.message = "cannot read " + path + ": " + err;
    d.code = "E902";
    // No file id to attach to: register an empty buffer under that name.
    unsigned fake = sm_.addFile(path, "");
    diags_.report(fake, d);
    return false;
  }
  return addLoaded(id);
}

bool Linter::addSource(const std::string &path, std::string text) {
  return addLoaded(sm_.addFile(path, std::move(text)));
}

// Dotted module name: the file's stem, prefixed by every enclosing package
// (directories with an __init__.py).
static std::string moduleName(const std::string &path, bool &isPackage) {
  namespace p = llvm::sys::path;
  llvm::SmallString<256> abs(path);
  llvm::sys::fs::make_absolute(abs);
  p::remove_dots(abs, true);
  std::string stem = p::stem(abs).str();
  isPackage = stem == "__init__";
  std::vector<std::string> parts;
  if (!isPackage)
    parts.push_back(stem);
  llvm::SmallString<256> dir(p::parent_path(abs).str());
  for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
    llvm::SmallString<256> init = dir;
    p::append(init, "__init__.py");
    if (!llvm::sys::fs::exists(init))
      break;
    parts.push_back(p::filename(dir).str());
    dir = p::parent_path(dir).str();
  }
  std::string name;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it)
    name += (name.empty() ? "" : ".") + *it;
  return name.empty() ? stem : name;
}

bool Linter::addLoaded(unsigned fileId) {
  ParseResult r = parseFile(sm_, fileId, diags_);
  if (!r.ok())
    return false;
  bool isPackage = false;
  std::string name = moduleName(sm_.path(fileId), isPackage);
  project_->addModule(fileId, std::move(name), isPackage, std::move(r.context),
                      r.module);
  return true;
}

namespace {

// Direct blocking calls in one coroutine.
void checkDirectBlocking(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync)
    return;
  walkBody(ctx.fn->def->body, [&](Node *n) {
    auto *call = llvm::dyn_cast<Call>(n);
    if (!call)
      return true;
    std::string qual = ctx.project.calleeQual(call, ctx.mod, ctx.fn);
    CallSite cs{ctx.project, ctx.mod, ctx.fn, call, qual, ctx.opts};
    BlockingMatch m;
    if (!matchBlocking(cs, m))
      return true;
    Finding f;
    f.code = m.code;
    f.range = call->func->range;
    f.message = m.message + " in async function `" + ctx.fn->def->name + "`";
    f.fix = m.fix;
    f.fixits = std::move(m.fixits);
    ctx.report(std::move(f));
    return true;
  });
}

} // namespace

std::vector<Finding> Linter::run() {
  Project &p = *project_;
  p.index();
  std::vector<Finding> all;
  auto runScope = [&](ModuleInfo &m, FunctionInfo *fn) {
    RuleContext ctx{p, m, fn, opts_, all};
    checkDirectBlocking(ctx);
    for (const Rule *r : allRules())
      r->check(ctx);
  };
  for (auto &m : p.modules())
    runScope(*m, nullptr);
  for (auto &f : p.functions())
    runScope(*f->mod, f.get());

  std::unordered_map<unsigned, ModuleInfo *> byFile;
  for (auto &m : p.modules())
    byFile[m->fileId] = m.get();
  std::vector<Finding> out;
  for (Finding &f : all) {
    if (!opts_.select.empty() && !codeMatches(f.code, opts_.select))
      continue;
    if (codeMatches(f.code, opts_.ignore))
      continue;
    if (p.noqa(*byFile[f.fileId], f.range.begin.line, f.code))
      continue;
    out.push_back(std::move(f));
  }
  auto key = [](const Finding &f) {
    return std::make_tuple(f.fileId, f.range.begin.line, f.range.begin.col,
                           f.code);
  };
  std::stable_sort(
      out.begin(), out.end(),
      [&](const Finding &a, const Finding &b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [&](const Finding &a, const Finding &b) {
                          return key(a) == key(b);
                        }),
            out.end());
  return out;
}

} // namespace aioc::lint
