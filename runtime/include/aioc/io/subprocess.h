// asyncio.create_subprocess_exec / _shell on the loop. The child is started
// with posix_spawn; its exit is observed through a pidfd on the loop's
// epoll (no SIGCHLD handler, no blocking waitpid), and it is reaped as soon
// as it exits, so no zombies remain. Pipes are O_CLOEXEC on our side, so
// children never inherit each other's pipe ends.
#pragma once

#include "aioc/io/blocking.h"
#include "aioc/io/streams.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace aioc::io {

// stdin/stdout/stderr: Redirect::Inherit (None), Pipe (PIPE), DevNull
// (DEVNULL), Stdout (STDOUT, stderr only).
struct SubprocessOptions {
  Redirect stdinTo = Redirect::Inherit;
  Redirect stdoutTo = Redirect::Inherit;
  Redirect stderrTo = Redirect::Inherit;
  std::optional<std::string> cwd;
  int64_t limit = 64 * 1024;
};

class ProcessImpl;

// asyncio.subprocess.Process.
class Process {
public:
  Process() = default;
  explicit Process(std::shared_ptr<ProcessImpl> p) : p_(std::move(p)) {}
  int pid() const;
  std::optional<int> returncode() const;
  StreamWriter &stdin_() const;
  StreamReader &stdout_() const;
  StreamReader &stderr_() const;
  Coro<int> wait();
  // (stdout, stderr): nullopt for a stream that is not a PIPE.
  using Output =
      std::pair<std::optional<std::string>, std::optional<std::string>>;
  Coro<Output> communicate(std::optional<std::string> input = std::nullopt);
  void send_signal(int sig);
  void terminate();
  void kill();

  // Python identity (`is`, `==`, hash) for compiled scripts.
  const void *identity() const { return p_.get(); }

private:
  std::shared_ptr<ProcessImpl> p_;
};

Coro<Process> create_subprocess_exec(std::vector<std::string> argv,
                                     SubprocessOptions opts = {});
Coro<Process> create_subprocess_shell(std::string cmd,
                                      SubprocessOptions opts = {});

} // namespace aioc::io
