# orlib_solvers: the planner's optimisation cores on OR-Library / SJC instances against CBC (or
# HiGHS) on the textbook MILP, each result verified before its time counts.
if(NOT TARGET guarantor_orlib)
  add_subdirectory(${CMAKE_SOURCE_DIR}/tests/support/orlib ${CMAKE_BINARY_DIR}/tests/support/orlib)
endif()
if(NOT TARGET guarantor_highs_milp)
  add_subdirectory(${CMAKE_SOURCE_DIR}/tests/support/highs ${CMAKE_BINARY_DIR}/tests/support/highs)
endif()
add_executable(orlib_solvers ${CMAKE_CURRENT_SOURCE_DIR}/orlib_solvers.cpp)
target_link_libraries(orlib_solvers PRIVATE guarantor_options guarantor::plan guarantor_orlib guarantor_highs_milp fmt::fmt
                                            nlohmann_json::nlohmann_json CLI11::CLI11)
target_compile_definitions(orlib_solvers PRIVATE
  GUARANTOR_BENCH_SHARED_DATA_DIR="${GUARANTOR_SHARED_DATA_DIR}"
  GUARANTOR_BENCH_BEST_KNOWN="${CMAKE_CURRENT_SOURCE_DIR}/best_known.json")
