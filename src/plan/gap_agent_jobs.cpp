#include "gap_agent_jobs.hpp"

#include "guarantor/core/error.hpp"

namespace guarantor::plan::detail {

GapAgentJobs::GapAgentJobs(std::size_t agents, std::size_t jobs) : jobs_of_agent_(agents), slot_(jobs, 0) {}

void GapAgentJobs::clear() {
  for (std::vector<std::size_t>& list : jobs_of_agent_) list.clear();
}

void GapAgentJobs::add(std::size_t job, std::size_t agent) {
  slot_[job] = jobs_of_agent_[agent].size();
  jobs_of_agent_[agent].push_back(job);
}

void GapAgentJobs::remove(std::size_t job, std::size_t agent) {
  std::vector<std::size_t>& list = jobs_of_agent_[agent];
  // A stale slot would silently drop another job from the list.
  GUARANTOR_ASSERT(slot_[job] < list.size() && list[slot_[job]] == job, "the job is in the agent's list");
  list[slot_[job]] = list.back();
  slot_[list.back()] = slot_[job];
  list.pop_back();
}

}  // namespace guarantor::plan::detail
