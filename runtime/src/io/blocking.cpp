// Blocking calls: time.sleep, input(), open() files, subprocess.run.
#include "aioc/io/blocking.h"

#include "aioc/py/builtins.h"
#include "spawn.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace aioc::io {

// ---- time.sleep / input
// ------------------------------------------------------

void sleep(double seconds) {
  if (std::isnan(seconds))
    throw ValueError("Invalid value NaN (not a number)");
  if (seconds < 0)
    throw ValueError("sleep length must be non-negative");
  timespec left;
  left.tv_sec = static_cast<time_t>(seconds);
  left.tv_nsec = static_cast<long>((seconds - std::floor(seconds)) * 1e9);
  // A signal handler (e.g. the runtime's SIGINT) must not cut the sleep
  // short: resume with what is left, as CPython does since 3.5.
  while (nanosleep(&left, &left) != 0 && errno == EINTR) {
  }
}

std::string input(const std::string &prompt) {
  // Through print()'s own stdout buffer, so the prompt follows earlier
  // output, and flushed as CPython's input() does.
  py::OutStream &out = py::stdoutStream();
  out.write(prompt);
  out.flush();
  std::string line;
  int c;
  bool any = false;
  while ((c = std::fgetc(stdin)) != EOF) {
    any = true;
    if (c == '\n')
      return line;
    line.push_back(static_cast<char>(c));
  }
  if (!any)
    throw EOFError("EOF when reading a line");
  return line;
}

// ---- repr helpers
// ---------------------------------------------------------------

std::string reprStr(const std::string &s) { return pyStrRepr(s); }

std::string reprStrList(const std::vector<std::string> &v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i)
      out += ", ";
    out += reprStr(v[i]);
  }
  return out + "]";
}

std::string reprFloat(double d) {
  if (std::isnan(d))
    return "nan";
  if (std::isinf(d))
    return d < 0 ? "-inf" : "inf";
  if (d == 0)
    return std::signbit(d) ? "-0.0" : "0.0";
  // Shortest round-trip digits from to_chars, laid out by repr's rule:
  // positional when -4 <= exponent < 16, else d.ddde+XX.
  char buf[64];
  auto r =
      std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, r.ptr);
  std::string sign;
  if (sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  size_t e = sci.find('e');
  int exp = std::atoi(sci.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; ++i)
    if (sci[i] != '.')
      digits += sci[i];
  if (exp < -4 || exp >= 16) {
    std::string m = digits.substr(0, 1);
    if (digits.size() > 1)
      m += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    return sign + m + eb;
  }
  std::string out;
  if (exp < 0) {
    out = "0." + std::string(-exp - 1, '0') + digits;
  } else if (static_cast<size_t>(exp) + 1 >= digits.size()) {
    out = digits + std::string(exp + 1 - digits.size(), '0') + ".0";
  } else {
    out = digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
  }
  return sign + out;
}

// ---- open()
// ---------------------------------------------------------------------

namespace {

constexpr size_t kReadChunk = 64 * 1024;

// Length of the valid UTF-8 prefix of [p, p+n). Sets *bad to the offset and
// *reason to CPython's wording when an invalid sequence (not merely a
// truncated one at the end) is found.
size_t utf8Prefix(const unsigned char *p, size_t n, const char **reason,
                  bool atEof) {
  size_t i = 0;
  *reason = nullptr;
  while (i < n) {
    unsigned char c = p[i];
    size_t len;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
    } else {
      *reason = "invalid start byte";
      return i;
    }
    for (size_t k = 1; k < len; ++k) {
      if (i + k >= n) {
        if (atEof)
          *reason = "unexpected end of data";
        return i;
      }
      unsigned char cc = p[i + k];
      unsigned char lo = 0x80, hi = 0xBF;
      if (k == 1) {
        if (c == 0xE0)
          lo = 0xA0;
        else if (c == 0xED)
          hi = 0x9F;
        else if (c == 0xF0)
          lo = 0x90;
        else if (c == 0xF4)
          hi = 0x8F;
      }
      if (cc < lo || cc > hi) {
        *reason = "invalid continuation byte";
        return i;
      }
    }
    i += len;
  }
  return i;
}

// Byte length of the first `count` code points of s (all of it if fewer).
size_t codePointBytes(const std::string &s, int64_t count) {
  size_t i = 0;
  while (i < s.size() && count > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
      ++i;
    --count;
  }
  return i;
}

int64_t codePoints(const std::string &s) {
  int64_t n = 0;
  for (unsigned char c : s)
    n += (c & 0xC0) != 0x80;
  return n;
}

[[noreturn]] void invalidMode(const std::string &mode) {
  throw ValueError("invalid mode: " + reprStr(mode));
}

} // namespace

std::shared_ptr<File> File::open(const std::string &path,
                                 const std::string &mode) {
  int kinds = 0;
  bool plus = false, binary = false, text = false;
  char kind = 0;
  for (char c : mode) {
    if (std::string("rwax+bt").find(c) == std::string::npos ||
        mode.find(c) != mode.rfind(c))
      invalidMode(mode);
    switch (c) {
    case 'r':
    case 'w':
    case 'a':
    case 'x':
      ++kinds;
      kind = c;
      break;
    case '+':
      plus = true;
      break;
    case 'b':
      binary = true;
      break;
    case 't':
      text = true;
      break;
    }
  }
  if (text && binary)
    throw ValueError("can't have text and binary mode at once");
  if (kinds != 1)
    throw ValueError("must have exactly one of create/read/write/append mode");
  int flags = O_CLOEXEC;
  bool readable = kind == 'r' || plus, writable = kind != 'r' || plus;
  flags |= readable && writable ? O_RDWR : readable ? O_RDONLY : O_WRONLY;
  if (kind == 'w')
    flags |= O_CREAT | O_TRUNC;
  else if (kind == 'a')
    flags |= O_CREAT | O_APPEND;
  else if (kind == 'x')
    flags |= O_CREAT | O_EXCL;
  int fd;
  do {
    fd = ::open(path.c_str(), flags, 0666);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0)
    throwOSError(errno, path, true);
  // Linux lets O_RDONLY open a directory; Python refuses it like this.
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throwOSError(EISDIR, path, true);
  }
  return std::shared_ptr<File>(
      new File(fd, path, mode, binary, readable, writable));
}

File::File(int fd, std::string name, std::string mode, bool binary,
           bool readable, bool writable)
    : fd_(fd), name_(std::move(name)), mode_(std::move(mode)), binary_(binary),
      readable_(readable), writable_(writable) {}

File::~File() {
  // Python flushes and closes a file object when it is collected; errors
  // there are swallowed (they would be "Exception ignored in" messages).
  if (fd_ >= 0) {
    try {
      flushWrite();
    } catch (...) {
    }
    ::close(fd_);
  }
}

void File::checkOpen() const {
  if (fd_ < 0)
    throw ValueError("I/O operation on closed file.");
}
void File::checkReadable() const {
  checkOpen();
  if (!readable_)
    throw UnsupportedOperation("not readable");
}
void File::checkWritable() const {
  checkOpen();
  if (!writable_)
    throw UnsupportedOperation("not writable");
}

bool File::fill() {
  if (eof_)
    return false;
  if (!wbuf_.empty())
    flushWrite();
  char buf[kReadChunk];
  ssize_t n;
  do {
    n = ::read(fd_, buf, sizeof buf);
  } while (n < 0 && errno == EINTR);
  if (n < 0)
    throwOSError(errno);
  if (n == 0) {
    eof_ = true;
    return false;
  }
  rbuf_.append(buf, static_cast<size_t>(n));
  return true;
}

bool File::fillText() {
  bool got = fill();
  if (rbuf_.empty())
    return got;
  const char *reason;
  auto *p = reinterpret_cast<const unsigned char *>(rbuf_.data());
  size_t ok = utf8Prefix(p, rbuf_.size(), &reason, eof_);
  if (reason && ok == 0) {
    char msg[160];
    std::snprintf(msg, sizeof msg,
                  "'utf-8' codec can't decode byte 0x%02x in position %lld: %s",
                  p[0], static_cast<long long>(decodedPos_), reason);
    throw UnicodeDecodeError(msg);
  }
  // Hold a trailing '\r' back: it may be the first half of "\r\n".
  if (ok > 0 && rbuf_[ok - 1] == '\r' && !eof_ && ok == rbuf_.size())
    --ok;
  std::string chunk = rbuf_.substr(0, ok);
  rbuf_.erase(0, ok);
  decodedPos_ += static_cast<int64_t>(ok);
  for (size_t i = 0; i < chunk.size(); ++i) {
    if (chunk[i] == '\r') {
      tbuf_ += '\n';
      if (i + 1 < chunk.size() && chunk[i + 1] == '\n')
        ++i;
    } else {
      tbuf_ += chunk[i];
    }
  }
  return true;
}

std::string File::read(int64_t size) {
  checkReadable();
  if (binary_) {
    if (size < 0) {
      while (fill()) {
      }
      std::string out = std::move(rbuf_);
      rbuf_.clear();
      return out;
    }
    while (rbuf_.size() < static_cast<size_t>(size) && fill()) {
    }
    size_t n = std::min(rbuf_.size(), static_cast<size_t>(size));
    std::string out = rbuf_.substr(0, n);
    rbuf_.erase(0, n);
    return out;
  }
  if (size < 0) {
    while (fillText() && !(eof_ && rbuf_.empty())) {
    }
    std::string out = std::move(tbuf_);
    tbuf_.clear();
    return out;
  }
  while (codePoints(tbuf_) < size && fillText()) {
    if (eof_ && rbuf_.empty())
      break;
  }
  size_t n = codePointBytes(tbuf_, size);
  std::string out = tbuf_.substr(0, n);
  tbuf_.erase(0, n);
  return out;
}

std::string File::readline(int64_t size) {
  checkReadable();
  std::string &buf = binary_ ? rbuf_ : tbuf_;
  size_t scanned = 0;
  for (;;) {
    size_t nl = buf.find('\n', scanned);
    if (nl != std::string::npos) {
      size_t n = nl + 1;
      if (size >= 0)
        n = std::min(n, binary_ ? static_cast<size_t>(size)
                                : codePointBytes(buf, size));
      std::string out = buf.substr(0, n);
      buf.erase(0, n);
      return out;
    }
    if (size >= 0 &&
        (binary_ ? static_cast<int64_t>(buf.size()) : codePoints(buf)) >= size)
      break;
    scanned = buf.size();
    bool more = binary_ ? fill() : (fillText() && !(eof_ && rbuf_.empty()));
    if (!more && (binary_ || rbuf_.empty()))
      break;
  }
  size_t n = buf.size();
  if (size >= 0)
    n = binary_ ? std::min(n, static_cast<size_t>(size))
                : codePointBytes(buf, size);
  std::string out = buf.substr(0, n);
  buf.erase(0, n);
  return out;
}

std::vector<std::string> File::readlines() {
  std::vector<std::string> lines;
  for (;;) {
    std::string l = readline();
    if (l.empty())
      return lines;
    lines.push_back(std::move(l));
  }
}

std::optional<std::string> File::nextLine() {
  std::string l = readline();
  if (l.empty())
    return std::nullopt;
  return l;
}

int64_t File::write(const std::string &data) {
  checkWritable();
  if (!rbuf_.empty() || !tbuf_.empty()) {
    // Reposition to the logical read position before writing (r+ mode).
    off_t back = static_cast<off_t>(rbuf_.size() + tbuf_.size());
    ::lseek(fd_, -back, SEEK_CUR);
    rbuf_.clear();
    tbuf_.clear();
    eof_ = false;
  }
  wbuf_ += data;
  if (wbuf_.size() >= kReadChunk)
    flushWrite();
  return binary_ ? static_cast<int64_t>(data.size()) : codePoints(data);
}

void File::writelines(const std::vector<std::string> &lines) {
  for (const auto &l : lines)
    write(l);
}

void File::flushWrite() {
  size_t off = 0;
  while (off < wbuf_.size()) {
    ssize_t n = ::write(fd_, wbuf_.data() + off, wbuf_.size() - off);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      int err = errno;
      wbuf_.erase(0, off);
      throwOSError(err);
    }
    off += static_cast<size_t>(n);
  }
  wbuf_.clear();
}

void File::flush() {
  checkOpen();
  flushWrite();
}

void File::close() {
  if (fd_ < 0)
    return;
  int fd = fd_;
  try {
    flushWrite();
  } catch (...) {
    fd_ = -1;
    ::close(fd);
    throw;
  }
  fd_ = -1;
  if (::close(fd) != 0 && errno != EINTR)
    throwOSError(errno);
}

// ---- subprocess.run -------------------------------------------------------

CalledProcessError::CalledProcessError(int rc, std::string cmdRepr,
                                       std::optional<std::string> out,
                                       std::optional<std::string> err)
    : BaseException(), SubprocessError(""), returncode(rc),
      output(std::move(out)), stderrData(std::move(err)) {
  if (rc < 0)
    message_ = "Command '" + cmdRepr + "' died with " + signalRepr(-rc) + ".";
  else
    message_ = "Command '" + cmdRepr + "' returned non-zero exit status " +
               std::to_string(rc) + ".";
}

TimeoutExpired::TimeoutExpired(std::string cmdRepr, double t)
    : BaseException(), SubprocessError(""), timeout(t) {
  message_ =
      "Command '" + cmdRepr + "' timed out after " + reprFloat(t) + " seconds";
}

void CompletedProcess::checkReturncode() const {
  if (returncode != 0)
    throw CalledProcessError(returncode, shell ? args.at(0) : reprStrList(args),
                             stdoutData, stderrData);
}

CompletedProcess run(const std::vector<std::string> &args,
                     const RunOptions &opts) {
  if (args.empty())
    throw ValueError("args must not be empty");
  SpawnRequest req;
  req.argv =
      opts.shell ? std::vector<std::string>{"/bin/sh", "-c", args[0]} : args;
  req.cwd = opts.cwd;
  Redirect out = opts.captureOutput ? Redirect::Pipe : opts.stdoutTo;
  Redirect err = opts.captureOutput ? Redirect::Pipe : opts.stderrTo;
  req.stdinTo = opts.input ? Redirect::Pipe : Redirect::Inherit;
  req.stdoutTo = out;
  req.stderrTo = err;
  Child child = spawnChild(req, args[0]);
  CompletedProcess cp;
  cp.args = args;
  cp.shell = opts.shell;
  std::string cmd = opts.shell ? args[0] : reprStrList(args);
  std::string o, e;
  bool finished = communicateBlocking(child, opts.input ? *opts.input : "", &o,
                                      &e, opts.timeout);
  if (!finished) {
    // Python kills the child, reaps it, then raises.
    ::kill(child.pid, SIGKILL);
    reapChild(child);
    throw TimeoutExpired(cmd, *opts.timeout);
  }
  cp.returncode = reapChild(child);
  if (out == Redirect::Pipe)
    cp.stdoutData = std::move(o);
  if (err == Redirect::Pipe)
    cp.stderrData = std::move(e);
  if (opts.check)
    cp.checkReturncode();
  return cp;
}

std::string checkOutput(const std::vector<std::string> &args, RunOptions opts) {
  opts.stdoutTo = Redirect::Pipe;
  opts.check = true;
  return std::move(*run(args, opts).stdoutData);
}

} // namespace aioc::io
