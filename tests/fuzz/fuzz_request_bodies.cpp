// Fuzz target: arbitrary bytes as the body of a workspace API request. The bytes go through the
// server's decoders in order — the JSON parse (size and nesting bounds), then the pledge,
// nation and requirement-line decoders and the reference checks against a small scenario. The
// only acceptable outcomes are a record or guarantor::Error; and a record that decodes must
// encode and decode back to itself (what the store writes is what it read).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "guarantor/core/error.hpp"
#include "guarantor/io/record_codec.hpp"

namespace {

// A scenario with one nation, so reference checks take both the found and the missing branch.
const guarantor::model::Scenario& scenario() {
  static const guarantor::model::Scenario value = [] {
    guarantor::model::Scenario made;
    guarantor::model::Nation nation;
    nation.iso2 = "FR";
    nation.name = "France";
    made.coalition.nations.push_back(nation);
    return made;
  }();
  return value;
}

template <typename Decode, typename Encode>
void round_trip(const nlohmann::json& body, Decode decode, Encode encode) {
  try {
    const auto record = decode(body, "request body");
    const nlohmann::json encoded = encode(record);
    if (encode(decode(encoded, "re-encoded")) != encoded) std::abort();  // a record changed on its way through
  } catch (const guarantor::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace guarantor::io;
  nlohmann::json body;
  try {
    body = parse_json_document(std::string(reinterpret_cast<const char*>(data), size), "request body");
  } catch (const guarantor::Error&) {
    return 0;
  }
  round_trip(body, decode_pledge, encode_pledge);
  round_trip(body, decode_nation, encode_nation);
  round_trip(body, decode_requirement_line, encode_requirement_line);
  try {
    check_pledge(scenario(), decode_pledge(body, "request body"), "request body");
  } catch (const guarantor::Error&) {
  }
  try {
    check_requirement_line(scenario(), decode_requirement_line(body, "request body"), "request body");
  } catch (const guarantor::Error&) {
  }
  return 0;
}
