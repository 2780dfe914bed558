list(APPEND EMBARGO_SOURCES src/store/entity_diff.cc src/store/database.cc
  src/store/sqlite_database.cc src/store/postgres_database.cc src/store/migrations.cc
  src/store/audit.cc src/store/audit_state.cc src/store/audit_key.cc src/store/audit_head.cc
  src/store/audit_verify.cc src/store/versions.cc src/store/crash_point.cc src/store/store.cc
  src/store/customers.cc src/store/alerts.cc src/store/alert_export.cc src/store/entity_history.cc src/store/four_eyes.cc src/store/rescreen.cc src/store/update.cc
  src/store/payment_cases.cc src/store/screenings.cc src/store/screening_record_of.cc src/store/screening_certificate.cc)
include(src/store/fetch.cmake)
