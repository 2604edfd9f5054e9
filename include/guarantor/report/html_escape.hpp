#pragma once
// The report module's names for the project's one HTML escaper, which lives in io so the
// verifier's page (a module below report) uses the same code.
#include "guarantor/io/html_escape.hpp"

namespace guarantor::report {

using io::escape_html;
using io::script_safe_json;
using io::script_safe_source;

}  // namespace guarantor::report
