#include "lint/Project.h"

#include "lint/SemaFacts.h"
#include "lint/Walk.h"

#include "frontend/Frontend.h" // threadCPUTimeNs
#include <llvm/ADT/StringSet.h>

#include <llvm/Support/Casting.h>
#include <llvm/Support/ThreadPool.h>
#include <llvm/Support/Threading.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>

using llvm::dyn_cast;
using llvm::isa;

namespace aioc::lint {

// ------------------------------------------------------------ known types

namespace {

// What calling a library callable returns, for the types rules look at.
const std::unordered_map<std::string, std::string> &resultTypes() {
  static const std::unordered_map<std::string, std::string> t = {
      {"builtins.open", "file"},
      {"io.open", "file"},
      {"io.open_code", "file"},
      {"codecs.open", "file"},
      {"os.fdopen", "file"},
      {"tempfile.TemporaryFile", "file"},
      {"tempfile.NamedTemporaryFile", "file"},
      {"tempfile.SpooledTemporaryFile", "file"},
      {"pathlib.Path.open", "file"},
      {"gzip.open", "file"},
      {"bz2.open", "file"},
      {"lzma.open", "file"},
      {"pathlib.Path", "pathlib.Path"},
      {"pathlib.PosixPath", "pathlib.Path"},
      {"pathlib.WindowsPath", "pathlib.Path"},
      {"pathlib.Path.cwd", "pathlib.Path"},
      {"pathlib.Path.home", "pathlib.Path"},
      {"pathlib.Path.resolve", "pathlib.Path"},
      {"pathlib.Path.absolute", "pathlib.Path"},
      {"pathlib.Path.expanduser", "pathlib.Path"},
      {"pathlib.Path.with_name", "pathlib.Path"},
      {"pathlib.Path.with_suffix", "pathlib.Path"},
      {"pathlib.Path.with_stem", "pathlib.Path"},
      {"pathlib.Path.joinpath", "pathlib.Path"},
      {"pathlib.Path.relative_to", "pathlib.Path"},
      {"httpx.Client", "httpx.Client"},
      {"httpx.AsyncClient", "httpx.AsyncClient"},
      {"aiohttp.ClientSession", "aiohttp.ClientSession"},
      {"requests.Session", "requests.Session"},
      {"requests.session", "requests.Session"},
      {"requests.sessions.Session", "requests.Session"},
      {"socket.socket", "socket.socket"},
      {"socket.create_connection", "socket.socket"},
      {"socket.create_server", "socket.socket"},
      {"socket.socket.dup", "socket.socket"},
      {"sqlite3.connect", "sqlite3.Connection"},
      {"sqlite3.Connection.cursor", "sqlite3.Cursor"},
      {"sqlite3.Connection.execute", "sqlite3.Cursor"},
      {"sqlite3.Connection.executemany", "sqlite3.Cursor"},
      {"sqlite3.Cursor.execute", "sqlite3.Cursor"},
      {"threading.Lock", "threading.Lock"},
      {"threading.RLock", "threading.Lock"},
      {"threading.Semaphore", "threading.Semaphore"},
      {"threading.BoundedSemaphore", "threading.Semaphore"},
      {"threading.Event", "threading.Event"},
      {"threading.Condition", "threading.Condition"},
      {"threading.Barrier", "threading.Barrier"},
      {"threading.Thread", "threading.Thread"},
      {"threading.Timer", "threading.Thread"},
      {"queue.Queue", "queue.Queue"},
      {"queue.LifoQueue", "queue.Queue"},
      {"queue.PriorityQueue", "queue.Queue"},
      {"queue.SimpleQueue", "queue.Queue"},
      {"multiprocessing.Queue", "queue.Queue"},
      {"concurrent.futures.ThreadPoolExecutor", "concurrent.futures.Executor"},
      {"concurrent.futures.ProcessPoolExecutor", "concurrent.futures.Executor"},
      {"concurrent.futures.Executor.submit", "concurrent.futures.Future"},
      {"concurrent.futures.Future", "concurrent.futures.Future"},
      {"subprocess.Popen", "subprocess.Popen"},
      {"asyncio.get_event_loop", "asyncio.AbstractEventLoop"},
      {"asyncio.get_running_loop", "asyncio.AbstractEventLoop"},
      {"asyncio.new_event_loop", "asyncio.AbstractEventLoop"},
      {"asyncio.Queue", "asyncio.Queue"},
  };
  return t;
}

// Attributes (not calls) that give a known type.
const std::unordered_map<std::string, std::string> &attrTypes() {
  static const std::unordered_map<std::string, std::string> t = {
      {"pathlib.Path.parent", "pathlib.Path"},
  };
  return t;
}

// Library callables that return a coroutine (or an awaitable that does
// nothing until awaited).
bool isLibraryCoroutine(const std::string &q) {
  static const llvm::StringSet<> s = {
      "asyncio.sleep",
      "asyncio.open_connection",
      "asyncio.open_unix_connection",
      "asyncio.start_server",
      "asyncio.start_unix_server",
      "asyncio.create_subprocess_exec",
      "asyncio.create_subprocess_shell",
      "asyncio.wait_for",
      "asyncio.wait",
      "asyncio.to_thread",
      "asyncio.Queue.get",
      "asyncio.Queue.put",
      "asyncio.Queue.join",
      "asyncio.AbstractEventLoop.run_in_executor",
      "asyncio.AbstractEventLoop.sock_recv",
      "asyncio.AbstractEventLoop.sock_sendall",
      "asyncio.AbstractEventLoop.sock_connect",
      "asyncio.AbstractEventLoop.sock_accept",
      "asyncio.AbstractEventLoop.getaddrinfo",
      "httpx.AsyncClient.get",
      "httpx.AsyncClient.post",
      "httpx.AsyncClient.put",
      "httpx.AsyncClient.patch",
      "httpx.AsyncClient.delete",
      "httpx.AsyncClient.head",
      "httpx.AsyncClient.options",
      "httpx.AsyncClient.request",
      "httpx.AsyncClient.send",
      "httpx.AsyncClient.aclose",
      "aiofiles.open",
  };
  return s.contains(q);
}

// Function-level type inference of one module, run ahead on a worker
// thread. `self.x = T()` in a method types `x` for every user of the class,
// so with --jobs=1 a function sees the attribute types written by every
// function before it, in project order. The worker keeps the attribute types
// its module writes here, and records each lookup its own writes did not
// answer; in order afterwards, a module is kept only if no module before it
// wrote one of those, else it is inferred again, as --jobs=1 would.
struct InferLog {
  std::unordered_map<const ClassInfo *,
                     std::unordered_map<std::string, Resolved>>
      writes;
  std::vector<std::pair<const ClassInfo *, std::string>> misses;
  // Scope names of the module's functions before inference, for a rerun
  // (functions left out had none).
  std::vector<
      std::pair<FunctionInfo *, std::unordered_map<std::string, Resolved>>>
      saved;
};
thread_local InferLog *speculating = nullptr;

void addLineStarts(ModuleInfo &m) {
  m.lineStarts.push_back(0);
  if (m.text.empty()) // memchr wants a non-null pointer
    return;
  const char *b = m.text.data(), *e = b + m.text.size();
  for (const char *p = b;
       (p = static_cast<const char *>(std::memchr(p, '\n', e - p)));)
    m.lineStarts.push_back(++p - b);
}

// Names bound by an assignment target.
void targetNames(const Expr *t, std::vector<std::string> &out) {
  if (!t)
    return;
  if (auto *n = dyn_cast<Name>(t))
    out.push_back(n->id);
  else if (auto *tu = dyn_cast<Tuple>(t))
    for (Expr *e : tu->elts)
      targetNames(e, out);
  else if (auto *l = dyn_cast<List>(t))
    for (Expr *e : l->elts)
      targetNames(e, out);
  else if (auto *s = dyn_cast<Starred>(t))
    targetNames(s->value, out);
}

bool isStaticOrClassMethod(const FunctionDef *d) {
  for (Expr *e : d->decorator_list)
    if (auto *n = dyn_cast<Name>(e))
      if (n->id == "staticmethod" || n->id == "classmethod")
        return true;
  return false;
}

} // namespace

// ------------------------------------------------------------ modules

std::string_view ModuleInfo::line(uint32_t l) const {
  if (l == 0 || l > lineStarts.size())
    return {};
  size_t b = lineStarts[l - 1];
  size_t e = l < lineStarts.size() ? lineStarts[l] : text.size();
  std::string_view s = text.substr(b, e - b);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string_view ModuleInfo::slice(SourceRange r) const {
  if (!r.begin.valid() || r.begin.line > lineStarts.size() ||
      r.end.line > lineStarts.size() || r.end.line == 0)
    return {};
  size_t b = lineStarts[r.begin.line - 1] + r.begin.col;
  size_t e = lineStarts[r.end.line - 1] + r.end.col;
  if (b > text.size() || e > text.size() || e < b)
    return {};
  return text.substr(b, e - b);
}

bool parseNoqa(std::string_view line, Noqa &out) {
  for (size_t i = line.find('#'); i != std::string_view::npos;
       i = line.find('#', i + 1)) {
    size_t p = i + 1;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t'))
      ++p;
    if (p + 4 > line.size())
      continue;
    std::string w(line.substr(p, 4));
    for (char &c : w)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w != "noqa")
      continue;
    p += 4;
    out = Noqa{};
    if (p < line.size() && line[p] == ':') {
      ++p;
      for (;;) {
        while (p < line.size() &&
               (line[p] == ' ' || line[p] == ',' || line[p] == '\t'))
          ++p;
        size_t b = p;
        while (p < line.size() &&
               std::isalpha(static_cast<unsigned char>(line[p])))
          ++p;
        size_t d = p;
        while (p < line.size() &&
               std::isdigit(static_cast<unsigned char>(line[p])))
          ++p;
        if (d == b || p == d)
          break;
        out.codes.emplace_back(line.substr(b, p - b));
      }
    }
    // `# noqa:` with no valid code silences everything, as flake8 does.
    out.all = out.codes.empty();
    return true;
  }
  return false;
}

std::vector<uint32_t> noqaRuns(std::string_view text) {
  std::vector<uint32_t> start;
  uint32_t line = 1, runFirst = 1;
  auto endLine = [&](bool joined) {
    start.push_back(runFirst);
    ++line;
    if (!joined)
      runFirst = line;
  };
  size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    char c = text[i];
    if (c == '#') {
      while (i + 1 < n && text[i + 1] != '\n')
        ++i;
    } else if (c == '\\') {
      if (i + 1 < n && text[i + 1] == '\n') {
        ++i;
        endLine(true);
      } else if (i + 2 < n && text[i + 1] == '\r' && text[i + 2] == '\n') {
        i += 2;
        endLine(true);
      }
    } else if (c == '\'' || c == '"') {
      // A string literal (its prefix letters do not matter here); a
      // backslash always skips the next character, also in raw strings.
      bool triple = i + 2 < n && text[i + 1] == c && text[i + 2] == c;
      i += triple ? 3 : 1;
      for (; i < n; ++i) {
        if (text[i] == '\\' && i + 1 < n) {
          if (text[i + 1] == '\n')
            endLine(true);
          ++i;
        } else if (text[i] == '\n') {
          if (!triple) // unterminated: the tokenizer would have failed
            break;
          endLine(true);
        } else if (text[i] == c && (!triple || (i + 2 < n && text[i + 1] == c &&
                                                text[i + 2] == c))) {
          i += triple ? 2 : 0;
          break;
        }
      }
      if (i < n && text[i] == '\n')
        endLine(false);
    } else if (c == '\n') {
      endLine(false);
    }
  }
  start.push_back(runFirst); // the last line (with or without a newline)
  return start;
}

bool Project::noqa(const ModuleInfo &m, uint32_t line,
                   const std::string &code) const {
  // The caches fill on first use; the lock keeps that safe from any thread.
  std::lock_guard<std::mutex> lock(noqaMutex_);
  if (m.runStart.empty())
    m.runStart = noqaRuns(m.text);
  auto lineNoqa = [&](uint32_t l) -> const Noqa * {
    uint64_t key = (uint64_t(m.fileId) << 32) | l;
    auto it = noqaCache_.find(key);
    if (it == noqaCache_.end()) {
      auto n = std::make_unique<Noqa>();
      if (!parseNoqa(m.line(l), *n))
        n.reset();
      it = noqaCache_.emplace(key, std::move(n)).first;
    }
    return it->second.get();
  };
  auto covers = [&](const Noqa *n) {
    if (!n)
      return false;
    if (n->all)
      return true;
    return std::find(n->codes.begin(), n->codes.end(), code) != n->codes.end();
  };
  if (line == 0 || line > m.runStart.size())
    return covers(lineNoqa(line));
  // Every line of the run the finding's line belongs to.
  uint32_t first = m.runStart[line - 1];
  for (uint32_t l = first; l <= m.runStart.size() && m.runStart[l - 1] == first;
       ++l)
    if (covers(lineNoqa(l)))
      return true;
  return false;
}

std::unique_ptr<ModuleInfo>
Project::buildModule(const SourceManager &sm, unsigned fileId, std::string name,
                     bool isPackage, std::unique_ptr<ASTContext> ctx,
                     Module *ast, std::shared_ptr<SemaFacts> sema) {
  auto m = std::make_unique<ModuleInfo>();
  m->sema = std::move(sema);
  m->fileId = fileId;
  m->name = std::move(name);
  m->isPackage = isPackage;
  m->ctx = std::move(ctx);
  m->ast = ast;
  m->text = sm.text(fileId);
  addLineStarts(*m);
  // Binding needs nothing outside the module (relative imports use its own
  // name), so it runs here, on whichever thread parsed the file.
  bindStatements(m->ast->body, *m, nullptr, nullptr, m->name, m->globals);
  return m;
}

void Project::addModule(std::unique_ptr<ModuleInfo> m) {
  // Moving the unique_ptrs keeps every FunctionInfo/ClassInfo address.
  m->firstFunction = functions_.size();
  m->functionCount = m->boundFunctions.size();
  for (auto &f : m->boundFunctions) {
    byDef_[f->def] = f.get();
    functions_.push_back(std::move(f));
  }
  for (auto &c : m->boundClasses) {
    classByDef_[c->def] = c.get();
    classes_.push_back(std::move(c));
  }
  m->boundFunctions.clear();
  m->boundClasses.clear();
  modules_.push_back(std::move(m));
}

void Project::addModule(unsigned fileId, std::string name, bool isPackage,
                        std::unique_ptr<ASTContext> ctx, Module *ast,
                        std::shared_ptr<SemaFacts> sema) {
  addModule(buildModule(sm_, fileId, std::move(name), isPackage, std::move(ctx),
                        ast, std::move(sema)));
}

ModuleInfo *Project::moduleNamed(const std::string &name) const {
  auto it = moduleByName_.find(name);
  if (it != moduleByName_.end())
    return it->second;
  return nullptr;
}

FunctionInfo *Project::functionOf(const FunctionDef *d) const {
  auto it = byDef_.find(d);
  return it == byDef_.end() ? nullptr : it->second;
}

ClassInfo *Project::classOf(const ClassDef *d) const {
  auto it = classByDef_.find(d);
  return it == classByDef_.end() ? nullptr : it->second;
}

double Project::index(unsigned jobs) {
  // Module names are rooted at the import root (the first directory up
  // without __init__.py), so absolute imports resolve by exact name; no
  // suffix guessing, which would let `mypkg/logging.py` shadow `logging`.
  moduleByName_.reserve(modules_.size());
  for (auto &m : modules_)
    moduleByName_[m->name] = m.get();
  // Types need every module's names bound first (imports across files).
  // Module level is cheap and reads other modules' half-inferred globals in
  // order: it stays serial.
  for (auto &m : modules_)
    inferTypes(*m, nullptr, m->ast->body, m->globals);
  return inferFunctionTypes(jobs);
}

double Project::inferFunctionTypes(unsigned jobs) {
  auto inferModule = [&](ModuleInfo &m) {
    for (size_t i = m.firstFunction, e = i + m.functionCount; i < e; ++i) {
      FunctionInfo *f = functions_[i].get();
      inferTypes(m, f, f->def->body, f->scope);
    }
  };
  unsigned threads = std::min<size_t>(
      llvm::hardware_concurrency(jobs).compute_thread_count(), modules_.size());
  if (threads <= 1) {
    for (auto &m : modules_)
      inferModule(*m);
    return 0;
  }
  // A module's functions run in order on one thread: nested functions read
  // their parents' inferred names. Modules with the most functions first.
  std::vector<InferLog> logs(modules_.size());
  std::vector<size_t> order(modules_.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return modules_[a]->functionCount > modules_[b]->functionCount;
  });
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> workerNs{0};
  auto work = [&] {
    uint64_t start = threadCPUTimeNs();
    for (size_t k; (k = next.fetch_add(1)) < order.size();) {
      ModuleInfo &m = *modules_[order[k]];
      InferLog &log = logs[order[k]];
      for (size_t i = m.firstFunction, e = i + m.functionCount; i < e; ++i)
        if (!functions_[i]->scope.names.empty())
          log.saved.emplace_back(functions_[i].get(),
                                 functions_[i]->scope.names);
      speculating = &log;
      inferModule(m);
      speculating = nullptr;
    }
    workerNs += threadCPUTimeNs() - start;
  };
  {
    llvm::ThreadPool pool(llvm::hardware_concurrency(threads));
    for (unsigned t = 0; t < threads; ++t)
      pool.async(work);
    pool.wait();
  }
  for (size_t i = 0; i < modules_.size(); ++i) {
    InferLog &log = logs[i];
    bool stale = std::any_of(
        log.misses.begin(), log.misses.end(), [&](const auto &miss) {
          auto ct = attrTypes_.find(miss.first);
          return ct != attrTypes_.end() && ct->second.count(miss.second);
        });
    if (!stale) {
      for (auto &[cls, attrs] : log.writes)
        for (auto &[attr, r] : attrs)
          attrTypes_[cls][attr] = std::move(r);
      continue;
    }
    ++inferReruns;
    ModuleInfo &m = *modules_[i];
    for (size_t f = m.firstFunction, e = f + m.functionCount; f < e; ++f)
      functions_[f]->scope.names.clear();
    for (auto &[f, names] : log.saved)
      f->scope.names = std::move(names);
    inferModule(m);
  }
  return workerNs * 1e-9;
}

// Records what the statements of one scope bind. Compound statements are
// entered (their bindings belong to the same scope); def and class bodies
// get their own FunctionInfo/ClassInfo.
// `except ImportError:` / `except (ImportError, AttributeError):` ...
static bool catchesImportError(const ExceptHandler *h) {
  auto is = [](const Expr *e) {
    auto *n = llvm::dyn_cast_or_null<Name>(e);
    return n && (n->id == "ImportError" || n->id == "ModuleNotFoundError");
  };
  if (auto *t = llvm::dyn_cast_or_null<Tuple>(h->type))
    return std::any_of(t->elts.begin(), t->elts.end(), is);
  return is(h->type);
}

void Project::bindStatements(const StmtList &body, ModuleInfo &m,
                             FunctionInfo *fn, ClassInfo *cls,
                             const std::string &prefix, Scope &scope) {
  auto shadow = [&](const std::string &id) {
    if (!scope.names.count(id))
      scope.shadowed[id] = true;
  };
  auto shadowTarget = [&](const Expr *t) {
    std::vector<std::string> ids;
    targetNames(t, ids);
    for (auto &id : ids)
      shadow(id);
  };
  for (Stmt *s : body) {
    switch (s->kind()) {
    case Node::Kind::Import:
      for (Alias *a : llvm::cast<Import>(s)->names) {
        Resolved r;
        r.kind = Resolved::Qual;
        if (!a->asname.empty()) {
          r.qual = a->name;
          scope.names[a->asname] = r;
        } else {
          std::string head = a->name.substr(0, a->name.find('.'));
          r.qual = head;
          scope.names[head] = r;
        }
      }
      break;
    case Node::Kind::ImportFrom: {
      auto *imp = llvm::cast<ImportFrom>(s);
      std::string base = imp->module;
      if (imp->level > 0) {
        // Relative: strip `level` components from the current package.
        std::string pkg = m.name;
        int drop = m.isPackage ? imp->level - 1 : imp->level;
        for (int i = 0; i < drop; ++i) {
          size_t dot = pkg.rfind('.');
          pkg = dot == std::string::npos ? "" : pkg.substr(0, dot);
        }
        base = pkg.empty() ? base : (base.empty() ? pkg : pkg + "." + base);
      }
      for (Alias *a : imp->names) {
        if (a->name == "*") {
          if (!base.empty())
            scope.starImports.push_back(base);
          continue;
        }
        Resolved r;
        r.kind = Resolved::Qual;
        r.qual = base.empty() ? a->name : base + "." + a->name;
        scope.names[a->asname.empty() ? a->name : a->asname] = r;
      }
      break;
    }
    case Node::Kind::FunctionDef: {
      auto *d = llvm::cast<FunctionDef>(s);
      auto f = std::make_unique<FunctionInfo>();
      f->def = d;
      f->mod = &m;
      f->cls = cls;
      f->parent = fn;
      f->qual = prefix + "." + d->name;
      // isGenerator is set by inferTypes, which walks the same nodes.
      FunctionInfo *fi = f.get();
      m.boundFunctions.push_back(std::move(f));
      if (cls) {
        cls->methods[d->name] = fi;
        std::vector<Arg *> params = d->args->posonlyargs;
        params.insert(params.end(), d->args->args.begin(), d->args->args.end());
        if (!params.empty() && !isStaticOrClassMethod(d))
          fi->selfName = params[0]->arg;
      } else {
        Resolved r;
        r.kind = Resolved::Function;
        r.fn = fi;
        r.qual = fi->qual;
        scope.names[d->name] = r;
        scope.shadowed.erase(d->name);
      }
      if (Arguments *a = d->args) {
        for (auto *list : {&a->posonlyargs, &a->args, &a->kwonlyargs})
          for (Arg *p : *list)
            fi->scope.shadowed[p->arg] = true;
        if (a->vararg)
          fi->scope.shadowed[a->vararg->arg] = true;
        if (a->kwarg)
          fi->scope.shadowed[a->kwarg->arg] = true;
      }
      bindStatements(d->body, m, fi, nullptr, fi->qual, fi->scope);
      break;
    }
    case Node::Kind::ClassDef: {
      auto *d = llvm::cast<ClassDef>(s);
      auto c = std::make_unique<ClassInfo>();
      c->def = d;
      c->mod = &m;
      c->qual = prefix + "." + d->name;
      c->bases = d->bases;
      ClassInfo *ci = c.get();
      m.boundClasses.push_back(std::move(c));
      if (!cls) {
        Resolved r;
        r.kind = Resolved::Class;
        r.cls = ci;
        r.qual = ci->qual;
        scope.names[d->name] = r;
        scope.shadowed.erase(d->name);
      }
      Scope classScope; // class bodies do not enclose their methods
      bindStatements(d->body, m, fn, ci, ci->qual, classScope);
      break;
    }
    case Node::Kind::Assign:
      for (Expr *t : llvm::cast<Assign>(s)->targets)
        shadowTarget(t);
      break;
    case Node::Kind::AnnAssign:
      if (llvm::cast<AnnAssign>(s)->value)
        shadowTarget(llvm::cast<AnnAssign>(s)->target);
      break;
    case Node::Kind::AugAssign:
      shadowTarget(llvm::cast<AugAssign>(s)->target);
      break;
    case Node::Kind::For: {
      auto *f = llvm::cast<For>(s);
      shadowTarget(f->target);
      bindStatements(f->body, m, fn, cls, prefix, scope);
      bindStatements(f->orelse, m, fn, cls, prefix, scope);
      break;
    }
    case Node::Kind::While:
      bindStatements(llvm::cast<While>(s)->body, m, fn, cls, prefix, scope);
      bindStatements(llvm::cast<While>(s)->orelse, m, fn, cls, prefix, scope);
      break;
    case Node::Kind::If:
      // TYPE_CHECKING-only imports still name things for resolution.
      bindStatements(llvm::cast<If>(s)->body, m, fn, cls, prefix, scope);
      bindStatements(llvm::cast<If>(s)->orelse, m, fn, cls, prefix, scope);
      break;
    case Node::Kind::With: {
      auto *w = llvm::cast<With>(s);
      for (WithItem *i : w->items)
        shadowTarget(i->optional_vars);
      bindStatements(w->body, m, fn, cls, prefix, scope);
      break;
    }
    case Node::Kind::Try: {
      auto *t = llvm::cast<Try>(s);
      bindStatements(t->body, m, fn, cls, prefix, scope);
      for (ExceptHandler *h : t->handlers) {
        if (!h->name.empty())
          shadow(h->name);
        if (!catchesImportError(h)) {
          bindStatements(h->body, m, fn, cls, prefix, scope);
          continue;
        }
        // `try: from asyncio import get_running_loop` / `except ImportError:
        // from asyncio import get_event_loop as get_running_loop`: the
        // fallback runs only on old versions; the try body's names win.
        Scope fallback;
        bindStatements(h->body, m, fn, cls, prefix, fallback);
        for (auto &[id, r] : fallback.names)
          scope.names.emplace(id, r);
        for (auto &[id, sh] : fallback.shadowed)
          if (!scope.names.count(id))
            scope.shadowed.emplace(id, sh);
        scope.starImports.insert(scope.starImports.end(),
                                 fallback.starImports.begin(),
                                 fallback.starImports.end());
      }
      bindStatements(t->orelse, m, fn, cls, prefix, scope);
      bindStatements(t->finalbody, m, fn, cls, prefix, scope);
      break;
    }
    case Node::Kind::Match:
      for (MatchCase *c : llvm::cast<Match>(s)->cases)
        bindStatements(c->body, m, fn, cls, prefix, scope);
      break;
    default:
      break;
    }
  }
}

// Flow-insensitive: a name assigned objects of two different known types
// gets none.
void Project::inferTypes(ModuleInfo &m, FunctionInfo *fn, const StmtList &body,
                         Scope &scope) {
  std::unordered_map<std::string, bool> conflict;
  auto bind = [&](const std::string &id, const Resolved &r) {
    if (r.kind != Resolved::Instance || conflict.count(id))
      return;
    auto it = scope.names.find(id);
    if (it != scope.names.end()) {
      if (it->second.kind == Resolved::Instance && it->second.qual == r.qual &&
          it->second.cls == r.cls)
        return;
      if (it->second.kind != Resolved::Instance)
        return; // an import or def of the same name wins
      conflict[id] = true;
      scope.names.erase(it);
      return;
    }
    scope.names[id] = r;
  };
  // Parameter annotations: `client: httpx.Client`.
  if (fn && fn->def->args) {
    Arguments *a = fn->def->args;
    for (auto *list : {&a->posonlyargs, &a->args, &a->kwonlyargs})
      for (Arg *p : *list)
        if (p->annotation) {
          Resolved t = resolve(p->annotation, m, fn->parent);
          if (t.kind == Resolved::Qual && resultTypes().count(t.qual)) {
            Resolved r;
            r.kind = Resolved::Instance;
            r.qual = resultTypes().at(t.qual);
            bind(p->arg, r);
          } else if (t.kind == Resolved::Class) {
            Resolved r;
            r.kind = Resolved::Instance;
            r.cls = t.cls;
            r.qual = t.cls->qual;
            bind(p->arg, r);
          }
        }
    if (fn->cls && !fn->selfName.empty()) {
      Resolved r;
      r.kind = Resolved::Instance;
      r.cls = fn->cls;
      r.qual = fn->cls->qual;
      scope.names[fn->selfName] = r;
    }
  }
  walkBody(body, [&](Node *n) {
    // The body's own yields (not nested functions'): a generator. Set here
    // to save a walk per function; nothing reads it before index() ends.
    if (fn && (isa<Yield>(n) || isa<YieldFrom>(n)))
      fn->isGenerator = true;
    if (auto *as = dyn_cast<Assign>(n)) {
      if (as->targets.size() == 1) {
        if (auto *t = dyn_cast<Name>(as->targets[0]))
          bind(t->id, resolve(as->value, m, fn));
        else if (auto *at = dyn_cast<Attribute>(as->targets[0]);
                 at && fn && fn->cls && !fn->selfName.empty()) {
          // `self.client = httpx.Client()` types the attribute for every
          // method of the class.
          if (auto *base = dyn_cast<Name>(at->value);
              base && base->id == fn->selfName) {
            Resolved r = resolve(as->value, m, fn);
            if (r.kind == Resolved::Instance &&
                !fn->cls->methods.count(at->attr))
              (speculating ? speculating->writes
                           : attrTypes_)[fn->cls][at->attr] = r;
          }
        }
      }
    } else if (auto *an = dyn_cast<AnnAssign>(n)) {
      if (auto *t = dyn_cast<Name>(an->target); t && an->value)
        bind(t->id, resolve(an->value, m, fn));
    } else if (auto *w = dyn_cast<With>(n)) {
      for (WithItem *i : w->items)
        if (auto *t = llvm::dyn_cast_or_null<Name>(i->optional_vars))
          bind(t->id, resolve(i->context_expr, m, fn));
    }
    return true;
  });
}

// ------------------------------------------------------------ resolution

namespace {
const llvm::StringSet<> &builtinNames() {
  static const llvm::StringSet<> s = {"open", "input",   "print",     "exec",
                                      "eval", "compile", "__import__"};
  return s;
}
thread_local int resolveDepth = 0;
struct DepthGuard {
  DepthGuard() { ++resolveDepth; }
  ~DepthGuard() { --resolveDepth; }
  bool tooDeep() const { return resolveDepth > 32; } // import cycles
};
} // namespace

Resolved Project::lookupName(const std::string &id, ModuleInfo &m,
                             FunctionInfo *fn) const {
  for (FunctionInfo *f = fn; f; f = f->parent) {
    auto it = f->scope.names.find(id);
    if (it != f->scope.names.end())
      return it->second;
    if (f->scope.shadowed.count(id))
      return {};
  }
  auto it = m.globals.names.find(id);
  if (it != m.globals.names.end()) {
    // An import of a project module resolves to that module's objects.
    if (it->second.kind == Resolved::Qual)
      return fromQual(it->second.qual);
    return it->second;
  }
  if (m.globals.shadowed.count(id))
    return {};
  // `from M import *`: a project module's public globals are known exactly
  // (and shadow builtins, as in Python); later star imports win.
  const std::string *external = nullptr;
  for (auto it = m.globals.starImports.rbegin();
       it != m.globals.starImports.rend(); ++it) {
    if (ModuleInfo *src = moduleNamed(*it)) {
      if (!id.empty() && id[0] != '_' && src->globals.names.count(id))
        return fromQual(*it + "." + id);
    } else if (isLibraryCoroutine(*it + "." + id) ||
               (knownLibraryName && knownLibraryName(*it + "." + id))) {
      // Known there: as in Python, it shadows a builtin of that name.
      Resolved r;
      r.kind = Resolved::Qual;
      r.qual = *it + "." + id;
      return r;
    } else if (!external) {
      external = &*it;
    }
  }
  if (builtinNames().contains(id)) {
    Resolved r;
    r.kind = Resolved::Qual;
    r.qual = "builtins." + id;
    return r;
  }
  // A library's exports are unknown here: an otherwise unbound name comes
  // from the last library star import whose module the linter knows it in
  // (`from time import *` then `sleep(1)` is `time.sleep`), else from the
  // last library star import. Builtins keep their meaning, so
  // `from os import *` does not turn `open` into `os.open`.
  if (external) {
    Resolved r;
    r.kind = Resolved::Qual;
    r.qual = *external + "." + id;
    return r;
  }
  return {};
}

Resolved Project::fromQual(const std::string &qual) const {
  DepthGuard g;
  if (!g.tooDeep()) {
    // Longest module prefix that is a project module.
    for (size_t p = qual.size(); p != std::string::npos && p > 0;
         p = qual.rfind('.', p - 1)) {
      ModuleInfo *mod = moduleNamed(qual.substr(0, p));
      if (!mod)
        continue;
      if (p == qual.size()) {
        Resolved r;
        r.kind = Resolved::Qual;
        r.qual = mod->name;
        return r;
      }
      std::string rest = qual.substr(p + 1);
      size_t dot = rest.find('.');
      std::string head = rest.substr(0, dot);
      Resolved r;
      auto it = mod->globals.names.find(head);
      if (it != mod->globals.names.end())
        r = it->second.kind == Resolved::Qual ? fromQual(it->second.qual)
                                              : it->second;
      else if (ModuleInfo *sub = moduleNamed(mod->name + "." + head)) {
        r.kind = Resolved::Qual;
        r.qual = sub->name;
      } else {
        // Not defined in the project module (a star import, a C extension
        // of the same name...): keep the dotted name for the tables.
        r.kind = Resolved::Qual;
        r.qual = qual;
        return r;
      }
      while (dot != std::string::npos && r) {
        size_t next = rest.find('.', dot + 1);
        r = member(r, rest.substr(dot + 1, next - dot - 1));
        dot = next;
      }
      return r;
    }
  }
  Resolved r;
  r.kind = Resolved::Qual;
  r.qual = qual;
  return r;
}

Resolved Project::member(const Resolved &base, const std::string &attr) const {
  auto findMethod = [&](ClassInfo *c) -> FunctionInfo * {
    for (int depth = 0; c && depth < 16; ++depth) {
      auto it = c->methods.find(attr);
      if (it != c->methods.end())
        return it->second;
      ClassInfo *next = nullptr;
      for (Expr *b : c->bases) {
        Resolved rb = resolve(b, *c->mod, nullptr);
        if (rb.kind == Resolved::Class) {
          next = rb.cls;
          break;
        }
      }
      c = next;
    }
    return nullptr;
  };
  Resolved r;
  switch (base.kind) {
  case Resolved::None:
  case Resolved::Function:
    return {};
  case Resolved::Qual:
    return fromQual(base.qual + "." + attr);
  case Resolved::Class:
    if (FunctionInfo *f = findMethod(base.cls)) {
      r.kind = Resolved::Function;
      r.fn = f;
      r.qual = f->qual;
    }
    return r;
  case Resolved::Instance:
    if (base.cls) {
      if (FunctionInfo *f = findMethod(base.cls)) {
        r.kind = Resolved::Function;
        r.fn = f;
        r.qual = f->qual;
        return r;
      }
      if (speculating) {
        auto ct = speculating->writes.find(base.cls);
        if (ct != speculating->writes.end()) {
          auto at = ct->second.find(attr);
          if (at != ct->second.end())
            return at->second;
        }
        speculating->misses.emplace_back(base.cls, attr);
      }
      auto ct = attrTypes_.find(base.cls);
      if (ct != attrTypes_.end()) {
        auto at = ct->second.find(attr);
        if (at != ct->second.end())
          return at->second;
      }
      return {};
    }
    {
      std::string q = base.qual + "." + attr;
      auto at = attrTypes().find(q);
      if (at != attrTypes().end()) {
        r.kind = Resolved::Instance;
        r.qual = at->second;
        return r;
      }
      r.kind = Resolved::Qual;
      r.qual = q;
      return r;
    }
  }
  return {};
}

Resolved Project::callResult(const Resolved &callee) const {
  Resolved r;
  if (callee.kind == Resolved::Class) {
    r.kind = Resolved::Instance;
    r.cls = callee.cls;
    r.qual = callee.cls->qual;
  } else if (callee.kind == Resolved::Qual) {
    auto it = resultTypes().find(callee.qual);
    if (it != resultTypes().end()) {
      r.kind = Resolved::Instance;
      r.qual = it->second;
    }
  }
  return r;
}

Resolved Project::resolve(const Expr *e, ModuleInfo &m,
                          FunctionInfo *fn) const {
  if (!e)
    return {};
  DepthGuard g;
  if (g.tooDeep())
    return {};
  // A file that type-checks: sema's type of the value comes first.
  if (Resolved s = semaResolve(e, m))
    return s;
  switch (e->kind()) {
  case Node::Kind::Name:
    return lookupName(llvm::cast<Name>(e)->id, m, fn);
  case Node::Kind::Attribute: {
    auto *a = llvm::cast<Attribute>(e);
    return member(resolve(a->value, m, fn), a->attr);
  }
  case Node::Kind::Call:
    return callResult(resolve(llvm::cast<Call>(e)->func, m, fn));
  case Node::Kind::BinOp: {
    auto *b = llvm::cast<BinOp>(e);
    if (b->op == OperatorKind::Div) {
      Resolved l = resolve(b->left, m, fn);
      if (l.kind == Resolved::Instance && l.qual == "pathlib.Path")
        return l;
    }
    return {};
  }
  default:
    return {};
  }
}

std::string Project::calleeQual(const Call *c, ModuleInfo &m,
                                FunctionInfo *fn) const {
  Resolved r = resolve(c->func, m, fn);
  switch (r.kind) {
  case Resolved::Qual:
  case Resolved::Function:
  case Resolved::Class:
    return r.qual;
  default:
    return {};
  }
}

FunctionInfo *Project::calleeFunction(const Call *c, ModuleInfo &m,
                                      FunctionInfo *fn) const {
  Resolved r = resolve(c->func, m, fn);
  if (r.kind == Resolved::Function)
    return r.fn;
  if (r.kind == Resolved::Class) {
    Resolved init = member(r, "__init__");
    return init.fn;
  }
  return nullptr;
}

bool Project::isCoroutineCall(const Call *c, ModuleInfo &m, FunctionInfo *fn,
                              std::string *qualOut) const {
  Resolved r = resolve(c->func, m, fn);
  if (qualOut)
    *qualOut = r.qual;
  if (r.kind == Resolved::Function)
    return r.fn->def->isAsync && !r.fn->isGenerator;
  if (r.kind == Resolved::Qual) {
    if (isLibraryCoroutine(r.qual))
      return true;
    // A method of a library object sema types (`writer.drain()`,
    // `lock.acquire()`): its value says whether it is a coroutine. Module
    // functions keep the table (a dropped `asyncio.gather` still runs).
    auto *a = dyn_cast<Attribute>(c->func);
    return a && semaCoroutineCall(c, m) &&
           semaResolve(a->value, m).kind == Resolved::Instance;
  }
  // A callee the light inference cannot name (a callable parameter, an
  // element of a list of functions...): sema knows the call's value.
  if (r.kind == Resolved::None && semaCoroutineCall(c, m)) {
    if (qualOut)
      *qualOut = m.slice(c->func->range);
    return true;
  }
  return false;
}

} // namespace aioc::lint
