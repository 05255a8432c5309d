// Walks the .py files of a directory tree for the front end's differential
// tests and corpus tools.
#pragma once

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>

#include <string>

namespace aioc::test {

// Calls f(path, text) for every readable .py file under `root`.
template <class F> void forEachPyFile(const std::string &root, F &&f) {
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(root, ec), end;
       it != end && !ec; it.increment(ec)) {
    llvm::StringRef p = it->path();
    if (!p.endswith(".py"))
      continue;
    if (auto buf = llvm::MemoryBuffer::getFile(p))
      f(p.str(), (*buf)->getBuffer());
  }
}

} // namespace aioc::test
