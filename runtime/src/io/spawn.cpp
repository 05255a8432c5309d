#include "spawn.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace aioc::io {

void ignoreSigpipe() {
  static std::once_flag once;
  std::call_once(once, [] { std::signal(SIGPIPE, SIG_IGN); });
}

std::string signalRepr(int sig) {
  const char *abbrev = sigabbrev_np(sig);
  if (!abbrev)
    return std::to_string(sig);
  return "<Signals.SIG" + std::string(abbrev) + ": " + std::to_string(sig) +
         ">";
}

int returncodeFromStatus(int status) {
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    return -WTERMSIG(status);
  return status;
}

namespace {

void closeFd(int &fd) {
  if (fd >= 0) {
    ::close(fd);
    fd = -1;
  }
}

struct Actions {
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  Actions() {
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&attr);
  }
  ~Actions() {
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
  }
};

} // namespace

Child spawnChild(const SpawnRequest &req, const std::string &shownName) {
  ignoreSigpipe();
  if (req.cwd) {
    struct stat st;
    if (::stat(req.cwd->c_str(), &st) != 0)
      throwOSError(errno, *req.cwd, true);
    if (!S_ISDIR(st.st_mode))
      throwOSError(ENOTDIR, *req.cwd, true);
  }
  Actions a;
  // Our ends, and the child's ends to close after the spawn.
  int ours[3] = {-1, -1, -1}, theirs[3] = {-1, -1, -1};
  auto cleanup = [&] {
    for (int i = 0; i < 3; ++i) {
      closeFd(ours[i]);
      closeFd(theirs[i]);
    }
  };
  Redirect r[3] = {req.stdinTo, req.stdoutTo, req.stderrTo};
  for (int i = 0; i < 3; ++i) {
    if (r[i] == Redirect::Pipe) {
      int p[2];
      if (pipe2(p, O_CLOEXEC) != 0) {
        int e = errno;
        cleanup();
        throwOSError(e);
      }
      // stdin: child reads p[0]; stdout/stderr: child writes p[1].
      ours[i] = i == 0 ? p[1] : p[0];
      theirs[i] = i == 0 ? p[0] : p[1];
      posix_spawn_file_actions_adddup2(&a.fa, theirs[i], i);
    } else if (r[i] == Redirect::DevNull) {
      posix_spawn_file_actions_addopen(&a.fa, i, "/dev/null",
                                       i == 0 ? O_RDONLY : O_WRONLY, 0);
    } else if (r[i] == Redirect::Stdout && i == 2) {
      posix_spawn_file_actions_adddup2(&a.fa, 1, 2);
    }
  }
  if (req.cwd)
    posix_spawn_file_actions_addchdir_np(&a.fa, req.cwd->c_str());
  sigset_t none, def;
  sigemptyset(&none);
  sigemptyset(&def);
  sigaddset(&def, SIGPIPE);
  sigaddset(&def, SIGINT);
  posix_spawnattr_setsigmask(&a.attr, &none);
  posix_spawnattr_setsigdefault(&a.attr, &def);
  posix_spawnattr_setflags(&a.attr,
                           POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<char *> argv;
  for (const auto &s : req.argv)
    argv.push_back(const_cast<char *>(s.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawnp(&pid, argv[0], &a.fa, &a.attr, argv.data(), environ);
  if (rc != 0) {
    cleanup();
    throwOSError(rc, shownName, true);
  }
  for (int i = 0; i < 3; ++i)
    closeFd(theirs[i]);
  Child c;
  c.pid = pid;
  c.stdinFd = ours[0];
  c.stdoutFd = ours[1];
  c.stderrFd = ours[2];
  c.pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (c.pidfd >= 0)
    ::fcntl(c.pidfd, F_SETFD, FD_CLOEXEC);
  return c;
}

bool communicateBlocking(Child &c, const std::string &input, std::string *out,
                         std::string *err, std::optional<double> timeout) {
  using Clock = std::chrono::steady_clock;
  auto deadline =
      timeout ? Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(*timeout))
              : Clock::time_point::max();
  size_t written = 0;
  if (c.stdinFd >= 0) {
    ::fcntl(c.stdinFd, F_SETFL, ::fcntl(c.stdinFd, F_GETFL) | O_NONBLOCK);
    if (input.empty())
      closeFd(c.stdinFd);
  }
  bool exited = false;
  for (;;) {
    pollfd fds[4];
    int n = 0, iIn = -1, iOut = -1, iErr = -1, iPid = -1;
    if (c.stdinFd >= 0)
      iIn = n, fds[n++] = {c.stdinFd, POLLOUT, 0};
    if (c.stdoutFd >= 0)
      iOut = n, fds[n++] = {c.stdoutFd, POLLIN, 0};
    if (c.stderrFd >= 0)
      iErr = n, fds[n++] = {c.stderrFd, POLLIN, 0};
    // Wait for the exit only once the pipes are drained, like Python.
    if (n == 0 && !exited && c.pidfd >= 0)
      iPid = n, fds[n++] = {c.pidfd, POLLIN, 0};
    if (n == 0)
      break;
    int ms = -1;
    if (timeout) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      deadline - Clock::now())
                      .count();
      if (left <= 0)
        return false;
      ms = static_cast<int>(std::min<long long>(left + 1, 1 << 30));
    }
    int rc = ::poll(fds, n, ms);
    if (rc < 0) {
      if (errno == EINTR)
        continue;
      throwOSError(errno);
    }
    if (rc == 0)
      continue; // the deadline check above decides
    if (iIn >= 0 && fds[iIn].revents) {
      ssize_t w =
          ::write(c.stdinFd, input.data() + written, input.size() - written);
      if (w > 0)
        written += static_cast<size_t>(w);
      // EPIPE: the child stopped reading; Python ignores that too.
      if ((w < 0 && errno != EAGAIN && errno != EINTR) ||
          written == input.size())
        closeFd(c.stdinFd);
    }
    auto drain = [](int &fd, std::string *dst) {
      char buf[65536];
      ssize_t r = ::read(fd, buf, sizeof buf);
      if (r > 0)
        dst->append(buf, static_cast<size_t>(r));
      else if (r == 0 || (errno != EINTR && errno != EAGAIN))
        closeFd(fd);
    };
    if (iOut >= 0 && fds[iOut].revents)
      drain(c.stdoutFd, out);
    if (iErr >= 0 && fds[iErr].revents)
      drain(c.stderrFd, err);
    if (iPid >= 0 && fds[iPid].revents)
      exited = true;
  }
  return true;
}

int reapChild(Child &c) {
  closeFd(c.stdinFd);
  closeFd(c.stdoutFd);
  closeFd(c.stderrFd);
  int status = 0;
  pid_t r;
  do {
    r = ::waitpid(c.pid, &status, 0);
  } while (r < 0 && errno == EINTR);
  closeFd(c.pidfd);
  c.pid = -1;
  if (r < 0)
    return 0;
  return returncodeFromStatus(status);
}

} // namespace aioc::io
