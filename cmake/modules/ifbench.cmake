# IFBench: C tables for the POS tagger behind words:start_verb, generated from
# data/ifbench/tagger_* (provenance in data/SOURCES.md).
add_executable(ifr_ifb_tagger_gen "${CMAKE_CURRENT_SOURCE_DIR}/src/tools/ifb_tagger_gen.c")
set(_ifb_data "${CMAKE_CURRENT_SOURCE_DIR}/data/ifbench")
set(_ifb_out "${CMAKE_CURRENT_BINARY_DIR}/generated/ifbench_tagger_tables.c")
add_custom_command(OUTPUT "${_ifb_out}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/generated"
  COMMAND ifr_ifb_tagger_gen "${_ifb_data}/tagger_classes.txt"
          "${_ifb_data}/tagger_tagdict.tsv" "${_ifb_data}/tagger_first_token_weights.tsv"
          "${_ifb_out}"
  DEPENDS ifr_ifb_tagger_gen "${_ifb_data}/tagger_classes.txt"
          "${_ifb_data}/tagger_tagdict.tsv" "${_ifb_data}/tagger_first_token_weights.tsv"
  COMMENT "Generating IFBench tagger tables" VERBATIM)
list(APPEND IFR_GENERATED_SOURCES "${_ifb_out}")
