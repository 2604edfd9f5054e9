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
    case JobState::Interrupted: return "interrupted";
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
  if (s.result_version) {
    if (s.kind == "verify")
      out["result"] = {{"findings_version", *s.result_version}, {"href", fmt::format("/api/v1/findings/{}", *s.result_version)}};
    else
      out["result"] = {{"plan_version", *s.result_version}, {"href", fmt::format("/api/v1/plans/{}", *s.result_version)}};
  }
  if (!s.error.empty()) out["error"] = s.error;
  return out;
}

JobStatus decode_job(const nlohmann::json& value) {
  JobStatus s;
  s.id = value.at("id");
  s.kind = value.at("kind");
  const std::string state = value.at("state");
  for (auto candidate : {JobState::Queued, JobState::Running, JobState::Succeeded, JobState::Failed, JobState::Cancelled,
                         JobState::Interrupted})
    if (to_string(candidate) == state) s.state = candidate;
  const auto& progress = value.at("progress");
  s.stage = progress.value("stage", "");
  s.stages_done = progress.value("done", 0);
  s.stages_total = progress.value("total", 0);
  s.created_by = value.value("created_by", "");
  s.created_at = value.value("created_at", "");
  s.finished_at = value.value("finished_at", "");
  if (value.contains("result")) {
    const auto& result = value["result"];
    s.result_version = result.value(s.kind == "verify" ? "findings_version" : "plan_version", std::int64_t{0});
  }
  s.error = value.value("error", "");
  s.revision = value.value("revision", std::uint64_t{0});
  return s;
}

JobRunner::JobRunner(unsigned workers, std::size_t max_active, std::function<std::string()> clock, JobJournal* journal)
    : clock_(std::move(clock)), journal_(journal), max_active_(max_active), pool_(std::max(1u, workers)) {}

// Outside the runner's lock: a slow database never holds up readers of progress. A record may
// arrive after a later one of the same job; the journal keeps the higher revision.
void JobRunner::record(const JobStatus& status) {
  if (journal_ == nullptr) return;
  try {
    journal_->record(status);
  } catch (...) {
    // The job itself goes on: its record is a convenience for after a restart, its result is
    // stored (or not) by its own work.
  }
}

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
  record(queued);
  // The future is not kept: the job records its own outcome, and the pool drains its queue
  // before it is destroyed.
  (void)pool_.submit([this, job, work = std::move(work)] { run(job, work); });
  return queued;
}

void JobRunner::update(Job& job, const std::function<void(JobStatus&)>& change, bool record_change) {
  JobStatus now;
  {
    std::lock_guard lock(mutex_);
    change(job.status);
    ++job.status.revision;
    now = job.status;
  }
  changed_.notify_all();
  if (record_change) record(now);
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
    update(*job, [](JobStatus& s) { s.state = JobState::Running; }, true);
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
    }, true);
  } catch (const JobCancelled&) {
    // Stopped by the server shutting down rather than by a user: reported as interrupted.
    update(*job, [&](JobStatus& s) {
      s.state = shutting_down_ ? JobState::Interrupted : JobState::Cancelled;
      if (shutting_down_) s.error = "the server stopped while the job waited or ran; nothing was stored; start it again";
      s.finished_at = clock_();
    }, true);
  } catch (const Error& error) {
    update(*job, [&](JobStatus& s) {
      s.state = JobState::Failed;
      s.error = error.diagnostics().front().to_string();
      s.finished_at = clock_();
    }, true);
  } catch (...) {
    update(*job, [&](JobStatus& s) {
      s.state = JobState::Failed;
      s.error = "the job failed unexpectedly; nothing was stored";
      s.finished_at = clock_();
    }, true);
  }
}

std::optional<JobStatus> JobRunner::status(const std::string& id) const {
  {
    std::lock_guard lock(mutex_);
    auto it = jobs_.find(id);
    if (it != jobs_.end()) return it->second->status;
  }
  if (journal_ == nullptr) return std::nullopt;
  try {
    return journal_->find(id);
  } catch (...) {
    return std::nullopt;
  }
}

bool JobRunner::cancel(const std::string& id) {
  std::optional<JobStatus> cancelled_now;
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
      cancelled_now = job.status;
    }
  }
  changed_.notify_all();
  if (cancelled_now) record(*cancelled_now);
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
