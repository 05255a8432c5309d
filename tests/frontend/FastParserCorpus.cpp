// `aioc_fast_parser_corpus DIR...`: the hand-written FastParser against the
// ANTLR reference path on every .py under the directories. Prints how many
// files the fast parser bailed on although the reference accepts them; exit
// status 1 on any difference or any such bail (the corpus test runs it on
// /usr/lib/python3.11, where the target is zero bails).
#include "PyFiles.h"
#include "frontend/FastParserCheck.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <string>

int main(int argc, char **argv) {
  size_t files = 0, accepted = 0, rejected = 0, bailed = 0, differ = 0;
  for (int i = 1; i < argc; ++i) {
    aioc::test::forEachPyFile(argv[i], [&](const std::string &p,
                                           llvm::StringRef text) {
      ++files;
      auto c = aioc::frontend::checkFastParser(text);
      (c.referenceOk ? accepted : rejected) += 1;
      if (!c.difference.empty()) {
        ++differ;
        llvm::outs() << p << ": " << c.difference << "\n";
      } else if (c.referenceOk && !c.fastOk) {
        ++bailed;
        llvm::outs() << p << ": the fast parser bailed (reference accepts)\n";
      }
    });
  }
  llvm::outs() << files << " files: " << accepted << " accepted, " << rejected
               << " rejected by the reference; the fast parser bailed on "
               << bailed << " accepted files; " << differ << " differ\n";
  return differ || bailed || !files ? 1 : 0;
}
