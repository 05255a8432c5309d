// The lint driver: parse every file, index the project, run the rules over
// each scope, then apply --select/--ignore and `# noqa`.
#include "frontend/Frontend.h"
#include "lint/Lint.h"
#include "lint/Project.h"
#include "lint/Rule.h"
#include "lint/SemaFacts.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/ThreadPool.h>
#include <llvm/Support/Threading.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <set>

namespace aioc::lint {

Linter::Linter(SourceManager &sm, DiagnosticEngine &parseDiags,
               LintOptions opts)
    : sm_(sm), diags_(parseDiags), opts_(std::move(opts)),
      project_(std::make_unique<Project>(sm)) {
  // For `from M import *`: does any rule know `M.name` as a blocking call?
  // Asked with an argument-less call, so rules that look at arguments
  // answer for the common case.
  struct Probe {
    ModuleInfo mod;
    Name name;
    Call call;
  };
  auto probe = std::make_shared<Probe>();
  probe->call.func = &probe->name;
  project_->knownLibraryName = [this, probe](const std::string &qual) {
    CallSite cs{*project_, probe->mod, nullptr, &probe->call, qual, opts_};
    BlockingMatch m;
    return matchBlocking(cs, m);
  };
}

Linter::~Linter() = default;

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

// The file's id, or ~0u after reporting why it could not be read.
unsigned Linter::loadOrReport(const std::string &path) {
  std::string err;
  unsigned id = sm_.loadFile(path, err);
  if (id == ~0u) {
    Diagnostic d;
    d.message = "cannot read " + path + ": " + err;
    d.code = "E902";
    // No file id to attach to: register an empty buffer under that name.
    unsigned fake = sm_.addFile(path, "");
    diags_.report(fake, d);
  }
  return id;
}

bool Linter::addFile(const std::string &path) {
  unsigned id = loadOrReport(path);
  return id != ~0u && addLoaded(id);
}

unsigned Linter::addFiles(const std::vector<std::string> &paths,
                          unsigned jobs) {
  // Load on this thread (the SourceManager is not thread-safe to grow),
  // parse and build each module's own index on the pool, then report and
  // add the modules on this thread in the given order.
  unsigned failures = 0;
  std::vector<unsigned> ids;
  ids.reserve(paths.size());
  uint64_t t0 = threadCPUTimeNs();
  for (const std::string &p : paths) {
    unsigned id = loadOrReport(p);
    if (id == ~0u)
      ++failures;
    else
      ids.push_back(id);
  }
  times_.load += (threadCPUTimeNs() - t0) * 1e-9;
  struct Slot {
    std::vector<Diagnostic> errors;
    std::unique_ptr<ModuleInfo> module; // nullptr: did not parse
  };
  std::vector<Slot> slots(ids.size());
  llvm::ThreadPoolStrategy strategy = llvm::hardware_concurrency(jobs);
  unsigned threads = std::min<unsigned>(strategy.compute_thread_count(),
                                        static_cast<unsigned>(ids.size()));
  const SourceManager &sources = sm_;
  // Largest files first: a big file picked up last would leave the other
  // threads idle at the end. Results stay in their slots, in path order.
  std::vector<size_t> order(ids.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return sources.text(ids[a]).size() > sources.text(ids[b]).size();
  });
  // Each file is parsed, type-checked and indexed (its per-file part) on
  // the thread that picked it, while its AST is still in cache.
  std::atomic<uint64_t> bindNs{0};
  auto work = [&](std::atomic<size_t> &next) {
    uint64_t spent = 0;
    for (size_t k; (k = next.fetch_add(1)) < order.size();) {
      size_t i = order[k];
      ParseResult r = parseFile(sources, ids[i], slots[i].errors);
      if (!r.ok())
        continue;
      std::shared_ptr<SemaFacts> facts = typeCheckForLint(r.module, ids[i]);
      uint64_t start = threadCPUTimeNs();
      bool isPackage = false;
      std::string name = moduleName(sources.path(ids[i]), isPackage);
      slots[i].module = Project::buildModule(sources, ids[i], std::move(name),
                                             isPackage, std::move(r.context),
                                             r.module, std::move(facts));
      spent += threadCPUTimeNs() - start;
    }
    bindNs += spent;
  };
  std::atomic<size_t> next{0};
  if (threads <= 1) {
    work(next);
  } else {
    // Files are handed out one at a time, so one big file does not leave
    // the other threads idle behind a static partition.
    llvm::ThreadPool pool(llvm::hardware_concurrency(threads));
    for (unsigned t = 0; t < threads; ++t)
      pool.async([&] { work(next); });
    pool.wait();
  }
  times_.bind += bindNs * 1e-9;
  t0 = threadCPUTimeNs();
  for (size_t i = 0; i < ids.size(); ++i) {
    for (const Diagnostic &d : slots[i].errors)
      diags_.report(ids[i], d);
    if (slots[i].module)
      project_->addModule(std::move(slots[i].module));
    else
      ++failures;
  }
  times_.index += (threadCPUTimeNs() - t0) * 1e-9;
  return failures;
}

bool Linter::addSource(const std::string &path, std::string text) {
  return addLoaded(sm_.addFile(path, std::move(text)));
}

bool Linter::addLoaded(unsigned fileId) {
  ParseResult r = parseFile(sm_, fileId, diags_);
  if (!r.ok())
    return false;
  std::shared_ptr<SemaFacts> facts = typeCheckForLint(r.module, fileId);
  addParsed(fileId, std::move(r.context), r.module, std::move(facts));
  return true;
}

void Linter::addParsed(unsigned fileId, std::unique_ptr<ASTContext> context,
                       Module *module, std::shared_ptr<SemaFacts> facts) {
  bool isPackage = false;
  std::string name = moduleName(sm_.path(fileId), isPackage);
  project_->addModule(fileId, std::move(name), isPackage, std::move(context),
                      module, std::move(facts));
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

std::vector<Finding> Linter::run(unsigned jobs) {
  Project &p = *project_;
  uint64_t t0 = threadCPUTimeNs();
  auto lap = [&](double &stage) {
    uint64_t now = threadCPUTimeNs();
    stage += (now - t0) * 1e-9;
    t0 = now;
  };
  double workers = p.index(jobs);
  lap(times_.index);
  times_.index += workers;
  times_.inferReruns = p.inferReruns;

  // Scopes: every module's top level, then every function, as --jobs=1 runs
  // them. Each scope keeps its findings in three slots (before AIO100,
  // AIO100, after it) that are concatenated in scope order below, so the
  // findings come out in exactly the --jobs=1 order, whatever thread ran them.
  std::vector<std::pair<ModuleInfo *, FunctionInfo *>> scopes;
  scopes.reserve(p.modules().size() + p.functions().size());
  for (auto &m : p.modules())
    scopes.emplace_back(m.get(), nullptr);
  for (auto &f : p.functions())
    scopes.emplace_back(f->mod, f.get());
  const std::vector<const Rule *> &rules = allRules();
  // AIO100 memoizes per function across files, and with recursion the memo
  // depends on the order functions are asked in; so it keeps its own thread
  // and visits the scopes in --jobs=1 order (it is the only rule touching
  // FunctionInfo's memo and, in this phase, Project::noqa).
  const Rule *serial = &ruleAIO100();
  size_t split = std::find(rules.begin(), rules.end(), serial) - rules.begin();
  struct Slots {
    std::vector<Finding> before, chain, after;
  };
  std::vector<Slots> slots(scopes.size());
  // withSerial: also run the serial rule, in its place (one thread only).
  auto runScopes = [&](std::atomic<size_t> &next, bool withSerial) {
    // Chunks: scopes are small, so one atomic per scope would show.
    constexpr size_t chunk = 32;
    for (size_t b; (b = next.fetch_add(chunk)) < scopes.size();)
      for (size_t i = b, e = std::min(b + chunk, scopes.size()); i < e; ++i) {
        auto [m, fn] = scopes[i];
        RuleContext before{p, *m, fn, opts_, slots[i].before};
        checkDirectBlocking(before);
        for (size_t r = 0; r < split; ++r)
          rules[r]->check(before);
        if (withSerial && split < rules.size()) {
          RuleContext chain{p, *m, fn, opts_, slots[i].chain};
          serial->check(chain);
        }
        RuleContext after{p, *m, fn, opts_, slots[i].after};
        for (size_t r = split + 1; r < rules.size(); ++r)
          rules[r]->check(after);
      }
  };
  auto runSerial = [&] {
    if (split < rules.size())
      for (size_t i = 0; i < scopes.size(); ++i) {
        RuleContext ctx{p, *scopes[i].first, scopes[i].second, opts_,
                        slots[i].chain};
        serial->check(ctx);
      }
  };
  std::atomic<size_t> next{0};
  unsigned threads = std::min<size_t>(
      llvm::hardware_concurrency(jobs).compute_thread_count(), scopes.size());
  if (threads <= 1) {
    // One pass over the scopes, in order, as the serial rule needs.
    runScopes(next, true);
  } else {
    // The serial rule goes first; the thread running it joins the others on
    // the remaining scopes when it is done.
    // Stages on worker threads are summed over threads, as for parsing.
    std::atomic<uint64_t> workerNs{0};
    auto timed = [&](auto task) {
      return [&, task] {
        uint64_t start = threadCPUTimeNs();
        task();
        workerNs += threadCPUTimeNs() - start;
      };
    };
    llvm::ThreadPool pool(llvm::hardware_concurrency(threads));
    pool.async(timed(runSerial));
    for (unsigned t = 0; t < threads; ++t)
      pool.async(timed([&] { runScopes(next, false); }));
    pool.wait();
    times_.rules += workerNs * 1e-9;
  }
  std::vector<Finding> all;
  for (Slots &s : slots)
    for (std::vector<Finding> *v : {&s.before, &s.chain, &s.after})
      std::move(v->begin(), v->end(), std::back_inserter(all));
  slots.clear();
  lap(times_.rules);

  std::unordered_map<unsigned, ModuleInfo *> byFile;
  for (auto &m : p.modules())
    byFile[m->fileId] = m.get();
  std::vector<Finding> out;
  std::unordered_map<unsigned, std::vector<SourceRange>> raising;
  for (Finding &f : all) {
    if (!opts_.select.empty() && !codeMatches(f.code, opts_.select))
      continue;
    if (codeMatches(f.code, opts_.ignore))
      continue;
    if (p.noqa(*byFile[f.fileId], f.range.begin.line, f.code))
      continue;
    const RuleInfo *rule = findRule(f.code);
    if (rule && rule->keptWhereRaiseExpected) {
      out.push_back(std::move(f));
      continue;
    }
    auto r = raising.find(f.fileId);
    if (r == raising.end())
      r = raising.emplace(f.fileId, expectedToRaise(*byFile[f.fileId])).first;
    if (std::any_of(r->second.begin(), r->second.end(),
                    [&](const SourceRange &b) {
                      return rangeContains(b, f.range.begin);
                    }))
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
  lap(times_.filter);
  return out;
}

} // namespace aioc::lint
