#pragma once
// Findings handed on a block of incidents at a time, as they are judged, so that a run's outputs
// (the evidence log, findings.json, incidents.geojson, the page) are written while it runs and
// a million findings need not all be held at once.
#include <cstddef>
#include <vector>

#include "guarantor/verify/judge.hpp"

namespace guarantor::verify {

struct VerifyResult;

/// Takes the findings of consecutive blocks of incidents. Blocks come in incident order (the
/// order of each incident's earliest report: time order), each block's findings in incident then
/// provision order, exactly the order of VerifyResult::findings. When a block is handed on,
/// `result` holds the reports, the incidents, their grades and the merges; its findings and log
/// head are not final yet.
class FindingSink {
public:
  virtual ~FindingSink() = default;
  /// The findings concerning incidents [first, last); valid during the call only.
  virtual void add(const VerifyResult& result, std::size_t first, std::size_t last,
                   const std::vector<Finding>& findings) = 0;
};

/// Hands each block to several sinks, in the order given.
class FindingSinks final : public FindingSink {
public:
  explicit FindingSinks(std::vector<FindingSink*> sinks) : sinks_(std::move(sinks)) {}
  void add(const VerifyResult& result, std::size_t first, std::size_t last, const std::vector<Finding>& findings) override {
    for (FindingSink* sink : sinks_) sink->add(result, first, last, findings);
  }

private:
  std::vector<FindingSink*> sinks_;
};

/// How a run hands on its findings.
struct FindingStream {
  FindingSink* sink = nullptr;  ///< told each block as it is judged; null: none
  /// Keep every finding in VerifyResult::findings as well (replay, the server, tests); false for
  /// a run whose outputs are all written from `sink` (memory then holds one block's findings).
  bool keep_findings = true;
  /// Incidents judged per block: enough that the threads writing the log and the outputs have
  /// work, few enough that a block's findings are a few MiB.
  std::size_t block_incidents = 8192;
};

}  // namespace guarantor::verify
