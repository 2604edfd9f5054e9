#pragma once
// Background jobs (plans made in the server): a bounded pool of worker threads (the core's
// ThreadPool), a bounded number of jobs waiting or running, progress that readers can wait on
// (for the server-sent-events stream), and cancellation. Jobs live in memory while they run and
// are recorded in a journal (the workspace) on each change of state, so a finished job stays
// readable after a restart and one the restart cut short reads as interrupted. A job's lasting
// result is the version (plan or findings) it stores in the workspace.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "guarantor/core/thread_pool.hpp"

namespace guarantor::server {

/// Interrupted: the server stopped while the job waited or ran (set at the next start).
enum class JobState { Queued, Running, Succeeded, Failed, Cancelled, Interrupted };
std::string_view to_string(JobState state);

struct JobStatus {
  std::string id;
  std::string kind;  ///< "plan" (result: a plan version) or "verify" (result: a findings version)
  JobState state = JobState::Queued;
  std::string stage;  ///< the last stage finished
  int stages_done = 0;
  int stages_total = 0;
  std::string created_by;
  std::string created_at;
  std::string finished_at;
  std::optional<std::int64_t> result_version;  ///< the stored version, when succeeded
  std::string error;                           ///< why it failed
  std::uint64_t revision = 0;                  ///< increases with every change
  std::uint64_t submitted_order = 0;             ///< submission order, for forgetting the oldest
  [[nodiscard]] bool finished() const {
    return state != JobState::Queued && state != JobState::Running;
  }
};
nlohmann::json encode_job(const JobStatus& status);
/// The inverse of encode_job, for a job read back from the journal.
JobStatus decode_job(const nlohmann::json& value);

/// Where the runner records jobs so they outlive the process.
class JobJournal {
public:
  virtual ~JobJournal() = default;
  /// Records the job as it is now (called on submission and on each change of state).
  virtual void record(const JobStatus& status) = 0;
  /// A job the runner no longer holds in memory (finished before a restart, or forgotten).
  [[nodiscard]] virtual std::optional<JobStatus> find(const std::string& id) const = 0;
};

/// Thrown out of JobProgress::stage when the job was cancelled; the runner records Cancelled.
struct JobCancelled {};

/// What a job's work reports through; stage() throws JobCancelled once cancel() was called.
class JobProgress {
public:
  virtual ~JobProgress() = default;
  virtual void stage(std::string_view name, int done, int total) = 0;
  [[nodiscard]] virtual const std::string& job_id() const = 0;
};

class JobRunner {
public:
  /// `workers` threads (at least 1) run jobs; at most `max_active` jobs wait or run at once.
  /// `journal`, when not null, must outlive the runner.
  JobRunner(unsigned workers, std::size_t max_active, std::function<std::string()> clock, JobJournal* journal = nullptr);
  /// Cancels every job and waits for the workers.
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  using Work = std::function<std::int64_t(JobProgress&)>;  ///< returns the stored version id
  /// Queues a job; nullopt when `max_active` jobs already wait or run (the caller answers 503).
  std::optional<JobStatus> submit(const std::string& kind, const std::string& created_by, Work work);
  /// The job from memory, else from the journal; nullopt for an unknown id.
  [[nodiscard]] std::optional<JobStatus> status(const std::string& id) const;
  /// Asks a job to stop at its next stage; false for an unknown or finished job.
  bool cancel(const std::string& id);
  /// Waits until the job's revision passes `seen` or `timeout` elapses; nullopt for an unknown
  /// job and, once the runner shuts down, for a job that has not changed (streams then end).
  std::optional<JobStatus> wait_change(const std::string& id, std::uint64_t seen, std::chrono::milliseconds timeout) const;
  /// Cancels every job and wakes every waiter (server shutdown).
  void shutdown();

private:
  struct Job;
  void run(const std::shared_ptr<Job>& job, const Work& work);
  void update(Job& job, const std::function<void(JobStatus&)>& change, bool record = false);
  void record(const JobStatus& status);

  std::function<std::string()> clock_;
  JobJournal* journal_;
  std::size_t max_active_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  bool shutting_down_ = false;
  std::uint64_t submitted_ = 0;
  ThreadPool pool_;  ///< last: destroyed (joined) first, while the rest is still alive
};

}  // namespace guarantor::server
