# load_scenario: time and peak memory to load and validate the default scenario, against a
# baseline that only reads and parses the same bytes.
add_executable(load_scenario ${CMAKE_CURRENT_SOURCE_DIR}/load_scenario.cpp)
target_link_libraries(load_scenario PRIVATE guarantor_options guarantor::io fmt::fmt nlohmann_json::nlohmann_json)
target_include_directories(load_scenario PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/support)
target_compile_definitions(load_scenario PRIVATE
  GUARANTOR_BENCH_DEFAULT_SCENARIO="${GUARANTOR_DATA_DIR}/default/scenario.json"
  GUARANTOR_BENCH_ASSET_DIR="${GUARANTOR_ASSET_DIR}")
