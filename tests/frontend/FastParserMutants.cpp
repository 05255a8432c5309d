// `aioc_fast_parser_mutants N SEED DIR...`: a deterministic differential fuzz
// of the FastParser against the ANTLR reference path. Takes windows of real
// code from the .py files under DIR, applies a few random token-level edits
// (deletions, duplications, insertions of operators and keywords) and
// demands agreement on each of N mutants: a bail whenever the reference
// rejects, the same positioned AST otherwise. Much faster than the
// libFuzzer target, and its mutants stay close to real code. Exit status 1
// on any difference (the failing mutant is printed).
#include "PyFiles.h"
#include "frontend/FastParserCheck.h"

#include <llvm/Support/raw_ostream.h>

#include <random>
#include <string>
#include <vector>

int main(int argc, char **argv) {
  if (argc < 4) {
    llvm::errs() << "usage: aioc_fast_parser_mutants N SEED DIR...\n";
    return 2;
  }
  size_t n = std::stoul(argv[1]);
  std::vector<std::vector<std::string>> files;
  for (int i = 3; i < argc; ++i)
    aioc::test::forEachPyFile(
        argv[i], [&](const std::string &, llvm::StringRef text) {
          std::vector<std::string> lines;
          for (llvm::StringRef rest = text; !rest.empty();) {
            auto [l, r] = rest.split('\n');
            lines.push_back(l.str() + "\n");
            rest = r;
          }
          if (!lines.empty())
            files.push_back(std::move(lines));
        });
  if (files.empty())
    return 1;
  static const char *const pieces[] = {
      "(",      ")",     "[",       "]",      "{",       "}",          ",",
      ":",      ";",     "*",       "**",     "=",       ":=",         ".",
      "@",      "-",     "~",       "not ",   " in ",    " is ",       " if ",
      " else ", " for ", "lambda ", "await ", "yield ",  "async ",     "from ",
      " as ",   "\n",    "\n    ",  "'",      "f'{x}'",  "{a!r:>{w}}", "\\\n",
      "_",      "case ", "match ",  "del ",   "return ", "import ",    "/",
      "*a",     "**k",   "x=1",     "...",    "0x1",     "1j",         "b'x'"};
  std::mt19937_64 rng(std::stoull(argv[2]));
  size_t accepted = 0, bailed = 0, differ = 0;
  for (size_t k = 0; k < n; ++k) {
    const auto &lines = files[rng() % files.size()];
    size_t from = rng() % lines.size();
    size_t len = 1 + rng() % 25;
    std::string src;
    for (size_t i = from; i < lines.size() && i < from + len; ++i)
      src += lines[i];
    // Indented windows start inside a block: dedent by the first line's
    // indentation half of the time.
    if (rng() % 2) {
      size_t ind = src.find_first_not_of(' ');
      if (ind != std::string::npos && ind > 0) {
        std::string out;
        for (llvm::StringRef rest = src; !rest.empty();) {
          auto [l, r] = rest.split('\n');
          size_t cut = std::min(ind, l.find_first_not_of(' '));
          out += l.substr(cut == llvm::StringRef::npos ? 0 : cut).str() + "\n";
          rest = r;
        }
        src = out;
      }
    }
    int edits = static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !src.empty(); ++e) {
      size_t at = rng() % src.size();
      switch (rng() % 3) {
      case 0:
        src.erase(at, 1 + rng() % 3);
        break;
      case 1:
        src.insert(at, src.substr(at, 1 + rng() % 8));
        break;
      default:
        src.insert(at, pieces[rng() % (sizeof pieces / sizeof *pieces)]);
      }
    }
    auto c = aioc::frontend::checkFastParser(src);
    accepted += c.referenceOk;
    bailed += c.referenceOk && !c.fastOk;
    if (!c.difference.empty()) {
      ++differ;
      llvm::outs() << "mutant " << k << ": " << c.difference
                   << "\n--- source ---\n"
                   << src << "\n--------------\n";
    }
  }
  llvm::outs() << n << " mutants, " << accepted
               << " accepted by the reference (the fast parser bailed on "
               << bailed << " of them), " << differ << " differ\n";
  return differ ? 1 : 0;
}
