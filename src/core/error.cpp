#include "guarantor/core/error.hpp"

#include <fmt/format.h>

#include "guarantor/core/printable.hpp"

namespace guarantor {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::Ok: return "ok";
    case ErrorCode::Internal: return "internal";
    case ErrorCode::Usage: return "usage";
    case ErrorCode::FileNotFound: return "file-not-found";
    case ErrorCode::Syntax: return "syntax";
    case ErrorCode::Schema: return "schema";
    case ErrorCode::Reference: return "reference";
    case ErrorCode::Consistency: return "consistency";
    case ErrorCode::OutputFailed: return "output-failed";
    case ErrorCode::Tampered: return "tampered";
    case ErrorCode::Solver: return "solver";
  }
  return "unknown";
}

std::string Diagnostic::to_string() const {
  // Locations and messages quote file names and values read from input: both are made safe to
  // print here, once, for every front end; a message is cut rather than flood the terminal.
  const std::string body =
      message.size() > MAX_PRINTED_MESSAGE ? excerpt(message, MAX_PRINTED_MESSAGE) : printable(message);
  return where.empty() ? body : fmt::format("{}: {}", excerpt(where, 300), body);
}

namespace {
std::string summarise(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "no diagnostics";
  std::string text = diagnostics.front().to_string();
  if (diagnostics.size() > 1) text += fmt::format(" (and {} more)", diagnostics.size() - 1);
  return text;
}
}  // namespace

Error::Error(ErrorCode code, std::string where, std::string message)
    : Error(std::vector<Diagnostic>{Diagnostic{code, std::move(where), std::move(message)}}) {}

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summarise(diagnostics)), diagnostics_(std::move(diagnostics)) {
  GUARANTOR_ASSERT(!diagnostics_.empty(), "an Error carries at least one diagnostic");
}

void DiagnosticSink::add(ErrorCode code, std::string where, std::string message) {
  diagnostics_.push_back(Diagnostic{code, std::move(where), std::move(message)});
}

void DiagnosticSink::throw_if_any() const {
  if (!diagnostics_.empty()) throw Error(diagnostics_);
}

namespace detail {
void assertion_failed(const char* expr, const char* why, const char* file, int line) {
  throw std::logic_error(fmt::format("internal error at {}:{}: {} ({})", file, line, why, expr));
}
}  // namespace detail

}  // namespace guarantor
