# check-headers: every public header compiles on its own (it includes what it uses) and twice in a
# row (it has its include guard). One generated translation unit per header, built only when the
# target is asked for (scripts/test.sh does), so ordinary builds do not pay for it. The glob is
# the point here: a header added later is checked without anyone listing it.
file(GLOB_RECURSE guarantor_public_headers CONFIGURE_DEPENDS
     RELATIVE ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/include/guarantor/*.hpp)
set(check_header_sources)
foreach(header IN LISTS guarantor_public_headers)
  string(MAKE_C_IDENTIFIER "${header}" stem)
  set(source ${CMAKE_BINARY_DIR}/check_headers/${stem}.cpp)
  file(CONFIGURE OUTPUT ${source} CONTENT "#include \"${header}\"\n#include \"${header}\"\n" @ONLY)
  list(APPEND check_header_sources ${source})
endforeach()
add_library(guarantor_check_headers OBJECT EXCLUDE_FROM_ALL ${check_header_sources})
# The language level and warnings every target builds with (an interface library: nothing to
# wait for); then each module's include paths, compile definitions and options, read through
# generator expressions that follow its public dependencies. Linking the modules instead would
# make the check wait until every library is compiled, although it needs none of their objects.
target_link_libraries(guarantor_check_headers PRIVATE guarantor_options)
foreach(module core geo model io force plan planner verify store report server)
  if(TARGET guarantor_${module})
    foreach(requirement INCLUDE_DIRECTORIES COMPILE_DEFINITIONS COMPILE_OPTIONS)
      set_property(TARGET guarantor_check_headers APPEND PROPERTY ${requirement}
                   "$<TARGET_PROPERTY:guarantor_${module},INTERFACE_${requirement}>")
    endforeach()
  endif()
endforeach()
add_custom_target(check-headers)
add_dependencies(check-headers guarantor_check_headers)
