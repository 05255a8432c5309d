// print() and the standard streams, int()/float() parsing, hex/oct/bin,
// range, and the program entry point.
#include <aioc/py/py.h>

#include <charconv>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <unistd.h>

namespace aioc::py {

// --------------------------------------------------------------- streams --
struct OutStream::State {
  std::mutex mu;
  std::string buf;
  bool lineBuffered;
  bool unbuffered;
};

OutStream::OutStream(int fd, bool unbuffered) : fd_(fd), st_(new State) {
  // CPython: stdout is line-buffered only on a tty; stderr always (3.9+).
  st_->lineBuffered = fd == 2 || ::isatty(fd);
  st_->unbuffered = unbuffered;
}

static bool pythonUnbuffered() {
  const char *v = std::getenv("PYTHONUNBUFFERED");
  return v && *v;
}

static void writeAll(int fd, const char *p, std::size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return; // like CPython at exit, a closed pipe loses the output
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
}

OutStream::~OutStream() {
  flush();
  delete st_;
}

void OutStream::write(std::string_view s) {
  std::lock_guard<std::mutex> lock(st_->mu);
  st_->buf += s;
  bool flushNow = st_->unbuffered ? true
                  : st_->lineBuffered
                      ? s.find_first_of("\n\r") != std::string_view::npos
                      : st_->buf.size() >= 8192;
  if (flushNow) {
    writeAll(fd_, st_->buf.data(), st_->buf.size());
    st_->buf.clear();
  }
}

void OutStream::flush() {
  std::lock_guard<std::mutex> lock(st_->mu);
  writeAll(fd_, st_->buf.data(), st_->buf.size());
  st_->buf.clear();
}

static void flushAtExit() {
  stdoutStream().flush();
  stderrStream().flush();
}

// Never destroyed: output may be written from atexit handlers and threads.
OutStream &stdoutStream() {
  static OutStream *s = [] {
    auto *o = new OutStream(1, pythonUnbuffered());
    std::atexit(flushAtExit);
    return o;
  }();
  return *s;
}
OutStream &stderrStream() {
  static OutStream *s = new OutStream(2, pythonUnbuffered());
  return *s;
}

void printRaw(const PrintOptions &o, std::string &line, std::size_t) {
  OutStream &s = o.file == File::Stdout ? stdoutStream() : stderrStream();
  s.write(line);
  if (o.flush)
    s.flush();
}

// ------------------------------------------------------------- parsing --
namespace {

bool isPySpace(unsigned char c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
}

std::string_view stripWs(std::string_view s) {
  while (!s.empty() && isPySpace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && isPySpace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

// Removes single underscores between digits; false if misplaced.
template <class Pred>
bool dropUnderscores(std::string_view in, std::string &out, Pred isDigit) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '_') {
      if (i == 0 || i + 1 == in.size() || !isDigit(in[i - 1]) ||
          !isDigit(in[i + 1]))
        return false;
      continue;
    }
    out += in[i];
  }
  return true;
}

int digitValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 99;
}

} // namespace

Int int_(const Str &s, Int base) {
  if (base != 0 && (base < 2 || base > 36))
    raiseValueError("int() base must be >= 2 and <= 36, or 0");
  auto invalid = [&]() -> Int {
    std::string m =
        "invalid literal for int() with base " + std::to_string(base) + ": ";
    reprTo(m, s);
    raiseValueError(m);
  };
  std::string ascii;
  std::string_view v = s.view();
  if (!s.isAscii()) {
    ascii = detail::decimalToAscii(v);
    v = ascii;
  }
  v = stripWs(v);
  bool neg = false;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    neg = v[0] == '-';
    v.remove_prefix(1);
  }
  Int b = base;
  if (v.size() >= 2 && v[0] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(v[1])));
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      b = pb;
      v.remove_prefix(2);
      if (!v.empty() && v[0] == '_') // 0x_ff is allowed
        v.remove_prefix(1);
    }
  }
  if (b == 0) {
    b = 10;
    // base 0: a decimal literal may not have leading zeros ("010").
    std::size_t i = 0;
    while (i < v.size() && (v[i] == '0' || v[i] == '_'))
      ++i;
    if (i > 0 && i < v.size())
      return invalid();
  }
  std::string digits;
  if (v.empty() ||
      !dropUnderscores(v, digits, [b](char c) { return digitValue(c) < b; }))
    return invalid();
  std::uint64_t acc = 0;
  const std::uint64_t limit =
      neg ? (std::uint64_t(1) << 63) : (std::uint64_t(1) << 63) - 1;
  bool overflow = false;
  for (char c : digits) {
    int d = digitValue(c);
    if (d >= b)
      return invalid();
    if (acc > (limit - d) / static_cast<std::uint64_t>(b))
      overflow = true;
    else
      acc = acc * b + d;
  }
  if (overflow)
    raiseOverflow();
  return neg ? static_cast<Int>(0 - acc) : static_cast<Int>(acc);
}

Float float_(const Str &s) {
  auto invalid = [&]() -> Float {
    std::string m = "could not convert string to float: ";
    reprTo(m, s);
    raiseValueError(m);
  };
  std::string ascii;
  std::string_view v = s.view();
  if (!s.isAscii()) {
    ascii = detail::decimalToAscii(v);
    v = ascii;
  }
  v = stripWs(v);
  std::string body;
  bool neg = false;
  std::string_view t = v;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    neg = t[0] == '-';
    t.remove_prefix(1);
  }
  std::string lower;
  for (char c : t)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "inf" || lower == "infinity")
    return neg ? -INFINITY : INFINITY;
  if (lower == "nan")
    return neg ? -NAN : NAN;
  if (t.empty() ||
      !dropUnderscores(t, body, [](char c) { return c >= '0' && c <= '9'; }))
    return invalid();
  // Python accepts only decimal literals: digits, '.', exponent.
  for (char c : body)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' ||
          c == 'E' || c == '+' || c == '-'))
      return invalid();
  if (body.find_first_of("0123456789") == std::string::npos)
    return invalid();
  Float r = 0;
  auto res = std::from_chars(body.data(), body.data() + body.size(), r,
                             std::chars_format::general);
  if (res.ptr != body.data() + body.size())
    return invalid();
  if (res.ec == std::errc::result_out_of_range) {
    // from_chars reports overflow/underflow; Python gives inf / 0.0.
    std::size_t e = body.find_first_of("eE");
    bool negExp =
        e != std::string::npos && e + 1 < body.size() && body[e + 1] == '-';
    r = negExp ? 0.0 : INFINITY;
  } else if (res.ec != std::errc()) {
    return invalid();
  }
  return neg ? -r : r;
}

static Str radix(Int v, int base, const char *prefix) {
  std::uint64_t mag =
      v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  char buf[72];
  auto r = std::to_chars(buf, buf + sizeof buf, mag, base);
  std::string out = v < 0 ? "-" : "";
  out += prefix;
  out.append(buf, r.ptr);
  return Str(std::move(out));
}
Str hex(Int v) { return radix(v, 16, "0x"); }
Str oct(Int v) { return radix(v, 8, "0o"); }
Str bin(Int v) { return radix(v, 2, "0b"); }

// ------------------------------------------------------------ str.format --
namespace detail {
namespace {
struct FormatState {
  const void *const *args;
  const FieldFn *fns;
  std::size_t n;
  std::size_t next = 0;
  int mode = 0; // 0 unknown, 1 automatic, 2 manual
};

void render(std::string &out, std::string_view fmt, FormatState &st, int depth);

// One replacement field's text (between the braces).
void renderField(std::string &out, std::string_view field, FormatState &st,
                 int depth) {
  // field_name ends at the first '!' or ':' (CPython's parse_field).
  std::size_t end = 0;
  while (end < field.size() && field[end] != '!' && field[end] != ':')
    ++end;
  std::string_view name = field.substr(0, end);
  char conv = 0;
  std::string_view spec;
  std::size_t pos = end;
  if (pos < field.size() && field[pos] == '!') {
    if (pos + 1 >= field.size())
      raiseValueError("end of string while looking for conversion specifier");
    conv = field[pos + 1];
    pos += 2;
    if (pos < field.size() && field[pos] != ':')
      raiseValueError("expected ':' after conversion specifier");
  }
  if (pos < field.size() && field[pos] == ':')
    spec = field.substr(pos + 1);
  std::size_t idx;
  if (name.empty()) {
    if (st.mode == 2)
      raiseValueError("cannot switch from manual field specification to "
                      "automatic field numbering");
    st.mode = 1;
    idx = st.next++;
  } else if (std::isdigit(static_cast<unsigned char>(name[0]))) {
    std::size_t i = 0;
    idx = 0;
    while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i])))
      idx = idx * 10 + (name[i++] - '0');
    if (i != name.size())
      raiseValueError("aioc: attribute and index lookups in str.format "
                      "fields are not supported");
    if (st.mode == 1)
      raiseValueError("cannot switch from automatic field numbering to "
                      "manual field specification");
    st.mode = 2;
  } else {
    std::string key(name.substr(0, name.find_first_of(".[")));
    std::string m;
    reprTo(m, Str(key));
    raiseKeyError(m);
  }
  if (idx >= st.n)
    throw IndexError("Replacement index " + std::to_string(idx) +
                     " out of range for positional args tuple");
  if (conv && conv != 'r' && conv != 's' && conv != 'a')
    raiseValueError(std::string("Unknown conversion specifier ") + conv);
  std::string expanded;
  if (spec.find('{') != std::string_view::npos) {
    render(expanded, spec, st, depth + 1);
    spec = expanded;
  }
  st.fns[idx](st.args[idx], out, conv == 'a' ? 'r' : conv, spec);
}

void render(std::string &out, std::string_view fmt, FormatState &st,
            int depth) {
  if (depth > 1)
    raiseValueError("Max string recursion exceeded");
  std::size_t i = 0, n = fmt.size();
  while (i < n) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < n && fmt[i + 1] == '}') {
        out += '}';
        i += 2;
        continue;
      }
      raiseValueError("Single '}' encountered in format string");
    }
    if (c != '{') {
      out += c;
      ++i;
      continue;
    }
    if (i + 1 < n && fmt[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    if (i + 1 >= n)
      raiseValueError("Single '{' encountered in format string");
    // Find the matching '}', allowing nested fields in the spec.
    std::size_t j = i + 1;
    int level = 1;
    while (j < n) {
      if (fmt[j] == '{')
        ++level;
      else if (fmt[j] == '}' && --level == 0)
        break;
      ++j;
    }
    if (j >= n)
      raiseValueError("expected '}' before end of string");
    renderField(out, fmt.substr(i + 1, j - i - 1), st, depth);
    i = j + 1;
  }
}
} // namespace

Str strFormatImpl(std::string_view fmt, const void *const *args,
                  const FieldFn *fns, std::size_t n) {
  FormatState st{args, fns, n};
  std::string out;
  render(out, fmt, st, 0);
  return Str(std::move(out));
}
} // namespace detail

// --------------------------------------------------------------- range --
Range::Range(Int start, Int stop, Int step)
    : start_(start), stop_(stop), step_(step) {
  if (step == 0)
    raiseValueError("range() arg 3 must not be zero");
  // Computed in unsigned arithmetic: stop - start may exceed INT64_MAX.
  if (step > 0 && start < stop)
    len_ = static_cast<Int>((static_cast<std::uint64_t>(stop) -
                             static_cast<std::uint64_t>(start) - 1) /
                                static_cast<std::uint64_t>(step) +
                            1);
  else if (step < 0 && start > stop)
    len_ = static_cast<Int>((static_cast<std::uint64_t>(start) -
                             static_cast<std::uint64_t>(stop) - 1) /
                                (0 - static_cast<std::uint64_t>(step)) +
                            1);
  else
    len_ = 0;
}
bool Range::contains(Int x) const {
  if (step_ > 0 ? (x < start_ || x >= stop_) : (x > start_ || x <= stop_))
    return false;
  return (static_cast<__int128>(x) - start_) % step_ == 0;
}
Range Range::reversed() const {
  if (len_ == 0)
    return Range(0, 0, 1);
  Int last = start_ + (len_ - 1) * step_;
  return Range(last, start_ - step_, -step_);
}
void reprTo(std::string &out, const Range &r) {
  out += "range(";
  reprTo(out, r.start());
  out += ", ";
  reprTo(out, r.stop());
  if (r.step() != 1) {
    out += ", ";
    reprTo(out, r.step());
  }
  out += ')';
}

// ---------------------------------------------------------------- entry --
namespace {
// The traceback's last line names asyncio's own exceptions by module, as
// CPython does ("asyncio.exceptions.CancelledError"); builtins and classes
// of the script (__main__) print bare. Subclasses keep their own name.
std::string qualifiedLine(const BaseException &x) {
  std::string_view n = x.typeName();
  const char *module = x.qualifier();
  if (module)
    ;
  else if (n == "CancelledError" && dynamic_cast<const CancelledError *>(&x))
    module = "asyncio.exceptions.";
  else if (n == "InvalidStateError" &&
           dynamic_cast<const InvalidStateError *>(&x))
    module = "asyncio.exceptions.";
  else if (n == "BrokenBarrierError" &&
           dynamic_cast<const BrokenBarrierError *>(&x))
    module = "asyncio.exceptions.";
  else if (n == "QueueEmpty" && dynamic_cast<const QueueEmpty *>(&x))
    module = "asyncio.queues.";
  else if (n == "QueueFull" && dynamic_cast<const QueueFull *>(&x))
    module = "asyncio.queues.";
  else if (n == "IncompleteReadError" || n == "LimitOverrunError")
    module = "asyncio.exceptions.";
  std::string line = module ? module + std::string(n) : std::string(n);
  if (!x.message().empty())
    line += ": " + x.message();
  return line;
}

// CPython's print_exception / print_exception_group (pythonrun.c), without
// the frame lines aioc does not have: chained exceptions first, groups as
// the boxed tree whose closing rule is the last line.
struct TracebackPrinter {
  std::string out;
  int depth = 0; // exception group nesting
  bool needClose = false;

  std::string indent() const { return std::string(2 * depth, ' '); }
  void emit(std::string_view text, char margin = '|') {
    std::string ind = indent();
    if (depth) {
      ind += margin;
      ind += ' ';
    }
    while (!text.empty()) {
      std::size_t nl = text.find('\n');
      std::size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
      out += ind;
      out += text.substr(0, len);
      text.remove_prefix(len);
    }
  }

  void print(const std::exception_ptr &e, int chain) {
    try {
      std::rethrow_exception(e);
    } catch (const BaseException &x) {
      if (chain < 100) {
        if (x.cause) {
          print(x.cause, chain + 1);
          emit("\nThe above exception was the direct cause of the following "
               "exception:\n\n");
        } else if (x.context && !x.suppressContext) {
          print(x.context, chain + 1);
          emit("\nDuring handling of the above exception, another exception "
               "occurred:\n\n");
        }
      }
      if (const auto *g = dynamic_cast<const BaseExceptionGroup *>(&x))
        printGroup(*g, qualifiedLine(x), chain);
      else
        emit("Traceback (most recent call last):\n" + qualifiedLine(x) + "\n");
    } catch (const std::length_error &) {
      emit("Traceback (most recent call last):\nMemoryError\n");
    } catch (const std::bad_alloc &) {
      emit("Traceback (most recent call last):\nMemoryError\n");
    } catch (const std::exception &x) {
      emit(std::string("Traceback (most recent call last):\nSystemError: ") +
           x.what() + "\n");
    } catch (...) {
      emit("Traceback (most recent call last):\nSystemError: unknown C++ "
           "exception\n");
    }
  }

  void printGroup(const BaseExceptionGroup &g, const std::string &line,
                  int chain) {
    constexpr std::size_t kMaxWidth = 15, kMaxDepth = 10;
    if (static_cast<std::size_t>(depth) > kMaxDepth) {
      emit("... (max_group_depth is 10)\n");
      return;
    }
    bool top = depth == 0;
    if (top)
      ++depth;
    emit("Exception Group Traceback (most recent call last):\n",
         top ? '+' : '|');
    emit(line + "\n");
    const auto &excs = g.exceptions();
    std::size_t n = excs.size() <= kMaxWidth ? excs.size() : kMaxWidth + 1;
    needClose = false;
    for (std::size_t i = 0; i < n; ++i) {
      bool last = i == n - 1;
      if (last)
        needClose = true;
      bool truncated = i >= kMaxWidth;
      std::string title = truncated ? "..." : std::to_string(i + 1);
      out += indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title +
             " ----------------\n";
      ++depth;
      if (!truncated) {
        print(excs[i], chain + 1);
      } else {
        std::size_t more = excs.size() - kMaxWidth;
        emit("and " + std::to_string(more) + " more exception" +
             (more > 1 ? "s" : "") + "\n");
      }
      if (last && needClose) {
        out += indent() + "+------------------------------------\n";
        needClose = false;
      }
      --depth;
    }
    if (top)
      depth = 0;
  }
};
} // namespace

void printTraceback(const std::exception_ptr &e) {
  stdoutStream().flush();
  TracebackPrinter p;
  p.print(e, 0);
  stderrStream().write(p.out);
  stderrStream().flush();
}

int runMain(const std::function<void()> &body) {
  int status = 0;
  try {
    body();
  } catch (const SystemExit &e) {
    status = e.code;
  } catch (const KeyboardInterrupt &) {
    // CPython 3.8+: print the traceback, then die of SIGINT so the parent
    // sees the signal (a shell reports status 130).
    printTraceback(std::current_exception());
    stdoutStream().flush();
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
    status = 130;
  } catch (...) {
    printTraceback(std::current_exception());
    status = 1;
  }
  stdoutStream().flush();
  stderrStream().flush();
  return status;
}

} // namespace aioc::py
