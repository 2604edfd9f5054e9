# Fuzz targets of the verifier: one per report adapter, and the evidence-log audit.
foreach(target guarantor_csv guarantor_json acled ucdp viina audit mapping log_append)
  guarantor_add_fuzzer(fuzz_verify_${target} SOURCES fuzz_verify_${target}.cpp DEPENDS guarantor::verify)
  add_dependencies(fuzzers fuzz_verify_${target})
endforeach()
