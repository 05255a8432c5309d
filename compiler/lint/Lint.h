// aioc lint: the public interface (SPEC §5). A Linter takes the files of one
// project, parses them with the front end, builds one call graph over all of
// them and returns findings; the output functions print them as clang-style
// text, JSON lines or SARIF 2.1.0.
#pragma once

#include "support/Diagnostics.h"

#include <llvm/Support/raw_ostream.h>

#include <memory>
#include <string>
#include <vector>

namespace aioc::lint {

struct LintOptions {
  // Codes or prefixes ("ASYNC2", "AIO"); empty select = every rule.
  std::vector<std::string> select, ignore;
  // User-defined blocking callables: "module.func" -> suggestion ("" = the
  // default `await asyncio.to_thread(...)`).
  std::vector<std::pair<std::string, std::string>> blocking;
};

// One step of an interprocedural chain: "calls `read_config()` (line 12)".
struct ChainLink {
  unsigned fileId = 0;
  SourceRange range;
  std::string callee; // as written: `read_config()`, `open`
};

struct Finding {
  unsigned fileId = 0;
  SourceRange range;
  std::string code;             // "ASYNC251", "AIO100"
  std::string message;          // one line, no trailing period
  std::string fix;              // the suggestion, in words and code
  std::vector<FixIt> fixits;    // mechanical edits, when there is one
  std::vector<ChainLink> chain; // for findings through sync helpers
};

// Rule documentation for `--explain` and SARIF.
struct RuleInfo {
  std::string code, name, summary, docs;
  // Findings are normally dropped on the single statement of a `with
  // pytest.raises(...)` block (the call fails there by design); a rule
  // about the block itself rather than a call keeps them.
  bool keptWhereRaiseExpected = false;
};
const std::vector<RuleInfo> &ruleInfos();
const RuleInfo *findRule(const std::string &code);
// True when `code` matches an entry of `patterns` (exact or prefix).
bool codeMatches(const std::string &code,
                 const std::vector<std::string> &patterns);

class Project;
struct SemaFacts;

// CPU seconds per lint stage (aioc lint --time-stages).
struct LintTimes {
  // bind: the per-file part of the index, on the parsing threads.
  double load = 0, bind = 0, index = 0, rules = 0, filter = 0;
  unsigned inferReruns = 0; // see Project::inferReruns
};

class Linter {
public:
  Linter(SourceManager &sm, DiagnosticEngine &parseDiags, LintOptions opts);
  ~Linter();
  // Loads and parses one file; syntax errors go to parseDiags. Returns false
  // when the file could not be read or parsed (it is then skipped).
  bool addFile(const std::string &path);
  // Same, for text already in memory (tests).
  bool addSource(const std::string &path, std::string text);
  // addFile for each path, with the parsing spread over `jobs` threads (0: one
  // per core). Files, syntax errors and findings come out exactly as with
  // addFile in this order. Returns how many files could not be read or parsed.
  unsigned addFiles(const std::vector<std::string> &paths, unsigned jobs = 0);
  // Runs every selected rule over the project, spread over `jobs` threads (0:
  // one per core); findings sorted by file and position, `# noqa` already
  // applied, the same for any `jobs`.
  std::vector<Finding> run(unsigned jobs = 1);
  const LintTimes &times() const { return times_; }

private:
  bool addLoaded(unsigned fileId);
  unsigned loadOrReport(const std::string &path);
  void addParsed(unsigned fileId, std::unique_ptr<ASTContext> context,
                 Module *module, std::shared_ptr<SemaFacts> facts);
  SourceManager &sm_;
  DiagnosticEngine &diags_;
  LintOptions opts_;
  std::unique_ptr<Project> project_;
  LintTimes times_;
};

// Output formats.
void printText(SourceManager &sm, DiagnosticEngine &de,
               const std::vector<Finding> &fs);
void printJSON(SourceManager &sm, llvm::raw_ostream &os,
               const std::vector<Finding> &fs);
void printSARIF(SourceManager &sm, llvm::raw_ostream &os,
                const std::vector<Finding> &fs);

// 1-based column in code points (what editors, ruff and SARIF count) of a
// 0-based byte column on `line` of file `fileId`.
unsigned displayColumn(SourceManager &sm, unsigned fileId, SourceLoc loc);

// Reads `[tool.aioc.lint]` from the nearest pyproject.toml at or above `dir`.
// Supports the TOML that table needs: string arrays (also multi-line) and
// comments. Returns false with `error` set on a malformed table.
bool loadPyprojectSettings(const std::string &dir, LintOptions &opts,
                           std::string &foundPath, std::string &error);

} // namespace aioc::lint
