list(APPEND EMBARGO_TEST_SOURCES tests/match/screener_test.cc tests/match/bracket_parts_test.cc tests/match/score_deck_test.cc
  tests/match/index_snapshot_test.cc tests/match/flat_multimap_test.cc
  tests/match/vessel_history_test.cc tests/match/match_json_test.cc
  tests/match/candidates_test.cc tests/match/binary_io_test.cc tests/match/evidence_test.cc)
