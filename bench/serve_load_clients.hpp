#pragma once
// Many HTTP/1.1 clients on one thread: each simulated client has one connection to the server
// (kept alive when the server keeps it, opened again when it closes it) and sends its next request
// as soon as its answer is in, so the bench's own CPU time stays small beside the server's and 200
// clients do not need 200 threads competing with the server for the machine's cores.
#include <atomic>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace guarantor::bench {

/// One request as a client sends it.
struct LoadRequest {
  std::string method;  ///< GET or PUT
  std::string path;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  ///< sent with Content-Type application/json when not empty
};

/// The answer to a request: status 0 when the transport failed (`error` says how).
struct LoadAnswer {
  int status = 0;
  std::string etag;
  std::string body;
  std::string error;
};

/// One simulated client: gives its next request, then is told the answer and its latency in ms.
struct LoadClient {
  std::function<LoadRequest()> next;
  std::function<void(const LoadAnswer&, double latency_ms)> answered;
};

/// Runs `clients` against 127.0.0.1:`port` until `stop` is set; requests still in flight then
/// are dropped uncounted. A request unanswered after `timeout_s` counts as a transport failure.
void run_load_clients(int port, std::vector<LoadClient>& clients, const std::atomic<bool>& stop, double timeout_s);

}  // namespace guarantor::bench
