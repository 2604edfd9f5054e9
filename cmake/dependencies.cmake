# Every third-party library comes from a Debian package installed by scripts/setup.sh, and each
# one found here is linked by some target (no REQUIRED dependency that nothing uses).
find_package(PkgConfig REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(fmt 9 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
# Debian ships a find-module (not a config file) for GeographicLib.
list(APPEND CMAKE_MODULE_PATH /usr/share/cmake/geographiclib)
find_package(GeographicLib 2.1 REQUIRED)
add_library(guarantor_geographiclib INTERFACE)
target_include_directories(guarantor_geographiclib INTERFACE ${GeographicLib_INCLUDE_DIRS})
target_link_libraries(guarantor_geographiclib INTERFACE ${GeographicLib_LIBRARIES})
pkg_check_modules(CBC REQUIRED IMPORTED_TARGET cbc>=2.10)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
# SHA-256 of the evidence log and input files (core/sha256.cpp): OpenSSL's uses the CPU's SHA extensions.
find_package(OpenSSL 3.0 REQUIRED COMPONENTS Crypto)
find_package(SQLite3 3.40 REQUIRED)
# The PostgreSQL back end of the workspace store (Debian libpqxx-dev, on libpq).
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx>=6.4)
# Debian builds cpp-httplib as a library with OpenSSL (TLS), zlib and brotli support.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
# Spreadsheet exports of the workspace (Debian libxlsxwriter-dev).
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter>=1.1)
# The pages' files are gzip-compressed once per process and kept (src/server/asset_reply.cpp).
find_package(ZLIB 1.2.11 REQUIRED)
find_package(Threads REQUIRED)
if(GUARANTOR_BUILD_TESTS)
  find_package(GTest 1.12 REQUIRED)
  # Boost.Geometry is the independent oracle of the polygon tests (tests/unit/geo) only.
  find_package(Boost 1.74 REQUIRED)
endif()
if(GUARANTOR_BUILD_BENCH)
  find_package(benchmark 1.7 REQUIRED)
endif()
