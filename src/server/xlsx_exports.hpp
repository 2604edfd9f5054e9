#pragma once
// The XLSX export routes (xlsx_exports.cpp) and the pieces their two files share.
#include <functional>

#include "api.hpp"
#include "xlsx_workbook.hpp"

namespace guarantor::server {

/// A workbook as an attachment named `file`.xlsx (`file`-ILLUSTRATIVE.xlsx when illustrative,
/// with `note` in its properties and ILLUSTRATIVE at the head of every printed page); 500
/// `export_failed` when the library fails.
Reply xlsx_reply(const std::vector<XlsxSheet>& sheets, const std::string& title, const std::string& file, bool illustrative,
                 const std::string& note);

/// True when findings version `version` (as GET /api/v1/findings lists it) was judged with the
/// example agreement or graded with the example source registry (hashes from data/ at build time).
bool findings_illustrative(const json& version);

/// GET /api/v1/findings/{id}.xlsx, reading the version through `read` (a GET path as the caller).
Reply findings_workbook(Context& context, const std::function<json(const std::string&)>& read);

}  // namespace guarantor::server
