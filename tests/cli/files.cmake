list(APPEND EMBARGO_TEST_SOURCES tests/cli/cli_test.cc tests/cli/output_test.cc
  tests/cli/screen_batch_test.cc tests/cli/customers_import_test.cc tests/cli/korean_bank_test.cc
  tests/cli/payment_cases_command_test.cc tests/cli/text_columns_test.cc
  tests/cli/alerts_command_test.cc tests/cli/certificate_test.cc tests/cli/screenings_command_test.cc
  tests/cli/open_screener_test.cc)
