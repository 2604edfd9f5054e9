#include "json_locations.hpp"

#include <cstdint>

namespace guarantor::io::detail {

namespace {

// A scanner over well-formed JSON: it trusts the text (nlohmann already accepted it), so it only
// needs to find where values start and what the member names are.
class Scanner {
public:
  Scanner(std::string_view text, std::unordered_map<std::string, int>& lines) : text_(text), lines_(lines) {}

  void value(const std::string& pointer, bool record) {
    skip_space();
    if (pos_ >= text_.size()) return;
    if (record) lines_.emplace(pointer, line_);
    const char c = text_[pos_];
    if (c == '{') {
      object(pointer);
    } else if (c == '[') {
      array(pointer);
    } else if (c == '"') {
      (void)string();
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
             !is_space(text_[pos_]))
        ++pos_;
    }
  }

private:
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) {
      if (text_[pos_] == '\n') ++line_;
      ++pos_;
    }
  }

  void object(const std::string& pointer) {
    ++pos_;  // {
    for (;;) {
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] == '}') break;
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      const std::string key = string();
      skip_space();
      ++pos_;  // :
      value(pointer + "/" + escape_pointer_token(key), true);
    }
    ++pos_;  // }
  }

  void array(const std::string& pointer) {
    ++pos_;  // [
    std::size_t index = 0;
    for (;;) {
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] == ']') break;
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      const bool container = text_[pos_] == '{' || text_[pos_] == '[';
      value(pointer + "/" + std::to_string(index++), container);
    }
    ++pos_;  // ]
  }

  // Reads a string literal and returns its value (escapes decoded; \u as UTF-8).
  std::string string() {
    std::string out;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c != '\\' || pos_ >= text_.size()) {
        out += c;
        continue;
      }
      c = text_[pos_++];
      switch (c) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': append_code_unit(out); break;
        default: out += c;  // \" \\ \/
      }
    }
    ++pos_;  // closing quote
    return out;
  }

  void append_code_unit(std::string& out) {
    std::uint32_t code = hex4();
    if (code >= 0xD800 && code <= 0xDBFF && pos_ + 6 <= text_.size() && text_[pos_] == '\\' && text_[pos_ + 1] == 'u') {
      pos_ += 2;
      const std::uint32_t low = hex4();
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  std::uint32_t hex4() {
    std::uint32_t value = 0;
    for (int k = 0; k < 4 && pos_ < text_.size(); ++k, ++pos_) {
      const char c = text_[pos_];
      value <<= 4;
      if (c >= '0' && c <= '9') value |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') value |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') value |= static_cast<std::uint32_t>(c - 'A' + 10);
    }
    return value;
  }

  std::string_view text_;
  std::unordered_map<std::string, int>& lines_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

std::string escape_pointer_token(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

JsonLineIndex::JsonLineIndex(std::string_view text) {
  Scanner scanner(text, lines_);
  scanner.value("", true);
}

int JsonLineIndex::line_of(std::string_view pointer) const {
  std::string current(pointer);
  for (;;) {
    if (auto it = lines_.find(current); it != lines_.end()) return it->second;
    const auto slash = current.rfind('/');
    if (slash == std::string::npos) return 1;
    current.resize(slash);
  }
}

}  // namespace guarantor::io::detail
