// Output formats: clang-style text (through DiagnosticEngine), JSON lines,
// SARIF 2.1.0.
#include "lint/Lint.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/Path.h>

#include <cstring>
#include <map>

namespace aioc::lint {

unsigned displayColumn(SourceManager &sm, unsigned fileId, SourceLoc loc) {
  // memchr scans at memory speed: no cache needed for the few lines shown.
  std::string_view t = sm.text(fileId);
  size_t b = 0;
  for (uint32_t l = 1; l < loc.line; ++l) {
    const void *nl = std::memchr(t.data() + b, '\n', t.size() - b);
    if (!nl)
      return loc.col + 1;
    b = static_cast<const char *>(nl) - t.data() + 1;
  }
  unsigned n = 0;
  for (size_t i = b; i < b + loc.col && i < t.size(); ++i)
    if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80)
      ++n;
  return n + 1;
}

void printText(SourceManager &sm, DiagnosticEngine &de,
               const std::vector<Finding> &fs) {
  for (const Finding &f : fs) {
    Diagnostic d;
    d.severity = Severity::Warning;
    d.range = f.range;
    d.message = f.message;
    d.code = f.code;
    d.fixits = f.fixits;
    de.report(f.fileId, d);
    for (size_t i = 0; i < f.chain.size(); ++i) {
      Diagnostic n;
      n.severity = Severity::Note;
      n.range = f.chain[i].range;
      n.message = i + 1 == f.chain.size()
                      ? "blocking call `" + f.chain[i].callee + "` here"
                      : "`" + f.chain[i].callee + "` is called here";
      de.report(f.chain[i].fileId, n);
    }
    if (!f.fix.empty()) {
      Diagnostic n;
      n.severity = Severity::Note;
      // Located like clang's notes, at the finding; its line was just shown.
      n.range = {f.range.begin, f.range.begin};
      n.showSource = false;
      n.message = "fix: " + f.fix;
      de.report(f.fileId, n);
    }
  }
}

static llvm::json::Object location(SourceManager &sm, unsigned fileId,
                                   SourceRange r) {
  return llvm::json::Object{
      {"file", sm.path(fileId)},
      {"line", r.begin.line},
      {"column", displayColumn(sm, fileId, r.begin)},
      {"end_line", r.end.line},
      {"end_column", displayColumn(sm, fileId, r.end)},
  };
}

void printJSON(SourceManager &sm, llvm::raw_ostream &os,
               const std::vector<Finding> &fs) {
  for (const Finding &f : fs) {
    llvm::json::Object o = location(sm, f.fileId, f.range);
    o["code"] = f.code;
    o["message"] = f.message;
    if (!f.fix.empty())
      o["fix"] = f.fix;
    if (!f.chain.empty()) {
      llvm::json::Array chain;
      for (const ChainLink &l : f.chain) {
        llvm::json::Object c = location(sm, l.fileId, l.range);
        c["callee"] = l.callee;
        chain.push_back(std::move(c));
      }
      o["chain"] = std::move(chain);
    }
    if (!f.fixits.empty()) {
      llvm::json::Array edits;
      for (const FixIt &e : f.fixits) {
        llvm::json::Object x = location(sm, f.fileId, e.range);
        x.erase("file");
        x["replacement"] = e.replacement;
        edits.push_back(std::move(x));
      }
      o["edits"] = std::move(edits);
    }
    os << llvm::json::Value(std::move(o)) << '\n';
  }
}

// SARIF wants URIs: relative paths with forward slashes stay relative
// (resolved against the checkout by code scanning), absolute ones get file://.
static std::string toURI(llvm::StringRef path) {
  std::string p = path.str();
  for (char &c : p)
    if (c == '\\')
      c = '/';
  std::string out;
  for (char c : p) {
    if (c == ' ' || c == '%' || c == '#' || c == '?')
      out += llvm::formatv("%{0:X2}", static_cast<unsigned char>(c)).str();
    else
      out += c;
  }
  if (llvm::sys::path::is_absolute(path))
    return "file://" + out;
  if (out.rfind("./", 0) == 0)
    out = out.substr(2);
  return out;
}

static llvm::json::Object physical(SourceManager &sm, unsigned fileId,
                                   SourceRange r) {
  llvm::json::Object region{
      {"startLine", r.begin.line},
      {"startColumn", displayColumn(sm, fileId, r.begin)},
  };
  if (r.end.valid()) {
    region["endLine"] = r.end.line;
    region["endColumn"] = displayColumn(sm, fileId, r.end);
  }
  return llvm::json::Object{
      {"artifactLocation", llvm::json::Object{{"uri", toURI(sm.path(fileId))}}},
      {"region", std::move(region)},
  };
}

void printSARIF(SourceManager &sm, llvm::raw_ostream &os,
                const std::vector<Finding> &fs) {
  llvm::json::Array rules;
  std::map<std::string, size_t> index;
  for (const RuleInfo &r : ruleInfos()) {
    index[r.code] = rules.size();
    rules.push_back(llvm::json::Object{
        {"id", r.code},
        {"name", r.name},
        {"shortDescription", llvm::json::Object{{"text", r.summary}}},
        {"fullDescription", llvm::json::Object{{"text", r.summary}}},
        {"help", llvm::json::Object{{"text", r.docs}, {"markdown", r.docs}}},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
    });
  }
  llvm::json::Array results;
  for (const Finding &f : fs) {
    std::string text = f.message;
    if (!f.fix.empty())
      text += ". Fix: " + f.fix;
    llvm::json::Object res{
        {"ruleId", f.code},
        {"level", "warning"},
        {"message", llvm::json::Object{{"text", text}}},
        {"locations",
         llvm::json::Array{llvm::json::Object{
             {"physicalLocation", physical(sm, f.fileId, f.range)}}}},
    };
    if (index.count(f.code))
      res["ruleIndex"] = index[f.code];
    if (!f.chain.empty()) {
      llvm::json::Array rel;
      for (size_t i = 0; i < f.chain.size(); ++i)
        rel.push_back(llvm::json::Object{
            {"id", static_cast<int64_t>(i)},
            {"physicalLocation",
             physical(sm, f.chain[i].fileId, f.chain[i].range)},
            {"message",
             llvm::json::Object{{"text", "calls `" + f.chain[i].callee + "`"}}},
        });
      res["relatedLocations"] = std::move(rel);
    }
    results.push_back(std::move(res));
  }
  llvm::json::Object driver{
      {"name", "aioc-lint"},
      {"rules", std::move(rules)},
  };
#ifdef AIOC_VERSION
  driver["version"] = AIOC_VERSION;
#endif
  llvm::json::Object log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{llvm::json::Object{
                   {"tool", llvm::json::Object{{"driver", std::move(driver)}}},
                   {"columnKind", "unicodeCodePoints"},
                   {"results", std::move(results)},
               }}},
  };
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(log))) << '\n';
}

} // namespace aioc::lint
