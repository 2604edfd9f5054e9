#pragma once
// One-use tickets that let the server's own headless browser open a page as the user who asked
// for its PDF. The browser cannot be handed a cookie on its command line, so it is handed a
// ticket instead: GET /print/<ticket> trades it, once and before it expires, for that user's
// short print session (cookie) and a redirect to the page.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace guarantor::server {

class PrintTickets {
public:
  /// What a ticket opens: the session to set as the browser's cookie and the page to show.
  struct Grant {
    std::string session_token;
    std::string page;
    std::int64_t expires_epoch = 0;
  };
  /// A new ticket (64 hex digits from the system's random source) for `grant`; tickets expired
  /// at `now_epoch` and never redeemed are dropped on the way.
  std::string issue(Grant grant, std::int64_t now_epoch);
  /// The grant of `ticket` if it was issued, not redeemed before and not expired at `now_epoch`;
  /// a ticket is forgotten once asked for, whatever the answer.
  std::optional<Grant> redeem(const std::string& ticket, std::int64_t now_epoch);

private:
  std::mutex mutex_;
  std::map<std::string, Grant> open_;
};

}  // namespace guarantor::server
