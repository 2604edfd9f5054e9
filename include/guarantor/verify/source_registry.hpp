#pragma once
// The source registry: how reliable each outlet has proved (Admiralty A-F), which outlets belong
// together (one owner or one party's channels are not independent of each other), and which
// party, if any, an outlet speaks for.
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace guarantor::verify {

struct SourceEntry {
  std::string outlet;        ///< name as it appears in reports
  std::string group;         ///< independence group; outlets of one group corroborate nothing
  std::string party;         ///< "UA", "RU", ... when the outlet speaks for a party; "" otherwise
  char reliability = 'F';    ///< A (completely reliable) .. E (unreliable), F (cannot be judged)
  std::string note;          ///< why this rating
  /// Other names the same outlet appears under ("AP", "Associated Press"; "Генштаб ЗСУ"):
  /// every alias resolves to this one entry.
  std::vector<std::string> aliases;
};

/// The key outlet names are compared by: lower case, blanks trimmed and collapsed, a leading
/// "@" of an account name dropped. "@Rybar ", "rybar" and "RYBAR" are one outlet.
std::string outlet_key(std::string_view outlet);

class SourceRegistry {
public:
  SourceRegistry() = default;
  /// Builds from entries; throws Error(Schema) for a bad rating or a duplicate outlet.
  explicit SourceRegistry(std::vector<SourceEntry> entries, std::string name = "source registry");
  /// The entry of an outlet by name or alias (compared by outlet_key), or nullptr when unregistered.
  [[nodiscard]] const SourceEntry* find(std::string_view outlet) const;
  /// Independence group of an outlet: its registered group, else the outlet's own name.
  [[nodiscard]] std::string group_of(std::string_view outlet) const;
  /// Reliability of an outlet: registered, else F (cannot be judged).
  [[nodiscard]] char reliability_of(std::string_view outlet) const;
  /// The registered name of an outlet (resolving aliases), else its outlet_key.
  [[nodiscard]] std::string canonical_name(std::string_view outlet) const;
  /// The rating a party's claim carries whichever outlet relays it: the worst rating among the
  /// outlets registered for that party ("UA", "RU"), or F when the registry has none.
  [[nodiscard]] char party_reliability(std::string_view party) const;
  [[nodiscard]] const std::vector<SourceEntry>& entries() const noexcept { return entries_; }

private:
  std::vector<SourceEntry> entries_;
  std::unordered_map<std::string, std::size_t> by_outlet_;
  std::unordered_map<std::string, char> party_reliability_;  ///< party -> worst rating of its outlets
};

/// Reads {"sources": [{outlet, group, party, reliability, note, aliases}]}; every problem is reported
/// together with its JSON pointer. Throws Error.
SourceRegistry load_source_registry(const std::filesystem::path& path);
/// The same from parsed JSON (e.g. the copy kept in an evidence log); `name` is for messages.
SourceRegistry source_registry_from_json(const nlohmann::json& root, const std::string& name);
/// The registry as JSON, the form stored in the evidence log.
nlohmann::json to_json(const SourceRegistry& registry);

}  // namespace guarantor::verify
