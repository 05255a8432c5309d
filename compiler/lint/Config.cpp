// `[tool.aioc.lint]` from pyproject.toml. No TOML library is packaged for
// C++ on this system, so this reads the subset the table needs: `key =
// "string"` and `key = ["a", "b"]` (arrays may span lines), comments, and
// skips every other table.
#include "lint/Lint.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

namespace aioc::lint {

namespace {

struct Reader {
  std::string_view s;
  size_t i = 0;
  unsigned line = 1;
  std::string error;

  void skipSpace(bool newlines) {
    while (i < s.size()) {
      char c = s[i];
      if (c == '#') {
        while (i < s.size() && s[i] != '\n')
          ++i;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++i;
      } else if (c == '\n' && newlines) {
        ++line;
        ++i;
      } else {
        break;
      }
    }
  }
  bool fail(const std::string &m) {
    if (error.empty())
      error = "line " + std::to_string(line) + ": " + m;
    return false;
  }
  bool string(std::string &out) {
    if (i >= s.size() || (s[i] != '"' && s[i] != '\''))
      return fail("expected a string");
    char q = s[i++];
    out.clear();
    while (i < s.size() && s[i] != q) {
      if (s[i] == '\n')
        return fail("unterminated string");
      if (q == '"' && s[i] == '\\' && i + 1 < s.size()) {
        char e = s[++i];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        ++i;
        continue;
      }
      out += s[i++];
    }
    if (i >= s.size())
      return fail("unterminated string");
    ++i;
    return true;
  }
  bool value(std::vector<std::string> &out) {
    skipSpace(false);
    if (i < s.size() && s[i] == '[') {
      ++i;
      for (;;) {
        skipSpace(true);
        if (i < s.size() && s[i] == ']') {
          ++i;
          return true;
        }
        std::string v;
        if (!string(v))
          return false;
        out.push_back(v);
        skipSpace(true);
        if (i < s.size() && s[i] == ',') {
          ++i;
          continue;
        }
        skipSpace(true);
        if (i < s.size() && s[i] == ']') {
          ++i;
          return true;
        }
        return fail("expected ',' or ']' in array");
      }
    }
    std::string v;
    if (!string(v))
      return false;
    out.push_back(v);
    return true;
  }
  // Skips a value of another table (any TOML value on the line, arrays
  // possibly spanning lines).
  void skipValue() {
    int depth = 0;
    while (i < s.size()) {
      char c = s[i];
      if (c == '"' || c == '\'') {
        std::string dummy;
        if (!string(dummy)) {
          error.clear();
          ++i;
        }
        continue;
      }
      if (c == '[' || c == '{')
        ++depth;
      else if (c == ']' || c == '}')
        --depth;
      else if (c == '#') {
        skipSpace(false);
        continue;
      } else if (c == '\n') {
        if (depth <= 0)
          return;
        ++line;
      }
      ++i;
    }
  }
};

} // namespace

bool loadPyprojectSettings(const std::string &start, LintOptions &opts,
                           std::string &foundPath, std::string &error) {
  llvm::SmallString<256> dir(start);
  llvm::sys::fs::make_absolute(dir);
  if (!llvm::sys::fs::is_directory(dir))
    dir = llvm::sys::path::parent_path(dir).str();
  for (;;) {
    llvm::SmallString<256> cand = dir;
    llvm::sys::path::append(cand, "pyproject.toml");
    if (llvm::sys::fs::exists(cand)) {
      foundPath = cand.str().str();
      break;
    }
    std::string parent = llvm::sys::path::parent_path(dir).str();
    if (parent.empty() || parent == dir.str())
      return true; // none: nothing to read
    dir = parent;
  }
  auto buf = llvm::MemoryBuffer::getFile(foundPath);
  if (!buf) {
    error = foundPath + ": " + buf.getError().message();
    return false;
  }
  Reader r;
  std::string text((*buf)->getBuffer());
  r.s = text;
  bool inTable = false;
  while (r.i < r.s.size()) {
    r.skipSpace(true);
    if (r.i >= r.s.size())
      break;
    if (r.s[r.i] == '[') {
      size_t end = r.s.find('\n', r.i);
      std::string_view header = r.s.substr(r.i, end - r.i);
      size_t close = header.rfind(']');
      std::string name(header.substr(
          0, close == std::string_view::npos ? header.size() : close + 1));
      inTable = name == "[tool.aioc.lint]";
      r.i = end == std::string_view::npos ? r.s.size() : end;
      continue;
    }
    size_t eq = r.s.find('=', r.i);
    size_t nl = r.s.find('\n', r.i);
    if (eq == std::string_view::npos ||
        (nl != std::string_view::npos && eq > nl)) {
      error = foundPath + ": line " + std::to_string(r.line) +
              ": expected `key = value`";
      return false;
    }
    std::string key(r.s.substr(r.i, eq - r.i));
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t'))
      key.pop_back();
    r.i = eq + 1;
    if (!inTable) {
      r.skipValue();
      continue;
    }
    std::vector<std::string> vals;
    if (!r.value(vals)) {
      error = foundPath + ": " + r.error;
      return false;
    }
    if (key == "select")
      opts.select.insert(opts.select.end(), vals.begin(), vals.end());
    else if (key == "ignore")
      opts.ignore.insert(opts.ignore.end(), vals.begin(), vals.end());
    else if (key == "blocking")
      for (const std::string &v : vals) {
        size_t e = v.find('=');
        opts.blocking.emplace_back(
            v.substr(0, e), e == std::string::npos ? "" : v.substr(e + 1));
      }
    else {
      error = foundPath + ": line " + std::to_string(r.line) +
              ": unknown key `" + key + "` in [tool.aioc.lint]";
      return false;
    }
  }
  return true;
}

} // namespace aioc::lint
