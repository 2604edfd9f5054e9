#include "guarantor/verify/shared_text.hpp"

#include <mutex>
#include <ostream>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace guarantor::verify {
namespace {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

const std::string& empty_text() {
  static const std::string EMPTY;
  return EMPTY;
}

// Every distinct text once, for the process's life (nodes of an unordered_set do not move when
// it grows, so the pointers handed out stay valid). Adapters may read files on several threads.
const std::string* intern(std::string_view text) {
  if (text.empty()) return &empty_text();
  static std::mutex mutex;
  static std::unordered_set<std::string, TextHash, std::equal_to<>> pool;
  const std::lock_guard<std::mutex> lock(mutex);
  auto found = pool.find(text);
  if (found == pool.end()) found = pool.emplace(text).first;
  return &*found;
}

}  // namespace

SharedText::SharedText() noexcept : text_(&empty_text()) {}
SharedText::SharedText(std::string_view text) : text_(intern(text)) {}
SharedText::SharedText(const std::string& text) : text_(intern(text)) {}
SharedText::SharedText(const char* text) : text_(intern(text == nullptr ? std::string_view() : std::string_view(text))) {}

SharedText& SharedText::operator+=(std::string_view more) {
  text_ = intern(*text_ + std::string(more));
  return *this;
}

std::ostream& operator<<(std::ostream& out, const SharedText& text) { return out << text.str(); }
void to_json(nlohmann::json& out, const SharedText& text) { out = text.str(); }
void from_json(const nlohmann::json& in, SharedText& text) { text = SharedText(in.get<std::string>()); }

}  // namespace guarantor::verify
