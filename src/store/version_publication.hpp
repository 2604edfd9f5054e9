#pragma once
// Publishing a stored plan or findings version: the one act that may change such a row after it
// was written, the same for both kinds.
#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/store/records.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store::detail {

/// Publishes version `id` of `table` (plan_version or findings_version) once, as `actor`, in the
/// next write group: sets published_at/by and appends the act to the history with
/// `shown(version)` (what the history keeps of the version: a plan's headline, a findings
/// version's summary). Throws NotFound for an unknown id and Error (Consistency) for a version
/// already published. `read_version(connection, id)` reads the row as an optional Version.
template <typename Version, typename ReadVersion, typename Shown>
Version publish_version(Workspace::Impl& impl, const char* table, std::int64_t id, const std::string& actor,
                        const ReadVersion& read_version, const Shown& shown) {
  // A publication is a small row update and joins the write groups; storing a version (its
  // document runs to megabytes) is written alone.
  return impl.grouped_write<Version>([&](db::Connection& connection) -> Version {
    std::optional<Version> version = read_version(connection, id);
    if (!version) throw NotFound(table, std::to_string(id));
    if (version->published()) {
      std::string kind = table;
      std::replace(kind.begin(), kind.end(), '_', ' ');
      throw Error(ErrorCode::Consistency, fmt::format("{} {}", kind, id),
                  fmt::format("already published by {} at {}", version->published_by, version->published_at));
    }
    version->published_at = impl.clock();
    version->published_by = actor;
    connection.prepare(fmt::format("UPDATE {} SET published_at = ?1, published_by = ?2 WHERE id = ?3", table))
        .bind(1, version->published_at)
        .bind(2, actor)
        .bind(3, id)
        .run();
    nlohmann::json after = shown(*version);
    after["published"] = true;
    append_history(connection, version->published_at, actor, "publish", table, std::to_string(id),
                   {{"published", false}}, after);
    return *version;
  });
}

}  // namespace guarantor::store::detail
