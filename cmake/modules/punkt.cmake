# Punkt English model: index the embedded data files at build time
# (src/tools/punkt_gen.c -> punkt_tables.c, binary-searchable const tables).
set(_ifr_punkt_dir "${CMAKE_CURRENT_SOURCE_DIR}/data/embed/punkt")
set(_ifr_punkt_in
  "${_ifr_punkt_dir}/abbrev_types.txt"
  "${_ifr_punkt_dir}/sentence_starters.txt"
  "${_ifr_punkt_dir}/ortho_context.tab"
  "${_ifr_punkt_dir}/collocations.tab")
# The embedding rule in CMakeLists.txt writes into build/data/ without creating it.
file(MAKE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/data")
set(_ifr_punkt_out "${CMAKE_CURRENT_BINARY_DIR}/generated/punkt_tables.c")
add_executable(ifr_punkt_gen "${CMAKE_CURRENT_SOURCE_DIR}/src/tools/punkt_gen.c")
add_custom_command(OUTPUT "${_ifr_punkt_out}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/generated"
  COMMAND ifr_punkt_gen ${_ifr_punkt_in} "${_ifr_punkt_out}"
  DEPENDS ifr_punkt_gen ${_ifr_punkt_in}
  COMMENT "Indexing the Punkt model"
  VERBATIM)
list(APPEND IFR_GENERATED_SOURCES "${_ifr_punkt_out}")
