// `aioc lint PATH... [--format=text|json|sarif] [--select CODES]
//  [--ignore CODES] [--blocking MOD.FN[=SUGGESTION]] [--explain CODE]`
#include "frontend/Frontend.h"
#include "lint/Lint.h"
#include "tools/Commands.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cstdlib>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) ||     \
    __has_feature(memory_sanitizer)
#define AIOC_LINT_SANITIZED 1
#endif
#endif
#ifndef AIOC_LINT_SANITIZED
#define AIOC_LINT_SANITIZED 0
#endif

using namespace llvm;

namespace aioc::tools {

namespace {

cl::SubCommand lintSub("lint", "find asyncio mistakes in Python files");
cl::list<std::string> paths(cl::Positional, cl::desc("<file or directory>..."),
                            cl::sub(lintSub));
cl::opt<std::string> format("format", cl::desc("text | json | sarif"),
                            cl::init("text"), cl::sub(lintSub));
cl::list<std::string> selectCodes("select",
                                  cl::desc("only these codes or prefixes"),
                                  cl::CommaSeparated, cl::sub(lintSub));
cl::list<std::string> ignoreCodes("ignore",
                                  cl::desc("skip these codes or prefixes"),
                                  cl::CommaSeparated, cl::sub(lintSub));
cl::list<std::string>
    blockingCalls("blocking",
                  cl::desc("MODULE.FUNC[=SUGGESTION]: treat as blocking"),
                  cl::sub(lintSub));
cl::opt<std::string> explain("explain", cl::desc("print a rule's docs"),
                             cl::sub(lintSub));
cl::opt<unsigned>
    jobs("jobs",
         cl::desc("parse and check on N threads (default 0: one per core)"),
         cl::init(0), cl::sub(lintSub));
cl::alias jobsShort("j", cl::desc("alias for --jobs"), cl::aliasopt(jobs));
cl::opt<bool> noConfig("no-config",
                       cl::desc("do not read [tool.aioc.lint] from "
                                "pyproject.toml"),
                       cl::sub(lintSub));

cl::opt<bool> timeStages("time-stages",
                         cl::desc("print the CPU time of each stage to stderr"),
                         cl::Hidden, cl::sub(lintSub));

bool skippedDir(StringRef name) {
  return name.startswith(".") || name == "__pycache__" ||
         name == "node_modules";
}

// Expands directories into their .py files (sorted, for stable output).
bool collect(const std::string &p, std::vector<std::string> &out) {
  sys::fs::file_status st;
  if (sys::fs::status(p, st)) {
    errs() << "aioc lint: " << p << ": no such file or directory\n";
    return false;
  }
  if (!sys::fs::is_directory(st)) {
    out.push_back(p);
    return true;
  }
  std::vector<std::string> found;
  std::error_code ec;
  for (sys::fs::recursive_directory_iterator it(p, ec), end; it != end && !ec;
       it.increment(ec)) {
    StringRef name = sys::path::filename(it->path());
    if (it->type() == sys::fs::file_type::directory_file) {
      if (skippedDir(name))
        it.no_push();
      continue;
    }
    if (name.endswith(".py"))
      found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return true;
}

std::string stageLine(const char *stage, double seconds) {
  char buf[96];
  snprintf(buf, sizeof buf, "time-stages: %-26s %8.3f s\n", stage, seconds);
  return buf;
}

int run() {
  if (!explain.empty()) {
    const lint::RuleInfo *r = lint::findRule(explain);
    if (!r) {
      errs() << "aioc lint: unknown rule code '" << explain << "' (codes: ";
      bool first = true;
      for (const auto &i : lint::ruleInfos()) {
        errs() << (first ? "" : ", ") << i.code;
        first = false;
      }
      errs() << ")\n";
      return 2;
    }
    outs() << r->code << " (" << r->name << "): " << r->summary << "\n\n"
           << r->docs;
    return 0;
  }
  if (paths.empty()) {
    errs() << "aioc lint: no file or directory given\n";
    return 2;
  }
  if (format != "text" && format != "json" && format != "sarif") {
    errs() << "aioc lint: unknown --format '" << format
           << "' (text, json or sarif)\n";
    return 2;
  }
  lint::LintOptions opts;
  if (!noConfig) {
    std::string found, error;
    if (!lint::loadPyprojectSettings(paths.front(), opts, found, error)) {
      errs() << "aioc lint: " << error << "\n";
      return 2;
    }
  }
  if (!selectCodes.empty())
    opts.select.assign(selectCodes.begin(), selectCodes.end());
  opts.ignore.insert(opts.ignore.end(), ignoreCodes.begin(), ignoreCodes.end());
  for (const std::string &b : blockingCalls) {
    size_t e = b.find('=');
    std::string name = b.substr(0, e);
    if (name.empty() || name.find('.') == std::string::npos) {
      errs() << "aioc lint: --blocking wants MODULE.FUNC[=SUGGESTION], got '"
             << b << "'\n";
      return 2;
    }
    opts.blocking.emplace_back(name,
                               e == std::string::npos ? "" : b.substr(e + 1));
  }
  for (const auto &list : {opts.select, opts.ignore})
    for (const std::string &c : list) {
      bool known = false;
      for (const auto &i : lint::ruleInfos())
        known |= i.code.compare(0, c.size(), c) == 0;
      if (!known) {
        errs() << "aioc lint: unknown rule code or prefix '" << c << "'\n";
        return 2;
      }
    }

  std::vector<std::string> files;
  for (const std::string &p : paths)
    if (!collect(p, files))
      return 2;

  SourceManager sm;
  // Syntax errors go with the findings in text mode, to stderr otherwise
  // (stdout stays valid JSON/SARIF).
  bool text = format == "text";
  raw_ostream &diagOS = text ? outs() : errs();
  DiagnosticEngine diags(sm, diagOS, diagOS.has_colors());
  lint::Linter linter(sm, diags, opts);
  FrontendTimes &fe = frontendTimes();
  fe.enabled = timeStages;
  uint64_t start = threadCPUTimeNs();
  bool failedFiles = linter.addFiles(files, jobs) != 0;
  std::vector<lint::Finding> findings = linter.run(jobs);
  uint64_t outStart = threadCPUTimeNs();
  if (format == "json")
    lint::printJSON(sm, outs(), findings);
  else if (format == "sarif")
    lint::printSARIF(sm, outs(), findings);
  else {
    lint::printText(sm, diags, findings);
    if (!findings.empty())
      outs() << findings.size()
             << (findings.size() == 1 ? " finding" : " findings") << " in "
             << files.size() << (files.size() == 1 ? " file\n" : " files\n");
  }
  outs().flush();
  if (timeStages) {
    // Stages on worker threads are summed over threads; "main thread" is
    // this thread's own time, so it overlaps them with --jobs=1 only.
    const lint::LintTimes &lt = linter.times();
    double mainThread = (outStart - start) * 1e-9;
    errs() << stageLine("lex", fe.lexNs * 1e-9)
           << stageLine("parse", fe.parseNs * 1e-9)
           << stageLine("parse tree -> AST", fe.buildNs * 1e-9)
           << stageLine("free parse tree", fe.freeNs * 1e-9)
           << stageLine("load files", lt.load)
           << stageLine("index: per file (bind)", lt.bind)
           << stageLine("index: link + infer", lt.index)
           << "time-stages: modules re-inferred in order  " << lt.inferReruns
           << "\n"
           << stageLine("rules", lt.rules)
           << stageLine("select/ignore/noqa", lt.filter)
           << stageLine("output", (threadCPUTimeNs() - outStart) * 1e-9)
           << stageLine("main thread until output", mainThread);
  }
  int rc = findings.empty() && !failedFiles ? 0 : 1;
#if !AIOC_LINT_SANITIZED
  // Freeing every module's AST (hundreds of MB on a big tree) only to exit
  // costs a measurable share of a run; clang skips it the same way
  // (-disable-free). Sanitizer builds free normally so LeakSanitizer still
  // checks the linter.
  outs().flush();
  errs().flush();
  std::_Exit(rc);
#endif
  return rc;
}

} // namespace

Command lintCommand() { return {&lintSub, run}; }

} // namespace aioc::tools
