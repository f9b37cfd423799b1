#include "http_server.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace signaal::intake {
namespace {

using Clock = std::chrono::steady_clock;

// Set on the acceptor thread while it sheds a connection the pool cannot take.
thread_local bool shedding_connection = false;

// What a shed connection gets: written without waiting, then the socket is closed.
constexpr char kBusyAnswer[] =
    "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nCache-Control: no-store\r\n"
    "Retry-After: 1\r\nConnection: close\r\n\r\n";

class BoundedPool final : public httplib::TaskQueue {
 public:
  BoundedPool(size_t threads, size_t max_queued) : max_queued_(max_queued) {
    for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }

  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard lock(mutex_);
      if (jobs_.size() < max_queued_ + idle_) {
        jobs_.push_back(std::move(fn));
        ready_.notify_one();
        return;
      }
    }
    shedding_connection = true;
    fn();
    shedding_connection = false;
  }

  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mutex_);
        ++idle_;
        ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
        --idle_;
        if (jobs_.empty()) return;
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      fn();
    }
  }

  const size_t max_queued_;
  size_t idle_ = 0;  // workers waiting: a job for them is not queued, it starts at once
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
};

// A socket stream whose reads give up at a deadline for the whole request, not per read.
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(socket_t sock, std::chrono::seconds write_timeout)
      : sock_(sock), write_timeout_(write_timeout) {}

  void start_request(Clock::time_point deadline) { deadline_ = deadline; }

  bool is_readable() const override { return begin_ < end_ || wait(POLLIN, deadline_); }
  bool is_writable() const override { return wait(POLLOUT, Clock::now() + write_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    if (begin_ == end_) {
      if (!wait(POLLIN, deadline_)) return -1;
      const ssize_t n = ::recv(sock_, buffer_, sizeof buffer_, 0);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    const size_t count = std::min(size, end_ - begin_);
    std::copy_n(buffer_ + begin_, count, ptr);
    begin_ += count;
    return static_cast<ssize_t>(count);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return ::send(sock_, ptr, size, MSG_NOSIGNAL);
  }

  // The peer's address is never asked for: handlers see an empty REMOTE_ADDR.
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  socket_t socket() const override { return sock_; }

  // Waits for the next request on a kept-alive connection; false when the client is idle.
  bool wait_for_request(std::chrono::seconds idle) const {
    return begin_ < end_ || wait(POLLIN, Clock::now() + idle);
  }

 private:
  bool wait(short events, Clock::time_point until) const {
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
      if (left.count() <= 0) return false;
      pollfd fd{sock_, events, 0};
      const int rc = ::poll(&fd, 1, static_cast<int>(left.count()));
      if (rc > 0) return true;
      if (rc == 0 || errno != EINTR) return false;
    }
  }

  socket_t sock_;
  std::chrono::seconds write_timeout_;
  Clock::time_point deadline_{};
  char buffer_[4096];
  size_t begin_ = 0;
  size_t end_ = 0;
};

}  // namespace

HttpServer::HttpServer(const Limits& limits) : limits_(limits) {
  // Only for the Keep-Alive header httplib writes; the loop below enforces the same limits.
  set_keep_alive_max_count(static_cast<size_t>(limits.keep_alive_requests));
  set_keep_alive_timeout(limits.keep_alive_seconds);
  new_task_queue = [this] {
    return new BoundedPool(static_cast<size_t>(limits_.threads),
                           static_cast<size_t>(limits_.queued_connections));
  };
}

int HttpServer::bind_port(const std::string& address, int port) {
  const int bound = port == 0 ? bind_to_any_port(address) : (bind_to_port(address, port) ? port : -1);
  // Flooding clients should wait in the kernel's queue, not get refused while threads are free.
  if (bound >= 0) ::listen(svr_sock_, 1024);
  return bound;
}

bool HttpServer::serve(const std::string& address, int port) {
  return bind_port(address, port) >= 0 && listen_after_bind();
}

bool HttpServer::answer_one(httplib::Stream& stream, bool last) {
  bool connection_closed = false;
  return process_request(stream, last, connection_closed, nullptr) && !connection_closed;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  if (shedding_connection) {
    [[maybe_unused]] const ssize_t sent =
        ::send(sock, kBusyAnswer, sizeof kBusyAnswer - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
  } else {
    DeadlineStream stream(sock, std::chrono::seconds(limits_.request_seconds));
    const auto idle = std::chrono::seconds(limits_.keep_alive_seconds);
    for (int left = limits_.keep_alive_requests; left > 0; --left) {
      if (svr_sock_ == INVALID_SOCKET || !stream.wait_for_request(idle)) break;
      stream.start_request(Clock::now() + std::chrono::seconds(limits_.request_seconds));
      if (!answer_one(stream, left == 1)) break;
    }
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return true;
}

}  // namespace signaal::intake
