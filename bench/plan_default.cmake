# The default scenario through every planner stage: wall time, peak RSS and each stage's gap.
if(TARGET guarantor::planner AND TARGET guarantor::io)
  add_executable(bench_plan_default ${CMAKE_CURRENT_LIST_DIR}/plan_default.cpp)
  target_link_libraries(bench_plan_default PRIVATE guarantor_options guarantor::planner guarantor::io fmt::fmt)
  target_compile_definitions(bench_plan_default PRIVATE
    GUARANTOR_BENCH_SCENARIO="${GUARANTOR_DATA_DIR}/default/scenario.json"
    GUARANTOR_BENCH_PLANNING="${GUARANTOR_DATA_DIR}/planning"
    GUARANTOR_BENCH_ASSETS="${GUARANTOR_ASSET_DIR}")
endif()
