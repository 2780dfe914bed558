list(APPEND EMBARGO_SOURCES
  src/match/flat_multimap.cc
  src/match/index.cc
  src/match/index_snapshot.cc
  src/match/workspace.cc
  src/match/name_matcher.cc
  src/match/bracket_parts.cc
  src/match/derived_names.cc
  src/match/candidates.cc
  src/match/evidence.cc
  src/match/vessel_history.cc
  src/match/screener.cc
  src/match/snapshot.cc
  src/match/match_json.cc)
