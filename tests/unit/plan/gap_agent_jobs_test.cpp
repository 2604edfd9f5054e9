// The per-agent job lists shared by the GAP local searches: after any sequence of moves every
// job sits in exactly one list, the one of its agent, and the lists agree with a recount.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <random>
#include <vector>

#include "gap_agent_jobs.hpp"

namespace guarantor::plan {
namespace {

using detail::GapAgentJobs;

// Every job in exactly one list, that of `agent_of_job`, and each list holds exactly the jobs
// a recount from `agent_of_job` finds.
void expect_lists_match(const GapAgentJobs& lists, const std::vector<std::size_t>& agent_of_job, std::size_t agents) {
  std::vector<int> seen(agent_of_job.size(), 0);
  for (std::size_t agent = 0; agent < agents; ++agent) {
    std::vector<std::size_t> held(lists.jobs_of(agent).begin(), lists.jobs_of(agent).end());
    std::vector<std::size_t> recount;
    for (std::size_t job = 0; job < agent_of_job.size(); ++job) {
      if (agent_of_job[job] == agent) recount.push_back(job);
    }
    for (std::size_t job : held) ++seen[job];
    std::sort(held.begin(), held.end());
    EXPECT_EQ(held, recount) << "agent " << agent;
  }
  for (std::size_t job = 0; job < agent_of_job.size(); ++job) EXPECT_EQ(seen[job], 1) << "job " << job;
}

TEST(GapAgentJobs, RandomMovesMatchARecount) {
  constexpr std::size_t AGENTS = 5, JOBS = 40;
  constexpr int MOVES = 2000;
  std::mt19937_64 rng(2026);
  std::uniform_int_distribution<std::size_t> agent_draw(0, AGENTS - 1), job_draw(0, JOBS - 1);
  std::vector<std::size_t> agent_of_job(JOBS);
  GapAgentJobs lists(AGENTS, JOBS);
  for (std::size_t job = 0; job < JOBS; ++job) lists.add(job, agent_of_job[job] = agent_draw(rng));
  expect_lists_match(lists, agent_of_job, AGENTS);
  for (int step = 0; step < MOVES; ++step) {
    const std::size_t job = job_draw(rng), to = agent_draw(rng);
    // A move onto the job's own agent is allowed: the job goes to the end of the same list.
    lists.move(job, agent_of_job[job], to);
    agent_of_job[job] = to;
    if (step % 100 == 0) expect_lists_match(lists, agent_of_job, AGENTS);
  }
  expect_lists_match(lists, agent_of_job, AGENTS);
}

// The order the searches scan: adds append, and a removal puts the list's last job in the gap.
TEST(GapAgentJobs, RemovalMovesTheLastJobIntoTheGap) {
  GapAgentJobs lists(2, 5);
  for (std::size_t job = 0; job < 5; ++job) lists.add(job, 0);
  lists.remove(1, 0);
  EXPECT_EQ(std::vector<std::size_t>(lists.jobs_of(0).begin(), lists.jobs_of(0).end()),
            (std::vector<std::size_t>{0, 4, 2, 3}));
  lists.move(3, 0, 1);
  lists.move(0, 0, 1);
  EXPECT_EQ(std::vector<std::size_t>(lists.jobs_of(0).begin(), lists.jobs_of(0).end()),
            (std::vector<std::size_t>{2, 4}));
  EXPECT_EQ(std::vector<std::size_t>(lists.jobs_of(1).begin(), lists.jobs_of(1).end()),
            (std::vector<std::size_t>{3, 0}));
  lists.clear();
  EXPECT_TRUE(lists.jobs_of(0).empty());
  EXPECT_TRUE(lists.jobs_of(1).empty());
  lists.add(4, 1);
  EXPECT_EQ(std::vector<std::size_t>(lists.jobs_of(1).begin(), lists.jobs_of(1).end()), std::vector<std::size_t>{4});
}

}  // namespace
}  // namespace guarantor::plan
