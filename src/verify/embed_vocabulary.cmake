# Writes a C++ source defining ENERGY_VOCABULARY_JSON, the text of the target vocabulary file, so
# the library carries its vocabulary and needs no data directory at run time. Run with
#   cmake -DINPUT=<energy_vocabulary.json> -DOUTPUT=<file.cpp> -P embed_vocabulary.cmake
file(READ "${INPUT}" text)
string(FIND "${text}" ")GUARANTOR_VOCAB\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )GUARANTOR_VOCAB\"")
endif()
set(content "// Generated from data/verify/energy_vocabulary.json by embed_vocabulary.cmake; edit the data file.\n")
string(APPEND content "#include <string_view>\n\nnamespace guarantor::verify::detail {\n")
string(APPEND content "extern const std::string_view ENERGY_VOCABULARY_JSON;\n")
string(APPEND content "const std::string_view ENERGY_VOCABULARY_JSON = R\"GUARANTOR_VOCAB(${text})GUARANTOR_VOCAB\";\n")
string(APPEND content "}  // namespace guarantor::verify::detail\n")
file(WRITE "${OUTPUT}.tmp" "${content}")
# Only touch the output when it changed, so an unchanged file does not trigger a rebuild.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
