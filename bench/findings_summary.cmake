# findings_summary: the monitoring page's summary of a 100,000-incident findings version under the
# page's usual filters, against a plain recount by text in the same process.
if(TARGET guarantor::server)
  add_executable(findings_summary ${CMAKE_CURRENT_LIST_DIR}/findings_summary.cpp)
  target_include_directories(findings_summary PRIVATE ${CMAKE_SOURCE_DIR}/src/server ${CMAKE_CURRENT_SOURCE_DIR}/support)
  target_link_libraries(findings_summary PRIVATE guarantor_options guarantor::server fmt::fmt)
endif()
