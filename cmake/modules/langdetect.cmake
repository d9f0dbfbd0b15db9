# langdetect 1.0.9 tables (src/nlp/langdetect_data.h), generated at build time
# by src/tools/ldgen.c from the profiles and messages kept in data/langdetect/.
add_executable(ifr_ldgen "${CMAKE_CURRENT_SOURCE_DIR}/src/tools/ldgen.c"
               "${CMAKE_CURRENT_SOURCE_DIR}/src/nlp/pyrandom.c")
target_include_directories(ifr_ldgen PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/src")
target_compile_options(ifr_ldgen PRIVATE ${IFR_WARNINGS})
target_link_libraries(ifr_ldgen PRIVATE PkgConfig::JANSSON m)

set(_ld_dir "${CMAKE_CURRENT_SOURCE_DIR}/data/langdetect")
file(STRINGS "${_ld_dir}/languages.txt" _ld_langs REGEX "^[^#]")
set(_ld_profiles)
foreach(l ${_ld_langs})
  list(APPEND _ld_profiles "${_ld_dir}/profiles/${l}")
endforeach()
set(_ld_out "${CMAKE_CURRENT_BINARY_DIR}/generated/langdetect_data.c")
add_custom_command(OUTPUT "${_ld_out}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/generated"
  COMMAND ifr_ldgen "${_ld_out}" "${_ld_dir}/messages.properties"
          "${_ld_dir}/languages.txt" "${_ld_dir}/profiles"
  DEPENDS ifr_ldgen "${_ld_dir}/messages.properties" "${_ld_dir}/languages.txt"
          ${_ld_profiles}
  COMMENT "Generating langdetect tables"
  VERBATIM)
list(APPEND IFR_GENERATED_SOURCES "${_ld_out}")

# Bit-identical floating point with CPython: no contraction of a*b+c into FMA
# (this also holds in langdetect.c's AVX2 and AVX-512 variants of the trials,
# which are compiled from the same file with target attributes), and no fusion
# of gauss()'s cos() and sin() calls into one sincos() call (Python calls
# libm's cos and sin separately).
set(_ld_fp_flags)
if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
  set(_ld_fp_flags -ffp-contract=off -fno-builtin-sin -fno-builtin-cos)
endif()
set_source_files_properties(
  "${CMAKE_CURRENT_SOURCE_DIR}/src/nlp/langdetect.c"
  "${CMAKE_CURRENT_SOURCE_DIR}/src/nlp/pyrandom.c"
  PROPERTIES COMPILE_OPTIONS "${_ld_fp_flags}")
