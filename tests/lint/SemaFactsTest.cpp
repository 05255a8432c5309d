// The linter's use of the type checker's facts (compiler/lint/SemaFacts).
//  - Each tests/lint/fixtures/sema_*.py type-checks, and its findings depend
//    on sema as marked: `# sema-only` lines are missed and `# without-sema:
//    CODE` lines get a false CODE when sema is off (AIOC_LINT_NO_SEMA), so
//    the wins cannot silently turn into light-inference results.
//  - sema::checkQuiet agrees with sema::check on every conformance script
//    (all accepted) and every reject (refused, except the asyncio mistakes
//    that quiet mode leaves to the linter), also on several threads.
#include "frontend/Frontend.h"
#include "lint/Lint.h"
#include "sema/Sema.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <atomic>
#include <cstdlib>
#include <set>
#include <sstream>
#include <thread>

using namespace aioc;

namespace {

std::string readFile(const std::string &p) {
  auto b = llvm::MemoryBuffer::getFile(p);
  return b ? (*b)->getBuffer().str() : std::string();
}

std::vector<std::string> pyFiles(const std::string &dir,
                                 const std::string &prefix = "") {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    llvm::StringRef name = llvm::sys::path::filename(it->path());
    if (name.endswith(".py") && name.startswith(prefix))
      out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> codesAfter(const std::string &line,
                                    const std::string &marker) {
  std::vector<std::string> out;
  size_t p = line.find(marker);
  if (p == std::string::npos)
    return out;
  std::istringstream in(line.substr(p + marker.size()));
  std::string w;
  while (in >> w) {
    while (!w.empty() && (w.back() == ',' || w.back() == '#'))
      w.pop_back();
    if (w.empty() || w[0] == '#')
      break;
    out.push_back(w);
  }
  return out;
}

using Key = std::pair<unsigned, std::string>; // line, code

struct Marks {
  std::vector<std::string> select;
  std::set<Key> withSema, withoutSema;
};

Marks readMarks(const std::string &path) {
  Marks m;
  std::istringstream in(readFile(path));
  std::string line;
  for (unsigned n = 1; std::getline(in, line); ++n) {
    if (line.rfind("# select:", 0) == 0) {
      std::string rest = line.substr(9);
      for (char &c : rest)
        if (c == ',')
          c = ' ';
      std::istringstream s(rest);
      for (std::string c; s >> c;)
        m.select.push_back(c);
      continue;
    }
    bool semaOnly = line.find("# sema-only") != std::string::npos;
    for (auto &c : codesAfter(line, "# expect:")) {
      m.withSema.insert({n, c});
      if (!semaOnly)
        m.withoutSema.insert({n, c});
    }
    for (auto &c : codesAfter(line, "# without-sema:"))
      m.withoutSema.insert({n, c});
  }
  return m;
}

std::set<Key> lint(const std::string &path, const std::vector<std::string> &sel,
                   bool sema) {
  if (sema)
    unsetenv("AIOC_LINT_NO_SEMA");
  else
    setenv("AIOC_LINT_NO_SEMA", "1", 1);
  SourceManager sm;
  std::string diagText;
  llvm::raw_string_ostream os(diagText);
  DiagnosticEngine diags(sm, os, false);
  lint::LintOptions opts;
  opts.select = sel;
  lint::Linter l(sm, diags, opts);
  EXPECT_TRUE(l.addFile(path)) << diagText;
  std::set<Key> got;
  for (const lint::Finding &f : l.run())
    got.insert({f.range.begin.line, f.code});
  unsetenv("AIOC_LINT_NO_SEMA");
  return got;
}

std::string describe(const std::set<Key> &s) {
  std::string out;
  for (auto &[l, c] : s)
    out += "  line " + std::to_string(l) + " " + c + "\n";
  return out;
}

// Parses and quietly type-checks one file.
bool typedQuietly(const std::string &path) {
  SourceManager sm;
  unsigned id = sm.addFile(path, readFile(path));
  std::vector<Diagnostic> errors;
  ParseResult r = parseFile(static_cast<const SourceManager &>(sm), id, errors);
  if (!r.ok())
    return false;
  sema::TypeContext types;
  sema::SemaResult out;
  return sema::checkQuiet(r.module, id, types, out);
}

// Parses and type-checks with diagnostics; returns them.
bool typedLoudly(const std::string &path, std::string &diagText) {
  SourceManager sm;
  unsigned id = sm.addFile(path, readFile(path));
  llvm::raw_string_ostream os(diagText);
  DiagnosticEngine diags(sm, os, false);
  ParseResult r = parseFile(sm, id, diags);
  if (!r.ok())
    return false;
  sema::TypeContext types;
  sema::SemaResult out;
  return sema::check(r.module, id, diags, types, out);
}

TEST(SemaFacts, FixturesNeedTheTypeChecker) {
  auto files = pyFiles(AIOC_LINT_FIXTURES, "sema_");
  ASSERT_GE(files.size(), 2u);
  for (const std::string &f : files) {
    SCOPED_TRACE(f);
    EXPECT_TRUE(typedQuietly(f)) << "the fixture must type-check";
    Marks m = readMarks(f);
    ASSERT_NE(m.withSema, m.withoutSema) << "nothing depends on sema";
    EXPECT_EQ(lint(f, m.select, true), m.withSema)
        << describe(lint(f, m.select, true));
    EXPECT_EQ(lint(f, m.select, false), m.withoutSema)
        << describe(lint(f, m.select, false));
  }
}

TEST(SemaFacts, QuietVerdictMatchesCheck) {
  std::vector<std::string> accepted = pyFiles(AIOC_CONFORMANCE_DIR);
  std::vector<std::string> rejected = pyFiles(AIOC_REJECTS_DIR);
  ASSERT_FALSE(accepted.empty());
  ASSERT_FALSE(rejected.empty());
  for (const std::string &f : accepted) {
    std::string d;
    if (!typedLoudly(f, d))
      continue; // a runtime-error script the checker refuses on purpose
    EXPECT_TRUE(typedQuietly(f)) << f;
  }
  for (const std::string &f : rejected) {
    std::string d;
    if (typedLoudly(f, d) || !typedQuietly(f))
      continue;
    // Accepted quietly: every error must be one the linter reports itself.
    std::istringstream in(d);
    for (std::string line; std::getline(in, line);)
      if (line.find(": error: ") != std::string::npos)
        EXPECT_TRUE(line.find("never awaited") != std::string::npos ||
                    line.find("`asyncio.run()` cannot be called") !=
                        std::string::npos)
            << f << ": " << line;
  }
}

// The lint workers type-check files concurrently: same verdicts as serially.
TEST(SemaFacts, ConcurrentChecksAgree) {
  std::vector<std::string> files = pyFiles(AIOC_CONFORMANCE_DIR);
  auto more = pyFiles(AIOC_REJECTS_DIR);
  files.insert(files.end(), more.begin(), more.end());
  std::vector<char> serial(files.size()), parallel(files.size());
  for (size_t i = 0; i < files.size(); ++i)
    serial[i] = typedQuietly(files[i]);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < files.size();)
      parallel[i] = typedQuietly(files[i]);
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  EXPECT_EQ(serial, parallel);
}

} // namespace
