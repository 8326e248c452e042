# The hostile-file corpus (docs/reliability.md, "Hostile files"): one ctest per case, each building its own hostile
# data folder at test time (FIFOs, links, owners and modes cannot live in git). Included from tests/CMakeLists.txt.
set(HOSTILE_DIR ${CMAKE_CURRENT_LIST_DIR})
set(HOSTILE_CASES fifo-result fifo-named-files fifo-everywhere-doctor symlink-results-folder symlink-result-file
  loose-data-folder loose-results-folder foreign-owner loose-file-modes temp-leftovers index-17mib
  export-file-size-limit export-is-data long-title-result many-options deep-nesting)
foreach(case ${HOSTILE_CASES})
  add_test(NAME cli.hostile.${case}
    COMMAND ${HOSTILE_DIR}/run_case.sh ${REKINDLE_EXE} ${CMAKE_CURRENT_SOURCE_DIR}/fixtures ${case})
  set_tests_properties(cli.hostile.${case} PROPERTIES TIMEOUT 300)
endforeach()
# Through the window with the scripted driver (test hooks only): the case starts xvfb-run itself (77 = skipped).
if(REKINDLE_TEST_HOOKS)
  add_test(NAME gui.hostile.fifo-and-link-config
    COMMAND ${HOSTILE_DIR}/run_case.sh ${REKINDLE_EXE} ${CMAKE_CURRENT_SOURCE_DIR}/fixtures gui-fifo-and-link-config)
  set_tests_properties(gui.hostile.fifo-and-link-config PROPERTIES SKIP_RETURN_CODE 77 RESOURCE_LOCK display TIMEOUT 300)
  add_test(NAME gui.hostile.long-text
    COMMAND ${HOSTILE_DIR}/run_case.sh ${REKINDLE_EXE} ${CMAKE_CURRENT_SOURCE_DIR}/fixtures gui-long-text)
  set_tests_properties(gui.hostile.long-text PROPERTIES SKIP_RETURN_CODE 77 RESOURCE_LOCK display TIMEOUT 300)
  add_test(NAME gui.hostile.deep-nesting
    COMMAND ${HOSTILE_DIR}/run_case.sh ${REKINDLE_EXE} ${CMAKE_CURRENT_SOURCE_DIR}/fixtures gui-deep-nesting)
  set_tests_properties(gui.hostile.deep-nesting PROPERTIES SKIP_RETURN_CODE 77 RESOURCE_LOCK display TIMEOUT 300)
endif()
