#pragma once
// Ceasefire monitoring in the workspace: incident report files a monitor ingested (kept byte for
// byte with their SHA-256), and findings versions made from them by verify jobs, each recording
// the hashes of its inputs and whether (and by whom) it was published.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace guarantor::store {

/// One ingested report file, without its content.
struct ReportFile {
  std::int64_t id = 0;
  std::string name;    ///< the file name the monitor gave (letters, digits, '.', '_', '-')
  std::string format;  ///< the adapter that reads it: guarantor_csv, guarantor_json, acled, ucdp
  std::string sha256;  ///< of the content as stored
  std::int64_t bytes = 0;
  int reports = 0;   ///< rows read as reports at upload
  int rejected = 0;  ///< rows rejected at upload (each named in the upload's answer)
  std::string uploaded_at;
  std::string uploaded_by;
};

struct FindingsVersion {
  std::int64_t id = 0;
  std::string created_at;
  std::string created_by;
  std::string job_id;
  /// report_files (id, name, sha256 each), agreement_sha256, source_registry_sha256, parameters_sha256
  nlohmann::json inputs;
  nlohmann::json summary;  ///< the run's counts: read, rejected, incidents, findings, violations, ...
  std::string published_at;  ///< empty while unpublished
  std::string published_by;
  [[nodiscard]] bool published() const { return !published_at.empty(); }
};

nlohmann::json encode_report_file(const ReportFile& file);
nlohmann::json encode_findings_version(const FindingsVersion& version);

}  // namespace guarantor::store
