# guarantor_options carries the language level and warnings every target builds with.
add_library(guarantor_options INTERFACE)
target_compile_features(guarantor_options INTERFACE cxx_std_20)
target_compile_options(guarantor_options INTERFACE -Wall -Wextra -Wpedantic -Werror)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # g++ 12 at -O2/-O3 reports -Wrestrict on std::string concatenation inside libstdc++ itself,
  # a known false positive (GCC bug 105329, fixed in 13).
  target_compile_options(guarantor_options INTERFACE -Wno-restrict)
endif()
if(GUARANTOR_SANITIZE)
  target_compile_options(guarantor_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                     -fno-sanitize-recover=undefined)
  target_link_options(guarantor_options INTERFACE -fsanitize=address,undefined)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # With the sanitizers' instrumentation g++ 12 reports -Wmaybe-uninitialized inside
    # libstdc++'s own <regex> automaton (std::function moved in _State); the optimised builds,
    # which keep the warning, see no such read.
    target_compile_options(guarantor_options INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()
if(GUARANTOR_FUZZ)
  target_compile_options(guarantor_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
  target_link_options(guarantor_options INTERFACE -fsanitize=address,undefined)
endif()

# guarantor_add_module(NAME SOURCES ... DEPENDS ...) declares the library target for one module
# (src/<name>), its public include directory and an alias guarantor::<name>.
function(guarantor_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
  add_library(guarantor_${name} STATIC ${ARG_SOURCES})
  add_library(guarantor::${name} ALIAS guarantor_${name})
  target_include_directories(guarantor_${name} PUBLIC ${CMAKE_SOURCE_DIR}/include)
  target_link_libraries(guarantor_${name} PUBLIC guarantor_options ${ARG_DEPENDS} PRIVATE ${ARG_PRIVATE_DEPENDS})
endfunction()

# guarantor_unity_leaf(TARGET) compiles a leaf target (a test binary, the CLI) in batches of
# GUARANTOR_UNITY_BATCH_SIZE sources when GUARANTOR_UNITY_LEAVES is on (see CMakeLists.txt). Only
# leaves: the libraries' files keep file-local helpers of the same names, which one batch would
# clash. A leaf's files must therefore not define the same file-local name twice.
function(guarantor_unity_leaf target)
  if(GUARANTOR_UNITY_LEAVES)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${GUARANTOR_UNITY_BATCH_SIZE})
  endif()
endfunction()

# guarantor_add_test(NAME SOURCES ... DEPENDS ... [LABELS ...] [BROWSER_FILTER pattern]
#                    [ONE_PROCESS | ONE_PROCESS_PER_BACKEND] [SEPARATE_SOURCES])
# builds one GoogleTest binary and registers its cases with ctest (label `fast` unless LABELS says
# otherwise). Its sources are compiled in batches (guarantor_unity_leaf) unless SEPARATE_SOURCES
# says they reuse file-local names and must stay one translation unit each. ONE_PROCESS registers
# the binary as a single ctest test instead of one per case: for suites whose shared fixture
# (SetUpTestSuite) is expensive, such as planning the default scenario, which ctest would otherwise
# recompute in every case's own process. ONE_PROCESS_PER_BACKEND does
# the same once per workspace back end (NAME.postgresql runs the cases instantiated on PostgreSQL,
# NAME.sqlite all the others), so the two run side by side and each seeds its workspace once.
function(guarantor_add_test name)
  cmake_parse_arguments(ARG "ONE_PROCESS;ONE_PROCESS_PER_BACKEND;SEPARATE_SOURCES" "BROWSER_FILTER" "SOURCES;DEPENDS;LABELS"
                        ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  if(NOT ARG_SEPARATE_SOURCES)
    guarantor_unity_leaf(${name})
  endif()
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests/support)
  target_link_libraries(${name} PRIVATE guarantor_options ${ARG_DEPENDS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    GUARANTOR_TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/data"
    GUARANTOR_TEST_ASSET_DIR="${GUARANTOR_ASSET_DIR}"
    GUARANTOR_TEST_SHARED_DATA_DIR="${GUARANTOR_SHARED_DATA_DIR}"
    GUARANTOR_TEST_ORLIB_DIR="${CMAKE_SOURCE_DIR}/tests/data/orlib"
    GUARANTOR_TEST_REFERENCE_DIR="${CMAKE_SOURCE_DIR}/tests/data/reference"
    GUARANTOR_TEST_FIXTURES_DIR="${CMAKE_SOURCE_DIR}/tests/fixtures")
  if(NOT ARG_LABELS)
    set(ARG_LABELS fast)
  endif()
  if(ARG_ONE_PROCESS)
    add_test(NAME ${name} COMMAND ${name} --gtest_brief=1)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  elseif(ARG_ONE_PROCESS_PER_BACKEND)
    add_test(NAME ${name}.sqlite COMMAND ${name} --gtest_brief=1 "--gtest_filter=-*/postgresql")
    add_test(NAME ${name}.postgresql COMMAND ${name} --gtest_brief=1 "--gtest_filter=*/postgresql")
    # Every case of a back end in one process: more than the per-case limit under the sanitizers.
    set_tests_properties(${name}.sqlite ${name}.postgresql PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT 2400)
  elseif(ARG_BROWSER_FILTER)
    # Cases that drive a real browser (gtest filter pattern) carry the `browser` label, not the
    # binary's: they need Chromium and seconds each, so `ctest -L fast` stays quick.
    gtest_discover_tests(${name} TEST_FILTER "-${ARG_BROWSER_FILTER}" PROPERTIES LABELS "${ARG_LABELS}"
                         DISCOVERY_TIMEOUT 60)
    gtest_discover_tests(${name} TEST_FILTER "${ARG_BROWSER_FILTER}" PROPERTIES LABELS browser DISCOVERY_TIMEOUT 60)
  else()
    gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
