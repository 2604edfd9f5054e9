#pragma once
// Text that many records repeat (a claimant, a format name, a place, a geocoding note): each
// distinct value is held once, in the pool of the run that read it, and a record holds a pointer
// to it. A million reports name a few thousand distinct places and notes; each report held its
// own copies (32 bytes a string, plus the heap for long ones such as the notes).
//
// Ownership: a run (run_verify, replay_log) makes a TextPool, installs it on its thread with a
// TextPool::Scope while it reads and locates reports, and keeps it in its VerifyResult; the pool
// is freed with the last owner, so a long-lived process (the server's verify jobs) does not keep
// the texts of finished runs. Text made on a thread without a scope (tests, tools building a few
// reports by hand) goes to one process-wide pool that is never freed. A SharedText must not be
// read after the pool it came from is gone: copy Reports out of a VerifyResult only while it lives.
#include <compare>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/core.h>
#include <nlohmann/json_fwd.hpp>

namespace guarantor::verify {

/// Each distinct text once. Thread-safe; the texts it hands out keep their address until it is destroyed.
class TextPool {
public:
  TextPool();
  ~TextPool();
  TextPool(const TextPool&) = delete;
  TextPool& operator=(const TextPool&) = delete;

  /// The pool's copy of `text` (made on first use); "" is a shared static empty text.
  [[nodiscard]] const std::string* intern(std::string_view text);
  /// Distinct non-empty texts held.
  [[nodiscard]] std::size_t size() const;

  /// Installs `pool` as where this thread's new SharedText values are interned, until the scope
  /// ends (scopes nest: the previous one is restored). Keeps the pool alive meanwhile.
  class Scope {
  public:
    explicit Scope(std::shared_ptr<TextPool> pool);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

  private:
    std::shared_ptr<TextPool> pool_;
    TextPool* previous_;
  };

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class SharedText {
public:
  SharedText() noexcept;
  // Implicit, like std::string's: fields of this type are assigned from strings everywhere.
  SharedText(std::string_view text);    // NOLINT(google-explicit-constructor)
  SharedText(const std::string& text);  // NOLINT(google-explicit-constructor)
  SharedText(const char* text);         // NOLINT(google-explicit-constructor)

  [[nodiscard]] const std::string& str() const noexcept { return *text_; }
  operator const std::string&() const noexcept { return *text_; }  // NOLINT(google-explicit-constructor)
  operator std::string_view() const noexcept { return *text_; }    // NOLINT(google-explicit-constructor)
  [[nodiscard]] bool empty() const noexcept { return text_->empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return text_->size(); }
  [[nodiscard]] const char* c_str() const noexcept { return text_->c_str(); }
  /// Appends: the longer text is a value of its own in the pool.
  SharedText& operator+=(std::string_view more);

  // One pointer per distinct text: equal texts are equal pointers.
  friend bool operator==(const SharedText& a, const SharedText& b) noexcept { return a.text_ == b.text_; }
  friend bool operator==(const SharedText& a, const std::string& b) noexcept { return *a.text_ == b; }
  friend bool operator==(const SharedText& a, std::string_view b) noexcept { return *a.text_ == b; }
  friend bool operator==(const SharedText& a, const char* b) noexcept { return *a.text_ == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) noexcept {
    return a.text_->compare(*b.text_) <=> 0;
  }
  friend std::string operator+(const SharedText& a, std::string_view b) { return *a.text_ + std::string(b); }
  friend std::string operator+(std::string_view a, const SharedText& b) { return std::string(a) + *b.text_; }
  friend std::string operator+(const char* a, const SharedText& b) { return a + *b.text_; }
  friend std::string operator+(const SharedText& a, const char* b) { return *a.text_ + b; }

private:
  const std::string* text_;  ///< never null; owned by the pool current when it was made
};

std::ostream& operator<<(std::ostream& out, const SharedText& text);
void to_json(nlohmann::json& out, const SharedText& text);
void from_json(const nlohmann::json& in, SharedText& text);

}  // namespace guarantor::verify

/// Formats as its text.
template <>
struct fmt::formatter<guarantor::verify::SharedText> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const guarantor::verify::SharedText& text, Context& context) const {
    return fmt::formatter<std::string_view>::format(std::string_view(text.str()), context);
  }
};
