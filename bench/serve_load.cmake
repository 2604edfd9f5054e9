# Load on `guarantor serve` from a separate process: 200 clients, 80 % reads / 20 % writes,
# p50/p99 latency and errors, on SQLite or PostgreSQL (--db URL); also cold start and idle RSS.
if(TARGET guarantor::store AND TARGET guarantor)
  add_executable(bench_serve_load ${CMAKE_CURRENT_LIST_DIR}/serve_load.cpp ${CMAKE_CURRENT_LIST_DIR}/serve_load_clients.cpp)
  target_link_libraries(bench_serve_load PRIVATE guarantor_options guarantor::store fmt::fmt Threads::Threads)
  target_compile_definitions(bench_serve_load PRIVATE
    GUARANTOR_BENCH_CLI="$<TARGET_FILE:guarantor>"
    GUARANTOR_BENCH_SCENARIO="${GUARANTOR_DATA_DIR}/default/scenario.json"
    GUARANTOR_BENCH_ASSETS="${GUARANTOR_ASSET_DIR}")
  add_dependencies(bench_serve_load guarantor)
endif()
