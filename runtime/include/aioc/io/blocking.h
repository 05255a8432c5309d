// The blocking calls that a compiled script may (wrongly) make inside a
// coroutine: time.sleep, open() and its file methods, subprocess.run /
// check_output and input(). They really block the calling thread, so debug
// mode's slow-step warning and the linter have something true to point at.
// requests.get/post live in aioc/io/http.h.
#pragma once

#include "aioc/exceptions.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aioc::io {

// Builtins that exceptions.h does not carry yet; same names as Python's.
class EOFError : public Exception {
public:
  explicit EOFError(std::string m) : BaseException(std::move(m)) {}
  const char *typeName() const override { return "EOFError"; }
};
// io.UnsupportedOperation ("not readable", "not writable").
class UnsupportedOperation : public OSError {
public:
  explicit UnsupportedOperation(std::string m) : BaseException(std::move(m)) {}
  const char *typeName() const override { return "UnsupportedOperation"; }
};

// time.sleep(secs): ValueError on a negative length, as CPython.
void sleep(double seconds);

// input(prompt): writes the prompt to stdout (flushed), reads one line from
// stdin without its newline; EOFError("EOF when reading a line") at EOF.
std::string input(const std::string &prompt = {});

// A Python file object from open(): modes r/w/a/x with optional b and +.
// Text mode decodes UTF-8 (UnicodeDecodeError on bad bytes), translates
// "\r\n" and "\r" to "\n" on read (universal newlines), and counts sizes in
// code points; binary mode counts bytes. Both hold their data in
// std::string (str is UTF-8, bytes are raw). Errors are Python's:
// FileNotFoundError/PermissionError/IsADirectoryError with errno and
// filename, ValueError on a closed file, UnsupportedOperation on a read of
// a write-only file and vice versa.
class File {
public:
  static std::shared_ptr<File> open(const std::string &path,
                                    const std::string &mode = "r");
  ~File();
  File(const File &) = delete;
  File &operator=(const File &) = delete;

  std::string read(int64_t size = -1);
  std::string readline(int64_t size = -1);
  std::vector<std::string> readlines();
  // Returns what Python returns: code points (text) or bytes (binary).
  int64_t write(const std::string &data);
  void writelines(const std::vector<std::string> &lines);
  void flush();
  void close();
  bool closed() const { return fd_ < 0; }
  bool binary() const { return binary_; }
  const std::string &name() const { return name_; }
  const std::string &mode() const { return mode_; }
  // Iteration (`for line in f`): the next line, or nullopt at EOF.
  std::optional<std::string> nextLine();

private:
  File(int fd, std::string name, std::string mode, bool binary, bool readable,
       bool writable);
  void checkOpen() const;
  void checkReadable() const;
  void checkWritable() const;
  // Fills rbuf_ by at least one read(2); false at EOF.
  bool fill();
  // Text mode: turn raw bytes from rbuf_ into decoded, newline-translated
  // text in tbuf_ (keeps an incomplete UTF-8 sequence or a lone trailing
  // '\r' back until more bytes arrive).
  bool fillText();
  void flushWrite();

  int fd_;
  std::string name_, mode_;
  bool binary_, readable_, writable_;
  bool eof_ = false;
  std::string rbuf_;       // raw bytes read but not yet consumed
  std::string tbuf_;       // text mode: decoded text ready to hand out
  std::string wbuf_;       // bytes written but not yet flushed
  int64_t decodedPos_ = 0; // bytes decoded so far, for error positions
};

// subprocess: the subset of run()/check_output() that scripts use.
class SubprocessError : public Exception {
public:
  explicit SubprocessError(std::string m) : BaseException(std::move(m)) {}
  const char *typeName() const override { return "SubprocessError"; }
  AIOC_QUALIFIER(SubprocessError, "subprocess.")
};
class CalledProcessError : public SubprocessError {
public:
  CalledProcessError(int returncode, std::string cmdRepr,
                     std::optional<std::string> output,
                     std::optional<std::string> stderrData);
  const char *typeName() const override { return "CalledProcessError"; }
  AIOC_QUALIFIER(CalledProcessError, "subprocess.")
  int returncode;
  std::optional<std::string> output, stderrData;
};
class TimeoutExpired : public SubprocessError {
public:
  TimeoutExpired(std::string cmdRepr, double timeout);
  const char *typeName() const override { return "TimeoutExpired"; }
  AIOC_QUALIFIER(TimeoutExpired, "subprocess.")
  double timeout;
};

// Where a child's stream goes: inherited, captured (PIPE), /dev/null, or
// (stderr only) merged into stdout.
enum class Redirect { Inherit, Pipe, DevNull, Stdout };

struct RunOptions {
  bool shell = false;         // args[0] is a /bin/sh -c command line
  bool check = false;         // raise CalledProcessError on nonzero exit
  bool captureOutput = false; // stdout=PIPE, stderr=PIPE
  Redirect stdoutTo = Redirect::Inherit;
  Redirect stderrTo = Redirect::Inherit;
  std::optional<std::string> input; // fed to stdin (else stdin is inherited)
  std::optional<double> timeout;    // seconds; TimeoutExpired after killing
  std::optional<std::string> cwd;
};

struct CompletedProcess {
  std::vector<std::string> args;
  bool shell = false;
  int returncode = 0; // negative signal number when killed, as Python
  std::optional<std::string> stdoutData, stderrData;
  bool text = false; // text=True: the data are str (for repr)
  // subprocess.CompletedProcess.check_returncode().
  void checkReturncode() const;
};

// subprocess.run(args, ...). FileNotFoundError when the program is missing.
CompletedProcess run(const std::vector<std::string> &args,
                     const RunOptions &opts = {});
// subprocess.check_output(args, ...): stdout, CalledProcessError on failure.
std::string checkOutput(const std::vector<std::string> &args,
                        RunOptions opts = {});

// Python's repr() of a str and of a list of str, for messages that embed
// them (CalledProcessError, OSError filenames, httpx errors).
std::string reprStr(const std::string &s);
std::string reprStrList(const std::vector<std::string> &v);
// Python's repr() of a float (shortest round trip, "1.0", "0.5").
std::string reprFloat(double d);

} // namespace aioc::io
