// Parse throughput: loads every .py file under the given directories (default:
// the Debian CPython 3.11 stdlib), parses them all once to warm ANTLR's DFA
// cache, then times further passes on one thread and prints lines/second.
#include "frontend/Frontend.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/ThreadPool.h>
#include <llvm/Support/Threading.h>
#include <llvm/Support/raw_ostream.h>

#include <atomic>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <vector>

using namespace llvm;

static cl::list<std::string> dirs(cl::Positional, cl::desc("[DIR...]"));
static cl::opt<unsigned> passes("passes", cl::init(3),
                                cl::desc("timed passes over the corpus"));
static cl::opt<unsigned>
    threads("threads", cl::init(0),
            cl::desc("also time a pass on N threads (what `aioc lint` "
                     "does; 0: skip)"));

int main(int argc, char **argv) {
  cl::ParseCommandLineOptions(argc, argv, "aioc parse benchmark\n");
  std::vector<std::string> roots(dirs.begin(), dirs.end());
  if (roots.empty())
    roots.push_back("/usr/lib/python3.11");
  struct File {
    std::string path, text;
  };
  std::vector<File> files;
  size_t lines = 0, bytes = 0;
  for (const std::string &root : roots) {
    std::error_code ec;
    for (sys::fs::recursive_directory_iterator it(root, ec), end;
         it != end && !ec; it.increment(ec)) {
      StringRef p = it->path();
      if (!p.endswith(".py") || p.contains("-packages/"))
        continue;
      auto buf = MemoryBuffer::getFile(p);
      if (!buf)
        continue;
      files.push_back({p.str(), (*buf)->getBuffer().str()});
      lines +=
          std::count(files.back().text.begin(), files.back().text.end(), '\n');
      bytes += files.back().text.size();
    }
  }
  if (files.empty()) {
    errs() << "no .py files found\n";
    return 2;
  }
  // Each pass parses every file; the first also fills the DFA cache.
  auto pass = [&](unsigned &failures) {
    failures = 0;
    for (const File &f : files) {
      aioc::SourceManager sm;
      std::string sink;
      raw_string_ostream os(sink);
      aioc::DiagnosticEngine diags(sm, os, false);
      unsigned id = sm.addFile(f.path, f.text);
      if (!aioc::parseFile(sm, id, diags).ok())
        ++failures;
    }
  };
  // CPU time of this thread, so other load on the machine does not count;
  // wall time is printed too.
  auto cpu = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  using clock = std::chrono::steady_clock;
  unsigned failures = 0;
  double c0 = cpu();
  pass(failures);
  double cold = cpu() - c0;
  double best = 1e99, bestWall = 1e99;
  for (unsigned i = 0; i < passes; ++i) {
    auto t1 = clock::now();
    double c1 = cpu();
    pass(failures);
    best = std::min(best, cpu() - c1);
    bestWall = std::min(
        bestWall, std::chrono::duration<double>(clock::now() - t1).count());
  }
  outs() << "files: " << files.size() << ", lines: " << lines
         << ", bytes: " << bytes << ", files with syntax errors: " << failures
         << "\n";
  outs() << format("cold pass: %.2f s CPU (%.0f lines/s)\n", cold,
                   lines / cold);
  outs() << format("warm pass (best of %u): %.2f s CPU, %.0f lines/s, "
                   "%.1f MB/s (wall %.2f s)\n",
                   unsigned(passes), best, lines / best, bytes / best / 1e6,
                   bestWall);
  if (threads > 0) {
    // Files handed out one at a time to `threads` workers, each with its own
    // ANTLR DFA cache; wall time, since the point is using several cores.
    aioc::SourceManager sm;
    std::vector<unsigned> ids;
    for (const File &f : files)
      ids.push_back(sm.addFile(f.path, f.text));
    double bestPar = 1e99;
    for (unsigned i = 0; i < std::max(1u, unsigned(passes)); ++i) {
      std::atomic<size_t> next{0}, bad{0};
      auto t1 = clock::now();
      ThreadPool pool(hardware_concurrency(threads));
      for (unsigned t = 0; t < threads; ++t)
        pool.async([&] {
          for (size_t k; (k = next.fetch_add(1)) < ids.size();) {
            std::vector<aioc::Diagnostic> errors;
            if (!aioc::parseFile(sm, ids[k], errors).ok())
              ++bad;
          }
        });
      pool.wait();
      bestPar = std::min(
          bestPar, std::chrono::duration<double>(clock::now() - t1).count());
      if (bad != failures)
        errs() << "threaded pass: " << bad.load()
               << " files with syntax errors, single-threaded: " << failures
               << "\n";
    }
    outs() << format("%u threads (best of %u): wall %.2f s, %.0f lines/s\n",
                     unsigned(threads), std::max(1u, unsigned(passes)), bestPar,
                     lines / bestPar);
  }
  return 0;
}
