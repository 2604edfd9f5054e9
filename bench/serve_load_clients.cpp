#include "serve_load_clients.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace guarantor::bench {

namespace {
using Clock = std::chrono::steady_clock;
constexpr int MAX_EVENTS = 256;
// How often the loop wakes with nothing to read, to see `stop` and the timeouts.
constexpr int IDLE_WAKE_MS = 50;
constexpr std::size_t READ_CHUNK = std::size_t{64} * 1024;

struct Connection {
  int fd = -1;
  bool connecting = false;
  bool busy = false;  ///< a request is in flight
  std::string out;    ///< the request being sent
  std::size_t sent = 0;
  std::string in;  ///< what has arrived of its answer
  Clock::time_point started;
};

std::string request_text(const LoadRequest& request) {
  std::string text = fmt::format("{} {} HTTP/1.1\r\nHost: 127.0.0.1\r\n", request.method, request.path);
  for (const auto& [name, value] : request.headers) text += fmt::format("{}: {}\r\n", name, value);
  if (!request.body.empty() || request.method == "PUT" || request.method == "POST")
    text += fmt::format("Content-Type: application/json\r\nContent-Length: {}\r\n", request.body.size());
  text += "\r\n";
  text += request.body;
  return text;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// A whole answer in `in` (or all of it up to the end of the stream, `ended`): fills `answer` and
// whether the connection may carry the next request. Nothing while it is not complete.
std::optional<bool> complete_answer(const std::string& in, bool ended, LoadAnswer& answer) {
  const auto head_end = in.find("\r\n\r\n");
  if (head_end == std::string::npos) return std::nullopt;
  const auto space = in.find(' ');
  answer.status = space < head_end ? std::atoi(in.c_str() + space + 1) : 0;
  std::optional<std::size_t> length;
  bool keep_alive = true;  // HTTP/1.1's default
  std::size_t line = in.find("\r\n") + 2;
  while (line < head_end) {
    const auto end = in.find("\r\n", line);
    const std::string_view header(in.data() + line, end - line);
    const auto colon = header.find(':');
    if (colon != std::string_view::npos) {
      const std::string name(header.substr(0, colon));
      const std::string value = trimmed(header.substr(colon + 1));
      if (strcasecmp(name.c_str(), "Content-Length") == 0) length = std::strtoull(value.c_str(), nullptr, 10);
      else if (strcasecmp(name.c_str(), "ETag") == 0) answer.etag = value;
      else if (strcasecmp(name.c_str(), "Connection") == 0) keep_alive = strcasecmp(value.c_str(), "close") != 0;
      else if (strcasecmp(name.c_str(), "Transfer-Encoding") == 0)
        throw std::runtime_error("a chunked answer; this bench reads answers with a Content-Length");
    }
    line = end + 2;
  }
  const std::size_t body_at = head_end + 4;
  if (length) {
    if (in.size() < body_at + *length) return std::nullopt;
    answer.body = in.substr(body_at, *length);
    return keep_alive;
  }
  if (!ended) return std::nullopt;
  answer.body = in.substr(body_at);
  return false;
}
}  // namespace

void run_load_clients(int port, std::vector<LoadClient>& clients, const std::atomic<bool>& stop, double timeout_s) {
  const int epoll = epoll_create1(EPOLL_CLOEXEC);
  if (epoll < 0) throw std::runtime_error(fmt::format("epoll_create1: {}", std::strerror(errno)));
  std::vector<Connection> connections(clients.size());
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

  const auto watch = [&](std::size_t index, bool writing, int operation) {
    epoll_event event{};
    event.events = EPOLLIN | (writing ? EPOLLOUT : 0u);
    event.data.u64 = index;
    epoll_ctl(epoll, operation, connections[index].fd, &event);
  };
  const auto close_connection = [&](Connection& connection) {
    if (connection.fd >= 0) {
      epoll_ctl(epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
      ::close(connection.fd);
    }
    connection.fd = -1;
    connection.connecting = false;
  };
  const auto elapsed_ms = [](const Connection& connection) {
    return std::chrono::duration<double, std::milli>(Clock::now() - connection.started).count();
  };
  const auto finish = [&](std::size_t index, const LoadAnswer& answer) {
    auto& connection = connections[index];
    connection.busy = false;
    clients[index].answered(answer, elapsed_ms(connection));
  };
  const auto fail = [&](std::size_t index, const std::string& why) {
    close_connection(connections[index]);
    LoadAnswer answer;
    answer.error = why;
    finish(index, answer);
  };
  // Sends what is left of the request; waits for the socket to take more when it is full.
  const auto write_some = [&](std::size_t index) {
    auto& connection = connections[index];
    while (connection.sent < connection.out.size()) {
      const auto n = ::send(connection.fd, connection.out.data() + connection.sent,
                            connection.out.size() - connection.sent, MSG_NOSIGNAL);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        watch(index, true, EPOLL_CTL_MOD);
        return;
      }
      if (n < 0) return fail(index, fmt::format("send: {}", std::strerror(errno)));
      connection.sent += static_cast<std::size_t>(n);
    }
    watch(index, false, EPOLL_CTL_MOD);
  };
  const auto send_next = [&](std::size_t index) {
    auto& connection = connections[index];
    connection.out = request_text(clients[index].next());
    connection.sent = 0;
    connection.in.clear();
    connection.busy = true;
    connection.started = Clock::now();
    if (connection.fd < 0) {
      connection.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      if (connection.fd < 0) return fail(index, fmt::format("socket: {}", std::strerror(errno)));
      const int on = 1;
      setsockopt(connection.fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
      if (::connect(connection.fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 &&
          errno != EINPROGRESS)
        return fail(index, fmt::format("connect: {}", std::strerror(errno)));
      connection.connecting = true;
      watch(index, true, EPOLL_CTL_ADD);
      return;  // the request goes once the connection is made
    }
    write_some(index);
  };
  const auto read_some = [&](std::size_t index) {
    auto& connection = connections[index];
    bool ended = false;
    char buffer[READ_CHUNK];
    while (true) {
      const auto n = ::recv(connection.fd, buffer, sizeof buffer, 0);
      if (n > 0) connection.in.append(buffer, static_cast<std::size_t>(n));
      else if (n == 0) {
        ended = true;
        break;
      } else if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      else return fail(index, fmt::format("recv: {}", std::strerror(errno)));
    }
    LoadAnswer answer;
    std::optional<bool> keep_alive;
    try {
      keep_alive = complete_answer(connection.in, ended, answer);
    } catch (const std::exception& error) {
      return fail(index, error.what());
    }
    if (!keep_alive) {
      if (ended) fail(index, "the connection closed before the answer was complete");
      return;
    }
    if (!*keep_alive || ended) close_connection(connection);
    finish(index, answer);
    if (!stop) send_next(index);
  };

  for (std::size_t index = 0; index < clients.size(); ++index) send_next(index);
  epoll_event events[MAX_EVENTS];
  while (!stop) {
    const int ready = epoll_wait(epoll, events, MAX_EVENTS, IDLE_WAKE_MS);
    for (int e = 0; e < ready && !stop; ++e) {
      const auto index = static_cast<std::size_t>(events[e].data.u64);
      auto& connection = connections[index];
      if (!connection.busy || connection.fd < 0) continue;
      if (connection.connecting) {
        int error = 0;
        socklen_t size = sizeof error;
        getsockopt(connection.fd, SOL_SOCKET, SO_ERROR, &error, &size);
        if (error != 0) {
          fail(index, fmt::format("connect: {}", std::strerror(error)));
          send_next(index);
          continue;
        }
        connection.connecting = false;
      }
      if ((events[e].events & EPOLLOUT) != 0 && connection.sent < connection.out.size()) write_some(index);
      if ((events[e].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) != 0 && connection.fd >= 0) read_some(index);
      if (!connection.busy && connection.fd < 0 && !stop) send_next(index);  // after a failure: go on
    }
    for (std::size_t index = 0; index < clients.size(); ++index) {
      if (connections[index].busy && elapsed_ms(connections[index]) > timeout_s * 1000.0) {
        fail(index, fmt::format("no answer within {} s", timeout_s));
        if (!stop) send_next(index);
      }
    }
  }
  for (auto& connection : connections) close_connection(connection);
  ::close(epoll);
}

}  // namespace guarantor::bench
