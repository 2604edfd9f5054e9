// Replays fuzz inputs through a fuzz target's entry point without libFuzzer, so the regular
// (and sanitizer) test runs check every seed and every regression input kept in the corpus.
// Usage: replay_<target> FILE_OR_DIRECTORY...
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {
int replay(const std::filesystem::path& file) {
  std::ifstream input(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(input)), std::istreambuf_iterator<char>());
  return LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}
}  // namespace

int main(int argc, char** argv) {
  int replayed = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
        if (entry.is_regular_file()) replayed += replay(entry.path()) == 0;
    } else {
      replayed += replay(path) == 0;
    }
  }
  std::cout << "replayed " << replayed << " input(s)\n";
  return replayed > 0 ? 0 : 1;
}
