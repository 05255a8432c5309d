// Private: process spawning shared by subprocess.run (blocking) and
// asyncio.create_subprocess_exec (on the loop).
#pragma once

#include "aioc/io/blocking.h"

#include <csignal>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace aioc::io {

struct SpawnRequest {
  std::vector<std::string> argv;
  std::optional<std::string> cwd;
  Redirect stdinTo = Redirect::Inherit;
  Redirect stdoutTo = Redirect::Inherit;
  Redirect stderrTo = Redirect::Inherit;
};

// A started child: pipe ends we hold (-1 when not piped, all O_CLOEXEC) and
// a pidfd to observe its exit without SIGCHLD.
struct Child {
  pid_t pid = -1;
  int pidfd = -1;
  int stdinFd = -1, stdoutFd = -1, stderrFd = -1;
};

// posix_spawnp with the requested redirections, default SIGPIPE and an
// empty signal mask in the child. FileNotFoundError etc. name `shownName`
// (what the user passed as the program), as Python does.
Child spawnChild(const SpawnRequest &req, const std::string &shownName);

// Feed `input` to stdin (then close it), collect stdout/stderr until EOF and
// the child's exit. Returns false if `timeout` elapsed first (the child is
// left running; pipes are closed).
bool communicateBlocking(Child &c, const std::string &input, std::string *out,
                         std::string *err, std::optional<double> timeout);

// waitpid (blocking), close the pidfd and any pipe ends still open; returns
// Python's returncode (negative signal number when killed).
int reapChild(Child &c);

// Python's repr of signal.Signals(n): "<Signals.SIGKILL: 9>".
std::string signalRepr(int sig);

// CPython ignores SIGPIPE at startup so broken pipes become EPIPE errors;
// the runtime's I/O does the same before its first pipe or socket write.
void ignoreSigpipe();

// waitstatus -> returncode.
int returncodeFromStatus(int status);

} // namespace aioc::io
