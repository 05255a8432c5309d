// Measures what running sema costs the linter: parses every .py file under
// the given directories, then type-checks each quietly (sema::checkQuiet, as
// `aioc lint` does), and prints the thread CPU time of both phases and how
// many files type-check. Not a test: `lint_sema_cost [--list] DIR...`;
// --list prints the files that pass sema's import gate (the ones sema does
// real work on), e.g. to run just those under the sanitizers.
#include "frontend/Frontend.h"
#include "sema/Sema.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/raw_ostream.h>

#include <ctime>

using namespace aioc;

static double threadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

int main(int argc, char **argv) {
  SourceManager sm;
  std::vector<unsigned> ids;
  bool list = argc > 1 && llvm::StringRef(argv[1]) == "--list";
  for (int i = list ? 2 : 1; i < argc; ++i) {
    std::error_code ec;
    for (llvm::sys::fs::recursive_directory_iterator it(argv[i], ec), end;
         it != end && !ec; it.increment(ec)) {
      if (!llvm::StringRef(it->path()).endswith(".py"))
        continue;
      std::string err;
      unsigned id = sm.loadFile(it->path(), err);
      if (id != ~0u)
        ids.push_back(id);
    }
  }
  double parse = 0, check = 0;
  unsigned parsed = 0, typed = 0;
  const SourceManager &csm = sm;
  for (unsigned id : ids) {
    std::vector<Diagnostic> errors;
    double t0 = threadSeconds();
    ParseResult r = parseFile(csm, id, errors);
    double t1 = threadSeconds();
    parse += t1 - t0;
    if (!r.ok())
      continue;
    ++parsed;
    if (list && sema::importsSupported(r.module))
      llvm::outs() << sm.path(id) << "\n";
    sema::TypeContext types;
    sema::SemaResult out;
    bool ok = sema::checkQuiet(r.module, id, types, out);
    check += threadSeconds() - t1;
    typed += ok;
  }
  llvm::outs() << ids.size() << " files, " << parsed << " parsed, " << typed
               << " type-check\n"
               << "parse CPU " << llvm::format("%.3f", parse) << " s, sema CPU "
               << llvm::format("%.3f", check) << " s ("
               << llvm::format("%.2f", parse > 0 ? 100 * check / parse : 0)
               << "% of parse)\n";
  return 0;
}
