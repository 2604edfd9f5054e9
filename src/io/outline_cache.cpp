#include "outline_cache.hpp"

#include <deque>
#include <mutex>
#include <utility>

namespace guarantor::io::detail {

namespace {
// Each entry holds a few MB at most (the polygons of the wanted countries only).
constexpr std::size_t MAX_ENTRIES = 4;

struct Entry {
  std::string key;
  std::shared_ptr<const Outlines> outlines;
};

std::string key_of(const std::string& sha256, const std::string& object_name, const std::set<std::string>& wanted_ids) {
  std::string key = sha256 + '\n' + object_name;
  for (const auto& id : wanted_ids) key += '\n' + id;
  return key;
}

std::mutex& cache_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::deque<Entry>& cache_entries() {
  static std::deque<Entry> entries;  // the most recently remembered last
  return entries;
}
}  // namespace

std::shared_ptr<const Outlines> remembered_outlines(const std::string& sha256, const std::string& object_name,
                                                    const std::set<std::string>& wanted_ids) {
  const std::string key = key_of(sha256, object_name, wanted_ids);
  const std::lock_guard lock(cache_mutex());
  for (const auto& entry : cache_entries())
    if (entry.key == key) return entry.outlines;
  return nullptr;
}

void remember_outlines(const std::string& sha256, const std::string& object_name,
                       const std::set<std::string>& wanted_ids, std::shared_ptr<const Outlines> outlines) {
  std::string key = key_of(sha256, object_name, wanted_ids);
  const std::lock_guard lock(cache_mutex());
  auto& entries = cache_entries();
  for (const auto& entry : entries)
    if (entry.key == key) return;
  if (entries.size() == MAX_ENTRIES) entries.pop_front();
  entries.push_back({std::move(key), std::move(outlines)});
}

}  // namespace guarantor::io::detail
