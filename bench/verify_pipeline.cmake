# verify_pipeline: 1,000,000 synthetic reports end to end (parse, geocode, cluster, grade, judge,
# log, the four outputs), blocked clustering against plain all-pairs clustering on a 20,000-report slice,
# and the former SHA-256 (libsodium, linked here for that baseline) against the current one on the log.
add_executable(verify_pipeline ${CMAKE_CURRENT_LIST_DIR}/verify_pipeline.cpp)
target_include_directories(verify_pipeline PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit/verify)
target_link_libraries(verify_pipeline PRIVATE guarantor_options guarantor::verify guarantor::report guarantor::io fmt::fmt
  PkgConfig::SODIUM)
target_compile_definitions(verify_pipeline PRIVATE GUARANTOR_BENCH_DATA_DIR="${CMAKE_SOURCE_DIR}/data")
