// Starts a private nginx for one test binary: a temporary root holding a
// 1 KiB file, an HTTP/2-only cleartext listener (h2c with prior knowledge)
// and a TLS listener offering h2 and http/1.1 by ALPN, with a self-signed
// certificate for 127.0.0.1 made by the openssl tool. nginx dies with the
// test process (PR_SET_PDEATHSIG) and is stopped at exit. When nginx or
// openssl is missing or nginx cannot start, ready() is false and the tests
// skip with the reason.
#pragma once

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <string>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace aioc::iotest {

class Nginx {
public:
  static constexpr const char *kBinary = "/usr/sbin/nginx";

  Nginx() {
    if (access(kBinary, X_OK) != 0) {
      why_ = std::string(kBinary) + " is not installed";
      return;
    }
    char tmpl[] = "/tmp/aioc-nginx-XXXXXX";
    if (!mkdtemp(tmpl)) {
      why_ = "mkdtemp failed";
      return;
    }
    dir_ = tmpl;
    // Workers run as an unprivileged user when we are root: let them read.
    chmod(dir_.c_str(), 0755);
    mkdir((dir_ + "/www").c_str(), 0755);
    mkdir((dir_ + "/tmp").c_str(), 0755);
    {
      std::ofstream f(dir_ + "/www/1k", std::ios::binary);
      for (int i = 0; i < 1024; ++i)
        f.put(static_cast<char>((i * 7 + 13) % 251));
    }
    chmod((dir_ + "/www/1k").c_str(), 0644);
    // A self-signed certificate for 127.0.0.1, which the client trusts as
    // its CA file.
    std::string mk = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 "
                     "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1"
                     " -keyout '" +
                     dir_ + "/key.pem' -out '" + dir_ +
                     "/cert.pem' >/dev/null 2>&1";
    if (std::system(mk.c_str()) != 0) {
      why_ = "the openssl tool could not make a test certificate";
      return;
    }
    chmod((dir_ + "/key.pem").c_str(), 0644);
    port_ = freePort();
    do
      tlsPort_ = freePort();
    while (tlsPort_ == port_);
    std::string t = dir_ + "/tmp";
    std::ofstream conf(dir_ + "/nginx.conf");
    conf << "worker_processes 1;\ndaemon off;\npid " << dir_
         << "/nginx.pid;\nerror_log " << dir_ << "/error.log;\n"
         << "events { worker_connections 1024; }\nhttp {\n  access_log off;\n"
         << "  client_body_temp_path " << t << "; proxy_temp_path " << t
         << "; fastcgi_temp_path " << t << "; uwsgi_temp_path " << t
         << "; scgi_temp_path " << t << ";\n"
         << "  server { listen 127.0.0.1:" << port_ << " http2; root " << dir_
         << "/www; }\n"
         << "  server { listen 127.0.0.1:" << tlsPort_
         << " ssl http2; ssl_certificate " << dir_
         << "/cert.pem; ssl_certificate_key " << dir_ << "/key.pem; root "
         << dir_ << "/www; }\n}\n";
    conf.close();
    std::string confPath = dir_ + "/nginx.conf", errPath = dir_ + "/error.log";
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      int null = open("/dev/null", O_RDWR);
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
      execl(kBinary, kBinary, "-c", confPath.c_str(), "-e", errPath.c_str(),
            static_cast<char *>(nullptr));
      _exit(127);
    }
    // Up when the port accepts connections (or nginx exited: no http2?).
    for (int i = 0; i < 250; ++i) {
      int status;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        why_ = "nginx did not start: " + slurp(errPath);
        return;
      }
      if (accepts(port_) && accepts(tlsPort_)) {
        ready_ = true;
        return;
      }
      usleep(20000);
    }
    why_ = "nginx did not listen within 5 s";
  }

  ~Nginx() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status;
      waitpid(pid_, &status, 0);
    }
    std::error_code ec;
    if (!dir_.empty())
      std::filesystem::remove_all(dir_, ec);
  }

  bool ready() const { return ready_; }
  const std::string &why() const { return why_; }
  // h2c, prior knowledge only.
  std::string url(const std::string &path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  // TLS with ALPN (h2, http/1.1); trust caFile().
  std::string tlsUrl(const std::string &path) const {
    return "https://127.0.0.1:" + std::to_string(tlsPort_) + path;
  }
  std::string caFile() const { return dir_ + "/cert.pem"; }

private:
  static std::string slurp(const std::string &path) {
    std::ifstream f(path);
    return std::string(std::istreambuf_iterator<char>(f), {});
  }
  static int freePort() {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    socklen_t len = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    close(fd);
    return ntohs(a.sin_port);
  }
  static bool accepts(int port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    bool ok = connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
    close(fd);
    return ok;
  }

  std::string dir_, why_;
  int port_ = 0, tlsPort_ = 0;
  pid_t pid_ = -1;
  bool ready_ = false;
};

inline Nginx &nginx() {
  static Nginx n;
  return n;
}

} // namespace aioc::iotest
