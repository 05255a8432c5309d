// Starts tests/io/http_server.py on a free 127.0.0.1 port for one test
// binary and stops it at exit: the server serves until its stdin closes, so
// it also goes away if the test process crashes.
#pragma once

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace aioc::iotest {

class HttpServer {
public:
  HttpServer() {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0)
      return;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    const char *argv[] = {AIOC_IO_PYTHON, AIOC_IO_HTTP_SERVER, nullptr};
    int rc = posix_spawn(&pid_, AIOC_IO_PYTHON, &fa, nullptr,
                         const_cast<char **>(argv), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    close(out[1]);
    stdin_ = in[1];
    if (rc != 0) {
      pid_ = -1;
      close(out[0]);
      return;
    }
    FILE *f = fdopen(out[0], "r");
    char line[64] = {0};
    if (f && fgets(line, sizeof line, f))
      std::sscanf(line, "PORT %d", &port_);
    if (f)
      fclose(f);
  }
  ~HttpServer() {
    if (stdin_ >= 0)
      close(stdin_);
    if (pid_ > 0) {
      // Closing stdin asks it to stop; SIGTERM if it lingers.
      int status;
      for (int i = 0; i < 50; ++i) {
        if (waitpid(pid_, &status, WNOHANG) == pid_)
          return;
        usleep(20000);
      }
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
  }
  int port() const { return port_; }
  std::string url(const std::string &path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

private:
  pid_t pid_ = -1;
  int stdin_ = -1;
  int port_ = 0;
};

// One server per test binary (each ctest case runs the binary once).
inline HttpServer &server() {
  static HttpServer s;
  return s;
}

} // namespace aioc::iotest
