// asyncio subprocesses: posix_spawn + pidfd on the loop.
#include "aioc/io/subprocess.h"

#include "aioc/loop.h"
#include "aioc/task.h"
#include "spawn.h"
#include "transport.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace aioc::io {

class ProcessImpl : public std::enable_shared_from_this<ProcessImpl> {
public:
  ProcessImpl(EventLoop &loop, Child c) : loop_(loop), child_(c) {}
  ~ProcessImpl() {
    // Only reached with the child still running when the loop itself went
    // away; the pidfd is ours to close either way.
    if (child_.pidfd >= 0)
      ::close(child_.pidfd);
  }

  void watchExit() {
    if (child_.pidfd < 0) {
      // No pidfd (old kernel): poll for the exit on a timer.
      pollExit();
      return;
    }
    auto self = shared_from_this();
    loop_.addReader(child_.pidfd, [self] { self->reap(); });
  }

  void pollExit() {
    if (tryReap())
      return;
    auto self = shared_from_this();
    loop_.callLater(0.01, [self] { self->pollExit(); });
  }

  bool tryReap() {
    int status = 0;
    pid_t r;
    do {
      r = ::waitpid(child_.pid, &status, WNOHANG);
    } while (r < 0 && errno == EINTR);
    if (r == 0)
      return false;
    returncode_ = r > 0 ? returncodeFromStatus(status) : 255;
    for (auto &f : waiters_)
      if (!f.done())
        f.setResult();
    waiters_.clear();
    return true;
  }

  void reap() {
    if (!tryReap())
      return;
    // The callback holds the last reference maybe: keep `this` alive
    // until we are done.
    auto keep = shared_from_this();
    loop_.removeReader(child_.pidfd);
    ::close(child_.pidfd);
    child_.pidfd = -1;
  }

  void signal(int sig) {
    if (returncode_)
      throw ProcessLookupError("");
    // pidfd_send_signal cannot hit a recycled pid.
    int rc = child_.pidfd >= 0
                 ? static_cast<int>(::syscall(SYS_pidfd_send_signal,
                                              child_.pidfd, sig, nullptr, 0))
                 : ::kill(child_.pid, sig);
    if (rc != 0 && errno == ESRCH)
      throw ProcessLookupError("");
  }

  EventLoop &loop_;
  Child child_;
  std::optional<int> returncode_;
  std::vector<Future<void>> waiters_;
  StreamWriter stdin_;
  StreamReader stdout_, stderr_;
};

namespace {

Coro<Process> spawnOnLoop(std::vector<std::string> argv, std::string shown,
                          SubprocessOptions opts) {
  EventLoop &loop = getRunningLoop();
  SpawnRequest req;
  req.argv = std::move(argv);
  req.cwd = opts.cwd;
  req.stdinTo = opts.stdinTo;
  req.stdoutTo = opts.stdoutTo;
  req.stderrTo = opts.stderrTo;
  Child c = spawnChild(req, shown);
  for (int fd : {c.stdinFd, c.stdoutFd, c.stderrFd})
    if (fd >= 0)
      ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  auto p = std::make_shared<ProcessImpl>(loop, c);
  p->stdin_ = writerForFd(c.stdinFd);
  p->stdout_ = readerForFd(c.stdoutFd, opts.limit);
  p->stderr_ = readerForFd(c.stderrFd, opts.limit);
  p->child_.stdinFd = p->child_.stdoutFd = p->child_.stderrFd = -1;
  p->watchExit();
  co_return Process(p);
}

Coro<int> waitImpl(std::shared_ptr<ProcessImpl> p) {
  if (!p->returncode_) {
    Future<void> f(p->loop_);
    p->waiters_.push_back(f);
    co_await f;
  }
  co_return *p->returncode_;
}

Coro<std::string> readAll(StreamReader r) { co_return co_await r.read(-1); }

Coro<void> feed(StreamWriter w, std::string input) {
  // asyncio ignores a child that stops reading (BrokenPipe/ConnectionReset).
  try {
    w.write(input);
    co_await w.drain();
  } catch (const ConnectionError &) {
  }
  w.close();
}

Coro<Process::Output> communicateImpl(std::shared_ptr<ProcessImpl> p,
                                      std::optional<std::string> input) {
  std::optional<Task<void>> feeder;
  if (p->stdin_) {
    if (input)
      feeder = createTask(feed(p->stdin_, std::move(*input)));
    else
      p->stdin_.close();
  }
  std::optional<Task<std::string>> out, err;
  if (p->stdout_)
    out = createTask(readAll(p->stdout_));
  if (p->stderr_)
    err = createTask(readAll(p->stderr_));
  Process::Output result;
  if (feeder)
    co_await *feeder;
  if (out)
    result.first = co_await *out;
  if (err)
    result.second = co_await *err;
  co_await waitImpl(p);
  co_return result;
}

} // namespace

int Process::pid() const { return p_->child_.pid; }
std::optional<int> Process::returncode() const { return p_->returncode_; }
StreamWriter &Process::stdin_() const { return p_->stdin_; }
StreamReader &Process::stdout_() const { return p_->stdout_; }
StreamReader &Process::stderr_() const { return p_->stderr_; }
Coro<int> Process::wait() { return waitImpl(p_); }
Coro<Process::Output> Process::communicate(std::optional<std::string> input) {
  return communicateImpl(p_, std::move(input));
}
void Process::send_signal(int sig) { p_->signal(sig); }
void Process::terminate() { p_->signal(SIGTERM); }
void Process::kill() { p_->signal(SIGKILL); }

Coro<Process> create_subprocess_exec(std::vector<std::string> argv,
                                     SubprocessOptions opts) {
  if (argv.empty())
    throw ValueError("program must be given");
  std::string shown = argv[0];
  return spawnOnLoop(std::move(argv), std::move(shown), std::move(opts));
}

Coro<Process> create_subprocess_shell(std::string cmd, SubprocessOptions opts) {
  return spawnOnLoop({"/bin/sh", "-c", cmd}, "/bin/sh", std::move(opts));
}

} // namespace aioc::io
