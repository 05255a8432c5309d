// `aioc_tokenizer_corpus DIR...`: the hand-written Tokenizer against the
// ANTLR reference lexer on every .py under the directories (the corpus
// test runs it on /usr/lib/python3.11). Files that are not valid UTF-8 are
// skipped (the front end refuses them, or decodes them first, before
// lexing) and counted. Exit status 1 on any difference.
#include "PyFiles.h"
#include "frontend/TokenizerCheck.h"

#include <llvm/Support/ConvertUTF.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <string>

int main(int argc, char **argv) {
  size_t compared = 0, skipped = 0, differ = 0;
  for (int i = 1; i < argc; ++i) {
    aioc::test::forEachPyFile(argv[i], [&](const std::string &p,
                                           llvm::StringRef buf) {
      std::string text = buf.str();
      if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text.erase(0, 3);
      const llvm::UTF8 *b = reinterpret_cast<const llvm::UTF8 *>(text.data());
      if (!llvm::isLegalUTF8String(&b, b + text.size())) {
        ++skipped;
        return;
      }
      ++compared;
      std::string diff = aioc::frontend::compareWithReference(text);
      if (!diff.empty()) {
        ++differ;
        llvm::outs() << p << ": " << diff << "\n";
      }
    });
  }
  llvm::outs() << compared << " files compared, " << differ << " differ, "
               << skipped << " skipped (not UTF-8)\n";
  return differ || !compared ? 1 : 0;
}
