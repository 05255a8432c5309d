// Linter tests. Fixture files carry their expectations as comments:
//   `# expect: CODE[, CODE]`  a finding with that code must start on the line
//   `# select: CODES`          only these codes are checked (header)
//   `# args: --blocking X=Y`   extra options (header)
// Every other line must have no finding of a selected code, so each fixture
// tests precision as well as recall.
#include "lint/Lint.h"
#include "frontend/Frontend.h"
#include "lint/Project.h"

#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

using namespace aioc;
using namespace aioc::lint;

namespace {

std::string readFile(const std::string &p) {
  auto b = llvm::MemoryBuffer::getFile(p);
  return b ? (*b)->getBuffer().str() : std::string();
}

std::vector<std::string> splitCodes(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      cur += c;
    else if (!cur.empty())
      out.push_back(cur), cur.clear();
  }
  if (!cur.empty())
    out.push_back(cur);
  return out;
}

using Key = std::tuple<std::string, unsigned, std::string>; // file, line, code

// Reads markers and header options of one fixture file.
void readExpectations(const std::string &path, std::set<Key> &expected,
                      LintOptions &opts) {
  std::istringstream in(readFile(path));
  std::string line;
  unsigned n = 0;
  while (std::getline(in, line)) {
    ++n;
    size_t e = line.find("# expect:");
    if (e != std::string::npos)
      for (auto &c : splitCodes(line.substr(e + 9)))
        expected.insert({path, n, c});
    if (line.rfind("# select:", 0) == 0)
      for (auto &c : splitCodes(line.substr(9)))
        opts.select.push_back(c);
    if (line.rfind("# args:", 0) == 0) {
      // `--blocking NAME[=SUGGESTION]`, the suggestion running to the next
      // ` --`.
      std::string rest = line.substr(7);
      size_t p = 0;
      while ((p = rest.find("--blocking ", p)) != std::string::npos) {
        p += 11;
        size_t q = rest.find(" --", p);
        std::string v = rest.substr(p, q == std::string::npos ? q : q - p);
        size_t eq = v.find('=');
        opts.blocking.emplace_back(
            v.substr(0, eq), eq == std::string::npos ? "" : v.substr(eq + 1));
        p = q == std::string::npos ? rest.size() : q;
      }
    }
  }
}

struct LintRun {
  SourceManager sm;
  std::string diagText;
  llvm::raw_string_ostream diagOS{diagText};
  DiagnosticEngine diags{sm, diagOS, false};
  std::vector<Finding> findings;
  unsigned parsed = 0;

  void lint(const std::vector<std::string> &files, const LintOptions &opts) {
    Linter l(sm, diags, opts);
    for (const auto &f : files)
      parsed += l.addFile(f);
    findings = l.run();
  }
  std::set<Key> keys(const std::vector<std::string> &select) {
    std::set<Key> k;
    for (const Finding &f : findings)
      if (select.empty() || codeMatches(f.code, select))
        k.insert({sm.path(f.fileId), f.range.begin.line, f.code});
    return k;
  }
};

std::string describe(const std::set<Key> &s) {
  std::string out;
  for (auto &[f, l, c] : s)
    out += "  " + llvm::sys::path::filename(f).str() + ":" + std::to_string(l) +
           " " + c + "\n";
  return out;
}

std::vector<std::string> fixtureFiles() {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(AIOC_LINT_FIXTURES, ec), end;
       it != end && !ec; it.increment(ec))
    if (llvm::StringRef(it->path()).endswith(".py"))
      out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

class Fixture : public ::testing::TestWithParam<std::string> {};

TEST_P(Fixture, FindsExactlyTheExpectedFindings) {
  std::set<Key> expected;
  LintOptions opts;
  readExpectations(GetParam(), expected, opts);
  LintRun r;
  r.lint({GetParam()}, opts);
  ASSERT_EQ(r.parsed, 1u) << r.diagText;
  std::set<Key> got = r.keys(opts.select);
  std::set<Key> missing, extra;
  std::set_difference(expected.begin(), expected.end(), got.begin(), got.end(),
                      std::inserter(missing, missing.end()));
  std::set_difference(got.begin(), got.end(), expected.begin(), expected.end(),
                      std::inserter(extra, extra.end()));
  EXPECT_TRUE(missing.empty()) << "missed:\n" << describe(missing);
  EXPECT_TRUE(extra.empty()) << "unexpected:\n" << describe(extra);
  for (const Finding &f : r.findings) {
    EXPECT_FALSE(f.message.empty());
    EXPECT_FALSE(f.fix.empty()) << f.code << " without a fix suggestion";
  }
}

INSTANTIATE_TEST_SUITE_P(Lint, Fixture, ::testing::ValuesIn(fixtureFiles()),
                         [](const ::testing::TestParamInfo<std::string> &i) {
                           std::string n = llvm::sys::path::stem(i.param).str();
                           for (char &c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           return n;
                         });

// The project fixture: one call graph over every file of a package tree.
TEST(LintProject, ChainsCrossFiles) {
  std::vector<std::string> files;
  std::set<Key> expected;
  LintOptions opts;
  std::error_code ec;
  std::string root = std::string(AIOC_LINT_FIXTURES) + "/project";
  for (llvm::sys::fs::recursive_directory_iterator it(root, ec), end;
       it != end && !ec; it.increment(ec))
    if (llvm::StringRef(it->path()).endswith(".py")) {
      files.push_back(it->path());
      readExpectations(it->path(), expected, opts);
    }
  std::sort(files.begin(), files.end());
  opts.select = {"AIO100"};
  LintRun r;
  r.lint(files, opts);
  EXPECT_EQ(r.keys(opts.select), expected) << describe(r.keys(opts.select));
  // `config.backup()` goes through three functions in two other files.
  bool sawLong = false;
  for (const Finding &f : r.findings)
    if (f.chain.size() == 3) {
      sawLong = true;
      EXPECT_NE(f.chain[0].fileId, f.fileId);
      EXPECT_EQ(f.chain.back().callee, "shutil.copyfile");
      EXPECT_NE(f.message.find("disk.py:5"), std::string::npos) << f.message;
    }
  EXPECT_TRUE(sawLong);
}

// Parsing on several threads must not change anything: same findings in the
// same order, same syntax errors, same cross-file chains.
TEST(LintParallel, SameResultAsOneThread) {
  std::vector<std::string> files = fixtureFiles();
  std::error_code ec;
  std::string root = std::string(AIOC_LINT_FIXTURES) + "/project";
  for (llvm::sys::fs::recursive_directory_iterator it(root, ec), end;
       it != end && !ec; it.increment(ec))
    if (llvm::StringRef(it->path()).endswith(".py"))
      files.push_back(it->path());
  std::sort(files.begin(), files.end());
  // A file with a syntax error and an unreadable one are reported in order.
  std::string bad = testing::TempDir() + "/aioc_parallel_bad.py";
  {
    std::error_code wec;
    llvm::raw_fd_ostream os(bad, wec);
    os << "def f(:\n    pass\n";
  }
  files.insert(files.begin() + files.size() / 2, bad);
  files.push_back(testing::TempDir() + "/aioc_parallel_missing.py");
  auto render = [&](unsigned jobs, std::string &diagText) {
    SourceManager sm;
    llvm::raw_string_ostream diagOS(diagText);
    DiagnosticEngine diags(sm, diagOS, false);
    Linter l(sm, diags, {});
    EXPECT_EQ(l.addFiles(files, jobs), 2u);
    std::string out;
    llvm::raw_string_ostream os(out);
    // The rules run on `jobs` threads too (AIO100's cross-file memo on one).
    printJSON(sm, os, l.run(jobs));
    return out;
  };
  std::string diags1, diags4;
  std::string one = render(1, diags1);
  std::string four = render(4, diags4);
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, four);
  EXPECT_NE(diags1.find("aioc_parallel_bad.py"), std::string::npos);
  EXPECT_EQ(diags1, diags4);
}

// The function-level type inference runs per module on several threads and
// is redone in order for a module whose speculative run missed an attribute
// type (`self.lock = threading.Lock()`) that an earlier module wrote. With
// one thread only modules after holder.py see it (early.py does not): the
// parallel index must reproduce exactly that.
TEST(LintParallel, ClassAttributeTypesAcrossModules) {
  std::string root = testing::TempDir() + "/aioc_parallel_attrs";
  std::string pkg = root + "/pkg";
  ASSERT_FALSE(llvm::sys::fs::create_directories(pkg));
  auto write = [&](const std::string &name, const std::string &text) {
    std::error_code ec;
    llvm::raw_fd_ostream os(pkg + "/" + name, ec);
    os << text;
    return pkg + "/" + name;
  };
  std::string user = "from pkg.holder import Holder\n"
                     "\n"
                     "\n"
                     "async def main():\n"
                     "    h = Holder()\n"
                     "    lk = h.lock\n"
                     "    lk.acquire()\n";
  std::vector<std::string> files = {
      write("__init__.py", ""), write("early.py", user),
      write("holder.py", "import threading\n"
                         "\n"
                         "\n"
                         "class Holder:\n"
                         "    def __init__(self):\n"
                         "        self.lock = threading.Lock()\n"),
      write("user.py", user)};
  auto render = [&](unsigned jobs, unsigned &reruns) {
    SourceManager sm;
    std::string diagText;
    llvm::raw_string_ostream diagOS(diagText);
    DiagnosticEngine diags(sm, diagOS, false);
    LintOptions opts;
    opts.select = {"AIO112"};
    Linter l(sm, diags, opts);
    EXPECT_EQ(l.addFiles(files, jobs), 0u);
    std::string out;
    llvm::raw_string_ostream os(out);
    printJSON(sm, os, l.run(jobs));
    reruns = l.times().inferReruns;
    return out;
  };
  unsigned reruns1 = 0, reruns4 = 0;
  std::string one = render(1, reruns1);
  std::string four = render(4, reruns4);
  EXPECT_EQ(one, four);
  EXPECT_EQ(reruns1, 0u);
  // user.py's speculative run could not see Holder.lock: redone in order.
  EXPECT_GE(reruns4, 1u);
  EXPECT_NE(one.find("user.py"), std::string::npos) << one;
  EXPECT_EQ(one.find("early.py"), std::string::npos) << one;
}

TEST(LintChain, MessageNamesEveryStep) {
  LintRun r;
  Linter l(r.sm, r.diags, {});
  ASSERT_TRUE(l.addSource("m.py", "def read_config():\n"
                                  "    return open('x').read()\n"
                                  "def load():\n"
                                  "    return read_config()\n"
                                  "async def main():\n"
                                  "    load()\n"));
  auto fs = l.run();
  const Finding *f = nullptr;
  for (const Finding &x : fs)
    if (x.code == "AIO100")
      f = &x;
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message, "`load()` blocks the event loop: it calls "
                        "`read_config()` (line 4), which calls `open` "
                        "(line 2)");
  ASSERT_EQ(f->chain.size(), 2u);
  EXPECT_EQ(f->range.begin.line, 6u);
  EXPECT_NE(f->fix.find("await asyncio.to_thread(load)"), std::string::npos);
}

// With the stdlib itself in the project, `asynccontextmanager` resolves to
// the project's function contextlib.asynccontextmanager, not an outside
// name: ASYNC119 must still see it as the safe decorator.
TEST(LintASYNC119, DecoratorDefinedInTheProject) {
  LintRun r;
  Linter l(r.sm, r.diags, {});
  ASSERT_TRUE(l.addSource("contextlib.py", "def asynccontextmanager(f):\n"
                                           "    return f\n"));
  ASSERT_TRUE(l.addSource("user.py", "from contextlib import "
                                     "asynccontextmanager\n"
                                     "@asynccontextmanager\n"
                                     "async def cm(lock):\n"
                                     "    async with lock:\n"
                                     "        yield\n"
                                     "async def gen(lock):\n"
                                     "    async with lock:\n"
                                     "        yield\n"));
  std::vector<unsigned> lines;
  for (const Finding &f : l.run())
    if (f.code == "ASYNC119")
      lines.push_back(f.range.begin.line);
  EXPECT_EQ(lines, std::vector<unsigned>{8});
}

// With trio itself in the project, `trio.sleep` resolves to the project's
// function trio._timeouts.sleep, not an outside name: ASYNC110/115/116
// must still know it (trio's own tests in site-packages).
TEST(LintASYNC115, SleepDefinedInTheProject) {
  LintRun r;
  Linter l(r.sm, r.diags, {});
  ASSERT_TRUE(l.addSource("trio/__init__.py",
                          "from ._timeouts import sleep as sleep\n"));
  ASSERT_TRUE(l.addSource("trio/_timeouts.py", "async def sleep(seconds):\n"
                                               "    pass\n"));
  ASSERT_TRUE(l.addSource("test_x.py", "import trio\n"
                                       "async def f():\n"
                                       "    await trio.sleep(0)\n"
                                       "    await trio.sleep(86401)\n"
                                       "    await trio.sleep(1)\n"
                                       "    while True:\n"
                                       "        await trio.sleep(1)\n"));
  std::vector<std::pair<std::string, unsigned>> got;
  for (const Finding &f : l.run())
    if (f.code == "ASYNC110" || f.code == "ASYNC115" || f.code == "ASYNC116")
      got.emplace_back(f.code, f.range.begin.line);
  std::sort(got.begin(), got.end());
  std::vector<std::pair<std::string, unsigned>> want = {
      {"ASYNC110", 6}, {"ASYNC115", 3}, {"ASYNC116", 4}};
  EXPECT_EQ(got, want);
}

// trio in the tree: its async functions are defined in private modules
// (trio._timeouts.sleep); ASYNC105 must know them there, and leave a sync
// function of the same name alone.
TEST(LintASYNC105, TrioDefinedInTheProject) {
  LintRun r;
  Linter l(r.sm, r.diags, {});
  ASSERT_TRUE(l.addSource("trio/__init__.py",
                          "from ._timeouts import sleep as sleep\n"
                          "from ._sync import checkpoint as checkpoint\n"));
  ASSERT_TRUE(l.addSource("trio/_timeouts.py", "async def sleep(seconds):\n"
                                               "    pass\n"));
  ASSERT_TRUE(l.addSource("trio/_sync.py", "def checkpoint():\n"
                                           "    pass\n"));
  ASSERT_TRUE(l.addSource("test_x.py", "import trio\n"
                                       "async def f():\n"
                                       "    await trio.sleep(1)\n"
                                       "    trio.sleep(1)\n"
                                       "    trio.checkpoint()\n"));
  std::vector<unsigned> lines;
  for (const Finding &f : l.run())
    if (f.code == "ASYNC105")
      lines.push_back(f.range.begin.line);
  EXPECT_EQ(lines, std::vector<unsigned>{4});
}

TEST(LintNoqa, Parsing) {
  Noqa n;
  EXPECT_FALSE(parseNoqa("x = 1", n));
  EXPECT_FALSE(parseNoqa("x = 1  # comment", n));
  ASSERT_TRUE(parseNoqa("x  # noqa", n));
  EXPECT_TRUE(n.all);
  ASSERT_TRUE(parseNoqa("x  #NOQA:ASYNC251,AIO100", n));
  EXPECT_FALSE(n.all);
  EXPECT_EQ(n.codes, (std::vector<std::string>{"ASYNC251", "AIO100"}));
  ASSERT_TRUE(parseNoqa("x  # noqa: ASYNC210 ASYNC230  # why", n));
  EXPECT_EQ(n.codes, (std::vector<std::string>{"ASYNC210", "ASYNC230"}));
  ASSERT_TRUE(parseNoqa("x  # type: ignore # noqa:E501", n));
  EXPECT_EQ(n.codes, (std::vector<std::string>{"E501"}));
}

TEST(LintSyntax, BadFileIsReportedAndTheRestLinted) {
  LintRun r;
  Linter l(r.sm, r.diags, {});
  EXPECT_FALSE(l.addSource("bad.py", "def f(:\n    pass\n"));
  EXPECT_TRUE(l.addSource("good.py", "import time\n"
                                     "async def f():\n"
                                     "    time.sleep(1)\n"));
  auto fs = l.run();
  EXPECT_GT(r.diags.errorCount(), 0u);
  EXPECT_NE(r.diagText.find("bad.py"), std::string::npos);
  ASSERT_FALSE(fs.empty());
  EXPECT_EQ(r.sm.path(fs[0].fileId), "good.py");
}

TEST(LintSelect, PrefixesAndIgnore) {
  const char *src = "import time\n"
                    "async def f():\n"
                    "    time.sleep(1)\n";
  for (auto [sel, ign, n] :
       std::vector<std::tuple<std::vector<std::string>,
                              std::vector<std::string>, size_t>>{
           {{}, {}, 2},         // ASYNC251 + ASYNC124
           {{"ASYNC2"}, {}, 1}, // prefix
           {{}, {"ASYNC"}, 0},  // ignore by prefix
           {{"ASYNC251"}, {"ASYNC251"}, 0},
           {{"AIO"}, {}, 0}}) {
    LintRun r;
    LintOptions o;
    o.select = sel;
    o.ignore = ign;
    Linter l(r.sm, r.diags, o);
    ASSERT_TRUE(l.addSource("s.py", src));
    EXPECT_EQ(l.run().size(), n);
  }
}

TEST(LintExplain, EveryRuleIsDocumented) {
  std::set<std::string> codes;
  for (const RuleInfo &r : ruleInfos()) {
    EXPECT_TRUE(codes.insert(r.code).second) << "duplicate " << r.code;
    EXPECT_FALSE(r.name.empty());
    EXPECT_FALSE(r.summary.empty());
    for (const char *section : {"## What it does", "## Why is this bad?",
                                "## Example", "## Use instead"})
      EXPECT_NE(r.docs.find(section), std::string::npos)
          << r.code << " lacks " << section;
    EXPECT_EQ(findRule(r.code), &r);
  }
  for (const char *c :
       {"ASYNC124", "ASYNC210", "ASYNC212", "ASYNC220", "ASYNC221", "ASYNC222",
        "ASYNC230", "ASYNC232", "ASYNC240", "ASYNC250", "ASYNC251", "ASYNC300",
        "AIO100", "AIO102", "AIO103", "AIO104", "AIO105", "AIO106", "AIO107"})
    EXPECT_TRUE(codes.count(c)) << c;
  EXPECT_EQ(findRule("NOPE1"), nullptr);
}

// Lints a small file with a chain and a fix-it, for the output tests.
struct OutputRun : LintRun {
  OutputRun() {
    Linter l(sm, diags, {});
    l.addSource("dir/o.py", "import time\n"
                            "def helper():\n"
                            "    time.sleep(1)\n"
                            "async def main():\n"
                            "    s = 'é'; time.sleep(2)\n"
                            "    helper()\n");
    findings = l.run();
  }
};

TEST(LintOutput, JsonLines) {
  OutputRun r;
  std::string out;
  llvm::raw_string_ostream os(out);
  printJSON(r.sm, os, r.findings);
  os.flush();
  std::istringstream in(out);
  std::string line;
  size_t n = 0;
  bool sawChain = false, sawUnicode = false;
  while (std::getline(in, line)) {
    ++n;
    auto v = llvm::json::parse(line);
    ASSERT_TRUE(bool(v)) << line;
    auto *o = v->getAsObject();
    ASSERT_NE(o, nullptr);
    for (const char *k : {"file", "line", "column", "end_line", "end_column",
                          "code", "message", "fix"})
      EXPECT_TRUE(o->get(k)) << k << " missing in " << line;
    EXPECT_EQ(*o->getString("file"), "dir/o.py");
    EXPECT_GE(*o->getInteger("column"), 1);
    if (*o->getString("code") == "ASYNC251") {
      // Column counts code points: `    s = 'é'; ` is 13 characters.
      EXPECT_EQ(*o->getInteger("line"), 5);
      EXPECT_EQ(*o->getInteger("column"), 14);
      EXPECT_EQ(*o->getInteger("end_column"), 24);
      sawUnicode = true;
      ASSERT_TRUE(o->getArray("edits"));
    }
    if (auto *chain = o->getArray("chain")) {
      sawChain = true;
      ASSERT_EQ(chain->size(), 1u);
      auto *c = (*chain)[0].getAsObject();
      EXPECT_EQ(*c->getString("callee"), "time.sleep");
      EXPECT_EQ(*c->getInteger("line"), 3);
      EXPECT_EQ(*c->getInteger("column"), 5);
    }
  }
  EXPECT_EQ(n, r.findings.size());
  EXPECT_TRUE(sawChain);
  EXPECT_TRUE(sawUnicode);
}

TEST(LintOutput, SarifStructure) {
  OutputRun r;
  std::string out;
  llvm::raw_string_ostream os(out);
  printSARIF(r.sm, os, r.findings);
  os.flush();
  auto v = llvm::json::parse(out);
  ASSERT_TRUE(bool(v)) << out;
  auto *log = v->getAsObject();
  EXPECT_EQ(*log->getString("version"), "2.1.0");
  EXPECT_TRUE(log->getString("$schema"));
  auto *runs = log->getArray("runs");
  ASSERT_TRUE(runs && runs->size() == 1);
  auto *run = (*runs)[0].getAsObject();
  auto *driver = run->getObject("tool")->getObject("driver");
  ASSERT_TRUE(driver);
  EXPECT_TRUE(driver->getString("name"));
  auto *rules = driver->getArray("rules");
  ASSERT_TRUE(rules);
  std::vector<std::string> ids;
  for (auto &rv : *rules) {
    auto *ro = rv.getAsObject();
    ids.push_back(ro->getString("id")->str());
    EXPECT_TRUE(ro->getObject("shortDescription")->getString("text"));
    EXPECT_TRUE(ro->getObject("help")->getString("text"));
  }
  auto *results = run->getArray("results");
  ASSERT_TRUE(results);
  EXPECT_EQ(results->size(), r.findings.size());
  for (auto &resv : *results) {
    auto *res = resv.getAsObject();
    std::string id = res->getString("ruleId")->str();
    auto idx = res->getInteger("ruleIndex");
    ASSERT_TRUE(idx);
    ASSERT_LT(size_t(*idx), ids.size());
    EXPECT_EQ(ids[*idx], id); // ruleIndex must point at the same rule
    EXPECT_TRUE(res->getString("level"));
    EXPECT_TRUE(res->getObject("message")->getString("text"));
    auto *locs = res->getArray("locations");
    ASSERT_TRUE(locs && !locs->empty());
    auto *phys = (*locs)[0].getAsObject()->getObject("physicalLocation");
    ASSERT_TRUE(phys);
    EXPECT_EQ(*phys->getObject("artifactLocation")->getString("uri"),
              "dir/o.py");
    auto *region = phys->getObject("region");
    EXPECT_GE(*region->getInteger("startLine"), 1);
    EXPECT_GE(*region->getInteger("startColumn"), 1);
    if (auto *rel = res->getArray("relatedLocations"))
      for (auto &rl : *rel)
        EXPECT_TRUE(rl.getAsObject()->getObject("physicalLocation"));
  }
}

TEST(LintOutput, TextHasCaretAndFixIt) {
  OutputRun r;
  printText(r.sm, r.diags, r.findings);
  r.diagOS.flush();
  EXPECT_NE(r.diagText.find("dir/o.py:6:5: warning: `helper()` blocks the "
                            "event loop"),
            std::string::npos)
      << r.diagText;
  EXPECT_NE(r.diagText.find("[AIO100]"), std::string::npos);
  EXPECT_NE(r.diagText.find("    ^~~~~~\n"), std::string::npos);
  EXPECT_NE(r.diagText.find("await asyncio.sleep"), std::string::npos);
  EXPECT_NE(r.diagText.find("note: blocking call `time.sleep` here"),
            std::string::npos);
  // The suggested fix is a note located at the finding, like clang's notes,
  // without repeating the source line.
  size_t fix = r.diagText.find("dir/o.py:6:5: note: fix: ");
  ASSERT_NE(fix, std::string::npos) << r.diagText;
  size_t eol = r.diagText.find('\n', fix);
  EXPECT_TRUE(eol + 1 == r.diagText.size() ||
              r.diagText.compare(eol + 1, 9, "dir/o.py:") == 0)
      << r.diagText;
}

TEST(LintConfig, Pyproject) {
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("aioc-lint", dir));
  std::string sub = (dir + "/pkg").str();
  llvm::sys::fs::create_directory(sub);
  {
    std::error_code ec;
    llvm::raw_fd_ostream f((dir + "/pyproject.toml").str(), ec);
    f << "[project]\nname = \"x\"\nclassifiers = [\n  \"a\",\n]\n"
         "[tool.aioc.lint]  # ours\n"
         "select = [\"ASYNC\", 'AIO1']\n"
         "ignore = [\n  \"ASYNC124\",  # noisy\n]\n"
         "blocking = [\"mylib.fetch=await mylib.afetch(...)\"]\n"
         "[tool.other]\nselect = [\"E\"]\n";
  }
  LintOptions o;
  std::string found, err;
  ASSERT_TRUE(loadPyprojectSettings(sub, o, found, err)) << err;
  EXPECT_EQ(found, (dir + "/pyproject.toml").str());
  EXPECT_EQ(o.select, (std::vector<std::string>{"ASYNC", "AIO1"}));
  EXPECT_EQ(o.ignore, (std::vector<std::string>{"ASYNC124"}));
  ASSERT_EQ(o.blocking.size(), 1u);
  EXPECT_EQ(o.blocking[0].first, "mylib.fetch");
  EXPECT_EQ(o.blocking[0].second, "await mylib.afetch(...)");
  {
    std::error_code ec;
    llvm::raw_fd_ostream f((dir + "/pyproject.toml").str(), ec);
    f << "[tool.aioc.lint]\nselect = [\"ASYNC\"\n";
  }
  LintOptions bad;
  EXPECT_FALSE(loadPyprojectSettings(sub, bad, found, err));
  EXPECT_FALSE(err.empty());
  llvm::sys::fs::remove_directories(dir);
}

} // namespace
