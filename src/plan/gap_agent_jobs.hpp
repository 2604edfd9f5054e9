#pragma once
// The jobs of each agent in a GAP local search, as one list per agent with each job's position
// in its list (slot), so taking a job out is O(1): the list's last job takes its slot. The order
// of a list is the order its jobs were added in, except where a removal moved the last job into
// the gap. It is part of the searches' behaviour: they keep the first of equally good swap
// partners in that order, and a random draw of an agent's job picks by position.
#include <cstddef>
#include <span>
#include <vector>

namespace guarantor::plan::detail {

class GapAgentJobs {
public:
  /// Empty lists for `agents` agents, room for jobs 0..jobs-1.
  GapAgentJobs(std::size_t agents, std::size_t jobs);

  /// Empties every list (no job placed); keeps the storage.
  void clear();

  /// Appends `job`, which is in no list, to the end of `agent`'s list.
  void add(std::size_t job, std::size_t agent);

  /// Takes `job` out of `agent`'s list, where it must be; the last job of that list takes its slot.
  void remove(std::size_t job, std::size_t agent);

  /// Moves `job` from `from`'s list to the end of `to`'s list.
  void move(std::size_t job, std::size_t from, std::size_t to) {
    remove(job, from);
    add(job, to);
  }

  /// The jobs of `agent`; valid until the next change to that list.
  [[nodiscard]] std::span<const std::size_t> jobs_of(std::size_t agent) const { return jobs_of_agent_[agent]; }

private:
  std::vector<std::vector<std::size_t>> jobs_of_agent_;
  std::vector<std::size_t> slot_;  // a placed job's index in its agent's list
};

}  // namespace guarantor::plan::detail
