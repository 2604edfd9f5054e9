# Writes a C++ source defining one std::string_view per page template, so the binary carries its
# own page code and needs only the npm libraries at run time. Run with
#   cmake -DOUTPUT=<file.cpp> -DASSETS="NAME=path;NAME=path" -P embed_assets.cmake
set(content "// Generated from src/report/assets by embed_assets.cmake; edit the assets, not this file.\n")
string(APPEND content "#include \"page_templates.hpp\"\n\nnamespace guarantor::report::detail {\n")
foreach(pair IN LISTS ASSETS)
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 name)
  list(GET parts 1 path)
  file(READ "${path}" text)
  string(FIND "${text}" ")GUARANTOR_ASSET\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} contains the raw-string delimiter )GUARANTOR_ASSET\"")
  endif()
  string(APPEND content "extern const std::string_view ${name} = R\"GUARANTOR_ASSET(${text})GUARANTOR_ASSET\";\n")
endforeach()
string(APPEND content "}  // namespace guarantor::report::detail\n")
file(WRITE "${OUTPUT}.tmp" "${content}")
# Only touch the output when it changed, so an unchanged asset does not trigger a rebuild.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
