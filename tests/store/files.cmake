list(APPEND EMBARGO_TEST_SOURCES tests/store/entity_diff_test.cc tests/store/test_store.cc
  tests/store/database_test.cc tests/store/audit_test.cc tests/store/audit_key_test.cc
  tests/store/audit_verify_test.cc tests/store/audit_command_test.cc tests/store/versions_test.cc
  tests/store/rescreen_test.cc tests/store/crash_test.cc tests/store/update_test.cc
  tests/store/shrink_guard_test.cc tests/store/payment_cases_test.cc tests/store/four_eyes_test.cc
  tests/store/entity_history_test.cc tests/store/screenings_test.cc tests/store/alert_assignment_test.cc
  tests/store/screening_certificate_test.cc)
include(tests/store/fetch.cmake)
