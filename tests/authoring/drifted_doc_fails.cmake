# Copies the authoring guide with one stated number changed (Drift 62.5 -> 64.5) and expects the worked-example
# check to fail on it: proves the check reads the doc's numbers rather than passing on anything.
# cmake -DDOC=authoring.md -DOUT=copy.md -DEXE=rekindle -DSRC=repo -P drifted_doc_fails.cmake
file(READ ${DOC} text)
string(FIND "${text}" "| `distance` | 6.25 | 10 | 62.5 | Drifting |" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the Drift row this test changes is no longer in ${DOC}; update the test with the doc")
endif()
string(REPLACE "| `distance` | 6.25 | 10 | 62.5 | Drifting |" "| `distance` | 6.25 | 10 | 64.5 | Drifting |" text "${text}")
file(WRITE ${OUT} "${text}")
execute_process(COMMAND python3 ${SRC}/tests/authoring/check_worked_example.py ${OUT} ${EXE}
  ${SRC}/docs/examples/friendship-drift.json ${SRC}/docs/examples/answers/friendship-drift-worked.json
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "the check passed a doc that states a wrong percent:\n${out}")
endif()
string(FIND "${out}" "distance: percent: the doc says 64.5, rekindle score says 62.5" found)
if(found EQUAL -1)
  message(FATAL_ERROR "the check failed, but not on the changed number:\n${out}${err}")
endif()
message(STATUS "the check caught the drift: ${out}")
