// Background jobs as rows of job: the server's job runner records each change of a job's state,
// so a job outlives the process that ran it. A row keeps the job's answer as JSON; state and
// revision are columns so a restart can find unfinished jobs and a late write cannot roll a
// row back.
#include "guarantor/store/workspace.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store {

namespace {
using nlohmann::json;
// What the interruption note says; the API documents the state (docs/workspace.md).
constexpr const char* INTERRUPTED_NOTE = "the server stopped while the job waited or ran; nothing was stored; start it again";
}  // namespace

void Workspace::record_job(const json& status) {
  impl_->writes.run([&](db::Connection& connection) {
    connection
        .prepare(
            "INSERT INTO job (id, kind, state, revision, status_json, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
            "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, state = excluded.state, revision = "
            "excluded.revision, "
            "status_json = excluded.status_json, updated_at = excluded.updated_at WHERE job.revision < "
            "excluded.revision")
        .bind(1, status.at("id").get<std::string>())
        .bind(2, status.at("kind").get<std::string>())
        .bind(3, status.at("state").get<std::string>())
        .bind(4, status.at("revision").get<std::int64_t>())
        .bind(5, status.dump())
        .bind(6, impl_->clock())
        .run();
  });
}

std::optional<json> Workspace::job_record(const std::string& id) const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare("SELECT status_json FROM job WHERE id = ?1");
  select.bind(1, id);
  if (!select.step()) return std::nullopt;
  return json::parse(select.text(0));
}

int Workspace::interrupt_unfinished_jobs() {
  // In the write groups like every other job row: a start that finds jobs to mark waits for no
  // lock of its own and joins the writes already queued.
  return impl_->grouped_write<int>([&](db::Connection& connection) -> int {
    std::vector<json> unfinished;
    {
      auto select = connection.prepare("SELECT status_json FROM job WHERE state IN ('queued', 'running') ORDER BY id");
      while (select.step()) unfinished.push_back(json::parse(select.text(0)));
    }
    const std::string at = impl_->clock();
    for (auto& status : unfinished) {
      status["state"] = "interrupted";
      status["finished_at"] = at;
      status["error"] = INTERRUPTED_NOTE;
      status["revision"] = status.value("revision", std::int64_t{0}) + 1;
      connection
          .prepare(
              "UPDATE job SET state = 'interrupted', revision = ?1, status_json = ?2, updated_at = ?3 WHERE id = ?4")
          .bind(1, status["revision"].get<std::int64_t>())
          .bind(2, status.dump())
          .bind(3, at)
          .bind(4, status["id"].get<std::string>())
          .run();
    }
    return static_cast<int>(unfinished.size());
  });
}

}  // namespace guarantor::store
