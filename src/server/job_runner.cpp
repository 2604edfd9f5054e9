// The job runner: submission under a bound, progress and cancellation under one mutex, waiters
// woken on every change.
#include "job_runner.hpp"

#include <algorithm>
#include <random>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::server {

struct JobRunner::Job {
  JobStatus status;
  bool cancel_requested = false;
};

namespace {
constexpr std::size_t KEPT_JOBS = 256;
// 64 random bits: job ids are not guessable from one another and never repeat across restarts.
std::string new_job_id() {
  static std::mutex mutex;
  static std::mt19937_64 generator{std::random_device{}()};
  std::lock_guard lock(mutex);
  return fmt::format("job-{:016x}", generator());
}

class RunnerProgress : public JobProgress {
public:
  RunnerProgress(std::string id, std::function<void(std::string_view, int, int)> report)
      : id_(std::move(id)), report_(std::move(report)) {}
  void stage(std::string_view name, int done, int total) override { report_(name, done, total); }
  [[nodiscard]] const std::string& job_id() const override { return id_; }

private:
  std::string id_;
  std::function<void(std::string_view, int, int)> report_;
};
}  // namespace

std::string_view to_string(JobState state) {
  switch (state) {
    case JobState::Queued: return "queued";
    case JobState::Running: return "running";
    case JobState::Succeeded: return "succeeded";
    case JobState::Failed: return "failed";
    case JobState::Cancelled: return "cancelled";
  }
  return "unknown";
}

nlohmann::json encode_job(const JobStatus& s) {
  nlohmann::json out = {{"id", s.id},
                        {"kind", s.kind},
                        {"state", to_string(s.state)},
                        {"progress", {{"stage", s.stage}, {"done", s.stages_done}, {"total", s.stages_total}}},
                        {"created_by", s.created_by},
                        {"created_at", s.created_at},
                        {"revision", s.revision}};
  if (!s.finished_at.empty()) out["finished_at"] = s.finished_at;
  if (s.result_version) out["result"] = {{"plan_version", *s.result_version}, {"href", fmt::format("/api/v1/plans/{}", *s.result_version)}};
  if (!s.error.empty()) out["error"] = s.error;
  return out;
}

JobRunner::JobRunner(unsigned workers, std::size_t max_active, std::function<std::string()> clock)
    : clock_(std::move(clock)), max_active_(max_active), pool_(std::max(1u, workers)) {}

JobRunner::~JobRunner() { shutdown(); }

void JobRunner::shutdown() {
  {
    std::lock_guard lock(mutex_);
    shutting_down_ = true;
    for (auto& [id, job] : jobs_) job->cancel_requested = true;
  }
  changed_.notify_all();
}

std::optional<JobStatus> JobRunner::submit(const std::string& kind, const std::string& created_by, Work work) {
  auto job = std::make_shared<Job>();
  {
    std::lock_guard lock(mutex_);
    std::size_t active = 0;
    for (const auto& [id, other] : jobs_) active += other->status.finished() ? 0 : 1;
    if (active >= max_active_ || shutting_down_) return std::nullopt;
    // Finished jobs are remembered for a while (their results are versions in the workspace);
    // beyond KEPT_JOBS the oldest finished ones are forgotten so memory stays bounded.
    while (jobs_.size() >= KEPT_JOBS) {
      auto oldest = jobs_.end();
      for (auto it = jobs_.begin(); it != jobs_.end(); ++it)
        if (it->second->status.finished() && (oldest == jobs_.end() || it->second->status.submitted_order < oldest->second->status.submitted_order))
          oldest = it;
      if (oldest == jobs_.end()) break;
      jobs_.erase(oldest);
    }
    job->status.id = new_job_id();
    job->status.kind = kind;
    job->status.created_by = created_by;
    job->status.created_at = clock_();
    job->status.revision = 1;
    job->status.submitted_order = ++submitted_;
    jobs_[job->status.id] = job;
  }
  const JobStatus queued = job->status;
  // The future is not kept: the job records its own outcome, and the pool drains its queue
  // before it is destroyed.
  (void)pool_.submit([this, job, work = std::move(work)] { run(job, work); });
  return queued;
}

void JobRunner::update(Job& job, const std::function<void(JobStatus&)>& change) {
  {
    std::lock_guard lock(mutex_);
    change(job.status);
    ++job.status.revision;
  }
  changed_.notify_all();
}

void JobRunner::run(const std::shared_ptr<Job>& job, const Work& work) {
  auto cancelled = [&] {
    std::lock_guard lock(mutex_);
    return job->cancel_requested;
  };
  {
    std::lock_guard lock(mutex_);
    if (job->status.finished()) return;  // cancelled while it waited
  }
  try {
    if (cancelled()) throw JobCancelled{};
    update(*job, [](JobStatus& s) { s.state = JobState::Running; });
    RunnerProgress progress(job->status.id, [&](std::string_view name, int done, int total) {
      if (cancelled()) throw JobCancelled{};
      update(*job, [&](JobStatus& s) {
        s.stage = std::string(name);
        s.stages_done = done;
        s.stages_total = total;
      });
    });
    const std::int64_t version = work(progress);
    update(*job, [&](JobStatus& s) {
      s.state = JobState::Succeeded;
      s.result_version = version;
      s.finished_at = clock_();
    });
  } catch (const JobCancelled&) {
    update(*job, [&](JobStatus& s) {
      s.state = JobState::Cancelled;
      s.finished_at = clock_();
    });
  } catch (const Error& error) {
    update(*job, [&](JobStatus& s) {
      s.state = JobState::Failed;
      s.error = error.diagnostics().front().to_string();
      s.finished_at = clock_();
    });
  } catch (...) {
    update(*job, [&](JobStatus& s) {
      s.state = JobState::Failed;
      s.error = "the job failed unexpectedly; nothing was stored";
      s.finished_at = clock_();
    });
  }
}

std::optional<JobStatus> JobRunner::status(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second->status;
}

bool JobRunner::cancel(const std::string& id) {
  {
    std::lock_guard lock(mutex_);
    auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second->status.finished()) return false;
    auto& job = *it->second;
    job.cancel_requested = true;
    // A job still waiting for a worker is cancelled at once; a running one at its next stage.
    if (job.status.state == JobState::Queued) {
      job.status.state = JobState::Cancelled;
      job.status.finished_at = clock_();
      ++job.status.revision;
    }
  }
  changed_.notify_all();
  return true;
}

std::optional<JobStatus> JobRunner::wait_change(const std::string& id, std::uint64_t seen, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  const auto job = it->second;
  changed_.wait_for(lock, timeout, [&] { return shutting_down_ || job->status.revision > seen; });
  if (shutting_down_ && job->status.revision <= seen) return std::nullopt;
  return job->status;
}

}  // namespace guarantor::server
