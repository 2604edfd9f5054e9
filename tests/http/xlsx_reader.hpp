#pragma once
// Reads back the parts of an XLSX file (a ZIP archive) for the export tests: the central
// directory names each member with its size and offset; members are stored or deflated (zlib,
// raw deflate). Enough for files libxlsxwriter writes, not a general ZIP reader.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

#include <zlib.h>

namespace guarantor::testing {

inline std::uint32_t little(const std::string& bytes, std::size_t at, int width) {
  if (at + width > bytes.size()) throw std::runtime_error("ZIP: read past the end");
  std::uint32_t value = 0;
  for (int i = width - 1; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

/// Member name -> uncompressed text.
inline std::map<std::string, std::string> unzip(const std::string& bytes) {
  const std::size_t end = bytes.rfind(std::string("PK\x05\x06", 4));
  if (end == std::string::npos) throw std::runtime_error("ZIP: no end of central directory");
  const std::size_t count = little(bytes, end + 10, 2);
  std::size_t at = little(bytes, end + 16, 4);
  std::map<std::string, std::string> members;
  for (std::size_t n = 0; n < count; ++n) {
    if (little(bytes, at, 4) != 0x02014b50) throw std::runtime_error("ZIP: bad central directory entry");
    const auto method = little(bytes, at + 10, 2);
    const auto packed = little(bytes, at + 20, 4);
    const auto size = little(bytes, at + 24, 4);
    const auto name_length = little(bytes, at + 28, 2);
    const auto extra_length = little(bytes, at + 30, 2);
    const auto comment_length = little(bytes, at + 32, 2);
    const auto local = little(bytes, at + 42, 4);
    const std::string name = bytes.substr(at + 46, name_length);
    at += 46 + name_length + extra_length + comment_length;
    const std::size_t data = local + 30 + little(bytes, local + 26, 2) + little(bytes, local + 28, 2);
    std::string text(size, '\0');
    if (method == 0) {
      text = bytes.substr(data, size);
    } else if (method == 8) {
      z_stream stream{};
      if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) throw std::runtime_error("ZIP: inflateInit2");
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + data));
      stream.avail_in = packed;
      stream.next_out = reinterpret_cast<Bytef*>(text.data());
      stream.avail_out = size;
      const int result = inflate(&stream, Z_FINISH);
      inflateEnd(&stream);
      if (result != Z_STREAM_END) throw std::runtime_error("ZIP: " + name + " does not inflate");
    } else {
      throw std::runtime_error("ZIP: method " + std::to_string(method) + " of " + name);
    }
    members[name] = std::move(text);
  }
  return members;
}

}  // namespace guarantor::testing
