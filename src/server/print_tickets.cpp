// One-use print tickets (print_tickets.hpp).
#include "print_tickets.hpp"

#include <random>

#include <fmt/format.h>

namespace guarantor::server {

std::string PrintTickets::issue(Grant grant, std::int64_t now_epoch) {
  // std::random_device reads the kernel's random source (getrandom) with libstdc++ on Linux.
  std::random_device source;
  std::string ticket;
  for (int word = 0; word < 8; ++word) ticket += fmt::format("{:08x}", source());
  std::lock_guard lock(mutex_);
  // Tickets left unredeemed (a browser that failed before asking) are dropped once expired.
  std::erase_if(open_, [now_epoch](const auto& entry) { return entry.second.expires_epoch < now_epoch; });
  open_.emplace(ticket, std::move(grant));
  return ticket;
}

std::optional<PrintTickets::Grant> PrintTickets::redeem(const std::string& ticket, std::int64_t now_epoch) {
  std::lock_guard lock(mutex_);
  const auto found = open_.find(ticket);
  if (found == open_.end()) return std::nullopt;
  Grant grant = std::move(found->second);
  open_.erase(found);
  if (grant.expires_epoch < now_epoch) return std::nullopt;
  return grant;
}

}  // namespace guarantor::server
