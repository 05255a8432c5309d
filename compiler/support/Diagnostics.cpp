#include "support/Diagnostics.h"

#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/WithColor.h>

namespace aioc {

unsigned SourceManager::addFile(std::string path, std::string contents) {
  auto buf = llvm::MemoryBuffer::getMemBufferCopy(contents, path);
  unsigned id = sm_.AddNewSourceBuffer(std::move(buf), llvm::SMLoc());
  if (paths_.size() < id + 1)
    paths_.resize(id + 1);
  paths_[id] = std::move(path);
  return id;
}

unsigned SourceManager::loadFile(const std::string &path, std::string &error) {
  // IsVolatile: read, never mmap, so a file truncated while aioc runs is
  // seen as it was read rather than raising SIGBUS.
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/true,
                                         /*IsVolatile=*/true);
  if (!buf) {
    error = buf.getError().message();
    return ~0u;
  }
  // The buffer as read: copying it twice more showed in `aioc lint` over
  // big trees, where loading is serial.
  unsigned id = sm_.AddNewSourceBuffer(std::move(*buf), llvm::SMLoc());
  if (paths_.size() < id + 1)
    paths_.resize(id + 1);
  paths_[id] = path;
  return id;
}

const std::string &SourceManager::path(unsigned id) const { return paths_[id]; }

std::string_view SourceManager::text(unsigned id) const {
  llvm::StringRef b = sm_.getMemoryBuffer(id)->getBuffer();
  return {b.data(), b.size()};
}

std::string_view SourceManager::lineText(unsigned id, uint32_t line) const {
  std::string_view t = text(id);
  size_t pos = 0;
  for (uint32_t l = 1; l < line; ++l) {
    pos = t.find('\n', pos);
    if (pos == std::string_view::npos)
      return {};
    ++pos;
  }
  size_t end = t.find('\n', pos);
  if (end == std::string_view::npos)
    end = t.size();
  std::string_view s = t.substr(pos, end - pos);
  if (!s.empty() && s.back() == '\r')
    s.remove_suffix(1);
  return s;
}

llvm::SMLoc SourceManager::toSMLoc(unsigned id, SourceLoc loc) const {
  std::string_view t = text(id);
  size_t pos = 0;
  for (uint32_t l = 1; l < loc.line; ++l) {
    size_t nl = t.find('\n', pos);
    if (nl == std::string_view::npos) {
      pos = t.size();
      break;
    }
    pos = nl + 1;
  }
  size_t end = t.find('\n', pos);
  if (end == std::string_view::npos)
    end = t.size();
  pos = std::min(pos + loc.col, end);
  return llvm::SMLoc::getFromPointer(t.data() + pos);
}

DiagnosticEngine::DiagnosticEngine(SourceManager &sm, llvm::raw_ostream &os,
                                   bool color)
    : sm_(sm), os_(os), color_(color) {}

void DiagnosticEngine::error(unsigned fileId, SourceRange r,
                             std::string message, std::string code) {
  Diagnostic d;
  d.range = r;
  d.message = std::move(message);
  d.code = std::move(code);
  report(fileId, d);
}

void DiagnosticEngine::report(unsigned fileId, const Diagnostic &d) {
  if (d.severity == Severity::Error)
    ++errors_;
  else if (d.severity == Severity::Warning)
    ++warnings_;
  print(fileId, d);
  for (const Diagnostic &n : d.notes)
    print(fileId, n);
}

static llvm::SourceMgr::DiagKind toKind(Severity s) {
  switch (s) {
  case Severity::Error:
    return llvm::SourceMgr::DK_Error;
  case Severity::Warning:
    return llvm::SourceMgr::DK_Warning;
  case Severity::Note:
    return llvm::SourceMgr::DK_Note;
  case Severity::Remark:
    return llvm::SourceMgr::DK_Remark;
  }
  return llvm::SourceMgr::DK_Error;
}

static bool isASCII(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80)
      return false;
  return true;
}

// Number of code points in the first `bytes` bytes of `s`.
static unsigned codePoints(std::string_view s, size_t bytes) {
  unsigned n = 0;
  for (size_t i = 0; i < bytes && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
      ++n;
  return n;
}

void DiagnosticEngine::print(unsigned fileId, const Diagnostic &d) {
  std::string msg = d.message;
  if (!d.code.empty())
    msg += " [" + d.code + "]";
  if (!d.range.begin.valid()) {
    // A file-level diagnostic: no line to show.
    llvm::SMDiagnostic diag(sm_.path(fileId), toKind(d.severity), msg);
    diag.print(nullptr, os_, color_, /*ShowKindLabel=*/true);
    return;
  }
  std::string_view line = sm_.lineText(fileId, d.range.begin.line);
  if (isASCII(line) && d.showSource) {
    llvm::SMLoc loc = sm_.toSMLoc(fileId, d.range.begin);
    llvm::SmallVector<llvm::SMRange, 1> ranges;
    if (d.range.end.valid() && (d.range.end.line != d.range.begin.line ||
                                d.range.end.col > d.range.begin.col)) {
      SourceLoc e = d.range.end;
      if (e.line != d.range.begin.line) // ranges are drawn on one line
        e = {d.range.begin.line, static_cast<uint32_t>(line.size())};
      ranges.push_back({loc, sm_.toSMLoc(fileId, e)});
    }
    llvm::SmallVector<llvm::SMFixIt, 1> fixits;
    for (const FixIt &f : d.fixits)
      if (f.range.begin.line == d.range.begin.line && isASCII(f.replacement))
        fixits.emplace_back(llvm::SMRange(sm_.toSMLoc(fileId, f.range.begin),
                                          sm_.toSMLoc(fileId, f.range.end)),
                            f.replacement);
    sm_.llvm().PrintMessage(os_, loc, toKind(d.severity), msg, ranges, fixits,
                            color_);
    return;
  }
  // Non-ASCII line: SourceMgr would drop the caret, so draw it ourselves with
  // one column per code point (the column in the header is a code point
  // column too, as editors count).
  // (Also the path for a location without its source line.)
  unsigned col = codePoints(line, d.range.begin.col);
  unsigned endCol = col + 1;
  if (d.range.end.line == d.range.begin.line &&
      d.range.end.col > d.range.begin.col)
    endCol = codePoints(line, d.range.end.col);
  else if (d.range.end.line > d.range.begin.line)
    endCol = codePoints(line, line.size());
  if (endCol <= col)
    endCol = col + 1;
  {
    llvm::WithColor h(os_, llvm::raw_ostream::SAVEDCOLOR, true, false,
                      color_ ? llvm::ColorMode::Enable
                             : llvm::ColorMode::Disable);
    h << sm_.path(fileId) << ':' << d.range.begin.line << ':' << col + 1
      << ": ";
  }
  const char *label = "error";
  auto colr = llvm::raw_ostream::RED;
  switch (d.severity) {
  case Severity::Warning:
    label = "warning";
    colr = llvm::raw_ostream::MAGENTA;
    break;
  case Severity::Note:
    label = "note";
    colr = llvm::raw_ostream::BLACK;
    break;
  case Severity::Remark:
    label = "remark";
    colr = llvm::raw_ostream::BLUE;
    break;
  default:
    break;
  }
  {
    llvm::WithColor k(os_, colr, true, false,
                      color_ ? llvm::ColorMode::Enable
                             : llvm::ColorMode::Disable);
    k << label << ": ";
  }
  {
    llvm::WithColor m(os_, llvm::raw_ostream::SAVEDCOLOR, true, false,
                      color_ ? llvm::ColorMode::Enable
                             : llvm::ColorMode::Disable);
    m << msg << '\n';
  }
  if (!d.showSource)
    return;
  std::string shown;
  for (char c : line)
    shown += (c == '\t') ? ' ' : c; // keep one column per code point
  os_ << shown << '\n';
  std::string caret(col, ' ');
  caret += '^';
  for (unsigned i = col + 1; i < endCol; ++i)
    caret += '~';
  {
    llvm::WithColor c(os_, llvm::raw_ostream::GREEN, true, false,
                      color_ ? llvm::ColorMode::Enable
                             : llvm::ColorMode::Disable);
    c << caret << '\n';
  }
  for (const FixIt &f : d.fixits)
    if (f.range.begin.line == d.range.begin.line) {
      std::string pad(codePoints(line, f.range.begin.col), ' ');
      os_ << pad << f.replacement << '\n';
    }
}

} // namespace aioc
