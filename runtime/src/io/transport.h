// Private: a non-blocking fd on the loop (asyncio's selector transport plus
// the StreamReader buffer), shared by streams and subprocess pipes.
#pragma once

#include "aioc/io/streams.h"
#include "aioc/loop.h"

#include <optional>
#include <vector>

namespace aioc::io {

class Transport : public std::enable_shared_from_this<Transport> {
public:
  enum Kind { Socket, PipeRead, PipeWrite };
  Transport(EventLoop &loop, int fd, Kind kind, int64_t limit);
  ~Transport();
  Transport(const Transport &) = delete;
  Transport &operator=(const Transport &) = delete;

  EventLoop &loop() const { return loop_; }
  int fd() const { return fd_; }
  Kind kind() const { return kind_; }

  // ---- reading (StreamReader) ----
  std::string &buffer() { return rbuf_; }
  int64_t limit() const { return limit_; }
  bool eof() const { return eof_; }
  bool atEof() const { return eof_ && rbuf_.empty(); }
  std::exception_ptr readError() const { return readErr_; }
  // Consume n bytes from the front and maybe resume reading.
  std::string take(size_t n);
  // Suspends until more data, EOF or an error (asyncio's _wait_for_data).
  Future<void> waitForData(const char *who);
  void clearReadWaiter() { readWaiter_.reset(); }

  // ---- writing (StreamWriter) ----
  void write(const std::string &data);
  void writeEof();
  void close();
  bool closing() const { return closing_; }
  bool closed() const { return fd_ < 0; }
  size_t writeBufferSize() const { return wbuf_.size() - wpos_; }
  std::exception_ptr writeError() const { return writeErr_; }
  // Resolved once the buffer is at or below the low-water mark.
  std::optional<Future<void>> drainWaiter();
  Future<void> closedFuture();

  static constexpr size_t kHighWater = 64 * 1024, kLowWater = 16 * 1024;

private:
  void startReading();
  void pauseReading();
  void onReadable();
  void onWritable();
  bool flush(); // false on a fatal error
  void wakeReader();
  void connectionLost(int err);
  void closeNow();

  EventLoop &loop_;
  int fd_;
  Kind kind_;
  int64_t limit_;
  std::string rbuf_;
  bool eof_ = false, reading_ = false, paused_ = false;
  std::exception_ptr readErr_;
  std::optional<Future<void>> readWaiter_;
  std::string wbuf_;
  size_t wpos_ = 0;
  bool writing_ = false, closing_ = false, eofPending_ = false,
       eofSent_ = false;
  std::exception_ptr writeErr_;
  std::vector<Future<void>> drainWaiters_, closeWaiters_;
};

// Python's OSError subclass for errno with a custom strerror text.
std::exception_ptr makeOSError(int err, const std::string &text);

} // namespace aioc::io
