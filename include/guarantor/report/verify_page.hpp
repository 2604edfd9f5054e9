#pragma once
// The verifier's monitoring page: one offline HTML file (no network) with the theatre map
// (borders, oblasts, occupied area, line of contact) and the incidents on it, or cells with
// counts beyond a few thousand incidents; filters by provision, party, grade and outcome; a
// timeline per provision and party with the gaps between periods; findings per provision; and
// a drill-down to each incident's reports and sources. Printable. Every string from the reports
// is hostile input: text is set as text, the data block is script-safe JSON.
#include <iosfwd>
#include <memory>
#include <vector>

#include "guarantor/model/theatre.hpp"
#include "guarantor/verify/finding_sink.hpp"
#include "guarantor/verify/pipeline.hpp"

namespace guarantor::report {

struct VerifyPageOptions {
  /// Theatre whose countries, oblasts and dated areas are drawn under the incidents; null: none.
  const model::Theatre* theatre = nullptr;
  /// The run's occupied area (--line-of-contact); its boundary is drawn as the line of contact.
  const geo::MultiPolygon* occupied_area = nullptr;
  std::string occupied_area_source;  ///< named on the page
};

/// Writes the page for one verifier run (that kept its findings) to `out`.
void write_verify_page(const verify::VerifyResult& result, std::ostream& out, const VerifyPageOptions& options = {});

namespace detail {
class VerifyPageData;
}

/// The same page gathered while the run judges (verify::FindingStream::sink): it keeps the
/// page's counts and the findings of the incidents it may list, never every finding.
class VerifyPageStream final : public verify::FindingSink {
public:
  VerifyPageStream();
  ~VerifyPageStream() override;
  VerifyPageStream(const VerifyPageStream&) = delete;
  VerifyPageStream& operator=(const VerifyPageStream&) = delete;
  void add(const verify::VerifyResult& result, std::size_t first, std::size_t last,
           const std::vector<verify::Finding>& findings) override;
  /// Writes the page of the finished run: byte for byte what write_verify_page writes.
  void write(const verify::VerifyResult& result, std::ostream& out, const VerifyPageOptions& options = {}) const;

private:
  std::unique_ptr<detail::VerifyPageData> data_;
};

}  // namespace guarantor::report
