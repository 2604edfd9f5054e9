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

// The pool new texts go to on this thread: a run's (TextPool::Scope), else nullptr.
thread_local TextPool* current_pool = nullptr;

// Text made outside any run (tests, hand-built reports): kept for the process's life, like a
// string literal. Never destroyed, so texts made by static objects' destructors stay valid.
TextPool& process_pool() {
  static TextPool* const POOL = new TextPool();  // NOLINT(cppcoreguidelines-owning-memory): intentionally immortal
  return *POOL;
}

const std::string* intern(std::string_view text) {
  if (text.empty()) return &empty_text();
  return (current_pool != nullptr ? *current_pool : process_pool()).intern(text);
}

}  // namespace

// Nodes of an unordered_set do not move when it grows, so the pointers handed out stay valid.
struct TextPool::Impl {
  mutable std::mutex mutex;
  std::unordered_set<std::string, TextHash, std::equal_to<>> texts;
};

TextPool::TextPool() : impl_(std::make_unique<Impl>()) {}
TextPool::~TextPool() = default;

const std::string* TextPool::intern(std::string_view text) {
  if (text.empty()) return &empty_text();
  const std::lock_guard<std::mutex> lock(impl_->mutex);
  auto found = impl_->texts.find(text);
  if (found == impl_->texts.end()) found = impl_->texts.emplace(text).first;
  return &*found;
}

std::size_t TextPool::size() const {
  const std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->texts.size();
}

TextPool::Scope::Scope(std::shared_ptr<TextPool> pool) : pool_(std::move(pool)), previous_(current_pool) {
  current_pool = pool_.get();
}

TextPool::Scope::~Scope() { current_pool = previous_; }

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
