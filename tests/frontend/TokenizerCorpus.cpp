// `aioc_tokenizer_corpus DIR...`: the hand-written Tokenizer against the
// ANTLR reference lexer on every .py under the directories (the corpus
// test runs it on /usr/lib/python3.11). Files that are not valid UTF-8 are
// skipped (the front end refuses them, or decodes them first, before
// lexing) and counted. Exit status 1 on any difference.
#include "frontend/TokenizerCheck.h"

#include <llvm/Support/ConvertUTF.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <string>

int main(int argc, char **argv) {
  size_t compared = 0, skipped = 0, differ = 0;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    for (llvm::sys::fs::recursive_directory_iterator it(argv[i], ec), end;
         it != end && !ec; it.increment(ec)) {
      llvm::StringRef p = it->path();
      if (!p.endswith(".py"))
        continue;
      auto buf = llvm::MemoryBuffer::getFile(p);
      if (!buf)
        continue;
      std::string text = (*buf)->getBuffer().str();
      if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text.erase(0, 3);
      const llvm::UTF8 *b = reinterpret_cast<const llvm::UTF8 *>(text.data());
      if (!llvm::isLegalUTF8String(&b, b + text.size())) {
        ++skipped;
        continue;
      }
      ++compared;
      std::string diff = aioc::frontend::compareWithReference(text);
      if (!diff.empty()) {
        ++differ;
        llvm::outs() << p << ": " << diff << "\n";
      }
    }
  }
  llvm::outs() << compared << " files compared, " << differ << " differ, "
               << skipped << " skipped (not UTF-8)\n";
  return differ || !compared ? 1 : 0;
}
